import type {
  CarbonIndexSummary,
  InstallationCarbonIndex,
  MonthlyEmissions,
  MonthlyEnergy,
} from '@carbon-ets/contract';
import { closePeriod } from '../testing/closing';
import { expectRefused } from '../testing/expect-refused';
import { Users, type UserName } from '../testing/identities';
import { allocateFixed, cc, evaluate, Fixtures, standardScenario, submit, tx } from '../testing/scenario';
import type { TestLedger } from '../testing/test-ledger';
import { indexBasisPoints, passesThreshold, shareBasisPoints } from './index-arithmetic';

/**
 * Factors of the vectors (kg CO2 per unit, by hand):
 * - coal: 20 GJ/t × 95,000 kg/TJ ÷ 1000 = 1,900 kg/t;
 * - diesel (oil): 43 GJ/t × 74,100 kg/TJ ÷ 1000 = 3,186.3 kg/t;
 * - natural gas: 48 GJ/t × 56,100 kg/TJ ÷ 1000 = 2,692.8 kg/t;
 * - grid electricity: 0.5703 t/MWh = 570.3 kg/MWh.
 * INST1's allocation for 2026 is 12,000 t, so its pro rata to month m is 1,000,000 kg × m and
 * index = floor(E × 12 × 10000 / (12,000 × 1000 × m)) = floor(E / (100 × m)).
 */
const factorSet = {
  id: 'CI2026',
  version: 1,
  description: 'Carbon index factors',
  fuels: {
    coal: { ncv: '20', emissionFactor: '95000', oxidation: '1' },
    diesel: { ncv: '43', emissionFactor: '74100', oxidation: '1' },
    natural_gas: { ncv: '48', emissionFactor: '56100', oxidation: '1' },
  },
  gridFactor: '0.5703',
};
const carbonIndex = {
  factorSetId: 'CI2026',
  factorSetVersion: 1,
  fuels: { coal: 'coal', oil: 'diesel', gas: 'natural_gas' },
  thresholdBasisPoints: 9_500,
};
const deadlines2026 = {
  reportBy: '2027-03-31T23:59:59Z',
  verifyBy: '2027-06-30T23:59:59Z',
  surrenderBy: '2027-09-30T23:59:59Z',
};

/** The standard scenario plus period 2026 with a carbon index; INST1 allocated 12,000 t, INST2 nothing. */
async function carbonIndexScenario(): Promise<TestLedger> {
  const ledger = await standardScenario();
  await submit(ledger, Users.regulator, tx(cc.period, 'PublishFactorSet'), factorSet);
  await submit(ledger, Users.regulator, tx(cc.period, 'CreatePeriod'), {
    ...Fixtures.period2025,
    year: 2026,
    deadlines: deadlines2026,
    carbonIndex,
  });
  await submit(ledger, Users.regulator, tx(cc.allowance, 'IssueAllowances'), {
    period: 2026,
    quantity: 50_000,
  });
  await allocateFixed(ledger, 2026, 'INST1', 12_000);
  return ledger;
}

const submitEnergy = tx(cc.carbonIndex, 'SubmitMonthlyEnergy');
const getIndex = tx(cc.carbonIndex, 'GetIndex');
const getRanking = tx(cc.carbonIndex, 'GetRanking');
interface Answer {
  submission: MonthlyEmissions;
  index: CarbonIndexSummary;
}
const energy = (month: number, use: Record<string, string>, installationId = 'INST1') =>
  ({ installationId, period: 2026, month, ...use }) as Record<string, unknown>;
const send = async (ledger: TestLedger, request: Record<string, unknown>, who = Users.operator1) =>
  (await submit(ledger, who, submitEnergy, request)) as Answer;

/** January: 400 t coal = 760,000 kg; 100 MWh = 57,030 kg; total 817,030 kg. */
const january = energy(1, { coal: '400', electricity: '100' });
/**
 * February: 500 t coal = 950,000 kg; 10 t diesel = 31,863 kg; 20 t gas = 53,856 kg; 100 MWh = 57,030 kg;
 * total 1,092,749 kg.
 */
const february = energy(2, { coal: '500', oil: '10', gas: '20', electricity: '100' });

describe('index arithmetic', () => {
  it('index = floor(E × 12 × 10000 / (A × 1000 × m)); null without an allocation', () => {
    // 817,030 × 120,000 / 12,000,000 = 8,170.3 → 8170.
    expect(indexBasisPoints(817_030, 12_000, 1)).toBe(8_170);
    // 1,909,779 / 200 = 9,548.895 → 9548.
    expect(indexBasisPoints(1_909_779, 12_000, 2)).toBe(9_548);
    // Exactly on track: 1,000,000 kg in month 1 of 12,000 t → 10000.
    expect(indexBasisPoints(1_000_000, 12_000, 1)).toBe(10_000);
    // The product passes 2^53 (9e12 kg × 120,000 = 1.08e18): bigint; ÷ (1 t × 1000 × 12) = 9e13 exactly.
    expect(indexBasisPoints(9_000_000_000_000, 1, 12)).toBe(90_000_000_000_000);
    expect(indexBasisPoints(5, 0, 3)).toBeNull();
    expect(indexBasisPoints(5, undefined, 3)).toBeNull();
  });

  it('shares by largest remainder sum to exactly 10000', () => {
    // 1/3 each: 3333 + 3333 + 3333 = 9999, the one point left goes to the first of equal remainders (coal).
    expect(shareBasisPoints({ coal: 1, oil: 1, gas: 1, electricity: 0 })).toEqual({
      coal: 3_334,
      oil: 3_333,
      gas: 3_333,
      electricity: 0,
    });
    // Nothing emitted: no shares.
    expect(shareBasisPoints({ coal: 0, oil: 0, gas: 0, electricity: 0 })).toEqual({
      coal: 0,
      oil: 0,
      gas: 0,
      electricity: 0,
    });
    // A spread of sizes: each sums to 10000.
    for (const kg of [
      { coal: 7, oil: 7, gas: 7, electricity: 7 },
      { coal: 1, oil: 2, gas: 3, electricity: 999_999_994 },
      { coal: 1_710_000, oil: 31_863, gas: 53_856, electricity: 114_060 },
      { coal: 0, oil: 0, gas: 0, electricity: 13 },
    ]) {
      const shares = shareBasisPoints(kg);
      expect(shares.coal + shares.oil + shares.gas + shares.electricity).toBe(10_000);
    }
  });

  it('passes the threshold only from at or below to above', () => {
    expect(passesThreshold(9_500, 8_170, 9_548)).toBe(true);
    expect(passesThreshold(9_500, null, 9_501)).toBe(true);
    expect(passesThreshold(9_500, 9_500, 9_501)).toBe(true);
    expect(passesThreshold(9_500, 9_548, 10_165)).toBe(false);
    expect(passesThreshold(9_500, 8_000, 9_500)).toBe(false);
    expect(passesThreshold(undefined, 8_000, 20_000)).toBe(false);
    expect(passesThreshold(9_500, 8_000, null)).toBe(false);
  });
});

describe('CarbonIndex:SubmitMonthlyEnergy and GetIndex', () => {
  let base: TestLedger;
  beforeAll(async () => {
    base = await carbonIndexScenario();
  });

  it('computes the month as MRV does and the year-to-date index, shares, trend and bars', async () => {
    const ledger = base.fork();
    const first = await send(ledger, january);
    // The channel (and the answer, which is in the block) keeps the month's total, not the energy or the mix.
    expect(first.submission).toMatchObject({
      version: 1,
      factorSet: { id: 'CI2026', version: 1 },
      totalKg: 817_030,
      commercialData: {
        collection: 'commercial-Enterprise1MSP',
        key: ['carbonIndexEnergy', '2026', 'INST1', '01', '1'],
      },
    });
    expect(first.submission).not.toHaveProperty('energy');
    expect(first.submission).not.toHaveProperty('emissionsKg');
    expect(first.index).toMatchObject({
      throughMonth: 1,
      indexBasisPoints: 8_170,
      previousIndexBasisPoints: null,
      trend: null,
      aboveThreshold: false,
    });
    expect(first.index).not.toHaveProperty('shareBasisPoints');
    const stored = ledger.world.privateValue(
      'commercial-Enterprise1MSP',
      ledger.lastStub?.createCompositeKey('carbonIndexEnergy', ['2026', 'INST1', '01', '1']) ?? '',
    );
    expect(JSON.parse(Buffer.from(stored ?? new Uint8Array()).toString()) as MonthlyEnergy).toMatchObject({
      energy: { coal: '400', electricity: '100' },
      emissionsKg: { coal: 760_000, oil: 0, gas: 0, electricity: 57_030 },
    });
    // 760,000 × 10000 / 817,030 = 9301.98, 57,030 × 10000 / 817,030 = 698.02: the point left goes to coal.
    const afterJanuary = (await evaluate(
      ledger,
      Users.operator1,
      getIndex,
      '2026',
      'INST1',
    )) as InstallationCarbonIndex;
    expect(afterJanuary.shareBasisPoints).toEqual({ coal: 9_302, oil: 0, gas: 0, electricity: 698 });
    expect(ledger.lastEvent()).toMatchObject({
      name: 'MonthlyEnergySubmitted',
      payload: { installationId: 'INST1', month: 1, version: 1, indexBasisPoints: 8_170 },
    });

    const second = await send(ledger, february);
    expect(second.submission.totalKg).toBe(1_092_749);
    const index = (await evaluate(
      ledger,
      Users.operator1,
      getIndex,
      '2026',
      'INST1',
    )) as InstallationCarbonIndex;
    // Year to date 817,030 + 1,092,749 = 1,909,779 kg; by source coal 1,710,000, oil 31,863, gas 53,856,
    // electricity 114,060. Shares: floors 8953, 166, 282, 597 (sum 9998); the 2 points left go to the largest
    // remainders, coal (…×10000 mod total = 1,748,613) and oil (1,606,686): 8954, 167, 282, 597.
    expect(index).toEqual({
      period: 2026,
      installationId: 'INST1',
      entityId: 'ENT1',
      throughMonth: 2,
      missingMonths: [],
      yearToDateKg: 1_909_779,
      allocationTonnes: 12_000,
      proRataAllocationKg: 2_000_000,
      indexBasisPoints: 9_548,
      previousIndexBasisPoints: 8_170,
      trendBasisPoints: 1_378,
      trend: 'up',
      thresholdBasisPoints: 9_500,
      aboveThreshold: true,
      emissionsKg: { coal: 1_710_000, oil: 31_863, gas: 53_856, electricity: 114_060 },
      shareBasisPoints: { coal: 8_954, oil: 167, gas: 282, electricity: 597 },
      months: [
        {
          month: 1,
          submitted: true,
          emissionsKg: { coal: 760_000, oil: 0, gas: 0, electricity: 57_030 },
          totalKg: 817_030,
          indexBasisPoints: 8_170,
        },
        {
          month: 2,
          submitted: true,
          emissionsKg: { coal: 950_000, oil: 31_863, gas: 53_856, electricity: 57_030 },
          totalKg: 1_092_749,
          indexBasisPoints: 9_548,
        },
      ],
    });
  });

  it('emits CarbonIndexThresholdPassed exactly on a crossing, not again while above, again after falling back', async () => {
    const ledger = base.fork();
    await send(ledger, january);
    expect(ledger.lastEvent()?.name).toBe('MonthlyEnergySubmitted');
    await send(ledger, february);
    // 8170 ≤ 9500 → 9548 > 9500: crossed.
    expect(ledger.lastEvent()).toMatchObject({
      name: 'CarbonIndexThresholdPassed',
      payload: {
        month: 2,
        indexBasisPoints: 9_548,
        previousIndexBasisPoints: 8_170,
        thresholdBasisPoints: 9_500,
      },
    });
    // March 600 t coal = 1,140,000 kg: 3,049,779 / 300 = 10165, still above: no new crossing.
    await send(ledger, energy(3, { coal: '600' }));
    expect(ledger.lastEvent()).toMatchObject({
      name: 'MonthlyEnergySubmitted',
      payload: { indexBasisPoints: 10_165 },
    });
    // March resubmitted with 100 t = 190,000 kg: 2,099,779 / 300 = 6999, back below.
    const lowered = await send(ledger, energy(3, { coal: '100' }));
    expect(lowered.submission.version).toBe(2);
    expect(ledger.lastEvent()).toMatchObject({
      name: 'MonthlyEnergySubmitted',
      payload: { indexBasisPoints: 6_999 },
    });
    // And back to 600 t: a new crossing, a new event.
    await send(ledger, energy(3, { coal: '600' }));
    expect(ledger.lastEvent()).toMatchObject({
      name: 'CarbonIndexThresholdPassed',
      payload: { month: 3, version: 3, indexBasisPoints: 10_165, previousIndexBasisPoints: 6_999 },
    });
  });

  it('counts a month not submitted as 0 kg and lists it as missing; no index without an allocation', async () => {
    const ledger = base.fork();
    await send(ledger, january);
    const march = await send(ledger, energy(3, { electricity: '1000' }));
    // 817,030 + 570,300 = 1,387,330 kg through March: / 300 = 4624.43 → 4624; February (817,030 / 200) 4085.
    expect(march.index).toMatchObject({
      throughMonth: 3,
      missingMonths: [2],
      indexBasisPoints: 4_624,
      previousIndexBasisPoints: 4_085,
      trendBasisPoints: 539,
    });
    const inst2 = await send(ledger, energy(1, { gas: '1000' }, 'INST2'), Users.operator2);
    // 1000 t gas = 2,692,800 kg (DESIGN.md's check), no 2026 allocation: no index, no event.
    expect(inst2.index).toMatchObject({
      yearToDateKg: 2_692_800,
      allocationTonnes: null,
      indexBasisPoints: null,
    });
    expect(ledger.lastEvent()?.name).toBe('MonthlyEnergySubmitted');
  });

  it('refuses bad input with the ledger unchanged', async () => {
    const ledger = base.fork();
    await send(ledger, january);
    const attempt = (request: Record<string, unknown>, who = Users.operator1) =>
      submit(ledger, who, submitEnergy, request);
    await expectRefused(
      ledger,
      attempt(energy(13, { coal: '1' })),
      'INVALID_ARGUMENT',
      /month must be a month/,
    );
    await expectRefused(ledger, attempt(energy(0, { coal: '1' })), 'INVALID_ARGUMENT', /month/);
    await expectRefused(ledger, attempt(energy(2, { coal: '-5' })), 'INVALID_ARGUMENT', /energy\.coal/);
    await expectRefused(ledger, attempt(energy(2, { oil: '0' })), 'INVALID_ARGUMENT', /energy\.oil/);
    await expectRefused(ledger, attempt(energy(2, {})), 'INVALID_ARGUMENT', /at least one/);
    await expectRefused(ledger, attempt(energy(2, { coal: '1' }, 'NOPE')), 'NOT_FOUND', /NOPE/);
    await expectRefused(ledger, attempt({ ...energy(2, { coal: '1' }), period: 2030 }), 'NOT_FOUND', /2030/);
    // Period 2025 has no carbon index policy.
    await expectRefused(
      ledger,
      attempt({ ...energy(2, { coal: '1' }), period: 2025 }),
      'FAILED_PRECONDITION',
      /no carbon index/,
    );
    // Another entity's installation.
    await expectRefused(ledger, attempt(energy(2, { coal: '1' }, 'INST2')), 'FORBIDDEN');
  });

  it('refuses a submission once the period is closed, the month unchanged', async () => {
    const ledger = base.fork();
    await send(ledger, january);
    ledger.setTime('2027-04-01T00:00:00Z');
    for (const installationId of ['INST1', 'INST2']) {
      await submit(ledger, Users.regulator, tx(cc.compliance, 'EstimateEmissions'), {
        period: 2026,
        installationId,
        estimatedEmissions: 1,
        reason: 'no report',
      });
    }
    ledger.setTime('2027-10-01T00:00:00Z');
    await closePeriod(ledger, 2026);
    await expectRefused(
      ledger,
      submit(ledger, Users.operator1, submitEnergy, january),
      'FAILED_PRECONDITION',
      /closed/,
    );
    const index = (await evaluate(
      ledger,
      Users.regulator,
      getIndex,
      '2026',
      'INST1',
    )) as InstallationCarbonIndex;
    expect(index.yearToDateKg).toBe(817_030);
  });

  it('GetIndex: operators of the entity and supervisors; NOT_FOUND before any submission', async () => {
    const ledger = base.fork();
    await expect(evaluate(ledger, Users.operator1, getIndex, '2026', 'INST1')).rejects.toThrow(
      /^NOT_FOUND: /,
    );
    await send(ledger, january);
    const allowed: UserName[] = ['operator1', 'regulator', 'verifier', 'auditor'];
    for (const user of [
      'operator1',
      'operator2',
      'trader1',
      'regulator',
      'verifier',
      'auditor',
    ] as UserName[]) {
      const attempt = evaluate(ledger, Users[user], getIndex, '2026', 'INST1');
      if (allowed.includes(user)) await expect(attempt).resolves.toMatchObject({ indexBasisPoints: 8_170 });
      else await expect(attempt).rejects.toThrow(/^FORBIDDEN: /);
    }
  });
});

describe('CarbonIndex:GetRanking', () => {
  it('ranks installations by index, highest first, no index last, one page at a time', async () => {
    const ledger = await carbonIndexScenario();
    await submit(ledger, Users.regulator, tx(cc.registry, 'AddInstallations'), {
      entityId: 'ENT1',
      installations: [{ id: 'INST3', sector: 'power', capacity: '100' }],
    });
    await submit(ledger, Users.regulator, tx(cc.registry, 'OpenAccount'), {
      kind: 'holding',
      id: 'HOLD3',
      entityId: 'ENT1',
      installationId: 'INST3',
    });
    await allocateFixed(ledger, 2026, 'INST3', 1_200);
    await send(ledger, january); // INST1: 8170
    await send(ledger, energy(1, { gas: '1000' }, 'INST2'), Users.operator2); // no allocation: null
    // INST3: 60 t coal = 114,000 kg against 1,200 t: 114,000 × 120,000 / (1,200 × 1000 × 1) = 11,400.
    await send(ledger, energy(1, { coal: '60' }, 'INST3'));
    const page1 = (await evaluate(ledger, Users.auditor, getRanking, { period: 2026, limit: 2 })) as {
      rows: { rank: number; installationId: string; indexBasisPoints: number | null }[];
      total: number;
      nextOffset?: number;
    };
    expect(page1).toMatchObject({
      total: 3,
      nextOffset: 2,
      rows: [
        { rank: 1, installationId: 'INST3', indexBasisPoints: 11_400 },
        { rank: 2, installationId: 'INST1', indexBasisPoints: 8_170 },
      ],
    });
    const page2 = (await evaluate(ledger, Users.regulator, getRanking, {
      period: '2026',
      offset: '2',
    })) as typeof page1;
    expect(page2.nextOffset).toBeUndefined();
    expect(page2.rows).toMatchObject([{ rank: 3, installationId: 'INST2', indexBasisPoints: null }]);
    await expect(evaluate(ledger, Users.auditor, getRanking, { period: 2026, limit: 101 })).rejects.toThrow(
      /^INVALID_ARGUMENT: ranking\.limit must be at most 100/,
    );
    for (const user of ['verifier', 'operator1', 'trader2'] as UserName[]) {
      await expect(evaluate(ledger, Users[user], getRanking, { period: 2026 })).rejects.toThrow(
        /^FORBIDDEN: /,
      );
    }
  });

  it('CreatePeriod refuses a carbon index naming a fuel the factor set lacks', async () => {
    const ledger = await standardScenario();
    await submit(ledger, Users.regulator, tx(cc.period, 'PublishFactorSet'), factorSet);
    await expectRefused(
      ledger,
      submit(ledger, Users.regulator, tx(cc.period, 'CreatePeriod'), {
        ...Fixtures.period2025,
        year: 2026,
        deadlines: deadlines2026,
        carbonIndex: { ...carbonIndex, fuels: { ...carbonIndex.fuels, oil: 'kerosene' } },
      }),
      'NOT_FOUND',
      /kerosene/,
    );
  });
});
