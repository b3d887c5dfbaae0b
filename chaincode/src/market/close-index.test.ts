import { Users } from '../testing/identities';
import { TestLedger } from '../testing/test-ledger';
import { latestCloseBetween, recordDayClose } from './close-index';
import { emptyMarketDay } from './trade';

const day = (d: string, close: number | null) => ({ ...emptyMarketDay('allowance-2025', d), close });

describe('day-close index', () => {
  test('the previous close is the latest earlier day with one, never today and never outside the window', async () => {
    const ledger = new TestLedger();
    await ledger.submit(Users.regulator, async (ctx) => {
      await recordDayClose(ctx, day('2026-03-01', 4800)); // outside the window
      await recordDayClose(ctx, day('2026-03-10', 5000));
      await recordDayClose(ctx, day('2026-03-12', 5100));
      await recordDayClose(ctx, day('2026-03-14', null)); // no trades: nothing recorded
      await recordDayClose(ctx, day('2026-03-15', 5300)); // today
    });
    const read = (first: string, before: string) =>
      ledger.evaluate(Users.trader1, (ctx) => latestCloseBetween(ctx, 'allowance-2025', first, before));
    await expect(read('2026-02-28', '2026-03-15')).resolves.toBe(5100);
    await expect(read('2026-03-11', '2026-03-12')).resolves.toBeUndefined();
    await expect(read('2026-03-02', '2026-03-10')).resolves.toBeUndefined();
    await expect(read('2026-03-02', '2026-03-11')).resolves.toBe(5000);
  });
});
