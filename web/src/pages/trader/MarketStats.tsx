import type { PriceBand } from '@carbon-ets/contract';
import { formatPrice, formatTonnes } from '../../format';
import type { MarketNow } from './OrderBookSection';

function Stat({ label, children, title }: { label: string; children: string; title?: string }) {
  return (
    <div className="stat" title={title}>
      <div className="muted">{label}</div>
      <div className="value num">{children}</div>
    </div>
  );
}

const price = (fen: number | null | undefined): string =>
  fen === null || fen === undefined ? '–' : `CNY ${formatPrice(fen)}`;
const band = (limits: PriceBand): string => `${formatPrice(limits.low)} – ${formatPrice(limits.high)}`;

/** Last price, VWAP, previous close, today's bands, volume and whether the market trades. */
export function MarketStats({ now }: { now: MarketNow }) {
  const { view, book, today } = now;
  const { market } = view;
  return (
    <>
      {market.halted && (
        <p className="error" role="status">
          Trading is halted: {market.reason}
        </p>
      )}
      <div className="stats">
        <Stat label="Last price">{price(today?.last)}</Stat>
        <Stat label="VWAP today" title="Volume-weighted average price of today's order-book trades">
          {price(today?.close)}
        </Stat>
        <Stat label="Previous close">{price(book.previousClose)}</Stat>
        <Stat
          label="Today's band (CNY)"
          title={`±${(book.band.basisPoints / 100).toString()} % around CNY ${formatPrice(book.band.reference)}`}
        >
          {band(book.band)}
        </Stat>
        <Stat
          label="Block band (CNY)"
          title={`Orders of ${formatTonnes(view.instrument.blockThreshold)} or more: ±${(book.blockBand.basisPoints / 100).toString()} %`}
        >
          {band(book.blockBand)}
        </Stat>
        <Stat label="Volume today">{formatTonnes(today?.volume ?? 0)}</Stat>
      </div>
      <p className="muted">
        Tick CNY {formatPrice(view.instrument.tick)} · smallest order{' '}
        {formatTonnes(view.instrument.minQuantity)}
        {today !== undefined && today.bilateralTrades > 0
          ? ` · ${formatTonnes(today.bilateralVolume)} traded bilaterally today`
          : ''}
      </p>
    </>
  );
}
