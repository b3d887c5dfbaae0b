import type { InstrumentView, MarketDay, OrderBook } from '@carbon-ets/contract';
import { api } from '../../api';
import { Loadable, Section, useLoad } from '../../components/ui';
import { DepthTable } from './DepthTable';
import { MarketStats } from './MarketStats';
import { PriceHistory } from './PriceHistory';

/** What the market looks like now: the instrument's rules and status, its book and today's trading. */
export interface MarketNow {
  readonly view: InstrumentView;
  readonly book: OrderBook;
  /** Today's (UTC) market data, undefined before the day's first trade. */
  readonly today: MarketDay | undefined;
}

async function loadMarket(instrument: string): Promise<MarketNow> {
  const path = `/api/v1/instruments/${encodeURIComponent(instrument)}`;
  const day = new Date().toISOString().slice(0, 10);
  const [view, book, days] = await Promise.all([
    api<InstrumentView>('GET', path),
    api<OrderBook>('GET', `${path}/book`),
    api<MarketDay[]>('GET', `${path}/market-data?from=${day}&to=${day}`),
  ]);
  return { view, book, today: days.find((candidate) => candidate.day === day) };
}

/** Depth by price level, last price, VWAP, previous close, today's band, and the daily candles. */
export function OrderBookSection({ instrument, tick }: { instrument: string | undefined; tick: number }) {
  return (
    <Section title="Order book">
      {instrument === undefined ? (
        <p className="muted">Enter an instrument under Market, e.g. allowance-2025.</p>
      ) : (
        <>
          <MarketNowView instrument={instrument} tick={tick} />
          <PriceHistory instrument={instrument} tick={tick} />
        </>
      )}
    </Section>
  );
}

function MarketNowView({ instrument, tick }: { instrument: string; tick: number }) {
  const market = useLoad(() => loadMarket(instrument), [instrument, tick]);
  return (
    <Loadable state={market}>
      {(now) => (
        <>
          <MarketStats now={now} />
          <DepthTable book={now.book} />
        </>
      )}
    </Loadable>
  );
}
