import { ObjectType, Order, Trade } from '@carbon-ets/contract';
import type { ServerDatabase } from '../store/database';
import { PriceBars } from './price-bars';
import { parseState, type ObjectWrite, type StateProjector } from './state-writes';

/**
 * Orders (`order ~ accountId ~ orderId`, rewritten at every fill, cancel or expiry and never deleted) and
 * trades (`trade ~ instrument ~ day ~ tradeId`, written once by the transaction that settled them), with the
 * price series the trades make. Projected from writes rather than from `OrdersMatched`, so an order's
 * remaining quantity, escrow and locked lots are the chaincode's own, however a clearing is bounded or split.
 */
export class MarketProjection implements StateProjector {
  readonly types = [ObjectType.order, ObjectType.trade];
  private readonly putOrder;
  private readonly insertTrade;
  private readonly bars;

  constructor(db: ServerDatabase) {
    this.putOrder = db.prepare(
      `INSERT INTO rm_orders (id, account_id, entity_id, instrument, side, status, block, json)
       VALUES (@id, @accountId, @entityId, @instrument, @side, @status, @block, @json)
       ON CONFLICT (id) DO UPDATE SET status = excluded.status, block = excluded.block, json = excluded.json`,
    );
    this.insertTrade = db.prepare(
      `INSERT INTO rm_trades (id, instrument, kind, day, executed_at, buy_account_id, sell_account_id,
         buyer_entity_id, seller_entity_id, block, json)
       VALUES (@id, @instrument, @kind, @day, @executedAt, @buyAccountId, @sellAccountId, @buyerEntityId,
         @sellerEntityId, @block, @json)
       ON CONFLICT (id) DO NOTHING`,
    );
    this.bars = new PriceBars(db);
  }

  apply(write: ObjectWrite, block: number): void {
    // Neither orders nor trades are ever deleted; a delete would be a newer chaincode's archiving: keep the row.
    if (write.value === null) return;
    if (write.type === ObjectType.order) {
      const order = parseState(Order, write);
      this.putOrder.run({
        id: order.id,
        accountId: order.accountId,
        entityId: order.entityId,
        instrument: order.instrument,
        side: order.side,
        status: order.status,
        block,
        json: write.value,
      });
      return;
    }
    const trade = parseState(Trade, write);
    const inserted = this.insertTrade.run({
      id: trade.id,
      instrument: trade.instrument,
      kind: trade.kind,
      day: trade.day,
      executedAt: trade.executedAt,
      buyAccountId: trade.buyAccountId,
      sellAccountId: trade.sellAccountId,
      buyerEntityId: trade.buyerEntityId,
      sellerEntityId: trade.sellerEntityId,
      block,
      json: write.value,
    });
    if (inserted.changes === 1) this.bars.add(trade);
  }
}
