import { machineLines, machineSpeedLine, measureMachineSpeed, summarise } from './machine-speed';

describe('machine speed', () => {
  it('summarises repetitions by median (nearest rank, as every p50 of the bench), fastest and slowest', () => {
    expect(summarise([30, 10, 20])).toEqual({ medianMs: 20, minMs: 10, maxMs: 30 });
    expect(summarise([40, 10, 20, 30])).toEqual({ medianMs: 20, minMs: 10, maxMs: 40 });
  });

  it('refuses to summarise nothing', () => {
    expect(() => summarise([])).toThrow('no repetition was timed');
  });

  it('times the reference work', () => {
    const speed = measureMachineSpeed();
    expect(speed.minMs).toBeGreaterThan(0);
    expect(speed.minMs).toBeLessThanOrEqual(speed.medianMs);
    expect(speed.medianMs).toBeLessThanOrEqual(speed.maxMs);
  });

  it('reports before and after in one line', () => {
    const line = machineSpeedLine(
      { medianMs: 44.4, minMs: 41, maxMs: 52 },
      { medianMs: 90.2, minMs: 88, maxMs: 95 },
    );
    expect(line).toContain('44 ms (41–52) before, 90 ms (88–95) after');
    expect(line).toMatch(/^- machine speed: reference work \(200 P-256 signatures, 100 JSON round trips/);
  });

  it('opens a report with what the machine is, then how fast it was', () => {
    const [machine, speed, ...rest] = machineLines(
      { medianMs: 44.4, minMs: 41, maxMs: 52 },
      { medianMs: 90.2, minMs: 88, maxMs: 95 },
    );
    expect(machine).toMatch(/^- machine: \d+ cores \(.+\), \d+ GiB, Node v\d+\.\d+\.\d+$/);
    expect(speed).toContain('44 ms (41–52) before, 90 ms (88–95) after');
    expect(rest).toEqual([]);
  });
});
