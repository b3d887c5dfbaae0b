import type { CarbonIndexRanking } from '@carbon-ets/contract';
import { useState } from 'react';
import { api } from '../../api';
import { Field, Loadable, Num, Section, useLoad } from '../../components/ui';
import { formatBasisPoints, formatKgAsTonnes, formatTonnes, monthName } from '../../format';
import { SCROLL_X } from '../operator/form-layout';
import { YEAR_PATTERN } from '../operator/useCurrentReport';
import { useDebounced } from '../operator/useDebounced';
import { CARBON_INDEX_EVENTS, useRefreshOn } from '../regulator/refresh';
import { formatTrend } from './index-text';

/** Rows a page: the ledger's default page size. */
const PAGE_SIZE = 50;

/**
 * Installations of a period ranked by carbon index, highest first (no index last), a page at a time: the
 * ledger's `nextOffset` leads to the next page, the offsets already seen back to earlier ones.
 */
export function CarbonIndexRankingSection() {
  const [period, setPeriod] = useState('');
  const settled = useDebounced(period.trim());
  /** The offsets of the pages before the one shown, and the one shown. */
  const [offsets, setOffsets] = useState<{ readonly period: string; readonly stack: readonly number[] }>({
    period: '',
    stack: [0],
  });
  const stack = offsets.period === settled ? offsets.stack : [0];
  const offset = stack.at(-1) ?? 0;
  const ranking = useLoad(async () => {
    if (!YEAR_PATTERN.test(settled)) return null;
    const query = new URLSearchParams({ offset: String(offset), limit: String(PAGE_SIZE) });
    return api<CarbonIndexRanking>(
      'GET',
      `/api/v1/periods/${settled}/carbon-index-ranking?${query.toString()}`,
    );
  }, [settled, offset]);
  useRefreshOn(CARBON_INDEX_EVENTS, () => {
    ranking.reload();
  });
  const turn = (next: readonly number[]) => {
    setOffsets({ period: settled, stack: next });
  };
  return (
    <Section title="Carbon index ranking">
      <div className="row">
        <Field
          label="Ranking period"
          name="ranking-period"
          value={period}
          onChange={setPeriod}
          inputMode="numeric"
          placeholder="2025"
        />
      </div>
      <Loadable state={ranking}>
        {(page) =>
          page === null ? (
            <p className="muted">Enter a period with a carbon index to rank its installations.</p>
          ) : page.rows.length === 0 ? (
            <p className="muted">No installation has submitted energy use for {page.period} yet.</p>
          ) : (
            <>
              <div style={SCROLL_X}>
                <table aria-label={`Carbon index ranking ${page.period}`}>
                  <thead>
                    <tr>
                      <th className="num">Rank</th>
                      <th>Installation</th>
                      <th>Entity</th>
                      <th>Through</th>
                      <th className="num">Year to date</th>
                      <th className="num">Allocation</th>
                      <th className="num">Index</th>
                      <th className="num">Trend</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.rows.map((row) => (
                      <tr key={row.installationId}>
                        <Num>{row.rank}</Num>
                        <td>{row.installationId}</td>
                        <td>{row.entityId}</td>
                        <td>{monthName(row.throughMonth)}</td>
                        <Num>{formatKgAsTonnes(row.yearToDateKg)}</Num>
                        <Num>{row.allocationTonnes === null ? '–' : formatTonnes(row.allocationTonnes)}</Num>
                        <Num>
                          {row.indexBasisPoints === null ? '–' : formatBasisPoints(row.indexBasisPoints)}
                        </Num>
                        <Num>{formatTrend(row.trendBasisPoints)}</Num>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <div className="row" style={{ alignItems: 'center' }}>
                <span className="muted">
                  Ranks {offset + 1}–{offset + page.rows.length} of {page.total}
                </span>
                <button
                  type="button"
                  className="secondary"
                  disabled={stack.length < 2}
                  onClick={() => {
                    turn(stack.slice(0, -1));
                  }}
                >
                  Previous page
                </button>
                <button
                  type="button"
                  className="secondary"
                  disabled={page.nextOffset === undefined}
                  onClick={() => {
                    if (page.nextOffset !== undefined) turn([...stack, page.nextOffset]);
                  }}
                >
                  Next page
                </button>
              </div>
            </>
          )
        }
      </Loadable>
    </Section>
  );
}
