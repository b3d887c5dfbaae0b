/**
 * A year of a national market on the running network (no member servers needed):
 * `npx ts-node bench/year-of-market.ts [--installations 2000] [--transactions 200000] [--in-flight 32]`.
 *
 * A fresh compliance period with a carbon index; `installations` covered installations, half of ENT1 and half
 * of ENT2, each with a holding account and a fixed free allocation; 32 trading accounts per enterprise (ENT1's
 * sell, ENT2's buy). Then twelve months, each with every installation's monthly energy, transfers between
 * installations' holding accounts, and orders that the regulator clears at the month's end (bounded
 * `Market:Match` rounds); then every installation's report, its verification, acceptance and surrender. Orders
 * and transfers fill the year up to `transactions` committed transactions in all.
 *
 * In-flight slots own disjoint installations and accounts, so the only conflicts are the ones a real market
 * has (placement against clearing is kept apart by the month-end clearing). Prints, per phase, the committed
 * transactions, tx/s and p50/p99 submit-to-commit latency, and at the end the totals. Reconcile, the read
 * model's rebuild and disk per peer are measured on the ledger it leaves (see BENCHMARKS.md).
 */
import { parseArgs } from 'node:util';
import {
  CONNECTION_DIR_VARIABLE,
  connectAs,
  requestProposal,
  submit,
  type CarbonConnection,
  type ClearingResult,
  type Lot,
  type TransferResult,
} from '@carbon-ets/gateway-client';
import {
  carbonIndexFactors,
  carbonIndexPolicy,
  ensureBaseline,
  firstFreePeriodYear,
  gasAndGridReport,
  periodStartingNow,
} from '../test/support/baseline';
import { participant } from '../test/support/participants';
import { ensureAccredited } from '../test/support/verifiers';
import { runPaths } from '@carbon-ets/network';
import { percentile } from './load-driver';

const { values } = parseArgs({
  options: {
    installations: { type: 'string', default: '2000' },
    transactions: { type: 'string', default: '200000' },
    'in-flight': { type: 'string', default: '32' },
    /** A time budget: the months' trading stops 10 minutes before it, so the compliance phases still run. */
    minutes: { type: 'string' },
  },
});
const INSTALLATIONS = Number(values.installations);
const TRANSACTIONS = Number(values.transactions);
const SLOTS = Number(values['in-flight']);
const MONTHS = 12;
const TRADING_DEADLINE =
  values.minutes === undefined ? Infinity : Date.now() + (Number(values.minutes) - 10) * 60_000;
/** Trading tasks not submitted because the time budget ran out. */
let skipped = 0;
/** Planned transfers left out because a slot had fewer than two installations of the entity to move between. */
let ringless = 0;
process.env[CONNECTION_DIR_VARIABLE] ??= runPaths.connection;
/** Fixed free allocation per installation: more than its verified emissions (3,264 t) plus what transfers move. */
const ALLOCATION = 5_000;
const VERIFIED = 3_264;

const log = (line: string): void => {
  process.stderr.write(`[year-of-market ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
};

/** A phase's committed transactions and their latencies. */
interface PhaseResult {
  readonly name: string;
  committed: number;
  retries: number;
  failed: number;
  seconds: number;
  readonly latencies: number[];
  firstFailure?: string;
}

type Task = () => Promise<void>;

/** Connections per user: one per 16 in-flight slots. */
class Connections {
  private readonly pools = new Map<string, CarbonConnection[]>();

  of(organization: string, user: string, slot: number): CarbonConnection {
    const key = `${organization}/${user}`;
    let pool = this.pools.get(key);
    if (pool === undefined) {
      pool = Array.from({ length: Math.max(1, Math.ceil(SLOTS / 16)) }, () =>
        connectAs({ organization, user }),
      );
      this.pools.set(key, pool);
    }
    const connection = pool[slot % pool.length];
    if (connection === undefined) throw new Error(`no connection for ${key}`);
    return connection;
  }

  close(): void {
    for (const pool of this.pools.values()) for (const connection of pool) connection.close();
  }
}

/** Runs each slot's tasks in order, the slots side by side; logs progress every 30 s. */
async function runPhase(
  name: string,
  slots: readonly (readonly Task[])[],
  result: PhaseResult[],
  record: (phase: PhaseResult) => (task: Task) => Promise<void>,
): Promise<PhaseResult> {
  const phase: PhaseResult = { name, committed: 0, retries: 0, failed: 0, seconds: 0, latencies: [] };
  const total = slots.reduce((sum, tasks) => sum + tasks.length, 0);
  const started = performance.now();
  const progress = setInterval(() => {
    const seconds = (performance.now() - started) / 1000;
    log(`${name}: ${phase.committed}/${total} committed, ${(phase.committed / seconds).toFixed(1)} tx/s`);
  }, 30_000);
  const run = record(phase);
  try {
    await Promise.all(
      slots.map(async (tasks) => {
        for (const task of tasks) await run(task);
      }),
    );
  } finally {
    clearInterval(progress);
  }
  phase.seconds = (performance.now() - started) / 1000;
  result.push(phase);
  log(
    `${name}: ${phase.committed} committed in ${phase.seconds.toFixed(1)} s (${(phase.committed / phase.seconds).toFixed(1)} tx/s), ${phase.failed} failed`,
  );
  return phase;
}

async function main(): Promise<void> {
  const regulator = participant('Regulator', 'regulator1');
  const connections = new Connections();
  const phases: PhaseResult[] = [];
  const yearStarted = performance.now();
  let current: PhaseResult | undefined;

  /** Submits through the client's retrying submit (new proposal on MVCC/phantom conflicts), timed. */
  const write = async (connection: CarbonConnection, transaction: string, request: unknown) => {
    const t0 = performance.now();
    const outcome = await submit(connection.contract, transaction, {
      ...requestProposal(transaction, request),
      commitWait: connection.commitWait,
      maxAttempts: 8,
    });
    if (current) {
      current.committed++;
      current.retries += outcome.attempts - 1;
      current.latencies.push(performance.now() - t0);
    }
    return JSON.parse(new TextDecoder().decode(outcome.result)) as unknown;
  };
  const record = (phase: PhaseResult) => {
    current = phase;
    return async (task: Task) => {
      try {
        await task();
      } catch (err) {
        phase.failed++;
        phase.firstFailure ??= err instanceof Error ? err.message : String(err);
        if (phase.failed <= 5) log(`${phase.name}: failed: ${phase.firstFailure}`);
      }
    };
  };
  /** Lets every peer catch up with the last phase's blocks before another org builds on them. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 3_000));

  try {
    await ensureBaseline(regulator);
    const year = await firstFreePeriodYear(regulator, 2100);
    const run = `Y${year}`;
    const factorSetId = `YEAR-${year}`;
    const instrument = `allowance-${year}`;
    log(`period ${year}: ${INSTALLATIONS} installations, ${TRANSACTIONS} transactions, ${SLOTS} in flight`);

    // Setup, as the regulator: factor set, period with a carbon index, issuance, instrument.
    await regulator.submit('Period:PublishFactorSet', carbonIndexFactors(factorSetId));
    // One selling and one buying account per slot: a slot's orders never read another slot's lots or cash.
    const traders = SLOTS;
    const cap = INSTALLATIONS * ALLOCATION + traders * 200_000;
    await regulator.submit('Period:CreatePeriod', {
      ...periodStartingNow(year, cap),
      carbonIndex: carbonIndexPolicy(factorSetId, 9_500),
    });
    await regulator.submit<Lot>('Allowance:IssueAllowances', { period: year, quantity: cap });
    await regulator.submit('Market:ConfigureInstrument', {
      unitType: 'allowance',
      vintage: year,
      referencePrice: 5000,
    });
    await ensureAccredited(regulator, 'VER1', 'power');

    const installations = Array.from({ length: INSTALLATIONS }, (_, i) => ({
      id: `${run}-I${String(i).padStart(5, '0')}`,
      entityId: i % 2 === 0 ? 'ENT1' : 'ENT2',
      organization: i % 2 === 0 ? 'Enterprise1' : 'Enterprise2',
      operator: i % 2 === 0 ? 'operator1' : 'operator2',
      holding: `${run}-H${String(i).padStart(5, '0')}`,
      // Pairs of neighbours share a slot, so every slot owns installations of both entities and each entity's
      // transfer ring (below) has members in every slot.
      slot: Math.floor(i / 2) % SLOTS,
    }));
    const bySlot = Array.from({ length: SLOTS }, (_, s) => installations.filter((i) => i.slot === s));
    const sellers = Array.from({ length: traders }, (_, i) => `${run}-SELL${i}`);
    const buyers = Array.from({ length: traders }, (_, i) => `${run}-BUY${i}`);
    const regulatorOf = (slot: number) => connections.of('Regulator', 'regulator1', slot);
    const spread = (slots: Task[]): Task[][] =>
      Array.from({ length: SLOTS }, (_, s) => slots.filter((_, i) => i % SLOTS === s));

    // Installations: one transaction per 100 of one entity, one after another (each writes the entity's list).
    const registration: Task[] = [];
    for (const entityId of ['ENT1', 'ENT2']) {
      const own = installations.filter((i) => i.entityId === entityId);
      for (let i = 0; i < own.length; i += 100) {
        const batch = own.slice(i, i + 100);
        registration.push(async () => {
          await write(regulatorOf(0), 'Registry:AddInstallations', {
            entityId,
            installations: batch.map((inst) => ({ id: inst.id, sector: 'power', capacity: '300' })),
          });
        });
        // The plan lines of the same 100.
        registration.push(async () => {
          await write(regulatorOf(0), 'Allowance:SetAllocationPlan', {
            period: year,
            lines: batch.map((inst) => ({
              installationId: inst.id,
              method: 'fixed',
              quantity: ALLOCATION,
              preAllocationBase: ALLOCATION,
              preAllocationShareBasisPoints: 10_000,
              ceiling: ALLOCATION,
            })),
          });
        });
      }
    }
    await runPhase('registration and allocation plans', [registration], phases, record);

    const accounts: Task[] = [
      ...installations.map((inst) => async () => {
        await write(regulatorOf(inst.slot), 'Registry:OpenAccount', {
          kind: 'holding',
          id: inst.holding,
          entityId: inst.entityId,
          installationId: inst.id,
        });
      }),
      ...[...sellers, ...buyers].map((id, i) => async () => {
        await write(regulatorOf(i), 'Registry:OpenAccount', {
          kind: 'trading',
          id,
          entityId: i < traders ? 'ENT1' : 'ENT2',
        });
      }),
      ...installations.map((inst) => async () => {
        await write(regulatorOf(inst.slot), 'Mrv:AssignVerifier', {
          period: year,
          installationId: inst.id,
          verifierEntityId: 'VER1',
        });
      }),
    ];
    await runPhase('accounts and verifier assignments', spread(accounts), phases, record);
    await settle();

    // Pre-allocation takes from NATIONAL-ALLOCATION's lots (a range read): one after another by design.
    await runPhase(
      'pre-allocation (serial on NATIONAL-ALLOCATION)',
      [
        installations.map((inst) => async () => {
          await write(regulatorOf(0), 'Allowance:PreAllocate', { period: year, installationId: inst.id });
        }),
      ],
      phases,
      record,
    );
    let nationalLot = '';
    const funding: Task[] = [
      ...sellers.map((to) => async () => {
        const answer = (await write(regulatorOf(0), 'Allowance:Transfer', {
          fromAccount: 'NATIONAL-ALLOCATION',
          toAccount: to,
          quantity: 200_000,
          ...(nationalLot === '' ? {} : { lotIds: [nationalLot] }),
        })) as TransferResult;
        nationalLot = answer.remainders[0]?.id ?? '';
      }),
      ...buyers.map((accountId) => async () => {
        await write(regulatorOf(0), 'Funds:Deposit', {
          accountId,
          amount: '1000000000',
          reference: 'year-of-market funds',
        });
      }),
    ];
    await runPhase('trading accounts funded', [funding], phases, record);
    await settle();

    // What the year's trading may use: the target less every other transaction of the run.
    const fixed =
      phases.reduce((sum, p) => sum + p.committed, 0) + INSTALLATIONS * MONTHS + INSTALLATIONS * 4;
    const trading = Math.max(0, TRANSACTIONS - fixed);
    const perMonth = Math.floor(trading / MONTHS);
    log(`trading: ${trading} orders and transfers, ${perMonth} a month (plus the month-end clearing)`);

    let seed = 12_345;
    const random = (n: number): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    const clearing: { trades: number; rounds: number; seconds: number }[] = [];
    for (let month = 1; month <= MONTHS; month++) {
      const slots: Task[][] = bySlot.map((own, s) => {
        const energy: Task[] = own.map((inst) => async () => {
          await write(
            connections.of(inst.organization, inst.operator, s),
            'CarbonIndex:SubmitMonthlyEnergy',
            {
              installationId: inst.id,
              period: year,
              month,
              coal: String(300 + random(200)),
              gas: String(20 + random(20)),
              electricity: String(500 + random(500)),
            },
          );
        });
        const trades: Task[] = [];
        const share = Math.floor(perMonth / SLOTS) + (s < perMonth % SLOTS ? 1 : 0);
        for (let k = 0; k < share; k++) {
          if (k % 2 === 0) {
            // 1 t from one of the slot's installations to the next of the same entity (a ring: balances stay even).
            const ring = own.filter((inst) => inst.entityId === (k % 4 === 0 ? 'ENT1' : 'ENT2'));
            const at = (k / 2 + month) % Math.max(1, ring.length);
            const from = ring[at];
            const to = ring[(at + 1) % ring.length];
            if (!from || !to || from === to) {
              ringless++;
              continue;
            }
            trades.push(async () => {
              await write(connections.of(from.organization, from.operator, s), 'Allowance:Transfer', {
                fromAccount: from.holding,
                toAccount: to.holding,
                quantity: 1,
              });
            });
          } else {
            const sell = k % 4 === 1;
            const quantity = 1 + random(3);
            const price = (sell ? 4_900 : 4_950) + random(200);
            trades.push(async () => {
              await write(
                connections.of(sell ? 'Enterprise1' : 'Enterprise2', sell ? 'trader1' : 'trader2', s),
                'Market:PlaceOrder',
                {
                  accountId: sell ? sellers[s] : buyers[s],
                  side: sell ? 'sell' : 'buy',
                  instrument,
                  price,
                  quantity,
                  goodTill: 'period',
                },
              );
            });
          }
        }
        // Energy spread evenly through the month's trading.
        const tasks: Task[] = [];
        const every = Math.max(1, Math.floor(trades.length / Math.max(1, energy.length)));
        trades.forEach((task, i) => {
          const next = i % every === 0 ? energy.shift() : undefined;
          if (next !== undefined) tasks.push(next);
          tasks.push(task);
        });
        return [...tasks, ...energy].map((task) => async () => {
          if (Date.now() > TRADING_DEADLINE) skipped++;
          else await task();
        });
      });
      await runPhase(`month ${month}: energy, transfers, orders`, slots, phases, record);
      await settle();
      // Month-end clearing, round after round, as the regulator.
      const started = performance.now();
      let trades = 0;
      let rounds = 0;
      const roundTasks: Task[] = [
        async () => {
          for (let more = true; more;) {
            const answer = (await write(regulatorOf(0), 'Market:Match', { instrument })) as ClearingResult;
            trades += answer.trades.length;
            rounds++;
            more = answer.more;
          }
        },
      ];
      await runPhase(`month ${month}: clearing`, [roundTasks], phases, record);
      clearing.push({ trades, rounds, seconds: (performance.now() - started) / 1000 });
      log(`month ${month}: ${trades} trades in ${rounds} rounds`);
    }

    // Compliance: report, verification, acceptance, surrender, each installation in its slot.
    const report = gasAndGridReport(year, '', factorSetId);
    await runPhase(
      'reports',
      bySlot.map((own, s) =>
        own.map((inst) => async () => {
          await write(connections.of(inst.organization, inst.operator, s), 'Mrv:SubmitReport', {
            ...report,
            installationId: inst.id,
          });
        }),
      ),
      phases,
      record,
    );
    await settle();
    const request = (inst: { id: string }) => ({ period: year, installationId: inst.id, version: 1 });
    await runPhase(
      'verification',
      bySlot.map((own, s) =>
        own.map((inst) => async () => {
          await write(connections.of('Verifier', 'verifier1', s), 'Mrv:VerifyReport', {
            ...request(inst),
            verifiedEmissions: VERIFIED,
            opinion: 'positive',
          });
        }),
      ),
      phases,
      record,
    );
    await settle();
    await runPhase(
      'acceptance',
      bySlot.map((own, s) =>
        own.map((inst) => async () => {
          await write(regulatorOf(s), 'Mrv:AcceptReport', request(inst));
        }),
      ),
      phases,
      record,
    );
    await settle();
    await runPhase(
      'surrender',
      bySlot.map((own, s) =>
        own.map((inst) => async () => {
          await write(connections.of(inst.organization, inst.operator, s), 'Compliance:Surrender', {
            period: year,
            installationId: inst.id,
            unitType: 'allowance',
            quantity: VERIFIED,
          });
        }),
      ),
      phases,
      record,
    );

    const seconds = (performance.now() - yearStarted) / 1000;
    const committed = phases.reduce((sum, p) => sum + p.committed, 0);
    const failed = phases.reduce((sum, p) => sum + p.failed, 0);
    const lines = [
      `## Year of market, period ${year} (\`npx ts-node bench/year-of-market.ts --installations ${INSTALLATIONS} --transactions ${TRANSACTIONS}\`)`,
      '',
      `${committed} transactions committed in ${(seconds / 60).toFixed(1)} min (${(committed / seconds).toFixed(1)} tx/s overall), ${failed} failed after retries` +
        (skipped > 0
          ? `; ${skipped} of the year's planned energy, transfer and order transactions not submitted (time budget).`
          : '.') +
        (ringless > 0
          ? ` ${ringless} planned transfers left out: a slot had no two installations of one entity.`
          : ''),
      '',
      '| phase | committed | tx/s | p50 ms | p99 ms | retries | failed |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...phases.map((p) => {
        const sorted = [...p.latencies].sort((a, b) => a - b);
        return `| ${p.name} | ${p.committed} | ${(p.committed / p.seconds).toFixed(1)} | ${percentile(sorted, 0.5).toFixed(0)} | ${percentile(sorted, 0.99).toFixed(0)} | ${p.retries} | ${p.failed} |`;
      }),
      '',
      `Clearing: ${clearing.reduce((s, c) => s + c.trades, 0)} trades in ${clearing.reduce((s, c) => s + c.rounds, 0)} rounds, ${clearing.reduce((s, c) => s + c.seconds, 0).toFixed(1)} s of clearing.`,
      ...phases.filter((p) => p.firstFailure).map((p) => `- ${p.name}: first failure: ${p.firstFailure}`),
      '',
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    connections.close();
    regulator.connection.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
