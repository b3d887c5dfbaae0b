import type {
  AccountHoldings,
  AccountRepresentatives,
  ApprovalOutcome,
  ApprovalRequest,
  ComplianceStatus,
  SurrenderResult,
  TransferResult,
} from '@carbon-ets/contract';
import { acceptInst1Report } from '../testing/cycle';
import { expectRefused } from '../testing/expect-refused';
import { Users } from '../testing/identities';
import type { TestIdentity } from '../testing/memory-identity';
import { cc, evaluate, standardScenario, submit, tx } from '../testing/scenario';
import type { TestLedger } from '../testing/test-ledger';

const setRepresentatives = tx(cc.approval, 'SetRepresentatives');
const approve = tx(cc.approval, 'Approve');
const reject = tx(cc.approval, 'Reject');
const expire = tx(cc.approval, 'Expire');
const transfer = tx(cc.allowance, 'Transfer');
const surrender = tx(cc.compliance, 'Surrender');

/** Further users of ENT1, as the org's CA would issue them. */
const ent1User = (name: string, role: 'operator' | 'trader'): TestIdentity => ({
  name,
  mspId: 'Enterprise1MSP',
  attributes: { 'carbon.role': role, 'carbon.entity': 'ENT1' },
});
const clerk1 = ent1User('clerk1', 'operator');
const viewer1 = ent1User('viewer1', 'trader');
const outsider1 = ent1User('outsider1', 'trader');

const rep = (userName: string, role: string) => ({ mspId: 'Enterprise1MSP', userName, role });
/** HOLD1: operator1 and clerk1 propose, trader1 approves (and may propose), viewer1 looks. */
const HOLD1_REPRESENTATIVES = {
  accountId: 'HOLD1',
  representatives: [
    rep('operator1', 'proposer'),
    rep('clerk1', 'proposer'),
    rep('trader1', 'approver'),
    rep('viewer1', 'viewer'),
  ],
  approvalThreshold: 1_000,
  approvalWindowSeconds: 3_600,
  requestReference: 'holder request 2025-17, sha256 ' + 'e'.repeat(64),
};

async function represented(): Promise<TestLedger> {
  const ledger = await standardScenario();
  await submit(ledger, Users.regulator, setRepresentatives, HOLD1_REPRESENTATIVES);
  return ledger;
}

async function holdings(ledger: TestLedger, accountId: string): Promise<{ held: number; locked: number }> {
  const view = (await evaluate(
    ledger,
    Users.auditor,
    tx(cc.query, 'GetHoldings'),
    accountId,
  )) as AccountHoldings;
  return view.holdings
    .filter((h) => h.status === 'held')
    .reduce((sum, h) => ({ held: sum.held + h.quantity, locked: sum.locked + h.locked }), {
      held: 0,
      locked: 0,
    });
}

async function propose(
  ledger: TestLedger,
  who = Users.operator1,
  quantity = 5_000,
): Promise<ApprovalRequest> {
  const result = (await submit(ledger, who, transfer, {
    fromAccount: 'HOLD1',
    toAccount: 'TRADE2',
    quantity,
  })) as TransferResult;
  if (result.pendingApproval === undefined) throw new Error('the transfer did not become a request');
  return result.pendingApproval;
}

const ref = (approval: ApprovalRequest) => ({ accountId: approval.accountId, approvalId: approval.id });

describe('recording representatives', () => {
  it('records them with the threshold, window and the holder request, and reads them back', async () => {
    const ledger = await represented();
    expect(ledger.lastEvent()?.name).toBe('RepresentativesSet');
    const settings = (await evaluate(
      ledger,
      Users.trader1,
      tx(cc.approval, 'GetRepresentatives'),
      'HOLD1',
    )) as AccountRepresentatives;
    expect(settings).toMatchObject({
      accountId: 'HOLD1',
      approvalThreshold: 1_000,
      approvalWindowSeconds: 3_600,
      requestReference: HOLD1_REPRESENTATIVES.requestReference,
    });
    expect(settings.representatives).toHaveLength(4);
    // Another account: none recorded, the default window.
    expect(await evaluate(ledger, Users.regulator, tx(cc.approval, 'GetRepresentatives'), 'TRADE1')).toEqual({
      accountId: 'TRADE1',
      representatives: [],
      approvalWindowSeconds: 172_800,
    });
    // The other enterprise cannot read them.
    await expect(
      evaluate(ledger, Users.trader2, tx(cc.approval, 'GetRepresentatives'), 'HOLD1'),
    ).rejects.toThrow(/^FORBIDDEN: /);
  });

  it.each([
    [
      'a user of another org',
      {
        representatives: [
          rep('operator1', 'approver'),
          { ...rep('trader2', 'approver'), mspId: 'Enterprise2MSP' },
        ],
      },
      /Enterprise2MSP\/trader2 cannot represent account HOLD1: its holder ENT1's users are issued by Enterprise1MSP/,
    ],
    [
      'the same person twice',
      { representatives: [rep('operator1', 'approver'), rep('operator1', 'viewer')] },
      /Enterprise1MSP\/operator1 is named twice/,
    ],
    [
      'a threshold without an approver',
      { representatives: [rep('operator1', 'proposer'), rep('trader1', 'proposer')] },
      /needs two people who can act, at least one of them an approver/,
    ],
    [
      'a threshold with one person able to act',
      { representatives: [rep('operator1', 'approver'), rep('trader1', 'viewer')] },
      /needs two people who can act/,
    ],
    ['a window of zero', { approvalWindowSeconds: 0 }, /approvalWindowSeconds must be greater than zero/],
  ])('refuses %s, ledger unchanged', async (_case, change, message) => {
    const ledger = await standardScenario();
    await expectRefused(
      ledger,
      submit(ledger, Users.regulator, setRepresentatives, { ...HOLD1_REPRESENTATIVES, ...change }),
      'INVALID_ARGUMENT',
      message,
    );
  });

  it('refuses a national account, ledger unchanged', async () => {
    const ledger = await standardScenario();
    await expectRefused(
      ledger,
      submit(ledger, Users.regulator, setRepresentatives, {
        ...HOLD1_REPRESENTATIVES,
        accountId: 'NATIONAL-ALLOCATION',
      }),
      'FAILED_PRECONDITION',
      /national account NATIONAL-ALLOCATION/,
    );
  });
});

describe('acting for an account with representatives', () => {
  it('lets a representative transfer up to the threshold at once', async () => {
    const ledger = await represented();
    const result = (await submit(ledger, clerk1, transfer, {
      fromAccount: 'HOLD1',
      toAccount: 'TRADE2',
      quantity: 1_000,
    })) as TransferResult;
    expect(result.pendingApproval).toBeUndefined();
    expect(await holdings(ledger, 'TRADE2')).toEqual({ held: 1_000, locked: 0 });
  });

  it.each([
    [
      'a user of the holder who is not a representative',
      outsider1,
      /outsider1 is not one of its representatives/,
    ],
    ['a viewer', viewer1, /viewer1 is a viewer/],
  ])('refuses %s, ledger unchanged', async (_case, who, message) => {
    const ledger = await represented();
    await expectRefused(
      ledger,
      submit(ledger, who, transfer, { fromAccount: 'HOLD1', toAccount: 'TRADE2', quantity: 10 }),
      'FORBIDDEN',
      message,
    );
  });

  it('refuses a trade proposal above the threshold, and an order by a non-representative', async () => {
    const ledger = await represented();
    await submit(ledger, Users.regulator, tx(cc.market, 'ConfigureInstrument'), {
      unitType: 'allowance',
      vintage: 2025,
      referencePrice: 10_000,
    });
    const order = { accountId: 'HOLD1', side: 'sell', instrument: 'allowance-2025', price: 10_000 };
    await expectRefused(
      ledger,
      submit(ledger, Users.operator1, tx(cc.market, 'ProposeTrade'), {
        accountId: 'HOLD1',
        buyerEntityId: 'ENT2',
        instrument: 'allowance-2025',
        price: 10_000,
        quantity: 2_000,
      }),
      'FAILED_PRECONDITION',
      /ProposeTrade: 2000 t is above account HOLD1's two-person approval threshold of 1000 t; only transfers, surrenders and orders can wait/,
    );
    await expectRefused(
      ledger,
      submit(ledger, outsider1, tx(cc.market, 'PlaceOrder'), { ...order, quantity: 10 }),
      'FORBIDDEN',
      /PlaceOrder: account HOLD1 acts only through its proposer and approver representatives/,
    );
    await expect(
      submit(ledger, Users.operator1, tx(cc.market, 'PlaceOrder'), { ...order, quantity: 1_000 }),
    ).resolves.toMatchObject({ status: 'open', quantity: 1_000 });
  });
});

describe('two-person approval of a transfer', () => {
  it('turns a transfer above the threshold into a request with exactly its units locked', async () => {
    const ledger = await represented();
    const before = await holdings(ledger, 'HOLD1');
    const approval = await propose(ledger);
    expect(approval).toMatchObject({
      accountId: 'HOLD1',
      entityId: 'ENT1',
      operation: 'transfer',
      unitType: 'allowance',
      quantity: 5_000,
      toAccount: 'TRADE2',
      status: 'pending',
      proposedBy: { mspId: 'Enterprise1MSP', userName: 'operator1' },
    });
    expect(Date.parse(approval.deadline) - Date.parse(approval.proposedAt)).toBe(3_600_000);
    expect(ledger.lastEvent()).toMatchObject({ name: 'ApprovalRequested', payload: { approval } });
    expect(await holdings(ledger, 'HOLD1')).toEqual({ held: before.held, locked: 5_000 });
    expect(await holdings(ledger, 'TRADE2')).toEqual({ held: 0, locked: 0 });
    // The locked units cannot be spent by anything else.
    await expectRefused(
      ledger,
      submit(ledger, Users.operator1, transfer, {
        fromAccount: 'HOLD1',
        toAccount: 'TRADE1',
        quantity: before.held - 4_999,
      }),
      'FAILED_PRECONDITION',
      /has 95000 allowances available/,
    );
    const listed = (await evaluate(
      ledger,
      viewer1,
      tx(cc.approval, 'ListApprovals'),
      'HOLD1',
    )) as ApprovalRequest[];
    expect(listed).toEqual([approval]);
  });

  it('executes on a second representative approving: exactly the units move, nothing stays locked', async () => {
    const ledger = await represented();
    const before = await holdings(ledger, 'HOLD1');
    const approval = await propose(ledger);
    const outcome = (await submit(ledger, Users.trader1, approve, ref(approval))) as ApprovalOutcome;
    expect(outcome.approval).toMatchObject({
      status: 'executed',
      decidedBy: { mspId: 'Enterprise1MSP', userName: 'trader1' },
    });
    expect(outcome.lots.reduce((sum, lot) => sum + lot.quantity, 0)).toBe(5_000);
    expect(outcome.lots.every((lot) => lot.accountId === 'TRADE2' && lot.lockedBy === undefined)).toBe(true);
    expect(await holdings(ledger, 'HOLD1')).toEqual({ held: before.held - 5_000, locked: 0 });
    expect(await holdings(ledger, 'TRADE2')).toEqual({ held: 5_000, locked: 0 });
    expect(ledger.lastEvent()).toMatchObject({
      name: 'ApprovalDecided',
      payload: { approval: outcome.approval, newLots: outcome.lots.map((lot) => lot.id) },
    });
    // Approved once only.
    await expectRefused(
      ledger,
      submit(ledger, Users.trader1, approve, ref(approval)),
      'FAILED_PRECONDITION',
      /approval request .* is already executed/,
    );
  });

  it('refuses self-approval, even by an approver, ledger unchanged', async () => {
    const ledger = await represented();
    const approval = await propose(ledger, Users.trader1);
    await expectRefused(
      ledger,
      submit(ledger, Users.trader1, approve, ref(approval)),
      'FORBIDDEN',
      /Enterprise1MSP\/trader1 proposed request .*; a second representative must approve it/,
    );
  });

  it.each([
    [
      'a proposer-only representative',
      clerk1,
      /clerk1 is a proposer of account HOLD1; only approvers approve/,
    ],
    ['a viewer', viewer1, /viewer1 is a viewer of account HOLD1; only approvers approve/],
    ['a user of the holder who is not a representative', outsider1, /outsider1 is not a representative/],
    ['a user of another entity', Users.trader2, /trader2 is not a representative of account HOLD1/],
  ])('refuses approval by %s, ledger unchanged', async (_case, who, message) => {
    const ledger = await represented();
    const approval = await propose(ledger);
    await expectRefused(ledger, submit(ledger, who, approve, ref(approval)), 'FORBIDDEN', message);
  });

  it('refuses approval after the deadline; expiry (by anyone) then unlocks the units', async () => {
    const ledger = await represented();
    const before = await holdings(ledger, 'HOLD1');
    const approval = await propose(ledger);
    await expectRefused(
      ledger,
      submit(ledger, Users.auditor, expire, ref(approval)),
      'FAILED_PRECONDITION',
      /is open for approval until/,
    );
    ledger.setTime(new Date(Date.parse(approval.deadline) + 1_000).toISOString());
    await expectRefused(
      ledger,
      submit(ledger, Users.trader1, approve, ref(approval)),
      'FAILED_PRECONDITION',
      /expired at .*; Approval:Expire unlocks its units/,
    );
    const outcome = (await submit(ledger, Users.auditor, expire, ref(approval))) as ApprovalOutcome;
    expect(outcome.approval).toMatchObject({ status: 'expired', decidedBy: { userName: 'auditor1' } });
    expect(await holdings(ledger, 'HOLD1')).toEqual({ held: before.held, locked: 0 });
    expect(await holdings(ledger, 'TRADE2')).toEqual({ held: 0, locked: 0 });
    // The units are available again: all of them can go (within the threshold rules, by a request).
    const again = await propose(ledger, Users.operator1, before.held);
    expect(again.quantity).toBe(before.held);
  });

  it('unlocks on rejection by an approver or withdrawal by the proposer; others cannot reject', async () => {
    const ledger = await represented();
    const before = await holdings(ledger, 'HOLD1');
    const first = await propose(ledger);
    await expectRefused(
      ledger,
      submit(ledger, clerk1, reject, ref(first)),
      'FORBIDDEN',
      /only an approver of account HOLD1 or the request's proposer \(Enterprise1MSP\/operator1\) may reject it/,
    );
    const rejected = (await submit(ledger, Users.trader1, reject, {
      ...ref(first),
      reason: 'not agreed',
    })) as ApprovalOutcome;
    expect(rejected.approval).toMatchObject({ status: 'rejected', reason: 'not agreed' });
    expect(rejected.lots.reduce((sum, lot) => sum + lot.quantity, 0)).toBe(5_000);
    const second = await propose(ledger, clerk1, 2_000);
    await submit(ledger, clerk1, reject, ref(second));
    expect(await holdings(ledger, 'HOLD1')).toEqual({ held: before.held, locked: 0 });
    await expectRefused(
      ledger,
      submit(ledger, Users.trader1, approve, ref(second)),
      'FAILED_PRECONDITION',
      /is already rejected/,
    );
  });

  it('checks the transfer again when executing it: a blocked destination refuses the approval', async () => {
    const ledger = await represented();
    const approval = await propose(ledger);
    await submit(ledger, Users.regulator, tx(cc.registry, 'BlockAccount'), {
      accountId: 'TRADE2',
      reason: 'r',
    });
    await expectRefused(
      ledger,
      submit(ledger, Users.trader1, approve, ref(approval)),
      'FAILED_PRECONDITION',
      /destination account TRADE2 is blocked/,
    );
  });

  it('leaves accounts without representatives as they were', async () => {
    const ledger = await represented();
    const result = (await submit(ledger, Users.operator2, transfer, {
      fromAccount: 'HOLD2',
      toAccount: 'TRADE1',
      quantity: 50_000,
    })) as TransferResult;
    expect(result.pendingApproval).toBeUndefined();
    expect(await holdings(ledger, 'TRADE1')).toEqual({ held: 50_000, locked: 0 });
  });
});

describe('two-person approval of a surrender', () => {
  it('locks the units, leaves the status, and surrenders them on approval', async () => {
    const ledger = await represented();
    await acceptInst1Report(ledger);
    const status = (): Promise<ComplianceStatus> =>
      evaluate(
        ledger,
        Users.auditor,
        tx(cc.compliance, 'GetComplianceStatus'),
        '2025',
        'INST1',
      ) as Promise<ComplianceStatus>;
    const before = await status();
    const result = (await submit(ledger, Users.operator1, surrender, {
      period: 2025,
      installationId: 'INST1',
      unitType: 'allowance',
      quantity: 3_000,
    })) as SurrenderResult;
    expect(result.lots).toEqual([]);
    expect(result.pendingApproval).toMatchObject({
      operation: 'surrender',
      period: 2025,
      installationId: 'INST1',
      quantity: 3_000,
    });
    expect(await status()).toEqual(before);
    expect((await holdings(ledger, 'HOLD1')).locked).toBe(3_000);
    const outcome = (await submit(
      ledger,
      Users.trader1,
      approve,
      ref(result.pendingApproval!),
    )) as ApprovalOutcome;
    expect(
      outcome.lots.every((lot) => lot.status === 'surrendered' && lot.accountId === 'NATIONAL-DELETION'),
    ).toBe(true);
    expect(await status()).toMatchObject({ surrendered: before.surrendered + 3_000 });
    expect(await holdings(ledger, 'HOLD1')).toMatchObject({ locked: 0 });
  });
});
