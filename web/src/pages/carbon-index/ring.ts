/** The index ring's drawing, in SVG units: a circle of `radius` stroked `width` wide in a `size` square. */
export const RING = { size: 148, radius: 58, width: 16 } as const;
/** The ring's centre (both coordinates): the value arc turns about it to start at 12 o'clock. */
export const RING_CENTRE = RING.size / 2;

/** 100 % of the allocation pro rata to date, in basis points. */
const ON_TRACK = 10_000;

/**
 * What a full turn of the ring stands for, in basis points: 100 % of the allocation pro rata to date, or the
 * next whole multiple of it that holds both the index and the threshold (an index of 130 % on a 0–200 % ring).
 */
export function ringScale(index: number | null, threshold: number | null): number {
  const highest = Math.max(index ?? 0, threshold ?? 0);
  return Math.max(1, Math.ceil(highest / ON_TRACK)) * ON_TRACK;
}

/** The ring's colour: on track, above the period's threshold, or above the allocation pro rata itself. */
export type RingTone = 'ok' | 'warn' | 'bad';

export function ringTone(index: number, threshold: number | null): RingTone {
  if (index > ON_TRACK) return 'bad';
  return threshold !== null && index > threshold ? 'warn' : 'ok';
}

/** The point `fraction` of a turn clockwise from 12 o'clock, `radius` from the ring's centre. */
export function ringPoint(fraction: number, radius: number): { x: number; y: number } {
  const angle = fraction * 2 * Math.PI;
  return { x: RING_CENTRE + radius * Math.sin(angle), y: RING_CENTRE - radius * Math.cos(angle) };
}

/** A tick across the ring (a little beyond both edges) at `value` basis points of a ring of `scale`. */
export function ringTick(value: number, scale: number): { x1: number; y1: number; x2: number; y2: number } {
  const inner = ringPoint(value / scale, RING.radius - RING.width / 2 - 3);
  const outer = ringPoint(value / scale, RING.radius + RING.width / 2 + 3);
  return { x1: inner.x, y1: inner.y, x2: outer.x, y2: outer.y };
}
