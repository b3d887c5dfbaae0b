import { Num } from '../../components/ui';

/** One bar: what it measures, its value and how it is shown. */
export interface Bar {
  readonly label: string;
  readonly value: number;
  readonly text: string;
  /** A colour of the bar: `cap` (grey), `warn`, `bad`, or the accent by default. */
  readonly tone?: 'cap' | 'warn' | 'bad';
}

/**
 * A horizontal bar chart as a table: each row names a measure, draws its bar (SVG, scaled to the largest value)
 * and states the value right-aligned, so the numbers stay text and the bars only illustrate them.
 */
export function BarChart({ caption, bars }: { caption: string; bars: readonly Bar[] }) {
  const max = Math.max(0, ...bars.map((bar) => bar.value));
  return (
    <div>
      <table className="reg-bars">
        <caption className="muted">{caption}</caption>
        <tbody>
          {bars.map((bar) => (
            <tr key={bar.label}>
              <th scope="row">{bar.label}</th>
              <td className="reg-bar" aria-hidden="true">
                <svg viewBox="0 0 100 10" preserveAspectRatio="none" focusable="false">
                  <rect className="track" x="0" y="0" width="100" height="10" />
                  <rect
                    className={bar.tone === undefined ? 'fill' : `fill ${bar.tone}`}
                    x="0"
                    y="0"
                    width={max > 0 ? Math.max(0, (bar.value / max) * 100) : 0}
                    height="10"
                  />
                </svg>
              </td>
              <Num>{bar.text}</Num>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
