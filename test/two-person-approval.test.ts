import type {
  ApprovalOutcome,
  ApprovalRequest,
  Order,
  PlacedOrder,
  TransferResult,
} from '@carbon-ets/contract';
import {
  allowancesOf,
  ensureBaseline,
  firstFreePeriodYear,
  periodWithTradingAccounts,
} from './support/baseline';
import { isMissing, participant, type Participant } from './support/participants';

const sleep = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms);
  });

/**
 * Issue 13 item 5 on the real network. Two representatives of ENT1 are the network's own ENT1 users, each with
 * its own certificate from Enterprise1's CA: operator1 (proposer) and trader1 (approver), named by their
 * enrolment ids. A transfer above the account's threshold becomes a request with its units locked; the proposer
 * cannot approve it; the second representative's approval moves exactly the units; an expired request unlocks
 * them; a trusted account list refuses a transfer to an account not on it; a sell order above the threshold
 * waits as a request and, approved, rests in the book.
 */
describe('two-person approval and trusted accounts on the real network', () => {
  let regulator: Participant;
  let auditor: Participant;
  let operator1: Participant;
  let trader1: Participant;
  let source = '';
  let destination = '';
  let untrusted = '';
  let year = 0;

  /** Records operator1 (proposer) and trader1 (approver) for the source account, above 100 t. */
  const represent = (approvalWindowSeconds: number) =>
    regulator.submit('Approval:SetRepresentatives', {
      accountId: source,
      representatives: [
        { mspId: 'Enterprise1MSP', userName: 'operator1', role: 'proposer' },
        { mspId: 'Enterprise1MSP', userName: 'trader1', role: 'approver' },
      ],
      approvalThreshold: 100,
      approvalWindowSeconds,
      requestReference: `ENT1 request for ${source}, sha256 ${'f'.repeat(64)}`,
    });

  const proposeTransfer = async (quantity: number): Promise<ApprovalRequest> => {
    const result = await operator1.submit<TransferResult>('Allowance:Transfer', {
      fromAccount: source,
      toAccount: destination,
      quantity,
    });
    expect(result.moved).toEqual([]);
    if (result.pendingApproval === undefined) throw new Error('the transfer did not become a request');
    return result.pendingApproval;
  };

  beforeAll(async () => {
    regulator = participant('Regulator', 'regulator1');
    auditor = participant('Auditor', 'auditor1');
    operator1 = participant('Enterprise1', 'operator1');
    trader1 = participant('Enterprise1', 'trader1');
    await ensureBaseline(regulator);
    year = await firstFreePeriodYear(regulator, 2080);
    source = `TPA-${year}-1`;
    destination = `TPA-${year}-2`;
    untrusted = `TPA-${year}-3`;
    await periodWithTradingAccounts(
      regulator,
      year,
      [
        { id: source, entityId: 'ENT1' },
        { id: destination, entityId: 'ENT2' },
        { id: untrusted, entityId: 'ENT2' },
      ],
      10_000,
      5_000,
    );
  });

  afterAll(() => {
    for (const p of [regulator, auditor, operator1, trader1]) p.connection.close();
  });

  it('turns a transfer above the threshold into a request, refuses self-approval, and moves the units once a second representative approves', async () => {
    await represent(600);
    const before = await allowancesOf(auditor, source);
    const approval = await proposeTransfer(600);
    expect(approval).toMatchObject({
      status: 'pending',
      quantity: 600,
      toAccount: destination,
      proposedBy: { mspId: 'Enterprise1MSP', userName: 'operator1' },
    });
    expect(await allowancesOf(auditor, source)).toEqual({ held: before.held, locked: 600 });
    expect(await allowancesOf(auditor, destination)).toEqual({ held: 0, locked: 0 });

    const reference = { accountId: source, approvalId: approval.id };
    const self = await operator1.refusal('Approval:Approve', reference);
    expect(self.code).toBe('FORBIDDEN');
    expect(self.reason).toContain('a second representative must approve it');
    expect(await allowancesOf(auditor, source)).toEqual({ held: before.held, locked: 600 });

    const outcome = await trader1.submit<ApprovalOutcome>('Approval:Approve', reference);
    expect(outcome.approval).toMatchObject({
      status: 'executed',
      decidedBy: { mspId: 'Enterprise1MSP', userName: 'trader1' },
    });
    expect(await allowancesOf(auditor, source)).toEqual({ held: before.held - 600, locked: 0 });
    expect(await allowancesOf(auditor, destination)).toEqual({ held: 600, locked: 0 });
    const listed = await trader1.evaluate<ApprovalRequest[]>('Approval:ListApprovals', source);
    expect(listed.find((a) => a.id === approval.id)?.status).toBe('executed');
  });

  it('unlocks the units when a request expires unapproved', async () => {
    await represent(3);
    const before = await allowancesOf(auditor, source);
    const approval = await proposeTransfer(200);
    expect(await allowancesOf(auditor, source)).toEqual({ held: before.held, locked: 200 });
    // The transaction clock is the clients': wait past the 3 s window.
    await sleep(Math.max(0, Date.parse(approval.deadline) - Date.now()) + 2_000);
    const reference = { accountId: source, approvalId: approval.id };
    const late = await trader1.refusal('Approval:Approve', reference);
    expect(late.code).toBe('FAILED_PRECONDITION');
    expect(late.reason).toContain('expired');
    const outcome = await auditor.submit<ApprovalOutcome>('Approval:Expire', reference);
    expect(outcome.approval.status).toBe('expired');
    expect(await allowancesOf(auditor, source)).toEqual({ held: before.held, locked: 0 });
  });

  it('refuses a transfer to an account not on the trusted list, ledger unchanged', async () => {
    await trader1.submit('Approval:AddTrustedAccount', {
      accountId: source,
      trustedAccountId: destination,
      delaySeconds: 0,
    });
    const before = await allowancesOf(auditor, source);
    const refusal = await operator1.refusal('Allowance:Transfer', {
      fromAccount: source,
      toAccount: untrusted,
      quantity: 50,
    });
    expect(refusal.code).toBe('FAILED_PRECONDITION');
    expect(refusal.reason).toContain(
      `account ${untrusted} is not on account ${source}'s trusted account list`,
    );
    expect(await allowancesOf(auditor, source)).toEqual(before);
    expect(await allowancesOf(auditor, untrusted)).toEqual({ held: 0, locked: 0 });
    // Within the threshold, to the trusted account: at once.
    const moved = await operator1.submit<TransferResult>('Allowance:Transfer', {
      fromAccount: source,
      toAccount: destination,
      quantity: 50,
    });
    expect(moved.pendingApproval).toBeUndefined();
    expect(await allowancesOf(auditor, source)).toEqual({ held: before.held - 50, locked: 0 });
  });

  it('turns a sell order above the threshold into a request with its units locked, and places it on approval', async () => {
    await represent(600);
    const instrument = `allowance-${String(year)}`;
    await regulator.submit('Market:ConfigureInstrument', {
      unitType: 'allowance',
      vintage: year,
      referencePrice: 5_000,
    });
    const before = await allowancesOf(auditor, source);
    const placed = await operator1.submit<PlacedOrder>('Market:PlaceOrder', {
      accountId: source,
      side: 'sell',
      instrument,
      price: 5_000,
      quantity: 150,
      goodTill: 'period',
    });
    expect(placed.status).toBe('pending-approval');
    const approval = placed.pendingApproval;
    if (approval === undefined) throw new Error('the order did not become a request');
    expect(approval).toMatchObject({ operation: 'order', side: 'sell', instrument, quantity: 150 });
    expect(await allowancesOf(auditor, source)).toEqual({ held: before.held, locked: 150 });
    // Nothing is placed before the approval.
    expect(await isMissing(() => trader1.evaluate('Market:GetOrder', source, approval.id))).toBe(true);

    const outcome = await trader1.submit<ApprovalOutcome>('Approval:Approve', {
      accountId: source,
      approvalId: approval.id,
    });
    expect(outcome.approval.status).toBe('executed');
    expect(outcome.order).toMatchObject({ id: approval.id, status: 'open', remaining: 150 });
    // The order rests in the book (nothing crosses it), still holding the same 150 units.
    const order = await auditor.evaluate<Order>('Market:GetOrder', source, approval.id);
    expect(order).toMatchObject({ id: approval.id, side: 'sell', status: 'open', remaining: 150 });
    expect(await allowancesOf(auditor, source)).toEqual({ held: before.held, locked: 150 });
    await trader1.submit('Market:CancelOrder', { accountId: source, orderId: approval.id });
    expect(await allowancesOf(auditor, source)).toEqual({ held: before.held, locked: 0 });
  });
});
