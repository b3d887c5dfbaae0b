import type { Context } from 'fabric-contract-api';
import { CashLedger } from '../funds/cash-ledger';
import {
  failedPrecondition,
  forbidden,
  invalidArgument,
  type Market,
  type ParsedRequestOf,
  tradeValue,
} from '@carbon-ets/contract';
import { representationGate } from '../approval/representatives';
import { actsFor, requireActsFor } from '../identity/access';
import type { Caller } from '../identity/caller';
import { Role } from '../identity/msp';
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
 * Request: `{ accountId, buyerEntityId, instrument, price, quantity, lotIds?, expiresAt? }` — expiresAt defaults
 * to the end of the trading day and may not pass the end of the compliance year.
 */
export async function proposeTrade(
  ctx: Context,
  caller: Caller,
  request: ParsedRequestOf<typeof Market.proposeTrade>,
): Promise<Proposal> {
  const { accountId, buyerEntityId, price, quantity, lotIds } = request;
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
  checkPrice(instrument, band, price, 'proposal.price');
  const id = ctx.stub.getTxID();
  const locked = await new LotLedger(ctx, store).lock(
    account,
    { quantity, ...(lotIds === undefined ? {} : { lotIds }), filter: { unitType, vintage } },
    id,
  );
  const proposal: Proposal = {
    id,
    instrument: instrument.id,
    unitType,
    vintage,
    sellerAccountId: account.id,
    sellerEntityId: account.entityId ?? '',
    buyerEntityId: buyer.id,
    price,
    quantity,
    block: isBlock(instrument, quantity),
    lockedLotIds: locked.map((lot) => lot.id),
    status: 'open',
    proposedAt: now,
    expiresAt,
  };
  const key = await store.put(ObjectType.proposal, [id], proposal);
  await requireOwnerEndorsement(ctx, key, account.ownerMsp);
  return proposal;
}

/**
 * The named buyer accepts: funds leave the buyer's account, units reach it and the seller is paid, all in this
 * transaction. Request: `{ proposalId, accountId, cashEntryIds? }` (accountId: the buyer's receiving account).
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
  checkPrice(instrument, band, proposal.price, 'proposal price');
  await checkHoldingLimit(store, proposal.buyerEntityId, instrument, proposal.quantity);
  const value = tradeValue(proposal.price, proposal.quantity);
  const lots = new LotLedger(ctx, store);
  const locked = await lots.read(seller.id, proposal.lockedLotIds);
  // Checked before the debit, the first write: a refused acceptance attempts no write.
  requireCovers(locked, proposal.quantity);
  const cash = new CashLedger(ctx, store);
  await cash.debit(buyerAccount, value, cashEntryIds);
  const movement = await lots.moveFrom(locked, buyerAccount, proposal.quantity, {
    status: 'held',
    origin: 'trade',
  });
  await cash.credit(seller, value, 'trade', proposal.id);
  const recorder = new TradeRecorder(ctx, store);
  const trade = await recorder.record({
    kind: 'bilateral',
    instrument: proposal.instrument,
    price: proposal.price,
    quantity: proposal.quantity,
    buyAccountId: buyerAccount.id,
    sellAccountId: seller.id,
    buyerEntityId: proposal.buyerEntityId,
    sellerEntityId: proposal.sellerEntityId,
    proposalId: proposal.id,
    deliveredLotIds: movement.moved.map((lot) => lot.id),
  });
  await recorder.flush();
  const accepted: Proposal = {
    ...proposal,
    status: 'accepted',
    lockedLotIds: [],
    closedAt: now,
    closeReason: 'accepted',
    tradeId: trade.id,
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
