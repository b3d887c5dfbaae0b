// The testing helpers first: they quiet fabric-contract-api's loggers before any contract class loads.
import {
  AuctionTimes,
  clearAuction,
  commitBid,
  revealBid,
  salt,
  scheduleAuction,
  stockAuctionAccount,
} from './testing/auction';
import { closePeriod } from './testing/closing';
import { issueOffsetsToEnt1 } from './testing/cycle';
import { Users } from './testing/identities';
import { market, marketScenario, placeOrder } from './testing/market';
import { createCarbonIndexPeriod } from './testing/carbon-index';
import { allocateFixed, cc, Fixtures, submit, tx } from './testing/scenario';
import type { TestLedger } from './testing/test-ledger';
import { CARBON_EVENT_NAMES, CARBON_EVENTS, isCarbonEventName } from '@carbon-ets/contract';
import { SystemContract } from './contracts/system-contract';

const instrument = 'allowance-2025';
const review = { period: 2025, installationId: 'INST1' };

/** Every kind of state change at least once, so that every event of the contract is emitted. */
async function everyStateChange(ledger: TestLedger): Promise<void> {
  const { regulator, operator1, trader1, trader2, verifier } = Users;
  const registry = (name: keyof typeof cc.registry) => tx(cc.registry, name);
  const m = (name: keyof typeof cc.market) => tx(cc.market, name);

  await submit(ledger, regulator, registry('AddInstallations'), {
    entityId: 'ENT1',
    installations: [{ id: 'INST3', sector: 'power', capacity: '300' }],
  });
  await submit(ledger, regulator, registry('BlockAccount'), { accountId: 'HOLD2', reason: 'audit' });
  await submit(ledger, regulator, registry('UnblockAccount'), { accountId: 'HOLD2', reason: 'audit done' });

  // Market supervision; the instrument is configured again so that 600 t is a large order.
  await submit(ledger, regulator, m('HaltMarket'), { reason: 'test' });
  await submit(ledger, regulator, m('ResumeMarket'), { reason: 'test' });
  await submit(ledger, regulator, m('SetHoldingLimit'), { entityId: 'ENT2', instrument, limit: 1_000_000 });
  await submit(ledger, regulator, m('SetHoldingLimit'), { entityId: 'ENT2', instrument, limit: null });
  await submit(ledger, regulator, market.configure, {
    unitType: 'allowance',
    vintage: 2025,
    referencePrice: 10_000,
    largeOrderThreshold: 500,
  });

  // Orders: a large one cancelled, a small one filled by a clearing.
  const large = await placeOrder(ledger, 'TRADE1', 'sell', 10_000, 600);
  await submit(ledger, trader1, market.cancel, { accountId: 'TRADE1', orderId: large.id });
  await placeOrder(ledger, 'TRADE1', 'sell', 10_000, 10);
  await placeOrder(ledger, 'TRADE2', 'buy', 10_100, 10);
  await submit(ledger, regulator, market.match, { instrument });

  // Bilateral trades: accepted, rejected, cancelled.
  const propose = async (quantity: number): Promise<string> => {
    const proposal = (await submit(ledger, trader1, market.propose, {
      accountId: 'TRADE1',
      buyerEntityId: 'ENT2',
      instrument,
      price: 10_000,
      quantity,
    })) as { id: string };
    return proposal.id;
  };
  await submit(ledger, trader2, market.accept, { proposalId: await propose(4), accountId: 'TRADE2' });
  await submit(ledger, trader2, market.reject, { proposalId: await propose(1), reason: 'too dear' });
  await submit(ledger, trader1, market.cancelProposal, { proposalId: await propose(1) });

  await submit(ledger, regulator, tx(cc.funds, 'Withdraw'), {
    accountId: 'TRADE1',
    amount: '1',
    reference: 'bank-2',
  });
  await submit(ledger, trader1, tx(new SystemContract(), 'Heartbeat'), 'monitor-1');

  // HOLD2 gets representatives and a trusted list; a transfer above its threshold waits and is approved.
  const { operator2 } = Users;
  const approval = (name: keyof typeof cc.approval) => tx(cc.approval, name);
  await submit(ledger, regulator, approval('SetRepresentatives'), {
    accountId: 'HOLD2',
    representatives: [
      { mspId: 'Enterprise2MSP', userName: 'operator2', role: 'proposer' },
      { mspId: 'Enterprise2MSP', userName: 'trader2', role: 'approver' },
    ],
    approvalThreshold: 10,
    requestReference: 'REQ-2',
  });
  const trusted = { accountId: 'HOLD2', trustedAccountId: 'TRADE1' };
  await submit(ledger, operator2, approval('AddTrustedAccount'), { ...trusted, delaySeconds: 0 });
  const pending = (await submit(ledger, operator2, tx(cc.allowance, 'Transfer'), {
    fromAccount: 'HOLD2',
    toAccount: 'TRADE1',
    quantity: 20,
  })) as { pendingApproval: { id: string } };
  await submit(ledger, trader2, approval('Approve'), {
    accountId: 'HOLD2',
    approvalId: pending.pendingApproval.id,
  });
  await submit(ledger, operator2, approval('RemoveTrustedAccount'), trusted);
  // TRADE1 now holds allowances from HOLD1 and from HOLD2: two lots, merged into one.
  await submit(ledger, trader1, tx(cc.allowance, 'ConsolidateLots'), { accountId: 'TRADE1' });

  // Offsets: issued to TRADE1, some moved to INST1's holding account for surrender, some retired.
  await issueOffsetsToEnt1(ledger);
  await submit(ledger, trader1, tx(cc.offset, 'TransferOffsets'), {
    fromAccount: 'TRADE1',
    toAccount: 'HOLD1',
    quantity: 100,
    projectId: 'PRJ1',
  });
  await submit(ledger, trader1, tx(cc.offset, 'RetireOffsets'), {
    accountId: 'TRADE1',
    quantity: 10,
    beneficiary: 'a festival',
  });

  // Green certificates: issued to TRADE1 for INST1's device, some moved to TRADE2, some cancelled.
  await submit(ledger, regulator, tx(cc.certificate, 'IssueCertificates'), Fixtures.certificateIssuance());
  await submit(ledger, trader1, tx(cc.certificate, 'TransferCertificates'), {
    fromAccount: 'TRADE1',
    toAccount: 'TRADE2',
    quantity: 100,
  });
  await submit(ledger, trader1, tx(cc.certificate, 'CancelCertificates'), {
    accountId: 'TRADE1',
    quantity: 50,
    beneficiary: 'a data centre',
  });

  // Auctions: AUC1 cleared at one price (two bidders), AUC2 cancelled (undersubscribed).
  await stockAuctionAccount(ledger);
  await scheduleAuction(ledger);
  await scheduleAuction(ledger, { id: 'AUC2', quantity: 100 });
  ledger.setTime(AuctionTimes.opens);
  const bids = [
    { who: trader2, bid: { accountId: 'TRADE2', price: 6_000, quantity: 500, salt: salt(1) } },
    { who: trader1, bid: { accountId: 'TRADE1', price: 5_500, quantity: 500, salt: salt(2) } },
  ];
  const committed = [];
  for (const { who, bid } of bids) committed.push((await commitBid(ledger, who, bid)).id);
  ledger.setTime(AuctionTimes.closes);
  for (const [i, { who, bid }] of bids.entries()) await revealBid(ledger, who, committed[i] ?? '', bid);
  ledger.setTime(AuctionTimes.revealBy);
  await clearAuction(ledger);
  await clearAuction(ledger, 'AUC2');

  // Carbon index (period 2026): January below the threshold, February takes INST1 above it.
  await createCarbonIndexPeriod(ledger, 5_000);
  await submit(ledger, regulator, tx(cc.allowance, 'IssueAllowances'), { period: 2026, quantity: 100 });
  await allocateFixed(ledger, 2026, 'INST1', 100);
  const energy = tx(cc.carbonIndex, 'SubmitMonthlyEnergy');
  await submit(ledger, operator1, energy, {
    installationId: 'INST1',
    period: 2026,
    month: 1,
    electricity: '1',
  });
  await submit(ledger, operator1, energy, { installationId: 'INST1', period: 2026, month: 2, coal: '100' });

  // A report rejected, corrected, verified (with a reason) and accepted.
  ledger.setTime('2026-03-01T00:00:00Z');
  await submit(ledger, operator1, tx(cc.mrv, 'SubmitReport'), Fixtures.report());
  // Verifiers: VER2 accredited, assigned, withdrawn; VER1 assigned in its place.
  await submit(ledger, regulator, registry('RegisterEntity'), {
    id: 'VER2',
    kind: 'verifier',
    name: 'Second verifier',
    ownerMsp: 'VerifierMSP',
  });
  const accredit = tx(cc.mrv, 'AccreditVerifier');
  await submit(ledger, regulator, accredit, {
    entityId: 'VER2',
    sectors: ['power'],
    validUntil: '2030-01-01',
  });
  await submit(ledger, regulator, tx(cc.mrv, 'AssignVerifier'), { ...review, verifierEntityId: 'VER2' });
  await submit(ledger, regulator, tx(cc.mrv, 'WithdrawAccreditation'), { entityId: 'VER2', reason: 'audit' });
  await submit(ledger, regulator, accredit, {
    entityId: 'VER1',
    sectors: ['power'],
    validUntil: '2030-01-01',
  });
  await submit(ledger, regulator, tx(cc.mrv, 'AssignVerifier'), { ...review, verifierEntityId: 'VER1' });
  await submit(ledger, verifier, tx(cc.mrv, 'RejectReport'), { ...review, version: 1, reason: 'no meter' });
  await submit(ledger, operator1, tx(cc.mrv, 'CorrectReport'), Fixtures.report('INST1', { reason: 'meter' }));
  await submit(ledger, verifier, tx(cc.mrv, 'VerifyReport'), {
    ...review,
    version: 2,
    verifiedEmissions: 3_300,
    opinion: 'positive',
    reason: 'stock count',
  });
  await submit(ledger, regulator, tx(cc.mrv, 'AcceptReport'), { ...review, version: 2 });

  const surrender = tx(cc.compliance, 'Surrender');
  await submit(ledger, operator1, surrender, { ...review, unitType: 'allowance', quantity: 3_000 });
  await submit(ledger, operator1, surrender, { ...review, unitType: 'offset', quantity: 50 });
  // INST2 never reported: after the deadline the regulator estimates its emissions, then corrects them.
  ledger.setTime('2026-04-01T00:00:00Z');
  await submit(ledger, regulator, tx(cc.compliance, 'EstimateEmissions'), {
    period: 2025,
    installationId: 'INST2',
    estimatedEmissions: 90_000,
    reason: 'no report; capacity × hours × conservative factor',
    documents: [{ name: 'estimate.xlsx', sha256: 'c'.repeat(64) }],
  });
  await submit(ledger, regulator, tx(cc.compliance, 'CorrectEmissions'), {
    period: 2025,
    installationId: 'INST2',
    verifiedEmissions: 95_000,
    reason: 'site inspection',
    documents: [{ name: 'inspection.pdf', sha256: 'd'.repeat(64) }],
  });
  // INST3 (added above) gets a holding account and a benchmark plan line: pre-allocated 50, trued up to
  // floor(100 × 0.392) = 39, it owes 11 back and returns 5 (6 go into its shortfall at closing).
  await submit(ledger, regulator, registry('OpenAccount'), {
    kind: 'holding',
    id: 'HOLD3',
    entityId: 'ENT1',
    installationId: 'INST3',
  });
  const inst3 = { period: 2025, installationId: 'INST3' };
  await submit(ledger, regulator, tx(cc.allowance, 'SetAllocationPlan'), {
    period: 2025,
    lines: [
      {
        installationId: 'INST3',
        method: 'benchmark',
        benchmarkId: 'gas',
        correctionFactors: ['1'],
        preAllocationBase: 100,
        preAllocationShareBasisPoints: 5_000,
        ceiling: 100,
      },
    ],
  });
  await submit(ledger, regulator, tx(cc.allowance, 'PreAllocate'), inst3);
  await submit(ledger, regulator, tx(cc.compliance, 'EstimateEmissions'), {
    ...inst3,
    estimatedEmissions: 40,
    reason: 'no report',
  });
  await submit(ledger, regulator, tx(cc.allowance, 'TrueUp'), { ...inst3, verifiedOutput: '100' });
  await submit(ledger, operator1, tx(cc.allowance, 'ReturnAllocation'), { ...inst3, quantity: 5 });
  // INST1 surrenders beyond its obligation (the default policy warns).
  await submit(ledger, operator1, surrender, { ...review, unitType: 'allowance', quantity: 300 });
  ledger.setTime('2026-10-01T00:00:00Z');
  // Pages of two installations: the first emits PeriodClosingProgressed, the last PeriodClosed.
  await closePeriod(ledger, 2025, 2);
}

describe('chaincode events match the wire contract', () => {
  let ledger: TestLedger;
  beforeAll(async () => {
    ledger = await marketScenario();
    await everyStateChange(ledger);
  });

  it('every event the chaincode emitted parses with the schema of its name and loses no field', () => {
    expect(ledger.world.events.length).toBeGreaterThan(CARBON_EVENT_NAMES.length);
    for (const event of ledger.world.events) {
      expect(isCarbonEventName(event.name)).toBe(true);
      if (!isCarbonEventName(event.name)) continue;
      const parsed = CARBON_EVENTS[event.name].safeParse(event.payload);
      // The event's name in the failure message says which schema and emit site disagree.
      expect({ name: event.name, issues: parsed.error?.issues }).toEqual({
        name: event.name,
        issues: undefined,
      });
      // An object schema strips keys it does not declare: equality proves the schema declares every field.
      expect({ name: event.name, payload: parsed.data }).toEqual({
        name: event.name,
        payload: event.payload,
      });
      expect(parsed.data?.txId).toBe(event.txId);
    }
  });

  it('the flow emitted every event of the contract, optional fields included', () => {
    const emitted = new Set(ledger.world.events.map((event) => event.name));
    expect(CARBON_EVENT_NAMES.filter((name) => !emitted.has(name))).toEqual([]);
    const payloadOf = (name: string): Record<string, unknown> | undefined =>
      ledger.world.events.find((event) => event.name === name)?.payload as
        Record<string, unknown> | undefined;
    expect(payloadOf('FundsWithdrawn')).toMatchObject({ reference: 'bank-2' });
    expect(payloadOf('VerifierAccreditationWithdrawn')).toMatchObject({
      accreditation: { entityId: 'VER2', withdrawn: { reason: 'audit' } },
    });
    const reassigned = ledger.world.events.filter((event) => event.name === 'VerifierAssigned');
    expect(reassigned[1]?.payload).toMatchObject({ assignment: { previousVerifierEntityId: 'VER2' } });
    expect(payloadOf('ReportVerified')).toMatchObject({ reason: 'stock count', differenceTonnes: 36 });
    expect(payloadOf('ReportAccepted')).toMatchObject({ reason: 'stock count', verifiedEmissions: 3_300 });
    expect(payloadOf('LargeOrderPlaced')).toMatchObject({ largeOrderThreshold: 500 });
    expect(payloadOf('AuctionCleared')).toMatchObject({
      auction: { result: { clearingPrice: 5_500, sold: 1_000 } },
    });
    expect(payloadOf('AuctionCancelled')).toMatchObject({
      auction: { result: { cancellation: 'undersubscribed' } },
    });
    const warned = ledger.world.events.filter(
      (event) => event.name === 'UnitsSurrendered' && 'warning' in (event.payload as object),
    );
    expect(warned).toHaveLength(1);
    expect(payloadOf('AllocationReturned')).toMatchObject({
      quantity: 5,
      allocation: { installationId: 'INST3', quantity: 45, returnDue: 6, returned: 5, finalQuantity: 39 },
    });
    const outcomes = ledger.world.events
      .filter((event) => event.name === 'PeriodClosingProgressed' || event.name === 'PeriodClosed')
      .flatMap((event) => (event.payload as { outcomes: { installationId: string }[] }).outcomes);
    expect(outcomes.find((outcome) => outcome.installationId === 'INST3')).toMatchObject({
      code: 'B',
      shortfall: 46,
    });
    expect(payloadOf('EmissionsCorrected')).toMatchObject({
      correction: { previousTonnes: 90_000, tonnes: 95_000, carriedTo: null },
    });
  });
});
