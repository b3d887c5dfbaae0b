import { type Bar, type BarTone, barSegments, longestBar } from './bar-geometry';
import { Num } from './ui';

const fillClass = (tone: BarTone | undefined): string => (tone === undefined ? 'fill' : `fill ${tone}`);

/**
 * A horizontal bar chart as a table: each row names a measure, draws its bar (SVG, scaled to the largest value;
 * stacked when the bar has parts) and states the value right-aligned, so the numbers stay text and the bars
 * only illustrate them. A legend names the parts' colours.
 */
export function BarChart({
  caption,
  bars,
  legend,
}: {
  caption: string;
  bars: readonly Bar[];
  legend?: readonly { readonly label: string; readonly tone: BarTone }[];
}) {
  const longest = longestBar(bars);
  return (
    <div>
      <table className="bars">
        <caption className="muted">{caption}</caption>
        <tbody>
          {bars.map((bar) => (
            <tr key={bar.label}>
              <th scope="row">{bar.label}</th>
              <td className="bar" aria-hidden="true">
                <svg viewBox="0 0 100 10" preserveAspectRatio="none" focusable="false">
                  <rect className="track" x="0" y="0" width="100" height="10" />
                  {barSegments(bar, longest).map((segment) => (
                    <rect
                      key={segment.label ?? 'bar'}
                      className={fillClass(segment.tone)}
                      data-part={segment.label}
                      x={segment.x}
                      y="0"
                      width={segment.width}
                      height="10"
                    >
                      {segment.title !== undefined && <title>{segment.title}</title>}
                    </rect>
                  ))}
                </svg>
              </td>
              <Num>{bar.text}</Num>
            </tr>
          ))}
        </tbody>
      </table>
      {legend !== undefined && (
        <ul className="bar-legend" aria-label="Legend">
          {legend.map((entry) => (
            <li key={entry.label}>
              <svg viewBox="0 0 10 10" aria-hidden="true" focusable="false">
                <rect className={fillClass(entry.tone)} x="0" y="0" width="10" height="10" />
              </svg>
              {entry.label}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
