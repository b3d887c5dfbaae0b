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
]);

/** Verifiers see every report's events: a submitted or corrected report waits in their queue. */
const VERIFIER_EVENTS: ReadonlySet<string> = new Set([
  'ReportSubmitted',
  'ReportCorrected',
  'ReportVerified',
  'ReportRejected',
  'ReportAccepted',
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
    case 'AllowancesAllocated':
      parties.account(NATIONAL_ACCOUNTS.allocation);
      parties.account(event.payload.allocation.accountId, 'units-received');
      break;
    case 'AllowancesTransferred':
    case 'OffsetsTransferred':
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
    case 'ReportSubmitted':
    case 'ReportCorrected':
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
    case 'UnitsSurrendered':
      parties.installation(event.payload.installationId, 'surrender-recorded');
      parties.account(NATIONAL_ACCOUNTS.deletion);
      break;
    case 'EmissionsCorrected':
    case 'EmissionsEstimated':
      parties.installation(event.payload.installationId);
      break;
    case 'PeriodClosed':
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
