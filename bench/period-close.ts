import { connectAs, submit, TransactionError, type CarbonConnection } from '@carbon-ets/gateway-client';
import type { PeriodClosing } from '@carbon-ets/contract';
import { parseArgs } from 'node:util';

/**
 * Closing a period with many covered installations on the running network:
 * `npx ts-node bench/period-close.ts --installations 10000`. Registers one covered enterprise with that many
 * installations (200 a transaction, one after another), opens each one's holding account and sets an emissions estimate (32 in
 * flight), then closes the period page by page (`Compliance:ClosePeriod`, 500 installations a page) and
 * reports each page's submit-to-commit time. An installation of the shared ledger without emissions stops a
 * page; it gets an estimate and the closing resumes (which is what `resumable` means).
 */
const { values } = parseArgs({
  options: {
    installations: { type: 'string', default: '10000' },
    'page-size': { type: 'string', default: '500' },
  },
});
const COUNT = Number(values.installations);
const PAGE_SIZE = Number(values['page-size']);
const IN_FLIGHT = 32;
const DAY_MS = 86_400_000;

const log = (line: string): void => {
  process.stderr.write(`[period-close] ${line}\n`);
};

async function write(connection: CarbonConnection, transaction: string, request: unknown): Promise<unknown> {
  const outcome = await submit(connection.contract, transaction, {
    arguments: [JSON.stringify(request)],
    commitWait: connection.commitWait,
  });
  return JSON.parse(new TextDecoder().decode(outcome.result)) as unknown;
}

async function inParallel<T>(items: readonly T[], each: (item: T) => Promise<unknown>): Promise<number> {
  const started = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < items.length) {
        const item = items[next++] as T;
        await each(item);
      }
    }),
  );
  return (Date.now() - started) / 1000;
}

async function inSequence<T>(items: readonly T[], each: (item: T) => Promise<unknown>): Promise<number> {
  const started = Date.now();
  for (const item of items) await each(item);
  return (Date.now() - started) / 1000;
}

async function freeYear(connection: CarbonConnection, from: number): Promise<number> {
  for (let year = from; year <= 2200; year++) {
    try {
      await connection.contract.evaluateTransaction('Period:GetPeriod', String(year));
    } catch {
      return year;
    }
  }
  throw new Error('no free period year up to 2200');
}

async function main(): Promise<void> {
  const regulator = connectAs({ organization: 'Regulator', user: 'regulator1' });
  try {
    const stamp = Date.now().toString(36).toUpperCase();
    const year = await freeYear(regulator, 2191);
    const now = Date.now();
    await write(regulator, 'Period:CreatePeriod', {
      year,
      cap: 100_000_000,
      deadlines: {
        reportBy: new Date(now - 3 * DAY_MS).toISOString(),
        verifyBy: new Date(now - 2 * DAY_MS).toISOString(),
        surrenderBy: new Date(now - DAY_MS).toISOString(),
      },
      offsetLimitBasisPoints: 500,
      penaltyPerTonne: 10_000,
    });
    const entityId = `BIG${stamp}`;
    await write(regulator, 'Registry:RegisterEntity', {
      id: entityId,
      kind: 'covered',
      name: `Closing bench ${stamp}`,
      ownerMsp: 'Enterprise1MSP',
    });
    const ids = Array.from({ length: COUNT }, (_, i) => `${entityId}-${String(i).padStart(5, '0')}`);
    const batches = Array.from({ length: Math.ceil(COUNT / 200) }, (_, i) =>
      ids.slice(i * 200, i * 200 + 200),
    );
    log(`period ${year}: registering ${COUNT} installations of ${entityId}`);
    // One after another: every batch writes the entity's installation list.
    const registered = await inSequence(batches, (batch) =>
      write(regulator, 'Registry:AddInstallations', {
        entityId,
        installations: batch.map((id) => ({ id, sector: 'power', capacity: '100' })),
      }),
    );
    log(`registered in ${registered.toFixed(1)} s; opening holding accounts`);
    const opened = await inParallel(ids, (id) =>
      write(regulator, 'Registry:OpenAccount', {
        kind: 'holding',
        id: `H-${id}`,
        entityId,
        installationId: id,
      }),
    );
    log(`opened in ${opened.toFixed(1)} s; setting estimates`);
    const estimate = (installationId: string) =>
      write(regulator, 'Compliance:EstimateEmissions', {
        period: year,
        installationId,
        estimatedEmissions: 1,
        reason: 'closing bench',
      });
    const estimated = await inParallel(ids, estimate);
    log(`estimated in ${estimated.toFixed(1)} s; closing`);

    const pages: { ms: number; closed: number }[] = [];
    const closingStarted = Date.now();
    let resumed = 0;
    for (;;) {
      const started = Date.now();
      try {
        const page = (await write(regulator, 'Compliance:ClosePeriod', {
          period: year,
          pageSize: PAGE_SIZE,
        })) as PeriodClosing;
        pages.push({ ms: Date.now() - started, closed: page.outcomes.length });
        if (page.done) {
          const seconds = (Date.now() - closingStarted) / 1000;
          const sorted = pages.map((p) => p.ms).sort((a, b) => a - b);
          const p50 = sorted[Math.floor(sorted.length / 2)] ?? 0;
          const max = sorted.at(-1) ?? 0;
          process.stdout.write(
            `Closed period ${year}: ${page.closed} installations in ${pages.length} pages of ≤ ${PAGE_SIZE}, ` +
              `${seconds.toFixed(1)} s (${(page.closed / seconds).toFixed(0)} installations/s); page submit-to-commit ` +
              `p50 ${p50} ms, max ${max} ms; ${resumed} resumption(s) after an installation without emissions. ` +
              `Setup: ${COUNT} installations registered in ${registered.toFixed(1)} s, accounts ${opened.toFixed(1)} s, ` +
              `estimates ${estimated.toFixed(1)} s.\n`,
          );
          return;
        }
      } catch (err) {
        const listed =
          err instanceof TransactionError ? /emissions: ([^;]+);/.exec(err.reason)?.[1] : undefined;
        if (!listed) throw err;
        // Other runs' installations of the shared ledger: give them estimates, then resume the closing.
        await inParallel(listed.split(', '), estimate);
        resumed++;
      }
    }
  } finally {
    regulator.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
