/**
 * A bar's colour: `cap` (grey), `warn`, `bad`, or one of four series colours for the parts of a stacked bar;
 * the accent when absent.
 */
export type BarTone = 'cap' | 'warn' | 'bad' | 'series-1' | 'series-2' | 'series-3' | 'series-4';

/** One part of a stacked bar. */
export interface BarPart {
  readonly label: string;
  readonly value: number;
  readonly tone: BarTone;
  /** The value as the part's tooltip says it. */
  readonly text?: string;
}

/** One bar: what it measures, its value and how it is shown. */
export interface Bar {
  readonly label: string;
  /** The bar's length; with `parts`, their sum. */
  readonly value: number;
  readonly text: string;
  readonly tone?: BarTone;
  /** The bar split into parts, stacked left to right in this order (empty parts draw nothing). */
  readonly parts?: readonly BarPart[];
}

/** A rectangle of a bar in the chart's 0–100 wide viewBox. */
export interface BarSegment {
  readonly x: number;
  readonly width: number;
  readonly tone: BarTone | undefined;
  /** The part it draws (absent for a bar without parts) and its tooltip. */
  readonly label: string | undefined;
  readonly title: string | undefined;
}

/** The longest bar of a chart: every bar is scaled to it (0 when there is nothing to draw). */
export function longestBar(bars: readonly Bar[]): number {
  return Math.max(0, ...bars.map((bar) => bar.value));
}

/**
 * Where a bar's rectangles go, scaled so that `longest` fills the width: one for a plain bar, one per non-empty
 * part of a stacked one, each starting where the one before ends.
 */
export function barSegments(bar: Bar, longest: number): BarSegment[] {
  const scale = (value: number): number => (longest > 0 ? (Math.max(0, value) / longest) * 100 : 0);
  if (bar.parts === undefined) {
    return [{ x: 0, width: scale(bar.value), tone: bar.tone, label: undefined, title: undefined }];
  }
  const segments: BarSegment[] = [];
  let x = 0;
  for (const part of bar.parts) {
    const width = scale(part.value);
    if (width === 0) continue;
    const title = part.text === undefined ? part.label : `${part.label}: ${part.text}`;
    segments.push({ x, width, tone: part.tone, label: part.label, title });
    x += width;
  }
  return segments;
}
