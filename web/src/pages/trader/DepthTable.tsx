import type { DepthLevel, OrderBook } from '@carbon-ets/contract';
import { Num } from '../../components/ui';
import { formatPrice } from '../../format';

/** Price levels shown on each side of the book. */
const LEVELS = 10;

function Level({ side, level }: { side: 'Ask' | 'Bid'; level: DepthLevel }) {
  return (
    <tr>
      <td>{side}</td>
      <Num>{formatPrice(level.price)}</Num>
      <Num>{level.quantity.toLocaleString('en-US')}</Num>
      <Num>{level.orders.toLocaleString('en-US')}</Num>
    </tr>
  );
}

/** The book by price level: asks above (best, lowest, nearest the middle), bids below (best, highest, first). */
export function DepthTable({ book }: { book: OrderBook }) {
  if (book.bids.length === 0 && book.asks.length === 0) {
    return <p className="muted">No open orders in the book.</p>;
  }
  const asks = book.asks.slice(0, LEVELS).reverse();
  const bids = book.bids.slice(0, LEVELS);
  return (
    <table>
      <caption className="muted">Depth by price level</caption>
      <thead>
        <tr>
          <th>Side</th>
          <th className="num">Price (CNY/t)</th>
          <th className="num">Quantity (t)</th>
          <th className="num">Orders</th>
        </tr>
      </thead>
      <tbody className="asks">
        {asks.map((level) => (
          <Level key={`ask-${level.price.toString()}`} side="Ask" level={level} />
        ))}
      </tbody>
      <tbody className="bids">
        {bids.map((level) => (
          <Level key={`bid-${level.price.toString()}`} side="Bid" level={level} />
        ))}
      </tbody>
    </table>
  );
}
