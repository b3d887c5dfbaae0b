import { NATIONAL_ACCOUNTS, type CarbonEventOf } from '@carbon-ets/contract';
import type { EventAudience, EventParty, NotificationKind } from './ledger-block';
import type { Lookups } from './lookups';

/** Collects the parties of one event, merging the kinds of a party named twice. */
class Parties {
  private readonly parties = new Map<
    string,
    { entityId: string; accountId: string; kinds: Set<NotificationKind> }
  >();

  constructor(private readonly lookups: Lookups) {}

  add(entityId: string, accountId: string, kinds: readonly NotificationKind[] = []): void {
    const key = `${entityId}\u0000${accountId}`;
    const party = this.parties.get(key) ?? { entityId, accountId, kinds: new Set<NotificationKind>() };
    kinds.forEach((kind) => party.kinds.add(kind));
    this.parties.set(key, party);
  }

  account(accountId: string, ...kinds: NotificationKind[]): void {
    this.add(this.lookups.entityOfAccount(accountId), accountId, kinds);
  }

  entity(entityId: string, ...kinds: NotificationKind[]): void {
    this.add(entityId, '', kinds);
  }

  /** An installation's entity, through its holding account when it has one. */
  installation(installationId: string, ...kinds: NotificationKind[]): void {
    const owner = this.lookups.installationOwner(installationId);
    this.add(owner.entityId, owner.holdingAccountId, kinds);
  }

  order(orderId: string, ...kinds: NotificationKind[]): void {
    const owner = this.lookups.orderOwner(orderId);
    if (owner !== undefined) this.add(owner.entityId, owner.accountId, kinds);
  }

  /** Sorted by entity and account, as the log reads them back. */
  list(): EventParty[] {
    return [...this.parties.values()]
      .map(({ entityId, accountId, kinds }) => ({ entityId, accountId, kinds: [...kinds].sort() }))
      .sort((a, b) => compareText(a.entityId, b.entityId) || compareText(a.accountId, b.accountId));
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Reference data every user may see. */
const PUBLIC_EVENTS: ReadonlySet<string> = new Set([
  'PeriodCreated',
  'FactorSetPublished',
  'InstrumentConfigured',
  'MarketHalted',
  'MarketResumed',
  'OffsetProjectRegistered',
  'AuctionScheduled',
  'AuctionCleared',
  'AuctionCancelled',
]);

/** Verifiers see every report's events: a submitted or corrected report waits in their queue. */
const VERIFIER_EVENTS: ReadonlySet<string> = new Set([
  'ReportSubmitted',
  'ReportCorrected',
  'ReportVerified',
  'ReportRejected',
  'ReportAccepted',
  'VerifierAccredited',
  'VerifierAccreditationWithdrawn',
  'VerifierAssigned',
]);

/**
 * Whom an event concerns: the entities and accounts it names or touches, each with the notification kinds it
 * means for them (a transfer is `units-received` for the destination only). Looked up after the event's block
 * is projected, so accounts, installations and orders the event names are known; none of them is ever deleted.
 */
export function eventAudience(event: CarbonEventOf, lookups: Lookups): EventAudience {
  const parties = new Parties(lookups);
  switch (event.name) {
    case 'EntityRegistered':
      parties.entity(event.payload.entity.id);
      break;
    case 'InstallationsAdded':
    case 'HoldingLimitRemoved':
      parties.entity(event.payload.entityId);
      break;
    case 'AccountOpened':
      parties.add(event.payload.account.entityId ?? '', event.payload.account.id);
      break;
    case 'AccountStatusChanged':
    case 'FundsDeposited':
    case 'FundsWithdrawn':
      parties.account(event.payload.accountId);
      break;
    case 'PeriodCreated':
    case 'FactorSetPublished':
    case 'InstrumentConfigured':
    case 'MarketHalted':
    case 'MarketResumed':
    case 'Heartbeat':
      break;
    case 'AllowancesIssued':
      parties.account(NATIONAL_ACCOUNTS.allocation);
      break;
    case 'AllocationPlanSet':
      event.payload.lines.forEach((line) => {
        parties.installation(line.installationId);
      });
      break;
    case 'AllowancesAllocated':
      parties.account(NATIONAL_ACCOUNTS.allocation);
      // Allocations before plans carry no part quantity: the record's is what was paid.
      if ((event.payload.quantity ?? event.payload.allocation.quantity) > 0) {
        parties.account(event.payload.allocation.accountId, 'units-received');
      } else {
        parties.account(event.payload.allocation.accountId);
      }
      break;
    case 'AllocationReturned':
      parties.account(event.payload.allocation.accountId);
      parties.account(NATIONAL_ACCOUNTS.allocation);
      break;
    case 'LotsConsolidated':
      parties.account(event.payload.accountId);
      break;
    case 'AllowancesTransferred':
    case 'OffsetsTransferred':
    case 'CertificatesTransferred':
      parties.account(event.payload.fromAccount);
      parties.account(event.payload.toAccount, 'units-received');
      break;
    case 'OffsetProjectRegistered':
      parties.entity(event.payload.project.ownerEntityId);
      break;
    case 'OffsetsIssued':
      parties.account(event.payload.issuance.accountId, 'units-received');
      break;
    case 'OffsetsRetired':
      parties.account(event.payload.accountId);
      parties.account(NATIONAL_ACCOUNTS.deletion);
      break;
    case 'CertificatesIssued':
      parties.account(event.payload.issuance.accountId, 'units-received');
      parties.installation(event.payload.issuance.installationId);
      break;
    case 'CertificatesCancelled':
      parties.account(event.payload.accountId);
      parties.account(NATIONAL_ACCOUNTS.deletion);
      break;
    case 'ReportSubmitted':
    case 'ReportCorrected':
    case 'MonthlyEnergySubmitted':
    case 'CarbonIndexThresholdPassed':
      parties.installation(event.payload.installationId);
      break;
    case 'ReportVerified':
      parties.installation(event.payload.installationId, 'report-verified');
      break;
    case 'ReportRejected':
      parties.installation(event.payload.installationId, 'report-rejected');
      break;
    case 'ReportAccepted':
      parties.installation(event.payload.installationId, 'report-accepted');
      break;
    case 'VerifierAccredited':
    case 'VerifierAccreditationWithdrawn':
      parties.entity(event.payload.accreditation.entityId);
      break;
    case 'VerifierAssigned':
      // The verifier entity (its queue changes) and the installation's enterprise (who will verify it).
      parties.entity(event.payload.assignment.verifierEntityId);
      parties.installation(event.payload.assignment.installationId);
      if (event.payload.assignment.previousVerifierEntityId !== undefined) {
        parties.entity(event.payload.assignment.previousVerifierEntityId);
      }
      break;
    case 'UnitsSurrendered':
      parties.installation(event.payload.installationId, 'surrender-recorded');
      parties.account(NATIONAL_ACCOUNTS.deletion);
      break;
    case 'EmissionsCorrected':
    case 'EmissionsEstimated':
      parties.installation(event.payload.installationId);
      break;
    case 'PeriodClosingProgressed':
    case 'PeriodClosed':
      // A page's outcomes only (a paged closing's events are bounded): each installation's enterprise.
      event.payload.outcomes.forEach((outcome) => {
        parties.installation(outcome.installationId);
      });
      break;
    case 'HoldingLimitSet':
      parties.entity(event.payload.limit.entityId);
      break;
    case 'OrderPlaced':
    case 'LargeOrderPlaced':
      parties.add(event.payload.order.entityId, event.payload.order.accountId);
      break;
    case 'OrderCancelled':
      parties.add(event.payload.order.entityId, event.payload.order.accountId, ['order-cancelled']);
      break;
    case 'OrdersMatched':
      for (const trade of event.payload.trades) {
        if (trade.buyOrderId !== undefined) parties.order(trade.buyOrderId, 'order-filled', 'units-received');
        if (trade.sellOrderId !== undefined) parties.order(trade.sellOrderId, 'order-filled');
      }
      event.payload.expiredOrderIds.forEach((orderId) => {
        parties.order(orderId, 'order-expired');
      });
      break;
    case 'TradeProposed':
    case 'TradeRejected':
    case 'ProposalCancelled':
      parties.add(event.payload.proposal.sellerEntityId, event.payload.proposal.sellerAccountId);
      parties.entity(event.payload.proposal.buyerEntityId);
      break;
    case 'TradeAccepted':
      parties.add(event.payload.trade.sellerEntityId, event.payload.trade.sellAccountId);
      parties.add(event.payload.trade.buyerEntityId, event.payload.trade.buyAccountId, ['units-received']);
      break;
    case 'AuctionScheduled':
      parties.account(NATIONAL_ACCOUNTS.auction);
      break;
    case 'BidCommitted':
    case 'BidRevealed':
      parties.add(event.payload.bid.entityId, event.payload.bid.accountId);
      break;
    case 'AuctionCleared':
    case 'AuctionCancelled':
      parties.account(NATIONAL_ACCOUNTS.auction);
      for (const bid of event.payload.bids) {
        parties.add(bid.entityId, bid.accountId, bid.status === 'won' ? ['units-received'] : []);
      }
      break;
    case 'RepresentativesSet':
      parties.account(event.payload.representatives.accountId);
      break;
    case 'TrustedAccountsChanged':
      parties.account(event.payload.list.accountId);
      break;
    case 'ApprovalRequested':
      parties.account(event.payload.approval.accountId);
      break;
    case 'ApprovalDecided': {
      const { approval } = event.payload;
      parties.account(approval.accountId);
      if (approval.status === 'executed' && approval.operation === 'transfer' && approval.toAccount) {
        parties.account(approval.toAccount, 'units-received');
      }
      if (approval.status === 'executed' && approval.operation === 'surrender' && approval.installationId) {
        parties.installation(approval.installationId, 'surrender-recorded');
        parties.account(NATIONAL_ACCOUNTS.deletion);
      }
      break;
    }
    default: {
      // A new event name must be given its audience here: this does not compile until it is.
      const unhandled: never = event;
      throw new Error(`no audience for event ${(unhandled as { name: string }).name}`);
    }
  }
  return {
    public: PUBLIC_EVENTS.has(event.name),
    roles: VERIFIER_EVENTS.has(event.name) ? ['verifier'] : [],
    parties: parties.list(),
  };
}
