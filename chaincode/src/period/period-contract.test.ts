import { Users } from '../testing/identities';
import { cc, evaluate, Fixtures, submit, tx } from '../testing/scenario';
import { TestLedger } from '../testing/test-ledger';

const create = tx(cc.period, 'CreatePeriod');
const publish = tx(cc.period, 'PublishFactorSet');

describe('Period', () => {
  it('creates a period whose rules are all data', async () => {
    const ledger = new TestLedger();
    await submit(ledger, Users.regulator, create, { ...Fixtures.period2025, cap: '1000000' });
    const period = await evaluate(ledger, Users.operator1, tx(cc.period, 'GetPeriod'), '2025');
    expect(period).toMatchObject({
      year: 2025,
      cap: 1_000_000,
      offsetLimitBasisPoints: 500,
      materialityThresholdBasisPoints: 500, // the default
      penaltyPerTonne: 10_000,
      status: 'open',
      deadlines: { reportBy: '2026-03-31T23:59:59.000Z' },
      benchmarks: { 'coal-gt300': { id: 'coal-gt300', value: '0.877' } },
    });
    expect(ledger.lastEvent()?.name).toBe('PeriodCreated');
    await expect(submit(ledger, Users.regulator, create, Fixtures.period2025)).rejects.toThrow('CONFLICT');
    await submit(ledger, Users.regulator, create, {
      ...Fixtures.period2025,
      year: 2026,
      materialityThresholdBasisPoints: 200,
    });
    expect(await evaluate(ledger, Users.operator1, tx(cc.period, 'GetPeriod'), '2026')).toMatchObject({
      materialityThresholdBasisPoints: 200,
    });
  });

  it('reads a period stored without a materiality threshold with the default one', async () => {
    const ledger = new TestLedger();
    await submit(ledger, Users.regulator, create, Fixtures.period2025);
    // As CreatePeriod wrote it before the threshold was part of a period.
    await ledger.submit(Users.regulator, async (ctx) => {
      const key = ctx.stub.createCompositeKey('period', ['2025']);
      const stored = JSON.parse(Buffer.from(await ctx.stub.getState(key)).toString('utf8')) as Record<
        string,
        unknown
      >;
      delete stored.materialityThresholdBasisPoints;
      await ctx.stub.putState(key, Buffer.from(JSON.stringify(stored)));
    });
    expect(await evaluate(ledger, Users.operator1, tx(cc.period, 'GetPeriod'), '2025')).toMatchObject({
      materialityThresholdBasisPoints: 500,
    });
  });

  it('validates deadlines, shares and numbers', async () => {
    const ledger = new TestLedger();
    const bad = [
      { ...Fixtures.period2025, deadlines: { ...Fixtures.period2025.deadlines, reportBy: '2026-12-31' } },
      { ...Fixtures.period2025, offsetLimitBasisPoints: 10_001 },
      { ...Fixtures.period2025, materialityThresholdBasisPoints: 10_001 },
      { ...Fixtures.period2025, materialityThresholdBasisPoints: 2.5 },
      { ...Fixtures.period2025, cap: -1 },
      { ...Fixtures.period2025, cap: 1.5 },
      { ...Fixtures.period2025, year: 1999 },
      { ...Fixtures.period2025, deadlines: { ...Fixtures.period2025.deadlines, verifyBy: 'June' } },
      { ...Fixtures.period2025, deadlines: { ...Fixtures.period2025.deadlines, verifyBy: '2026-02-30' } },
      { ...Fixtures.period2025, benchmarks: { gas: { description: 'g', value: '-1', outputUnit: 'MWh' } } },
    ];
    for (const request of bad) {
      await expect(submit(ledger, Users.regulator, create, request)).rejects.toThrow('INVALID_ARGUMENT');
    }
    expect(ledger.world.state.size).toBe(0);
  });

  it('publishes factor sets as consecutive immutable versions', async () => {
    const ledger = new TestLedger();
    await submit(ledger, Users.regulator, publish, Fixtures.factorSet);
    await expect(submit(ledger, Users.regulator, publish, Fixtures.factorSet)).rejects.toThrow(
      'version 1 is already published',
    );
    await expect(
      submit(ledger, Users.regulator, publish, { ...Fixtures.factorSet, version: 3 }),
    ).rejects.toThrow('publish version 2 first');
    await expect(
      submit(ledger, Users.regulator, publish, { ...Fixtures.factorSet, version: 0 }),
    ).rejects.toThrow('version must be 1 or more');
    await submit(ledger, Users.regulator, publish, {
      ...Fixtures.factorSet,
      version: 2,
      gridFactor: '0.5366',
    });
    expect(
      await evaluate(ledger, Users.verifier, tx(cc.period, 'GetFactorSet'), 'IPCC2006', '1'),
    ).toMatchObject({
      gridFactor: '0.5703',
    });
    expect(
      await evaluate(ledger, Users.verifier, tx(cc.period, 'GetFactorSet'), 'IPCC2006', '2'),
    ).toMatchObject({
      gridFactor: '0.5366',
    });
    await expect(
      submit(ledger, Users.regulator, publish, {
        ...Fixtures.factorSet,
        id: 'X',
        fuels: { gas: { ncv: '48', emissionFactor: '1', carbonContent: '1', oxidation: '1' } },
      }),
    ).rejects.toThrow('exactly one of emissionFactor');
    await expect(
      evaluate(ledger, Users.verifier, tx(cc.period, 'GetFactorSet'), 'IPCC2006', '9'),
    ).rejects.toThrow('NOT_FOUND');
  });
});
