import type { PeriodClosing } from '@carbon-ets/contract';
import { closePeriod } from './period-closing';

const page = (closed: number, done: boolean, ids: string[]): PeriodClosing => ({
  period: 2025,
  done,
  closed,
  totalShortfall: closed * 10,
  outcomes: ids.map((installationId) => ({ installationId, code: 'B', shortfall: 10, penalty: '100' })),
});

describe('closePeriod', () => {
  it('calls page after page until done, reporting each page, and gathers the outcomes', async () => {
    const answers = [page(2, false, ['A', 'B']), page(4, false, ['C', 'D']), page(5, true, ['E'])];
    const calls: unknown[] = [];
    const compliance = {
      closePeriod: (request: { period: number | string; pageSize?: number | string }) => {
        calls.push(request);
        return Promise.resolve(answers[calls.length - 1]!);
      },
    };
    const progress: number[] = [];
    const closed = await closePeriod(compliance, 2025, {
      pageSize: 2,
      onPage: (p) => progress.push(p.closed),
    });
    expect(calls).toEqual([1, 2, 3].map(() => ({ period: 2025, pageSize: 2 })));
    expect(progress).toEqual([2, 4, 5]);
    expect(closed).toEqual({
      period: 2025,
      closed: 5,
      totalShortfall: 50,
      pages: 3,
      outcomes: answers.flatMap((a) => a.outcomes),
    });
  });

  it('lets a refused page propagate (calling again resumes on the ledger)', async () => {
    const compliance = { closePeriod: () => Promise.reject(new Error('FAILED_PRECONDITION: … INST2 …')) };
    await expect(closePeriod(compliance, 2025)).rejects.toThrow('INST2');
  });
});
