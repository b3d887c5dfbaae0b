import {
  connectAs,
  type AccountHoldings,
  type CarbonConnection,
  type Lot,
  type TransferResult,
} from '@carbon-ets/gateway-client';
import {
  ensureBaseline,
  firstFreePeriodYear,
  gasAndGridFactors,
  gasAndGridReport,
  periodStartingNow,
} from '../test/support/baseline';
import { participant, type Participant } from '../test/support/participants';

/** Accounts and installations one benchmark run works on, all owned by ENT1 (users trader1 and operator1). */
export interface BenchLedger {
  readonly runId: string;
  readonly year: number;
  readonly factorSetId: string;
  /** One trading account per in-flight slot, each holding one lot to spend from. */
  readonly slotAccounts: readonly { readonly account: string; lotId: string }[];
  /** The account every transfer pays into. */
  readonly sinkAccount: string;
  /** One account that every slot spends from at once (the hot-account conflict test). */
  readonly hotAccount: string;
  /** One installation per slot, each with a submitted report that the slot keeps correcting. */
  readonly installations: readonly string[];
  /** The run's allowance instrument, e.g. `allowance-2100`, listed at 50.00 CNY. */
  readonly instrument: string;
  /** ENT2 trading accounts with funds, the buyers of the matching rounds (ENT1 slot accounts sell). */
  readonly buyerAccounts: readonly string[];
}

/** Runs `action` over `items` with at most `width` at a time. */
async function inBatches<T>(
  items: readonly T[],
  width: number,
  action: (item: T, index: number) => Promise<void>,
): Promise<void> {
  for (let i = 0; i < items.length; i += width) {
    await Promise.all(items.slice(i, i + width).map((item, j) => action(item, i + j)));
  }
}

/**
 * Creates the run's ledger: a fresh period with its factor set, `slots` funded trading accounts plus a sink
 * and a hot account, and `slots` installations with a first report. Funding fans out (regulator → 8 feeder
 * accounts → slot accounts) so setup takes tens of seconds, not one block per account.
 */
export async function prepareBenchLedger(slots: number, log: (line: string) => void): Promise<BenchLedger> {
  const regulator = participant('Regulator', 'regulator1');
  const trader = participant('Enterprise1', 'trader1');
  const operator = participant('Enterprise1', 'operator1');
  try {
    await ensureBaseline(regulator);
    const year = await firstFreePeriodYear(regulator, 2100);
    const runId = `B${year}`;
    const factorSetId = `BENCH-${year}`;
    log(`setting up run ${runId}: period ${year}, ${slots} slot accounts, ${slots} installations`);
    await regulator.submit('Period:CreatePeriod', periodStartingNow(year, 100_000_000));
    await regulator.submit('Period:PublishFactorSet', gasAndGridFactors(factorSetId));
    const issued = await regulator.submit<Lot>('Allowance:IssueAllowances', {
      period: year,
      quantity: 10_000_000,
    });

    const feeders = Array.from({ length: 8 }, (_, i) => `${runId}-FEED${i}`);
    const slotIds = Array.from({ length: slots }, (_, i) => `${runId}-SLOT${i}`);
    const sinkAccount = `${runId}-SINK`;
    const hotAccount = `${runId}-HOT`;
    const buyerAccounts = Array.from({ length: 32 }, (_, i) => `${runId}-BUY${i}`);
    await inBatches([...feeders, ...slotIds, sinkAccount, hotAccount, ...buyerAccounts], 32, async (id) => {
      const entityId = buyerAccounts.includes(id) ? 'ENT2' : 'ENT1';
      await regulator.submit('Registry:OpenAccount', { kind: 'trading', id, entityId });
    });
    const instrument = `allowance-${year}`;
    await regulator.submit('Market:ConfigureInstrument', {
      unitType: 'allowance',
      vintage: year,
      referencePrice: 5000,
    });
    // Funds for the buy orders: slot accounts place bids, ENT2 buyers take the matching rounds' asks.
    await inBatches([...slotIds, ...buyerAccounts], 32, async (accountId) => {
      await regulator.submit('Funds:Deposit', {
        accountId,
        amount: '1000000000',
        reference: 'benchmark funds',
      });
    });

    const perSlot = 50_000;
    const perFeeder = perSlot * Math.ceil(slots / feeders.length);
    let nationalLot = issued.id;
    const feederLots = new Map<string, string>();
    for (const to of [...feeders, hotAccount]) {
      const answer = await regulator.submit<TransferResult>('Allowance:Transfer', {
        fromAccount: 'NATIONAL-ALLOCATION',
        toAccount: to,
        quantity: to === hotAccount ? perSlot : perFeeder,
        lotIds: [nationalLot],
      });
      nationalLot = answer.remainders[0]?.id ?? '';
      feederLots.set(to, answer.moved[0]?.id ?? '');
    }
    const slotAccounts: { account: string; lotId: string }[] = slotIds.map((account) => ({
      account,
      lotId: '',
    }));
    await Promise.all(
      feeders.map(async (feeder, f) => {
        let feederLot = feederLots.get(feeder) ?? '';
        for (let s = f; s < slots; s += feeders.length) {
          const slot = slotAccounts[s];
          if (!slot) continue;
          const answer = await trader.submit<TransferResult>('Allowance:Transfer', {
            fromAccount: feeder,
            toAccount: slot.account,
            quantity: perSlot,
            lotIds: [feederLot],
          });
          slot.lotId = answer.moved[0]?.id ?? '';
          feederLot = answer.remainders[0]?.id ?? '';
        }
      }),
    );

    const installations = Array.from({ length: slots }, (_, i) => `${runId}-INST${i}`);
    await regulator.submit('Registry:AddInstallations', {
      entityId: 'ENT1',
      installations: installations.map((id) => ({ id, sector: 'power', capacity: '300' })),
    });
    await inBatches(installations, 32, async (installationId) => {
      await operator.submit('Mrv:SubmitReport', gasAndGridReport(year, installationId, factorSetId));
    });
    return {
      runId,
      year,
      factorSetId,
      slotAccounts,
      sinkAccount,
      hotAccount,
      installations,
      instrument,
      buyerAccounts,
    };
  } finally {
    for (const p of [regulator, trader, operator]) p.connection.close();
  }
}

/** Points every slot at its largest unlocked lot (after orders split and locked some). */
export async function refreshSlotLots(ledger: BenchLedger): Promise<void> {
  const trader = participant('Enterprise1', 'trader1');
  try {
    await inBatches(ledger.slotAccounts, 16, async (slot) => {
      const answer = await trader.evaluate<AccountHoldings>('Query:GetHoldings', slot.account);
      const free = answer.holdings
        .filter((h) => h.status === 'held')
        .flatMap((h) => h.lots)
        .filter((lot) => lot.lockedBy === null)
        .sort((a, b) => b.quantity - a.quantity);
      slot.lotId = free[0]?.id ?? slot.lotId;
    });
  } finally {
    trader.connection.close();
  }
}

/** Gateway connections for the load: one per 16 in-flight slots, so no single HTTP/2 stream limit decides. */
export function connectionsFor(organization: string, user: string, slots: number): CarbonConnection[] {
  return Array.from({ length: Math.max(1, Math.ceil(slots / 16)) }, () => connectAs({ organization, user }));
}

/** The connection slot `slot` uses: slots take the connections in turn. */
export function connectionAt<T>(connections: readonly T[], slot: number): T {
  const connection = connections[slot % connections.length];
  if (connection === undefined) throw new Error('no connection');
  return connection;
}

export type { Participant };
