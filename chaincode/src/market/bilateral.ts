import type { Context } from 'fabric-contract-api';
import { CashLedger } from '../funds/cash-ledger';
import {
  type AgreedPriceData,
  agreedPriceRecord,
  COMMERCIAL_TRANSIENT_KEY,
  type CommercialDataRef,
  CommercialObjectType,
  failedPrecondition,
  forbidden,
  invalidArgument,
  type Market,
  OFF_CHANNEL,
  type ParsedRequestOf,
  tradeValue,
} from '@carbon-ets/contract';
import { representationGate } from '../approval/representatives';
import { actsFor, requireActsFor } from '../identity/access';
import type { Caller } from '../identity/caller';
import { Role } from '../identity/msp';
import { commercialSha256, CommercialStore } from '../ledger/commercial-store';
import { requireOwnerEndorsement } from '../ledger/endorsement';
import { ObjectType } from '../ledger/keys';
import { Store } from '../ledger/store';
import { txTime } from '../ledger/tx-time';
import { requireAccount, requireEntity } from '../registry/registry-reads';
import { LotLedger, requireCovers } from '../units/lot-ledger';
import { isBlock } from './instrument';
import { tradingAccountFor } from './placement';
import { bandFor, checkPrice, previousClose } from './price-band';
import type { Proposal } from './proposal';
import { TradeRecorder } from './settlement';
import {
  checkHoldingLimit,
  requireInstrument,
  requireMarketOpen,
  requireTradingAccount,
} from './supervision';
import type { Trade } from './trade';
import { endOfDay, endOfPeriod, tradingDay } from './trading-day';

/**
 * How a proposal is paid. `on-channel`: at its public price, delivery-versus-payment with cash on the channel.
 * `off-channel` (as the EU Union Registry does it: a transfer carries no price): the units are delivered free of
 * payment, the buyer pays the seller outside the ledger, and the agreed price is commercial data, kept in both
 * parties' collections with a nonce the seller's client drew.
 */
type PriceTerms =
  | { readonly settlement: 'on-channel'; readonly price: number }
  | { readonly settlement: typeof OFF_CHANNEL; readonly agreedPrice: number; readonly priceNonce: string };

/** An acceptance's price terms: off-channel, with the reference of the seller's copy it was checked against. */
type AcceptanceTerms =
  | Extract<PriceTerms, { settlement: 'on-channel' }>
  | (Extract<PriceTerms, { settlement: typeof OFF_CHANNEL }> & { readonly sellerCopy: CommercialDataRef });

/** The proposal's price terms; the request schema has already refused any other combination. */
function proposalTerms(request: ParsedRequestOf<typeof Market.proposeTrade>): PriceTerms {
  const { price, agreedPrice, priceNonce } = request;
  if (price !== undefined && agreedPrice === undefined && priceNonce === undefined) {
    return { settlement: 'on-channel', price };
  }
  if (price === undefined && agreedPrice !== undefined && priceNonce !== undefined) {
    return { settlement: OFF_CHANNEL, agreedPrice, priceNonce };
  }
  throw invalidArgument(
    'proposal needs exactly one of price (public, paid on the channel) and agreedPrice with priceNonce (private, paid off-channel)',
  );
}

function requireProposal(store: Store, id: string): Promise<Proposal> {
  return store.require<Proposal>(ObjectType.proposal, [id], `proposal ${id}`);
}

function requireOpenProposal(proposal: Proposal): void {
  if (proposal.status !== 'open') {
    throw failedPrecondition(`proposal ${proposal.id} is ${proposal.status}`);
  }
}

/**
 * A seller offers units at a negotiated price to one named buyer entity; the units are locked at once.
 * Request: `{ accountId, buyerEntityId, instrument, price | agreedPrice + priceNonce, quantity, lotIds?,
 * expiresAt? }` — expiresAt defaults to the end of the trading day and may not pass the end of the compliance
 * year. With `agreedPrice` (commercial data, from the transient map) the price is checked against the band as a
 * public one would be, then kept only in the seller's collection: the proposal, the answer and the event carry
 * `settlement: 'off-channel'` and the record's hash, never the price.
 */
export async function proposeTrade(
  ctx: Context,
  caller: Caller,
  request: ParsedRequestOf<typeof Market.proposeTrade>,
): Promise<Proposal> {
  const { accountId, buyerEntityId, quantity, lotIds } = request;
  const terms = proposalTerms(request);
  const { unitType, vintage } = request.instrument;
  const now = txTime(ctx);
  const expiresAt = request.expiresAt ?? endOfDay(tradingDay(now));
  if (expiresAt <= now || expiresAt > endOfPeriod(now)) {
    throw invalidArgument(`proposal.expiresAt must be after now and no later than ${endOfPeriod(now)}`);
  }
  const store = new Store(ctx);
  const account = await tradingAccountFor(store, caller, accountId, 'ProposeTrade');
  await representationGate(ctx, store, account, quantity, 'ProposeTrade', false);
  await requireMarketOpen(store, 'ProposeTrade');
  const buyer = await requireEntity(store, buyerEntityId);
  if (buyer.id === account.entityId) {
    throw invalidArgument('self-trade: a proposal must name another entity as buyer');
  }
  if (buyer.kind === 'verifier') {
    throw failedPrecondition(`verifier ${buyer.id} cannot hold units`);
  }
  const instrument = await requireInstrument(store, request.instrument.id);
  if (quantity < instrument.minQuantity) {
    throw invalidArgument(`proposal.quantity must be at least ${instrument.minQuantity} t`);
  }
  const band = bandFor(instrument, await previousClose(store, instrument, tradingDay(now)), quantity);
  // A private price meets the same band as a public one: the endorsing peers see it in the transient map.
  if (terms.settlement === OFF_CHANNEL)
    checkPrice(instrument, band, terms.agreedPrice, 'proposal.agreedPrice');
  else checkPrice(instrument, band, terms.price, 'proposal.price');
  const id = ctx.stub.getTxID();
  const locked = await new LotLedger(ctx, store).lock(
    account,
    { quantity, ...(lotIds === undefined ? {} : { lotIds }), filter: { unitType, vintage } },
    id,
  );
  const proposed = {
    id,
    instrument: instrument.id,
    unitType,
    vintage,
    sellerAccountId: account.id,
    sellerEntityId: account.entityId ?? '',
    buyerEntityId: buyer.id,
    quantity,
    block: isBlock(instrument, quantity),
    lockedLotIds: locked.map((lot) => lot.id),
    status: 'open',
    proposedAt: now,
    expiresAt,
  } as const;
  const proposal: Proposal =
    terms.settlement === OFF_CHANNEL
      ? {
          ...proposed,
          settlement: OFF_CHANNEL,
          agreedPriceData: {
            seller: await CommercialStore.ofOwner(ctx, account.ownerMsp).put(
              CommercialObjectType.agreedPrice,
              [id],
              agreedPriceRecord(proposed, terms.agreedPrice, terms.priceNonce),
            ),
          },
        }
      : { ...proposed, price: terms.price };
  const key = await store.put(ObjectType.proposal, [id], proposal);
  await requireOwnerEndorsement(ctx, key, account.ownerMsp);
  return proposal;
}

/**
 * How an acceptance pays, checked against the proposal before anything is written. An off-channel proposal is
 * accepted with the price and nonce the seller gave the buyer: the record rebuilt from them must hash to the
 * proposal's, which is refused without saying anything of the seller's price (only its hash is known here: the
 * buyer's user may not read the seller's collection).
 */
function acceptanceTerms(
  proposal: Proposal,
  request: ParsedRequestOf<typeof Market.acceptTrade>,
): AcceptanceTerms {
  const { agreedPrice, priceNonce, cashEntryIds } = request;
  if (proposal.settlement !== OFF_CHANNEL) {
    if (agreedPrice !== undefined || priceNonce !== undefined) {
      throw invalidArgument(
        `acceptance.agreedPrice: proposal ${proposal.id} is paid on the channel at its public price; leave agreedPrice and priceNonce out`,
      );
    }
    if (proposal.price === undefined) {
      throw failedPrecondition(
        `proposal ${proposal.id} has neither a public price nor an off-channel settlement`,
      );
    }
    return { settlement: 'on-channel', price: proposal.price };
  }
  if (cashEntryIds !== undefined) {
    throw invalidArgument(
      `acceptance.cashEntryIds: proposal ${proposal.id} is paid off-channel, so the acceptance moves no cash on the channel; leave cashEntryIds out`,
    );
  }
  if (agreedPrice === undefined || priceNonce === undefined) {
    throw invalidArgument(
      `acceptance: proposal ${proposal.id} is paid off-channel: send the agreedPrice and priceNonce the seller gave you in the transient map under ${COMMERCIAL_TRANSIENT_KEY}`,
    );
  }
  const sellerCopy = proposal.agreedPriceData?.seller;
  if (sellerCopy === undefined) {
    throw failedPrecondition(`proposal ${proposal.id} is paid off-channel but records no agreed price`);
  }
  if (commercialSha256(agreedPriceRecord(proposal, agreedPrice, priceNonce)) !== sellerCopy.sha256) {
    throw failedPrecondition(
      `acceptance: the agreedPrice and priceNonce sent do not match those proposal ${proposal.id} was made with (their SHA-256 differs from the proposal's); ask the seller for the agreed price and the nonce printed when it was proposed`,
    );
  }
  return { settlement: OFF_CHANNEL, agreedPrice, priceNonce, sellerCopy };
}

/**
 * The named buyer accepts: funds leave the buyer's account, units reach it and the seller is paid, all in this
 * transaction. Request: `{ proposalId, accountId, cashEntryIds? }` (accountId: the buyer's receiving account).
 * An off-channel proposal is accepted with `{ proposalId, accountId, agreedPrice, priceNonce }` (the last two in
 * the transient map): the units are delivered free of payment, the agreed price's record is written into the
 * buyer's collection too, and the trade has no public price.
 */
export async function acceptTrade(
  ctx: Context,
  caller: Caller,
  request: ParsedRequestOf<typeof Market.acceptTrade>,
): Promise<{ proposal: Proposal; trade: Trade }> {
  const { proposalId, accountId, cashEntryIds } = request;
  const store = new Store(ctx);
  const proposal = await requireProposal(store, proposalId);
  requireActsFor(caller, await requireEntity(store, proposal.buyerEntityId), 'AcceptTrade');
  requireOpenProposal(proposal);
  const terms = acceptanceTerms(proposal, request);
  const now = txTime(ctx);
  if (now > proposal.expiresAt) {
    throw failedPrecondition(`proposal ${proposalId} expired at ${proposal.expiresAt}`);
  }
  const buyerAccount = await tradingAccountFor(store, caller, accountId, 'AcceptTrade');
  await representationGate(ctx, store, buyerAccount, proposal.quantity, 'AcceptTrade', false);
  if (buyerAccount.entityId !== proposal.buyerEntityId) {
    throw forbidden(`AcceptTrade: account ${accountId} does not belong to buyer ${proposal.buyerEntityId}`);
  }
  await requireMarketOpen(store, 'AcceptTrade');
  const seller = await requireAccount(store, proposal.sellerAccountId);
  requireTradingAccount(seller, 'AcceptTrade (seller)');
  const instrument = await requireInstrument(store, proposal.instrument);
  // The price must still be inside today's band: a proposal accepted on a later day meets that day's band.
  const band = bandFor(
    instrument,
    await previousClose(store, instrument, tradingDay(now)),
    proposal.quantity,
  );
  if (terms.settlement === 'on-channel') checkPrice(instrument, band, terms.price, 'proposal price');
  else checkPrice(instrument, band, terms.agreedPrice, 'agreed price');
  await checkHoldingLimit(store, proposal.buyerEntityId, instrument, proposal.quantity);
  const lots = new LotLedger(ctx, store);
  const locked = await lots.read(seller.id, proposal.lockedLotIds);
  // Checked before the debit, the first write: a refused acceptance attempts no write.
  requireCovers(locked, proposal.quantity);
  const cash = new CashLedger(ctx, store);
  if (terms.settlement === 'on-channel') {
    await cash.debit(buyerAccount, tradeValue(terms.price, proposal.quantity), cashEntryIds);
  }
  const movement = await lots.moveFrom(locked, buyerAccount, proposal.quantity, {
    status: 'held',
    origin: 'trade',
  });
  const recorder = new TradeRecorder(ctx, store);
  const settled = {
    kind: 'bilateral',
    instrument: proposal.instrument,
    quantity: proposal.quantity,
    buyAccountId: buyerAccount.id,
    sellAccountId: seller.id,
    buyerEntityId: proposal.buyerEntityId,
    sellerEntityId: proposal.sellerEntityId,
    proposalId: proposal.id,
    deliveredLotIds: movement.moved.map((lot) => lot.id),
  } as const;
  let trade: Trade;
  let agreedPriceData: AgreedPriceData | undefined;
  if (terms.settlement === 'on-channel') {
    await cash.credit(seller, tradeValue(terms.price, proposal.quantity), 'trade', proposal.id);
    trade = await recorder.recordPriced({ ...settled, price: terms.price });
  } else {
    // Delivery free of payment: the buyer pays the seller outside the ledger. The buyer's organisation keeps the
    // same record (the same bytes, so the same hash) in its own collection: each party holds on its own peer the
    // price it agreed to, and the supervisors find it in either.
    agreedPriceData = {
      seller: terms.sellerCopy,
      buyer: await CommercialStore.ofOwner(ctx, buyerAccount.ownerMsp).put(
        CommercialObjectType.agreedPrice,
        [proposal.id],
        agreedPriceRecord(proposal, terms.agreedPrice, terms.priceNonce),
      ),
    };
    trade = await recorder.recordOffChannel({ ...settled, agreedPriceData });
  }
  await recorder.flush();
  const accepted: Proposal = {
    ...proposal,
    status: 'accepted',
    lockedLotIds: [],
    closedAt: now,
    closeReason: 'accepted',
    tradeId: trade.id,
    ...(agreedPriceData === undefined ? {} : { agreedPriceData }),
  };
  await store.put(ObjectType.proposal, [proposal.id], accepted);
  return { proposal: accepted, trade };
}

/**
 * Closes an open proposal without a trade and unlocks the units: `reject` is the buyer's answer, `cancel` the
 * seller's (or the regulator's) withdrawal, also used to clear an expired proposal. Request: `{ proposalId,
 * reason? }`.
 */
export async function closeProposal(
  ctx: Context,
  caller: Caller,
  request: ParsedRequestOf<typeof Market.rejectTrade>,
  how: 'reject' | 'cancel',
): Promise<Proposal> {
  const { proposalId, reason } = request;
  const store = new Store(ctx);
  const proposal = await requireProposal(store, proposalId);
  const action = how === 'reject' ? 'RejectTrade' : 'CancelProposal';
  if (how === 'reject') {
    requireActsFor(caller, await requireEntity(store, proposal.buyerEntityId), action);
  } else if (
    caller.role !== Role.regulator &&
    !actsFor(caller, await requireEntity(store, proposal.sellerEntityId))
  ) {
    throw forbidden(
      `${action}: only the seller ${proposal.sellerEntityId} or the regulator may cancel proposal ${proposalId}`,
    );
  }
  requireOpenProposal(proposal);
  const lots = new LotLedger(ctx, store);
  await lots.unlock(await lots.read(proposal.sellerAccountId, proposal.lockedLotIds), proposal.id);
  const now = txTime(ctx);
  const closed: Proposal = {
    ...proposal,
    status: how === 'reject' ? 'rejected' : 'cancelled',
    lockedLotIds: [],
    closedAt: now,
    closeReason:
      reason ??
      (now > proposal.expiresAt
        ? `expired at ${proposal.expiresAt}`
        : how === 'reject'
          ? 'rejected by the buyer'
          : 'cancelled'),
  };
  await store.put(ObjectType.proposal, [proposal.id], closed);
  return closed;
}
