import { RING, RING_CENTRE, ringPoint, ringScale, ringTick, ringTone } from './ring';

describe('the carbon index ring', () => {
  it('is a 0–100 % ring unless the index or the threshold lies beyond 100 %', () => {
    expect(ringScale(9_548, 9_500)).toBe(10_000);
    expect(ringScale(null, null)).toBe(10_000);
    expect(ringScale(0, null)).toBe(10_000);
    expect(ringScale(10_000, null)).toBe(10_000);
    expect(ringScale(10_001, null)).toBe(20_000);
    expect(ringScale(8_000, 12_000)).toBe(20_000);
    expect(ringScale(31_500, 9_500)).toBe(40_000);
  });

  it('turns amber above the threshold and red above the allocation pro rata', () => {
    expect(ringTone(8_170, 9_500)).toBe('ok');
    expect(ringTone(9_500, 9_500)).toBe('ok');
    expect(ringTone(9_548, 9_500)).toBe('warn');
    expect(ringTone(10_000, null)).toBe('ok');
    expect(ringTone(10_001, null)).toBe('bad');
    expect(ringTone(11_000, 12_000)).toBe('bad');
  });

  it('places points clockwise from 12 o’clock', () => {
    const top = ringPoint(0, 10);
    expect(top.x).toBeCloseTo(RING_CENTRE);
    expect(top.y).toBeCloseTo(RING_CENTRE - 10);
    const right = ringPoint(0.25, 10);
    expect(right.x).toBeCloseTo(RING_CENTRE + 10);
    expect(right.y).toBeCloseTo(RING_CENTRE);
    const bottom = ringPoint(0.5, 10);
    expect(bottom.y).toBeCloseTo(RING_CENTRE + 10);
  });

  it('draws the threshold tick across the ring at its share of a turn', () => {
    // 95 % of a turn: just left of 12 o'clock, from inside the ring to outside it.
    const tick = ringTick(9_500, 10_000);
    const angle = 0.95 * 2 * Math.PI;
    const inner = RING.radius - RING.width / 2 - 3;
    const outer = RING.radius + RING.width / 2 + 3;
    expect(tick.x1).toBeCloseTo(RING_CENTRE + inner * Math.sin(angle));
    expect(tick.y1).toBeCloseTo(RING_CENTRE - inner * Math.cos(angle));
    expect(tick.x2).toBeCloseTo(RING_CENTRE + outer * Math.sin(angle));
    expect(tick.y2).toBeCloseTo(RING_CENTRE - outer * Math.cos(angle));
    expect(tick.x2).toBeLessThan(RING_CENTRE);
  });
});
