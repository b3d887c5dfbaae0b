/**
 * # Auction: sealed-bid, uniform-price auctions of allowances
 *
 * **Sealed bids by commit and reveal.** While bidding is open a bidder records only the SHA-256 of its bid
 * (`bidCommitmentText`: auction, account, price, quantity and a 32-byte salt) with an escrow it chooses (at least
 * the bid's value, so the escrow shows only an upper bound). Every peer stores the commitment, none can read
 * the price or quantity. After the window closes the bidder reveals them with the salt; the chaincode checks
 * the hash, the escrow and the bidder's share. Private data collections would also hide bids, but need
 * collection configuration and per-org endorsement (issue 15); commit-reveal needs neither.
 *
 * **Keys (Fabric MVCC).** `auction ~ id` is written by scheduling and clearing only. Each bid is its own key
 * `auctionBid ~ auctionId ~ entityId ~ bidId` (id = the committing tx id) with `auctionEscrow ~ accountId ~
 * bidId` beside it, so commitments of different bidders never conflict; a reveal reads its own entity's bids
 * (the share check) and conflicts only with that entity's concurrent reveal. Clearing reads every bid of the
 * auction after the reveal deadline, when nothing can be added to that range any more.
 *
 * **Trust.** The auction's lots stay in NATIONAL-AUCTION (the regulator's org endorses them); bids and their
 * escrow carry the bidder's org's key-level endorsement, so clearing needs each bidder's peer as well.
 */
import { requireActingRepresentative } from '../approval/representatives';
import { CarbonContract } from '../contracts/carbon-contract';
import { Context, Info, Returns, Transaction } from 'fabric-contract-api';
import {
  Auction,
  type AuctionBid,
  type AuctionEscrow,
  auctionPhase,
  type AuctionRecord,
  conflict,
  DEFAULT_PERIOD_CURRENCY,
  failedPrecondition,
  fenOf,
  formatFen,
  forbidden,
  invalidArgument,
  notFound,
  parseArgs,
  parseRequest,
  tradeValue,
} from '@carbon-ets/contract';
import { actsFor, authorizeTransaction, isSupervisor, requireActsFor } from '../identity/access';
import { CashLedger } from '../funds/cash-ledger';
import { requireOwnerEndorsement } from '../ledger/endorsement';
import { emitEvent } from '../ledger/events';
import { ObjectType } from '../ledger/keys';
import { Store } from '../ledger/store';
import { txTime } from '../ledger/tx-time';
import { tradingAccountFor } from '../market/placement';
import { requirePeriod } from '../period/period-reads';
import { NationalAccount } from '../registry/account';
import { requireAccount, requireEntity } from '../registry/registry-reads';
import { LotLedger } from '../units/lot-ledger';
import { clearBids } from './clearing-rule';
import { auctionLock, bidCommitment } from './sealed-bid';
import { settleAuction } from './settlement';

async function requireAuction(store: Store, auctionId: string): Promise<AuctionRecord> {
  return store.require<AuctionRecord>(ObjectType.auction, [auctionId], `auction ${auctionId}`);
}

function requireScheduled(auction: AuctionRecord, action: string): void {
  if (auction.status !== 'scheduled') {
    throw failedPrecondition(
      `${action}: auction ${auction.id} is ${auction.status}; nothing more can change`,
    );
  }
}

@Info({
  title: 'Auction',
  description: 'Sealed-bid, uniform-price auctions of allowances from NATIONAL-AUCTION',
})
export class AuctionContract extends CarbonContract {
  constructor() {
    super('Auction');
  }

  /**
   * Schedules an auction of allowances of a vintage out of NATIONAL-AUCTION and locks its lots there until
   * clearing. Request: `{ id, vintage, quantity, reservePrice, biddingOpensAt, biddingClosesAt, revealBy,
   * maxShareBasisPoints, lotIds? }` (prices in fen per tonne of the period's currency; the window and the reveal
   * deadline in order, the window still to close). Caller: RegulatorMSP / regulator.
   */
  @Transaction()
  @Returns('string')
  public async ScheduleAuction(ctx: Context, request: string): Promise<string> {
    authorizeTransaction(ctx, Auction.scheduleAuction);
    const input = parseRequest(Auction.scheduleAuction, request);
    const { id, vintage, quantity, reservePrice, biddingOpensAt, biddingClosesAt, revealBy } = input;
    if (!(biddingOpensAt < biddingClosesAt)) {
      throw invalidArgument('auction.biddingClosesAt must be after auction.biddingOpensAt');
    }
    if (!(biddingClosesAt < revealBy)) {
      throw invalidArgument('auction.revealBy must be after auction.biddingClosesAt');
    }
    const now = txTime(ctx);
    if (biddingClosesAt <= now) {
      throw invalidArgument(`auction.biddingClosesAt must be in the future (now ${now})`);
    }
    if (input.maxShareBasisPoints === 0) {
      throw invalidArgument('auction.maxShareBasisPoints must be between 1 and 10000 basis points');
    }
    const maxPerBidder = Number((BigInt(quantity) * BigInt(input.maxShareBasisPoints)) / 10_000n);
    if (maxPerBidder === 0) {
      throw invalidArgument(
        `auction.maxShareBasisPoints of ${quantity} t lets no bidder win a whole tonne; raise the share or the quantity`,
      );
    }
    const store = new Store(ctx);
    if (await store.exists(ObjectType.auction, [id])) {
      throw conflict(`auction ${id} already exists`);
    }
    const period = await requirePeriod(store, vintage);
    const national = await requireAccount(store, NationalAccount.auction);
    if (national.status !== 'open') {
      throw failedPrecondition(`account ${national.id} is ${national.status}`);
    }
    const locked = await new LotLedger(ctx, store).lock(
      national,
      {
        quantity,
        ...(input.lotIds === undefined ? {} : { lotIds: input.lotIds }),
        filter: { unitType: 'allowance', vintage },
      },
      auctionLock(id),
    );
    const auction: AuctionRecord = {
      id,
      unitType: 'allowance',
      vintage,
      quantity,
      reservePrice,
      currency: period.currency || DEFAULT_PERIOD_CURRENCY,
      biddingOpensAt,
      biddingClosesAt,
      revealBy,
      maxShareBasisPoints: input.maxShareBasisPoints,
      maxPerBidder,
      lockedLotIds: locked.map((lot) => lot.id),
      status: 'scheduled',
      scheduledAt: now,
      scheduledTxId: ctx.stub.getTxID(),
    };
    await store.put(ObjectType.auction, [id], auction);
    emitEvent(ctx, 'AuctionScheduled', { auction });
    return JSON.stringify(auction);
  }

  /**
   * Commits a sealed bid while bidding is open: the commitment (SHA-256 of the bid's canonical text) and an
   * escrow, taken out of the bidding account's cash entries. Request: `{ auctionId, accountId, commitment,
   * escrow: "<fen>", cashEntryIds? }`. Caller: an operator or trader of the account's entity; once the account
   * has representatives, one of its proposers or approvers (no second approval: the escrow bounds the bid).
   */
  @Transaction()
  @Returns('string')
  public async CommitBid(ctx: Context, request: string): Promise<string> {
    const caller = authorizeTransaction(ctx, Auction.commitBid);
    const { auctionId, accountId, commitment, escrow, cashEntryIds } = parseRequest(
      Auction.commitBid,
      request,
    );
    const store = new Store(ctx);
    const auction = await requireAuction(store, auctionId);
    requireScheduled(auction, 'CommitBid');
    const now = txTime(ctx);
    if (now < auction.biddingOpensAt) {
      throw failedPrecondition(`bidding for auction ${auctionId} opens at ${auction.biddingOpensAt}`);
    }
    if (now >= auction.biddingClosesAt) {
      throw failedPrecondition(
        `bidding for auction ${auctionId} closed at ${auction.biddingClosesAt}; committed bids are revealed until ${auction.revealBy}`,
      );
    }
    const account = await tradingAccountFor(store, caller, accountId, 'CommitBid');
    // Only the account's representatives bid for it; a bid never waits for a second one (the escrow is the cap).
    await requireActingRepresentative(ctx, store, account, 'CommitBid');
    const entityId = account.entityId ?? '';
    await new CashLedger(ctx, store).debit(account, escrow, cashEntryIds);
    const id = ctx.stub.getTxID();
    const bid: AuctionBid = {
      id,
      auctionId,
      entityId,
      accountId: account.id,
      commitment,
      escrow: formatFen(escrow),
      status: 'committed',
      committedAt: now,
    };
    // The bid holds the bidder's escrow: changing it needs the owner's org as well.
    const bidKey = await store.put(ObjectType.auctionBid, [auctionId, entityId, id], bid);
    await requireOwnerEndorsement(ctx, bidKey, account.ownerMsp);
    const held: AuctionEscrow = { accountId: account.id, auctionId, bidId: id, escrow: bid.escrow };
    const escrowKey = await store.put(ObjectType.auctionEscrow, [account.id, id], held);
    await requireOwnerEndorsement(ctx, escrowKey, account.ownerMsp);
    emitEvent(ctx, 'BidCommitted', { bid });
    return JSON.stringify(bid);
  }

  /**
   * Reveals a committed bid after bidding closes and before the reveal deadline. The price, quantity and salt
   * must hash to the commitment; the bid's value must be within its escrow; the bidder's revealed tonnes in all
   * must stay within the auction's maximum per bidder. Request: `{ auctionId, accountId, bidId, price, quantity,
   * salt }`.
   * Caller: an operator or trader of the bidding entity; once the account has representatives, one of its
   * proposers or approvers.
   */
  @Transaction()
  @Returns('string')
  public async RevealBid(ctx: Context, request: string): Promise<string> {
    const caller = authorizeTransaction(ctx, Auction.revealBid);
    const { auctionId, accountId, bidId, price, quantity, salt } = parseRequest(Auction.revealBid, request);
    const store = new Store(ctx);
    const auction = await requireAuction(store, auctionId);
    requireScheduled(auction, 'RevealBid');
    const now = txTime(ctx);
    if (now < auction.biddingClosesAt) {
      throw failedPrecondition(
        `bids of auction ${auctionId} are revealed once bidding closes at ${auction.biddingClosesAt}`,
      );
    }
    if (now >= auction.revealBy) {
      throw failedPrecondition(
        `the reveal deadline of auction ${auctionId} passed at ${auction.revealBy}; an unrevealed bid's escrow is released at clearing`,
      );
    }
    const account = await requireAccount(store, accountId);
    if (account.entityId === undefined) {
      throw notFound(`bid ${bidId} of account ${accountId} in auction ${auctionId} does not exist`);
    }
    const entityId = account.entityId;
    requireActsFor(caller, await requireEntity(store, entityId), 'RevealBid');
    await requireActingRepresentative(ctx, store, account, 'RevealBid');
    const ownBids = (await store.list<AuctionBid>(ObjectType.auctionBid, [auctionId, entityId])).map(
      (kv) => kv.value,
    );
    const bid = ownBids.find((candidate) => candidate.id === bidId && candidate.accountId === accountId);
    if (bid === undefined) {
      throw notFound(`bid ${bidId} of account ${accountId} in auction ${auctionId} does not exist`);
    }
    if (bid.status !== 'committed') {
      throw failedPrecondition(`bid ${bidId} is already ${bid.status}`);
    }
    if (bidCommitment({ auctionId, accountId, price, quantity, salt }) !== bid.commitment) {
      throw invalidArgument(
        `reveal of bid ${bidId} does not match its commitment: give the price, quantity and salt that were committed`,
      );
    }
    const value = tradeValue(price, quantity);
    if (value > fenOf(bid.escrow)) {
      throw failedPrecondition(
        `bid ${bidId} is worth ${formatFen(value)} fen, more than its escrow of ${bid.escrow} fen`,
      );
    }
    const revealedBefore = ownBids
      .filter((other) => other.status === 'revealed')
      .reduce((sum, other) => sum + (other.quantity ?? 0), 0);
    if (revealedBefore + quantity > auction.maxPerBidder) {
      throw failedPrecondition(
        `entity ${entityId} may bid for at most ${auction.maxPerBidder} t in auction ${auctionId} (${auction.maxShareBasisPoints} basis points); ${revealedBefore} t already revealed`,
      );
    }
    const revealed: AuctionBid = { ...bid, status: 'revealed', price, quantity, revealedAt: now };
    await store.put(ObjectType.auctionBid, [auctionId, entityId, bidId], revealed);
    emitEvent(ctx, 'BidRevealed', { bid: revealed });
    return JSON.stringify(revealed);
  }

  /**
   * Clears an auction once its reveal deadline has passed, at one uniform price (see clearing-rule.ts), or
   * cancels it below the reserve or undersubscribed; settles every bid (see settlement.ts). Anyone may clear:
   * the result is a pure function of the ledger. Request: `{ auctionId }`. Caller: any carbon role.
   */
  @Transaction()
  @Returns('string')
  public async ClearAuction(ctx: Context, request: string): Promise<string> {
    authorizeTransaction(ctx, Auction.clearAuction);
    const { auctionId } = parseRequest(Auction.clearAuction, request);
    const store = new Store(ctx);
    const auction = await requireAuction(store, auctionId);
    requireScheduled(auction, 'ClearAuction');
    if (txTime(ctx) < auction.revealBy) {
      throw failedPrecondition(
        `auction ${auctionId} can be cleared from its reveal deadline ${auction.revealBy}`,
      );
    }
    const national = await requireAccount(store, NationalAccount.auction);
    const bids = (await store.list<AuctionBid>(ObjectType.auctionBid, [auctionId])).map((kv) => kv.value);
    const outcome = clearBids(
      auction,
      bids.flatMap((bid) =>
        bid.status === 'revealed' && bid.price !== undefined && bid.quantity !== undefined
          ? [{ id: bid.id, entityId: bid.entityId, price: bid.price, quantity: bid.quantity }]
          : [],
      ),
    );
    const settled = await settleAuction(ctx, store, auction, national, bids, outcome);
    if (settled.auction.status === 'cleared') emitEvent(ctx, 'AuctionCleared', settled);
    else emitEvent(ctx, 'AuctionCancelled', settled);
    return JSON.stringify(settled.auction);
  }

  /** An auction with its phase at the time of the read. Caller: anyone with a carbon role. */
  @Transaction(false)
  @Returns('string')
  public async GetAuction(ctx: Context, auctionId: string): Promise<string> {
    authorizeTransaction(ctx, Auction.getAuction);
    const [id] = parseArgs(Auction.getAuction, ['auctionId'], [auctionId]);
    const auction = await requireAuction(new Store(ctx), id);
    return JSON.stringify({ auction, phase: auctionPhase(auction, txTime(ctx)) });
  }

  /** Every auction with its phase, by id. Caller: anyone with a carbon role. */
  @Transaction(false)
  @Returns('string')
  public async GetAuctions(ctx: Context): Promise<string> {
    authorizeTransaction(ctx, Auction.getAuctions);
    const now = txTime(ctx);
    const auctions = await new Store(ctx).list<AuctionRecord>(ObjectType.auction, []);
    return JSON.stringify(auctions.map(({ value }) => ({ auction: value, phase: auctionPhase(value, now) })));
  }

  /**
   * Every bid of an auction: before the reveal only commitments and escrow exist on the ledger. Caller:
   * regulator, auditor or verifier.
   */
  @Transaction(false)
  @Returns('string')
  public async GetBids(ctx: Context, auctionId: string): Promise<string> {
    authorizeTransaction(ctx, Auction.getBids);
    const [id] = parseArgs(Auction.getBids, ['auctionId'], [auctionId]);
    const store = new Store(ctx);
    await requireAuction(store, id);
    return JSON.stringify((await store.list<AuctionBid>(ObjectType.auctionBid, [id])).map((kv) => kv.value));
  }

  /** A bidder's own bids in an auction. Caller: supervisors, or users of the bidding entity. */
  @Transaction(false)
  @Returns('string')
  public async GetBidderBids(ctx: Context, auctionId: string, entityId: string): Promise<string> {
    const caller = authorizeTransaction(ctx, Auction.getBidderBids);
    const [id, bidder] = parseArgs(Auction.getBidderBids, ['auctionId', 'entityId'], [auctionId, entityId]);
    const store = new Store(ctx);
    await requireAuction(store, id);
    const entity = await requireEntity(store, bidder);
    if (!isSupervisor(caller) && !actsFor(caller, entity)) {
      throw forbidden(`GetBidderBids: only supervisors and users of entity ${entity.id} may read its bids`);
    }
    return JSON.stringify(
      (await store.list<AuctionBid>(ObjectType.auctionBid, [id, entity.id])).map((kv) => kv.value),
    );
  }
}
