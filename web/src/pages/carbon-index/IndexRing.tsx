import { formatBasisPoints } from '../../format';
import { RING, RING_CENTRE, ringScale, ringTick, ringTone } from './ring';

/**
 * The year-to-date index as a ring: the arc is the index on a ring whose full turn is 100 % of the allocation
 * pro rata to date (or a whole multiple of it, ticked at 100 %), the period's threshold a tick across it. The
 * arc's length is in basis points (`pathLength` = the ring's scale), so `stroke-dasharray` states the index.
 */
export function IndexRing({ index, threshold }: { index: number | null; threshold: number | null }) {
  const scale = ringScale(index, threshold);
  const label =
    index === null
      ? 'No carbon index: the installation has no free allocation for the period'
      : `Carbon index ${formatBasisPoints(index)} of the allocation pro rata to date${
          threshold === null ? '' : `, threshold ${formatBasisPoints(threshold)}`
        }`;
  const circle = { cx: RING_CENTRE, cy: RING_CENTRE, r: RING.radius, fill: 'none', strokeWidth: RING.width };
  return (
    <svg
      className="index-ring"
      role="img"
      aria-label={label}
      data-testid="carbon-index-ring"
      viewBox={`0 0 ${RING.size} ${RING.size}`}
      width={RING.size}
      height={RING.size}
    >
      <circle className="ring-track" {...circle} />
      {index !== null && (
        <circle
          className={`ring-arc ${ringTone(index, threshold)}`}
          data-testid="carbon-index-arc"
          {...circle}
          pathLength={scale}
          strokeDasharray={`${index} ${scale}`}
          transform={`rotate(-90 ${RING_CENTRE} ${RING_CENTRE})`}
        />
      )}
      {scale > 10_000 && <line className="ring-tick" {...ringTick(10_000, scale)} />}
      {threshold !== null && (
        <line
          className="ring-tick threshold"
          data-testid="carbon-index-threshold"
          {...ringTick(threshold, scale)}
        />
      )}
      <text className="ring-value" x={RING_CENTRE} y={RING_CENTRE + 2} textAnchor="middle">
        {index === null ? '–' : formatBasisPoints(index)}
      </text>
      <text className="ring-note" x={RING_CENTRE} y={RING_CENTRE + 20} textAnchor="middle">
        {scale > 10_000 ? `ring 0–${scale / 100} %` : 'of pro rata'}
      </text>
    </svg>
  );
}
