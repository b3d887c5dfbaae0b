import { api } from '../../api';
import { Loadable, useLoad } from '../../components/ui';
import type { PriceBar } from './market';
import { PriceChart, type Resolution } from './PriceChart';

interface History {
  readonly resolution: Resolution;
  readonly bars: readonly PriceBar[];
}

/** Daily bars; while the instrument has traded on one day only, that day's minute bars instead. */
async function loadHistory(instrument: string): Promise<History> {
  const series = (resolution: Resolution) =>
    api<{ items: PriceBar[] }>(
      'GET',
      `/api/v1/instruments/${encodeURIComponent(instrument)}/series?resolution=${resolution}`,
    ).then((answer) => answer.items.filter((bar) => bar.open !== null || bar.volume > 0));
  const days = await series('day');
  if (days.length > 1) return { resolution: 'day', bars: days };
  const minutes = await series('minute');
  return minutes.length > 0 ? { resolution: 'minute', bars: minutes } : { resolution: 'day', bars: days };
}

/** Candles and volume of the instrument's order-book trades. */
export function PriceHistory({ instrument, tick }: { instrument: string; tick: number }) {
  const history = useLoad(() => loadHistory(instrument), [instrument, tick]);
  return (
    <Loadable state={history}>
      {({ resolution, bars }) =>
        bars.length === 0 ? (
          <p className="muted">No trades yet: the price chart starts with the first trade.</p>
        ) : (
          <>
            <p className="muted">
              {resolution === 'day'
                ? 'Daily candles and volume (CNY per t, t)'
                : 'Minute candles and volume of the first trading day (CNY per t, t)'}
            </p>
            <PriceChart bars={bars} resolution={resolution} />
          </>
        )
      }
    </Loadable>
  );
}
