import type { Context } from 'fabric-contract-api';
import { addEnt1Installation, issueOffsetsToEnt1 } from './testing/cycle';
import { expectRefused } from './testing/expect-refused';
import { Users } from './testing/identities';
import type { TestIdentity } from './testing/memory-identity';
import { cc, evaluate, Fixtures, standardScenario, submit, tx } from './testing/scenario';
import type { TestLedger } from './testing/test-ledger';

type Fn = (ctx: Context, ...args: string[]) => Promise<string>;

const transfer = tx(cc.allowance, 'Transfer');
const setPlan = tx(cc.allowance, 'SetAllocationPlan');
const trueUp = tx(cc.allowance, 'TrueUp');
const returnAllocation = tx(cc.allowance, 'ReturnAllocation');
const surrender = tx(cc.compliance, 'Surrender');
const okTransfer = { fromAccount: 'HOLD1', toAccount: 'TRADE2', quantity: 10 };
const okSurrender = { period: 2025, installationId: 'INST1', unitType: 'allowance', quantity: 10 };
const fixedLine = { installationId: 'INST1', method: 'fixed', quantity: 10, ceiling: 10 };

/** A request as JSON text with `literal` spliced in as the raw value of `field` (JSON.stringify would round it). */
function withLiteral(request: Record<string, unknown>, field: string, literal: string): string {
  return JSON.stringify({ ...request, [field]: '@@' }).replace('"@@"', literal);
}

/** [case, who, transaction, request (object or raw JSON text), the whole INVALID_ARGUMENT message]. */
type Case = [string, TestIdentity, Fn, unknown, string];

const misspeltKeys: Case[] = [
  [
    'transfer: a required key',
    Users.operator1,
    transfer,
    { fromAccount: 'HOLD1', toAccount: 'TRADE2', quantitty: 10 },
    'transfer: unknown key "quantitty"; accepted: fromAccount, lotIds, quantity, toAccount, vintage',
  ],
  [
    'transfer: an optional key (the oldest vintage would have gone instead)',
    Users.operator1,
    transfer,
    { ...okTransfer, vintge: 2025 },
    'transfer: unknown key "vintge"; accepted: fromAccount, lotIds, quantity, toAccount, vintage',
  ],
  [
    'transfer of allowances: projectId is an offset key',
    Users.operator1,
    transfer,
    { ...okTransfer, projectId: 'PRJ1' },
    'transfer: unknown key "projectId"; accepted: fromAccount, lotIds, quantity, toAccount, vintage',
  ],
  [
    'plan line: a required key',
    Users.regulator,
    setPlan,
    { period: 2025, lines: [{ installationId: 'INST1', method: 'fixed', quantity: 10, celing: 10 }] },
    'plan.lines[0]: unknown key "celing"; accepted: benchmarkId, ceiling, correctionFactors, installationId, method, preAllocationBase, preAllocationShareBasisPoints, quantity',
  ],
  [
    'plan line: an optional key (no correction would have been applied)',
    Users.regulator,
    setPlan,
    {
      period: 2025,
      lines: [
        {
          installationId: 'INST1',
          method: 'benchmark',
          benchmarkId: 'gas',
          correctionFactor: ['0.5'],
          ceiling: 10,
        },
      ],
    },
    'plan.lines[0]: unknown key "correctionFactor"; accepted: benchmarkId, ceiling, correctionFactors, installationId, method, preAllocationBase, preAllocationShareBasisPoints, quantity',
  ],
  [
    'true-up: an optional key (the line would have been trued up without its output)',
    Users.regulator,
    trueUp,
    { period: 2025, installationId: 'INST1', output: '1000' },
    'trueUp: unknown key "output"; accepted: installationId, period, verifiedOutput',
  ],
  [
    'surrender: a required key',
    Users.operator1,
    surrender,
    { period: 2025, installationId: 'INST1', unitTyp: 'allowance', quantity: 10 },
    'surrender: unknown key "unitTyp"; accepted: installationId, lotIds, period, quantity, unitType, vintage',
  ],
  [
    'surrender: an optional key (other lots would have been surrendered)',
    Users.operator1,
    surrender,
    { ...okSurrender, lotID: ['x.1'] },
    'surrender: unknown key "lotID"; accepted: installationId, lotIds, period, quantity, unitType, vintage',
  ],
  [
    'several unknown keys are named together',
    Users.operator1,
    surrender,
    { ...okSurrender, b: 1, a: 2 },
    'surrender: unknown keys "a", "b"; accepted: installationId, lotIds, period, quantity, unitType, vintage',
  ],
  [
    'an instrument: an optional rule (the default tick would have applied)',
    Users.regulator,
    tx(cc.market, 'ConfigureInstrument'),
    { unitType: 'allowance', vintage: 2025, referencePrice: 10_000, tik: 100 },
    'instrument: unknown key "tik"; accepted: bandBasisPoints, blockBandBasisPoints, blockThreshold, largeOrderThreshold, minQuantity, referencePrice, tick, unitType, vintage',
  ],
  [
    'a holding limit: the limit misspelt (it would have removed the limit)',
    Users.regulator,
    tx(cc.market, 'SetHoldingLimit'),
    { entityId: 'ENT1', instrument: 'allowance-2025', limt: 5 },
    'holdingLimit: unknown key "limt"; accepted: entityId, instrument, limit',
  ],
  [
    'a holding limit: the limit left out (only null removes it)',
    Users.regulator,
    tx(cc.market, 'SetHoldingLimit'),
    { entityId: 'ENT1', instrument: 'allowance-2025' },
    'holdingLimit.limit is required: a number of tonnes, or null to remove the limit',
  ],
];

const nestedKeys: Case[] = [
  [
    'a nested object',
    Users.regulator,
    tx(cc.offset, 'IssueOffsets'),
    {
      projectId: 'PRJ1',
      vintage: 2026,
      monitoringPeriod: { from: '2026-01-01', to: '2026-06-30', until: '2026-12-31' },
      serialStart: 5_000,
      quantity: 5,
      toAccount: 'TRADE1',
    },
    'offsetIssuance.monitoringPeriod: unknown key "until"; accepted: from, to',
  ],
  [
    'a period deadline',
    Users.regulator,
    tx(cc.period, 'CreatePeriod'),
    {
      ...Fixtures.period2025,
      year: 2027,
      deadlines: { ...Fixtures.period2025.deadlines, reportby: '2028-03-31T23:59:59Z' },
    },
    'period.deadlines: unknown key "reportby"; accepted: reportBy, surrenderBy, verifyBy',
  ],
  [
    'an array item',
    Users.operator1,
    tx(cc.mrv, 'SubmitReport'),
    Fixtures.report('INST1', {
      activity: [
        { kind: 'fuel', fuel: 'natural_gas', quantity: '1000', unit: 't' },
        { kind: 'electricity', quantity: '1000', units: 'MWh' },
      ],
    }),
    'report.activity[1]: unknown key "units"; accepted: fuel, kind, quantity, unit',
  ],
  [
    'an item of another array',
    Users.regulator,
    tx(cc.registry, 'AddInstallations'),
    {
      entityId: 'ENT1',
      installations: [{ id: 'INST9', sector: 'power', capacity: '5', capacityUnits: 'GW' }],
    },
    'installations.installations[0]: unknown key "capacityUnits"; accepted: capacity, capacityUnit, id, name, sector',
  ],
  [
    'a value of a map keyed by ids',
    Users.regulator,
    tx(cc.period, 'PublishFactorSet'),
    {
      ...Fixtures.factorSet,
      version: 2,
      fuels: { natural_gas: { ncv: '48.0', emissionFactor: '56100', oxidation: '1', oxidaton: '0.99' } },
    },
    'factorSet.fuels.natural_gas: unknown key "oxidaton"; accepted: carbonContent, emissionFactor, ncv, oxidation',
  ],
];

const inapplicableKeys: Case[] = [
  [
    'benchmark inputs on a fixed plan line',
    Users.regulator,
    setPlan,
    { period: 2025, lines: [{ ...fixedLine, correctionFactors: ['0.9'] }] },
    'plan.lines[0].correctionFactors does not apply to a fixed line (it is a benchmark input)',
  ],
  [
    'a quantity on a benchmark plan line',
    Users.regulator,
    setPlan,
    { period: 2025, lines: [{ ...fixedLine, method: 'benchmark', benchmarkId: 'gas' }] },
    'plan.lines[0].quantity does not apply to a benchmark line (its output comes with the true-up)',
  ],
  [
    'an id for a national account',
    Users.regulator,
    tx(cc.registry, 'OpenAccount'),
    { kind: 'auction', id: 'MY-AUCTION' },
    'account.id does not apply to a national account (its id is fixed)',
  ],
  [
    'an installation for a trading account',
    Users.regulator,
    tx(cc.registry, 'OpenAccount'),
    { kind: 'trading', id: 'T9', entityId: 'ENT1', installationId: 'INST1' },
    'account.installationId does not apply to a trading account',
  ],
  [
    'a fuel on an electricity line',
    Users.operator1,
    tx(cc.mrv, 'SubmitReport'),
    Fixtures.report('INST1', {
      activity: [{ kind: 'electricity', fuel: 'coal', quantity: '1000', unit: 'MWh' }],
    }),
    'report.activity[0].fuel does not apply to an electricity line',
  ],
  [
    'the same key twice (JSON.parse would keep the last)',
    Users.operator1,
    transfer,
    '{"fromAccount":"HOLD1","toAccount":"TRADE2","quantity":1,"quantity":1000}',
    'transfer: key "quantity" appears twice',
  ],
];

const numbers: Case[] = [
  ...['7.0000000000000001', '1.5', '1e3', '7.0', '9007199254740993.5'].map((literal): Case => [
    `allocationReturn.quantity ${literal}`,
    Users.operator1,
    returnAllocation,
    withLiteral({ period: 2025, installationId: 'INST1' }, 'quantity', literal),
    `allocationReturn.quantity must be a whole number, got ${literal}`,
  ]),
  [
    'a plan line quantity 1.5',
    Users.regulator,
    setPlan,
    '{"period":2025,"lines":[{"installationId":"INST1","method":"fixed","quantity":1.5,"ceiling":10}]}',
    'plan.lines[0].quantity must be a whole number, got 1.5',
  ],
  [
    'transfer.quantity 7.0000000000000001 (a double would make it 7)',
    Users.operator1,
    transfer,
    withLiteral(okTransfer, 'quantity', '7.0000000000000001'),
    'transfer.quantity must be a whole number, got 7.0000000000000001',
  ],
  [
    'surrender.quantity 1e3',
    Users.operator1,
    surrender,
    withLiteral(okSurrender, 'quantity', '1e3'),
    'surrender.quantity must be a whole number, got 1e3',
  ],
  [
    'surrender.period 2025.0',
    Users.operator1,
    surrender,
    withLiteral(okSurrender, 'period', '2025.0'),
    'surrender.period must be a whole number, got 2025.0',
  ],
  [
    'a quantity beyond 2^53 as a literal',
    Users.operator1,
    transfer,
    withLiteral(okTransfer, 'quantity', '9007199254740993'),
    'transfer.quantity is too large (maximum 9007199254740991)',
  ],
  [
    'a quantity beyond 2^53 as a decimal string',
    Users.operator1,
    transfer,
    { ...okTransfer, quantity: '9007199254740993' },
    'transfer.quantity is too large (maximum 9007199254740991)',
  ],
  [
    'money beyond 2^53 as a literal',
    Users.regulator,
    tx(cc.funds, 'Deposit'),
    withLiteral({ accountId: 'TRADE1' }, 'amount', '9007199254740993'),
    'deposit.amount is a JSON number beyond 2^53 (9007199254740993); send it as a decimal string, e.g. "9007199254740993"',
  ],
  [
    'fractional money',
    Users.regulator,
    tx(cc.funds, 'Deposit'),
    withLiteral({ accountId: 'TRADE1' }, 'amount', '1.5'),
    'deposit.amount must be a whole number of fen (no sign, decimals or exponent), got "1.5"',
  ],
  [
    'a decimal in exponent form',
    Users.regulator,
    trueUp,
    withLiteral({ period: 2025, installationId: 'INST1' }, 'verifiedOutput', '1e3'),
    'trueUp.verifiedOutput must be a non-negative decimal such as "0.5703", got "1e3"',
  ],
];

describe('exact requests: refused with one line naming the key or number, and nothing changes', () => {
  let base: TestLedger;
  beforeAll(async () => {
    base = await standardScenario();
    await issueOffsetsToEnt1(base);
  });

  describe.each([
    ['misspelt keys', misspeltKeys],
    ['unknown keys inside a request', nestedKeys],
    ['keys that do not apply', inapplicableKeys],
    ['numbers judged on their JSON text', numbers],
  ])('%s', (_group, cases) => {
    it.each(cases)('%s', async (_name, who, fn, request, message) => {
      const ledger = base.fork();
      const error = await expectRefused(ledger, submit(ledger, who, fn, request), 'INVALID_ARGUMENT');
      // The whole message, on one line.
      expect(error.message).toBe(`INVALID_ARGUMENT: ${message}`);
    });
  });

  it('takes money beyond 2^53 sent as a decimal string, exactly', async () => {
    const ledger = base.fork();
    await submit(ledger, Users.regulator, tx(cc.funds, 'Deposit'), {
      accountId: 'TRADE1',
      amount: '9007199254740993',
    });
    const balance = (await evaluate(ledger, Users.regulator, tx(cc.funds, 'GetBalance'), 'TRADE1')) as {
      available: string;
    };
    expect(balance.available).toBe('9007199254740993');
  });

  it('takes a decimal sent as a JSON number from its text, never from a double', async () => {
    const ledger = base.fork();
    // INST1 has had its 2025 allocation: plan and true up a new installation, by benchmark.
    await addEnt1Installation(ledger, 'INST9', 'HOLD9', '5');
    await submit(ledger, Users.regulator, setPlan, {
      period: 2025,
      lines: [{ installationId: 'INST9', method: 'benchmark', benchmarkId: 'gas', ceiling: 1_000 }],
    });
    ledger.setTime('2026-05-01T00:00:00Z');
    await submit(ledger, Users.regulator, tx(cc.compliance, 'EstimateEmissions'), {
      period: 2025,
      installationId: 'INST9',
      estimatedEmissions: 400,
      reason: 'no report',
    });
    // 1000.3 has no exact double; the true-up uses the digits as written.
    const request = withLiteral({ period: 2025, installationId: 'INST9' }, 'verifiedOutput', '1000.3');
    const result = (await submit(ledger, Users.regulator, trueUp, request)) as {
      allocation: { quantity: number; parts: { verifiedOutput: string }[] };
    };
    // floor(1000.3 × 0.392) = floor(392.1176) = 392.
    expect(result.allocation).toMatchObject({ quantity: 392, parts: [{ verifiedOutput: '1000.3' }] });
  });

  it('still accepts the requests it always accepted', async () => {
    const ledger = base.fork();
    await expect(submit(ledger, Users.operator1, transfer, okTransfer)).resolves.toBeDefined();
    await expect(
      submit(ledger, Users.operator1, transfer, { ...okTransfer, quantity: '10', vintage: 2025 }),
    ).resolves.toBeDefined();
  });
});
