import type { OrderSide, PlacedOrder } from '@carbon-ets/contract';
import { useState } from 'react';
import { api, newRequestId } from '../../api';
import { Field, Outcome, Section, Select, useAction } from '../../components/ui';
import { formatMoney, formatPrice, formatTonnes, localTime, parsePrice } from '../../format';
import { formLevelError, inputError } from './errors';
import { FIELD_GRID, type MarketChoice, shortId, STACK, TONNES_PATTERN, valueOf } from './market';

const FIELDS = ['price', 'quantity'] as const;

/** What an order of this side, price and quantity locks while it is open; undefined until both are valid. */
function lockOf(side: OrderSide, price: string, quantity: string, instrument: string | undefined) {
  const fen = parsePrice(price);
  const tonnes = TONNES_PATTERN.test(quantity) ? Number(quantity) : undefined;
  if (tonnes === undefined) return undefined;
  if (side === 'sell') return `${formatTonnes(tonnes)} of ${instrument ?? 'the instrument'}`;
  return fen === undefined ? undefined : `${formatMoney(valueOf(fen, tonnes))} of your funds`;
}

/**
 * What placing did, in one line: placed, or — above the account's two-person threshold — waiting for a second
 * representative with what it locks reserved.
 */
export function placedOutcome(order: PlacedOrder): string {
  const what = `${order.side} ${formatTonnes(order.quantity)} at CNY ${formatPrice(order.price)}`;
  const pending = order.pendingApproval;
  if (pending === undefined) return `Order ${shortId(order.id)} placed: ${what}.`;
  return `Approval required: the order (${what}) is above ${order.accountId}'s threshold and became approval request ${shortId(pending.id)}. What it locks is reserved until a second representative approves it (by ${localTime(pending.deadline).text}); it is then placed as order ${shortId(order.id)}.`;
}

/** A limit order: price in CNY per tonne (two decimals), whole tonnes, and what it will lock. */
export function OrderTicket({ choice, onPlaced }: { choice: MarketChoice; onPlaced: () => void }) {
  const [side, setSide] = useState<OrderSide>('buy');
  const [price, setPrice] = useState('');
  const [quantity, setQuantity] = useState('');
  const action = useAction(
    () => {
      const { instrument, account } = choice;
      if (instrument === undefined || account === undefined) {
        return Promise.reject(new Error('Enter the Instrument and your Account under Market first.'));
      }
      const fen = parsePrice(price);
      if (fen === undefined) {
        return Promise.reject(
          inputError('price', 'must be a positive amount in CNY with at most two decimals'),
        );
      }
      if (!TONNES_PATTERN.test(quantity)) {
        return Promise.reject(inputError('quantity', 'must be a whole number of tonnes, at least 1'));
      }
      return api<PlacedOrder>(
        'POST',
        `/api/v1/accounts/${encodeURIComponent(account)}/orders`,
        { side, instrument, price: fen, quantity: Number(quantity) },
        newRequestId(),
      );
    },
    () => {
      setQuantity('');
      onPlaced();
    },
  );
  const lock = lockOf(side, price, quantity, choice.instrument);
  return (
    <Section title="Order ticket">
      <form
        className="stack"
        style={STACK}
        onSubmit={(event) => {
          action.submit(event, placedOutcome);
        }}
      >
        <div style={FIELD_GRID}>
          <Select
            label="Side"
            name="ticket-side"
            value={side}
            options={[
              { value: 'buy', label: 'Buy' },
              { value: 'sell', label: 'Sell' },
            ]}
            onChange={(value) => {
              setSide(value === 'sell' ? 'sell' : 'buy');
            }}
          />
          <Field
            label="Price (CNY)"
            name="ticket-price"
            value={price}
            onChange={setPrice}
            inputMode="decimal"
            placeholder="60.50"
            error={action.fieldError('price')}
          />
          <Field
            label="Quantity (t)"
            name="ticket-quantity"
            value={quantity}
            onChange={setQuantity}
            inputMode="numeric"
            placeholder="100"
            error={action.fieldError('quantity')}
          />
        </div>
        <p className="muted" aria-live="polite" data-testid="order-lock">
          {lock === undefined
            ? 'Enter a price and a quantity to see what the order locks.'
            : `This ${side} order locks ${lock} while it is open.`}
        </p>
        <Outcome error={formLevelError(action, FIELDS)} done={action.done} />
        <button type="submit" disabled={action.busy}>
          {action.busy ? 'Placing…' : 'Place order'}
        </button>
      </form>
    </Section>
  );
}
