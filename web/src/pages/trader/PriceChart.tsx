import {
  CandlestickSeries,
  createChart,
  HistogramSeries,
  type CandlestickData,
  type HistogramData,
  type IChartApi,
  type ISeriesApi,
  type Time,
  type UTCTimestamp,
} from 'lightweight-charts';
import { useEffect, useRef } from 'react';
import { formatPrice } from '../../format';
import type { PriceBar } from './market';

export type Resolution = 'day' | 'minute';

const UP = '#146c43';
const DOWN = '#b42318';

/** A bar's time on the chart: the day itself, or a minute shifted so the axis reads in the user's time zone. */
function timeOf(bucket: string, resolution: Resolution): Time {
  if (resolution === 'day') return bucket;
  const utc = Date.parse(`${bucket}:00Z`);
  return ((utc - new Date(utc).getTimezoneOffset() * 60_000) / 1000) as UTCTimestamp;
}

interface Charted {
  readonly chart: IChartApi;
  readonly candles: ISeriesApi<'Candlestick'>;
  readonly volume: ISeriesApi<'Histogram'>;
}

/** Candlesticks (CNY per tonne) over a volume histogram (tonnes), drawn with lightweight-charts. */
export function PriceChart({ bars, resolution }: { bars: readonly PriceBar[]; resolution: Resolution }) {
  const container = useRef<HTMLDivElement>(null);
  const charted = useRef<Charted | undefined>(undefined);

  useEffect(() => {
    const element = container.current;
    if (element === null) return;
    const chart = createChart(element, {
      autoSize: true,
      layout: { background: { color: '#ffffff' }, textColor: '#1d2430', attributionLogo: true },
      grid: { vertLines: { color: '#eef1f5' }, horzLines: { color: '#eef1f5' } },
      localization: { priceFormatter: (price: number) => formatPrice(Math.round(price * 100)) },
      rightPriceScale: { scaleMargins: { top: 0.08, bottom: 0.3 } },
      timeScale: { lockVisibleTimeRangeOnResize: true },
    });
    const candles = chart.addSeries(CandlestickSeries, {
      upColor: UP,
      downColor: DOWN,
      borderUpColor: UP,
      borderDownColor: DOWN,
      wickUpColor: UP,
      wickDownColor: DOWN,
      priceFormat: { type: 'price', precision: 2, minMove: 0.01 },
    });
    const volume = chart.addSeries(HistogramSeries, {
      priceFormat: { type: 'volume' },
      priceScaleId: 'volume',
      lastValueVisible: false,
      priceLineVisible: false,
    });
    volume.priceScale().applyOptions({ scaleMargins: { top: 0.75, bottom: 0 } });
    charted.current = { chart, candles, volume };
    return () => {
      charted.current = undefined;
      chart.remove();
    };
  }, []);

  useEffect(() => {
    const current = charted.current;
    if (current === undefined) return;
    const candles: CandlestickData[] = [];
    const volume: HistogramData[] = [];
    for (const bar of bars) {
      const time = timeOf(bar.bucket, resolution);
      if (bar.open !== null && bar.high !== null && bar.low !== null && bar.last !== null) {
        candles.push({
          time,
          open: bar.open / 100,
          high: bar.high / 100,
          low: bar.low / 100,
          close: bar.last / 100,
        });
      }
      const rising = bar.open === null || bar.last === null || bar.last >= bar.open;
      volume.push({ time, value: bar.volume, color: rising ? `${UP}80` : `${DOWN}80` });
    }
    current.candles.setData(candles);
    current.volume.setData(volume);
    current.chart.timeScale().applyOptions({ timeVisible: resolution === 'minute', secondsVisible: false });
    current.chart.timeScale().fitContent();
  }, [bars, resolution]);

  return <div ref={container} className="price-chart" style={{ height: 280, minWidth: 0 }} />;
}
