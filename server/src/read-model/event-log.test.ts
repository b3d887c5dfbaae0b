import { CARBON_EVENT_NAMES } from '@carbon-ets/contract';
import { openDatabase } from '../store/database';
import type { LoggedEvent } from './ledger-block';
import { ReadModel } from './read-model';
import { blockOf, cycleBlocks, cycleFixture } from './testing/cycle-fixture';

describe('the event log', () => {
  const model = new ReadModel(openDatabase(':memory:'));
  const returned: LoggedEvent[] = [];
  beforeAll(() => {
    for (const block of cycleBlocks(3)) returned.push(...model.apply(block));
  });
  const all = (): readonly LoggedEvent[] => model.events({ afterSeq: 0, entityIds: 'all', limit: 500 }).items;
  const named = (name: string, occurrence = 1): LoggedEvent =>
    all().filter((event) => event.name === name)[occurrence - 1]!;

  it('numbers every carbon event 1, 2, 3 … in ledger order, as apply returned them', () => {
    const transactions = cycleFixture().transactions.filter((t) => t.event !== undefined);
    expect(all().map((event) => event.seq)).toEqual(transactions.map((_, i) => i + 1));
    expect(all().map((event) => event.txId)).toEqual(transactions.map((t) => t.txId));
    expect(returned).toEqual(all());
    // The recorded cycle has every event of the contract but the regulator's corrections and estimates
    // (issue 13), which it predates; their audience is the installation's, like a report's.
    const logged = new Set(all().map((event) => event.name));
    expect(CARBON_EVENT_NAMES.filter((name) => !logged.has(name))).toEqual([
      'AllocationPlanSet',
      'AllocationReturned',
      // Issue 14: lot consolidation, after the cycle was recorded.
      'LotsConsolidated',
      // Issue 15: green certificates, after the cycle was recorded.
      'CertificatesIssued',
      'CertificatesTransferred',
      'CertificatesCancelled',
      'VerifierAccredited',
      'VerifierAccreditationWithdrawn',
      'VerifierAssigned',
      'EmissionsCorrected',
      'EmissionsEstimated',
      // Issue 14: a paged closing's pages before the last (the cycle's closing is one page).
      'PeriodClosingProgressed',
      'AuctionScheduled',
      'BidCommitted',
      'BidRevealed',
      'AuctionCleared',
      'AuctionCancelled',
      'RepresentativesSet',
      'ApprovalRequested',
      'ApprovalDecided',
      'TrustedAccountsChanged',
      // Issue 15: the carbon index, after the cycle was recorded.
      'MonthlyEnergySubmitted',
      'CarbonIndexThresholdPassed',
    ]);
    expect([...logged].every((name) => (CARBON_EVENT_NAMES as readonly string[]).includes(name))).toBe(true);
  });

  it('keeps block number, timestamp and payload', () => {
    const surrender = named('UnitsSurrendered');
    expect(surrender.block).toBe(Math.ceil(blockOf('UnitsSurrendered') / 3));
    expect(surrender.timestamp).toMatch(/^2026-03-01T00:00:\d\d\.000Z$/);
    expect(surrender.payload).toMatchObject({
      installationId: 'INST1',
      quantity: 3_000,
      unitType: 'allowance',
    });
  });

  it('pages by seq', () => {
    const first = model.events({ afterSeq: 0, entityIds: 'all', limit: 10 });
    expect(first.items.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(first.nextCursor).toBe('10');
    expect(model.events({ afterSeq: 10, entityIds: 'all', limit: 2 }).items.map((e) => e.seq)).toEqual([
      11, 12,
    ]);
    expect(model.events({ afterSeq: all().length, entityIds: 'all', limit: 5 })).toMatchObject({ items: [] });
  });

  it('names the parties of a transfer, units-received for the destination only', () => {
    expect(named('AllowancesTransferred').audience).toEqual({
      public: false,
      roles: [],
      parties: [
        { entityId: 'ENT1', accountId: 'HOLD1', kinds: [] },
        { entityId: 'ENT1', accountId: 'TRADE1', kinds: ['units-received'] },
      ],
    });
    expect(named('AllowancesAllocated').audience.parties).toEqual([
      { entityId: '', accountId: 'NATIONAL-ALLOCATION', kinds: [] },
      { entityId: 'ENT1', accountId: 'HOLD1', kinds: ['units-received'] },
    ]);
  });

  it('tags fills for both sides, units received for the buyer, and expiries', () => {
    expect(named('OrdersMatched').audience.parties).toEqual([
      { entityId: 'ENT1', accountId: 'TRADE1', kinds: ['order-filled'] },
      { entityId: 'ENT2', accountId: 'TRADE2', kinds: ['order-filled', 'units-received'] },
    ]);
    expect(named('OrdersMatched', 3).kinds).toEqual(['order-expired']);
    expect(named('OrdersMatched', 3).audience.parties.map((p) => p.entityId)).toEqual(['ENT1', 'ENT2']);
    expect(named('OrderCancelled').kinds).toEqual(['order-cancelled']);
  });

  it('tags reports verified, rejected and accepted, and surrenders, for the installation’s entity', () => {
    expect(named('ReportRejected').audience).toEqual({
      public: false,
      roles: ['verifier'],
      parties: [{ entityId: 'ENT1', accountId: 'HOLD1', kinds: ['report-rejected'] }],
    });
    expect(named('ReportVerified').kinds).toEqual(['report-verified']);
    expect(named('ReportAccepted').kinds).toEqual(['report-accepted']);
    expect(named('UnitsSurrendered').kinds).toEqual(['surrender-recorded']);
    expect(named('TradeAccepted').audience.parties).toEqual([
      { entityId: 'ENT1', accountId: 'TRADE1', kinds: [] },
      { entityId: 'ENT2', accountId: 'TRADE2', kinds: ['units-received'] },
    ]);
  });

  it('lists the events of given entities', () => {
    const ent2 = model.events({ afterSeq: 0, entityIds: ['ENT2'], limit: 500 }).items;
    expect(ent2.length).toBeGreaterThan(5);
    expect(ent2.every((event) => event.audience.parties.some((p) => p.entityId === 'ENT2'))).toBe(true);
    expect(model.events({ afterSeq: 0, entityIds: [], limit: 500 }).items).toEqual([]);
  });

  it('shows supervisors every event whole', () => {
    expect(model.eventsFor({ afterSeq: 0, viewer: { role: 'auditor' }, limit: 500 }).items).toEqual(all());
    expect(model.eventsFor({ afterSeq: 0, viewer: { role: 'regulator' }, limit: 500 }).items).toEqual(all());
  });

  it("shows a trader public events and their own entity's, cut to their share", () => {
    const seen = model.eventsFor({
      afterSeq: 0,
      viewer: { role: 'trader', entityId: 'ENT2' },
      limit: 500,
    }).items;
    const names = new Set(seen.map((event) => event.name));
    expect(names).toContain('PeriodCreated');
    expect(names).toContain('OrdersMatched');
    expect(names).not.toContain('Heartbeat');
    expect(names).not.toContain('OffsetsRetired');
    expect(seen.filter((event) => event.name === 'ReportSubmitted').map((event) => event.payload)).toEqual([
      expect.objectContaining({ installationId: 'INST2' }),
    ]);
    for (const event of seen) {
      expect(event.audience.parties.every((party) => party.entityId === 'ENT2')).toBe(true);
      expect({ name: event.name, seen: event.audience.public || event.audience.parties.length > 0 }).toEqual({
        name: event.name,
        seen: true,
      });
    }
    const expiry = seen.filter((event) => event.name === 'OrdersMatched')[2]!;
    // ENT2's expired buy order only, not ENT1's expired sell order.
    const [expired] = model.orders({ entityId: 'ENT2', status: 'expired', limit: 5 }).items;
    const clearing = named('OrdersMatched', 3) as LoggedEvent<'OrdersMatched'>;
    expect(clearing.payload.expiredOrderIds).toContain(expired!.id);
    expect(expiry.payload).toMatchObject({ expiredOrderIds: [expired!.id] });
    expect(expiry.kinds).toEqual(['order-expired']);
    const fill = seen.find((event) => event.name === 'OrdersMatched')!;
    expect(fill.kinds).toEqual(['order-filled', 'units-received']);
  });

  it('shows a verifier every report event, and an operator only their own installations', () => {
    const verifier = model.eventsFor({
      afterSeq: 0,
      viewer: { role: 'verifier', entityId: 'VER1' },
      limit: 500,
    });
    expect(verifier.items.filter((event) => event.name === 'ReportSubmitted')).toHaveLength(2);
    const operator1 = model.eventsFor({
      afterSeq: 0,
      viewer: { role: 'operator', entityId: 'ENT1' },
      limit: 500,
    });
    const submitted = operator1.items.filter((event) => event.name === 'ReportSubmitted');
    expect(submitted.map((event) => event.payload)).toEqual([
      expect.objectContaining({ installationId: 'INST1' }),
    ]);
    const closing = operator1.items.find((event) => event.name === 'PeriodClosed')!;
    expect(closing.payload).toMatchObject({
      outcomes: [{ installationId: 'INST1' }, { installationId: 'INST3' }],
    });
  });
});
