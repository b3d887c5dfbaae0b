import type { Order } from '@carbon-ets/contract';
import { useState } from 'react';
import { api } from '../../api';
import { Loadable, Num, Outcome, Section, Time, useAction, useLoad } from '../../components/ui';
import { formatMoney, formatPrice } from '../../format';
import { type Page, shortId } from './market';

/** What an open order holds: a buy order its escrow, a sell order its remaining units. */
function locked(order: Order): string {
  return order.side === 'buy' ? formatMoney(order.escrow) : `${order.remaining.toLocaleString('en-US')} t`;
}

function CancelButton({ order, onCancelled }: { order: Order; onCancelled: (order: Order) => void }) {
  const action = useAction(
    () =>
      api<Order>(
        'POST',
        `/api/v1/accounts/${encodeURIComponent(order.accountId)}/orders/${encodeURIComponent(order.id)}/cancel`,
        {},
      ),
    onCancelled,
  );
  return (
    <>
      <button
        type="button"
        className="secondary"
        disabled={action.busy}
        onClick={() => {
          action.submit(undefined, () => 'Cancelled.');
        }}
      >
        Cancel {shortId(order.id)}
      </button>
      <Outcome error={action.formError} />
    </>
  );
}

/** The account's open orders, newest first, each with its cancel button. */
export function OpenOrders({
  account,
  tick,
  onChanged,
}: {
  account: string | undefined;
  tick: number;
  onChanged: () => void;
}) {
  return (
    <Section title="Open orders">
      {account === undefined ? (
        <p className="muted">Enter your Account under Market to see its orders.</p>
      ) : (
        <OrderList account={account} tick={tick} onChanged={onChanged} />
      )}
    </Section>
  );
}

function OrderList({ account, tick, onChanged }: { account: string; tick: number; onChanged: () => void }) {
  const orders = useLoad(
    () =>
      api<Page<Order>>(
        'GET',
        `/api/v1/orders?accountId=${encodeURIComponent(account)}&status=open&limit=100`,
      ),
    [account, tick],
  );
  // Until the read model has seen a cancellation, the order still lists as open: hide it meanwhile.
  const [cancelled, setCancelled] = useState<readonly string[]>([]);
  const [message, setMessage] = useState<string | undefined>();
  const onCancelled = (order: Order) => {
    setCancelled((ids) => [...ids, order.id]);
    setMessage(
      `Order ${shortId(order.id)} cancelled; its ${order.side === 'buy' ? 'funds' : 'units'} are released.`,
    );
    onChanged();
  };
  const open = (page: Page<Order>) => page.items.filter((order) => !cancelled.includes(order.id));
  return (
    <>
      <Outcome done={message} />
      <Loadable state={orders} empty={(page) => open(page).length === 0}>
        {(page) => (
          <div style={{ overflowX: 'auto' }}>
            <table>
              <thead>
                <tr>
                  <th>Placed</th>
                  <th>Instrument</th>
                  <th>Side</th>
                  <th className="num">Price (CNY/t)</th>
                  <th className="num">Quantity (t)</th>
                  <th className="num">Remaining (t)</th>
                  <th className="num">Locked</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {open(page).map((order) => (
                  <tr key={order.id}>
                    <td>
                      <Time iso={order.placedAt} />
                    </td>
                    <td>{order.instrument}</td>
                    <td>{order.side}</td>
                    <Num>{formatPrice(order.price)}</Num>
                    <Num>{order.quantity.toLocaleString('en-US')}</Num>
                    <Num>{order.remaining.toLocaleString('en-US')}</Num>
                    <Num>{locked(order)}</Num>
                    <td>
                      <CancelButton order={order} onCancelled={onCancelled} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Loadable>
    </>
  );
}
