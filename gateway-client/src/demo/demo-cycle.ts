import { PricedTrade as PricedTradeSchema } from '@carbon-ets/contract';
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { reconcile, type ReconcileReport } from '../audit/reconcile';
import { connectAs, type CarbonConnection } from '../connect';
import { settingsDirOf } from '../connection-settings';
import {
  type AccountFunds,
  AllowanceClient,
  ComplianceClient,
  type ComplianceStatus,
  type Commit,
  FundsClient,
  instrumentId,
  MarketClient,
  MrvClient,
  NATIONAL_ACCOUNTS,
  PeriodClient,
  QueryClient,
  RegistryClient,
  type SupplySummary,
  type PricedTrade,
} from '../contracts';
import { formatAmount, parseMoney } from '../money';
import { TransactionError } from '../transaction-error';

/** Options of {@link runDemoCycle}. */
export interface DemoOptions {
  /** Progress lines, one per step. */
  readonly onStep?: (line: string) => void;
  /** The first period year to try; the demo takes the first one nobody has created yet. */
  readonly fromYear?: number;
  /** Run the auditor's full replay-and-compare at the end (default true). */
  readonly reconcile?: boolean;
  /** Folder with the per-org connection settings (default: the local network's). */
  readonly settingsDir?: string;
}

/** One installation's part of the demo. */
export interface DemoInstallation {
  readonly entityId: string;
  readonly installationId: string;
  readonly holdingAccount: string;
  readonly allocated: number;
  readonly reportedTonnes: number;
  readonly verifiedTonnes: number;
  readonly status: ComplianceStatus;
}

/** What the demo did, for the summary and for scripts. */
export interface DemoSummary {
  readonly year: number;
  /** The period's currency: every price, fund and penalty of the demo is in it. */
  readonly currency: string;
  readonly factorSetId: string;
  readonly instrument: string;
  readonly installations: readonly DemoInstallation[];
  /** Order-book trades: each at its public price. */
  readonly trades: readonly PricedTrade[];
  /** The buyer account's funds, as `Funds:GetBalance` answers them (minor units). */
  readonly buyerFunds: AccountFunds;
  readonly supply: SupplySummary;
  /** Undefined when the reconcile step was skipped. */
  readonly audit?: {
    readonly report: ReconcileReport;
    /** Mismatches that name this demo's accounts or vintage. */
    readonly ownMismatches: readonly string[];
  };
  /** Committed transactions the demo submitted. */
  readonly transactions: number;
  readonly seconds: number;
}

const DAY_MS = 24 * 3600 * 1000;
/** Reference price of the demo's instrument per tonne, in minor units of the period's currency. */
const REFERENCE_PRICE = Number(parseMoney('60.00', 'reference price'));
/** The buyer's bid: one yuan over the reference, inside the ±10 % band. */
const BID_PRICE = Number(parseMoney('61.00', 'bid price'));
/**
 * Penalty per missing tonne: ten times the reference price, the top of China's 2024 Interim Regulations on
 * Carbon Emissions Trading (five to ten times the market value of the allowances not surrendered).
 */
const PENALTY_PER_TONNE = Number(parseMoney('600.00', 'penalty'));
/** What the buyer's settlement bank pays in. */
const BUYER_DEPOSIT = parseMoney('50000.00', 'deposit');

/** The façades as one user. */
class Actor {
  readonly registry: RegistryClient;
  readonly period: PeriodClient;
  readonly allowance: AllowanceClient;
  readonly mrv: MrvClient;
  readonly compliance: ComplianceClient;
  readonly query: QueryClient;
  readonly funds: FundsClient;
  readonly market: MarketClient;

  constructor(
    readonly connection: CarbonConnection,
    onCommit: (commit: Commit) => void,
    afterBlock: () => bigint | undefined,
  ) {
    const options = { onCommit, afterBlock };
    this.registry = new RegistryClient(connection, options);
    this.period = new PeriodClient(connection, options);
    this.allowance = new AllowanceClient(connection, options);
    this.mrv = new MrvClient(connection, options);
    this.compliance = new ComplianceClient(connection, options);
    this.query = new QueryClient(connection, options);
    this.funds = new FundsClient(connection, options);
    this.market = new MarketClient(connection, options);
  }
}

/** Runs `read`; undefined if the chaincode answered NOT_FOUND. */
async function unlessMissing<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (err) {
    if (err instanceof TransactionError && err.code === 'NOT_FOUND') return undefined;
    throw err;
  }
}

/**
 * A complete compliance cycle with trading, through the contract façades, as the users of every org:
 * period and factors, benchmark and explicit allocation to one installation of ENT1 and one of ENT2, reports
 * verified and accepted, funds deposited, a sell and a buy order matched and settled DvP, surrenders,
 * compliance status, the supply summary and an audit reconcile. Every id is suffixed with a fresh period year,
 * so it can run again and again on the same network.
 */
export async function runDemoCycle(options: DemoOptions = {}): Promise<DemoSummary> {
  const started = Date.now();
  const step = options.onStep ?? (() => undefined);
  let transactions = 0;
  // The newest block any actor's write committed in: the next write or read, through whichever org's peer,
  // waits for it, so each step sees the one before (read your writes across organisations).
  let newestBlock: bigint | undefined;
  const onCommit = (commit: Commit): void => {
    transactions++;
    if (newestBlock === undefined || commit.blockNumber > newestBlock) newestBlock = commit.blockNumber;
  };
  const as = (organization: string, user: string): Actor =>
    new Actor(
      connectAs({
        organization,
        user,
        ...(options.settingsDir === undefined ? {} : { settingsDir: options.settingsDir }),
      }),
      onCommit,
      () => newestBlock,
    );
  const regulator = as('Regulator', 'regulator1');
  const actors = [regulator];
  try {
    const verifier = as('Verifier', 'verifier1');
    const operator1 = as('Enterprise1', 'operator1');
    const trader1 = as('Enterprise1', 'trader1');
    const operator2 = as('Enterprise2', 'operator2');
    const trader2 = as('Enterprise2', 'trader2');
    const auditor = as('Auditor', 'auditor1');
    actors.push(verifier, operator1, trader1, operator2, trader2, auditor);

    step('regulator: national accounts, the enterprises ENT1 and ENT2, verifier VER1 (once per network)');
    await ensureParticipants(regulator);

    let year = options.fromYear ?? 2000;
    while ((await unlessMissing(() => regulator.period.getPeriod(year))) !== undefined) year++;
    const factorSetId = `DEMO-IPCC2006-${year}`;
    const instrument = instrumentId('allowance', year);
    const now = Date.now();
    // The period names no currency, so it gets the default (CNY); the demo prints what the ledger says.
    const period = await regulator.period.createPeriod({
      year,
      cap: 50_000,
      deadlines: {
        reportBy: new Date(now + 30 * DAY_MS).toISOString(),
        verifyBy: new Date(now + 60 * DAY_MS).toISOString(),
        surrenderBy: new Date(now + 90 * DAY_MS).toISOString(),
      },
      offsetLimitBasisPoints: 500,
      penaltyPerTonne: PENALTY_PER_TONNE,
      benchmarks: {
        gas: { description: 'Gas-fired power (China 2019-20)', value: '0.392', outputUnit: 'MWh' },
      },
    });
    const { currency } = period;
    const money = (minor: bigint | number | string): string => formatAmount(minor, currency);
    step(
      `regulator: compliance period ${year} (cap 50,000 t, offsets ≤ 5 %, penalty ${money(period.penaltyPerTonne)}/t)`,
    );
    step(
      `regulator: emission factors ${factorSetId} v1 (IPCC 2006 natural gas, China 2022 grid 0.5703 t/MWh)`,
    );
    await regulator.period.publishFactorSet({
      id: factorSetId,
      version: 1,
      description: 'IPCC 2006 natural gas; China national grid 2022',
      fuels: { natural_gas: { ncv: '48.0', emissionFactor: '56100', oxidation: '1' } },
      gridFactor: '0.5703',
    });

    // ENT1 runs a gas plant with a surplus; ENT2 a steel works that will be short and buys on the market.
    const plans = [
      {
        entityId: 'ENT1',
        sector: 'power',
        gasTonnes: '500',
        electricityMWh: '500',
        operator: operator1,
        trader: trader1,
      },
      {
        entityId: 'ENT2',
        sector: 'steel',
        gasTonnes: '1000',
        electricityMWh: '1000',
        operator: operator2,
        trader: trader2,
      },
    ].map((plan) => ({
      ...plan,
      installationId: `INST-${year}-${plan.entityId}`,
      holdingAccount: `HOLD-${year}-${plan.entityId}`,
    }));
    const [seller, buyer] = plans as [(typeof plans)[0], (typeof plans)[0]];

    step(
      `regulator: installations ${seller.installationId}, ${buyer.installationId} and their holding accounts`,
    );
    await Promise.all(
      plans.map(async (plan) => {
        await regulator.registry.addInstallations({
          entityId: plan.entityId,
          installations: [{ id: plan.installationId, sector: plan.sector, capacity: '600' }],
        });
        await regulator.registry.openAccount({
          kind: 'holding',
          id: plan.holdingAccount,
          entityId: plan.entityId,
          installationId: plan.installationId,
        });
      }),
    );

    step('regulator: issues 20,000 allowances; allocation plan (benchmark and fixed lines), pre-allocation');
    await regulator.allowance.issueAllowances({ period: year, quantity: 20_000 });
    await regulator.allowance.setAllocationPlan({
      period: year,
      lines: [
        // Gas benchmark × verified output; 70 % of last year's 5,000 t paid early; at most 6,000 t.
        {
          installationId: seller.installationId,
          method: 'benchmark',
          benchmarkId: 'gas',
          preAllocationBase: 5_000,
          preAllocationShareBasisPoints: 7_000,
          ceiling: 6_000,
        },
        // A fixed 3,000 t; 70 % of last year's 5,000 t paid early, so 500 t will have to be returned.
        {
          installationId: buyer.installationId,
          method: 'fixed',
          quantity: 3_000,
          preAllocationBase: 5_000,
          preAllocationShareBasisPoints: 7_000,
          ceiling: 3_500,
        },
      ],
    });
    // Serially: both pre-allocations spend from NATIONAL-ALLOCATION's lots.
    const preAllocated: number[] = [];
    for (const plan of plans) {
      const { allocation } = await regulator.allowance.preAllocate({
        period: year,
        installationId: plan.installationId,
      });
      preAllocated.push(allocation.quantity);
    }
    step(
      `  pre-allocated: ${seller.installationId} ${preAllocated[0]} t, ${buyer.installationId} ${preAllocated[1]} t`,
    );

    step('operators: annual emission reports (natural gas burnt, grid electricity bought)');
    const reports = await Promise.all(
      plans.map((plan) =>
        plan.operator.mrv.submitReport({
          period: year,
          installationId: plan.installationId,
          factorSetId,
          factorSetVersion: 1,
          activity: [
            { kind: 'fuel', fuel: 'natural_gas', quantity: plan.gasTonnes, unit: 't' },
            { kind: 'electricity', quantity: plan.electricityMWh, unit: 'MWh' },
          ],
          documents: [{ name: `fuel-invoices-${plan.installationId}.pdf`, sha256: 'ab'.repeat(32) }],
        }),
      ),
    );
    step('regulator: accredits verifier VER1 (power, steel) for a year and assigns it to both reports');
    await regulator.mrv.accreditVerifier({
      entityId: 'VER1',
      sectors: ['power', 'steel'],
      validUntil: new Date(now + 365 * DAY_MS).toISOString(),
    });
    await Promise.all(
      plans.map((plan) =>
        regulator.mrv.assignVerifier({
          period: year,
          installationId: plan.installationId,
          verifierEntityId: 'VER1',
        }),
      ),
    );
    step('verifier: verifies both reports; regulator: accepts them');
    await Promise.all(
      reports.map(async (report) => {
        await verifier.mrv.verifyReport({
          period: year,
          installationId: report.installationId,
          version: report.version,
          verifiedEmissions: report.emissionsTonnes,
          opinion: 'positive',
        });
        await regulator.mrv.acceptReport({
          period: year,
          installationId: report.installationId,
          version: report.version,
        });
      }),
    );
    const verified = reports.map((report) => report.emissionsTonnes);

    step('regulator: true-up on the verified output (10,000 MWh for the seller); the buyer owes a return');
    const sellerTrueUp = await regulator.allowance.trueUp({
      period: year,
      installationId: seller.installationId,
      verifiedOutput: '10000',
    });
    const buyerTrueUp = await regulator.allowance.trueUp({
      period: year,
      installationId: buyer.installationId,
    });
    const allocated = [sellerTrueUp.allocation, buyerTrueUp.allocation].map(
      (allocation) => allocation.finalQuantity ?? allocation.quantity,
    );
    const returnDue = buyerTrueUp.allocation.returnDue ?? 0;
    step(
      `  ${seller.installationId}: 10,000 MWh × 0.392 = ${allocated[0]} t (+${(allocated[0] ?? 0) - (preAllocated[0] ?? 0)}); ${buyer.installationId}: ${allocated[1]} t, ${returnDue} t to return`,
    );
    if (returnDue > 0) {
      step(`operator: ${buyer.entityId} returns ${returnDue} t to NATIONAL-ALLOCATION`);
      await buyer.operator.allowance.returnAllocation({
        period: year,
        installationId: buyer.installationId,
        quantity: returnDue,
      });
    }
    const shortfall = Math.max(0, (verified[1] ?? 0) - (allocated[1] ?? 0));
    const lot = Math.ceil((shortfall + 1) / 100) * 100;

    step(
      `market: ${instrument} listed at ${money(REFERENCE_PRICE)}/t (±10 % band); ${buyer.entityId} gets ${money(BUYER_DEPOSIT)}`,
    );
    await Promise.all([
      regulator.market.configureInstrument({
        unitType: 'allowance',
        vintage: year,
        referencePrice: REFERENCE_PRICE,
      }),
      regulator.funds.deposit({
        accountId: buyer.holdingAccount,
        amount: BUYER_DEPOSIT.toString(),
        reference: `demo-${year}`,
      }),
    ]);
    const view = await regulator.market.getInstrument(instrument);
    if (view.market.halted) {
      throw new Error(
        `the market is halted (${view.market.reason}); resume it with \`carbon market resume\` first`,
      );
    }
    step(
      `traders: ${seller.entityId} sells ${lot} t at ${money(REFERENCE_PRICE)}, ${buyer.entityId} bids ${lot} t at ${money(BID_PRICE)}`,
    );
    const [sell, buy] = await Promise.all([
      seller.trader.market.placeOrder({
        accountId: seller.holdingAccount,
        side: 'sell',
        instrument,
        price: REFERENCE_PRICE,
        quantity: lot,
      }),
      buyer.trader.market.placeOrder({
        accountId: buyer.holdingAccount,
        side: 'buy',
        instrument,
        price: BID_PRICE,
        quantity: lot,
      }),
    ]);
    step('regulator (market operator): matches the book; each fill settles delivery-versus-payment');
    // A round is bounded (CLEARING_LIMITS): clear again while the answer says there is more.
    const cleared: PricedTrade[] = [];
    for (let more = true; more;) {
      const round = await regulator.market.match({ instrument });
      cleared.push(...round.trades);
      more = round.more;
    }
    let trades = cleared.filter((t) => t.sellOrderId === sell.id && t.buyOrderId === buy.id);
    if (trades.length === 0) {
      // The regulator's member server runs a market operator, which may have cleared the book first.
      trades = await settledTrades(regulator.market, instrument, buyer.holdingAccount, sell.id, buy.id);
    }

    step('operators: surrender what they owe');
    await Promise.all(
      plans.map((plan, i) =>
        plan.operator.compliance.surrender({
          period: year,
          installationId: plan.installationId,
          unitType: 'allowance',
          quantity: verified[i] ?? 0,
        }),
      ),
    );
    const installations: DemoInstallation[] = await Promise.all(
      plans.map(async (plan, i) => ({
        entityId: plan.entityId,
        installationId: plan.installationId,
        holdingAccount: plan.holdingAccount,
        allocated: allocated[i] ?? 0,
        reportedTonnes: reports[i]?.emissionsTonnes ?? 0,
        verifiedTonnes: verified[i] ?? 0,
        status: await auditor.compliance.getComplianceStatus(year, plan.installationId),
      })),
    );
    const [supply, buyerFunds] = await Promise.all([
      auditor.query.getSupplySummary(year),
      auditor.funds.getBalance(buyer.holdingAccount),
    ]);

    let audit: DemoSummary['audit'];
    if (options.reconcile !== false) {
      step('auditor: replays every block, rebuilds every lot and compares with the world state');
      const checkpointFile = path.join(
        settingsDirOf(options.settingsDir),
        '..',
        'audit',
        'reconcile-auditor.json',
      );
      mkdirSync(path.dirname(checkpointFile), { recursive: true });
      const report = await reconcile(auditor.connection, { checkpointFile });
      const own = [String(year), ...plans.map((plan) => plan.holdingAccount)];
      audit = {
        report,
        ownMismatches: report.mismatches.filter((line) => own.some((id) => line.includes(id))),
      };
    }

    return {
      year,
      currency,
      factorSetId,
      instrument,
      installations,
      trades,
      buyerFunds,
      supply,
      ...(audit === undefined ? {} : { audit }),
      transactions,
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    for (const actor of actors) actor.connection.close();
  }
}

/** National accounts and the two covered enterprises bound to the enterprise users' carbon.entity. */
async function ensureParticipants(regulator: Actor): Promise<void> {
  for (const kind of ['allocation', 'auction', 'deletion'] as const) {
    if ((await unlessMissing(() => regulator.registry.getAccount(NATIONAL_ACCOUNTS[kind]))) === undefined) {
      await regulator.registry.openAccount({ kind });
    }
  }
  const entities = [
    { id: 'ENT1', kind: 'covered', name: 'Huaneng Unit 1', ownerMsp: 'Enterprise1MSP' },
    { id: 'ENT2', kind: 'covered', name: 'Baosteel Works', ownerMsp: 'Enterprise2MSP' },
    // verifier1's entity (`carbon.entity` VER1): the verification body the regulator accredits and assigns.
    { id: 'VER1', kind: 'verifier', name: 'China Quality Certification Centre', ownerMsp: 'VerifierMSP' },
  ] as const;
  for (const entity of entities) {
    if ((await unlessMissing(() => regulator.registry.getEntity(entity.id))) === undefined) {
      await regulator.registry.registerEntity(entity);
    }
  }
}

/** The trades between two orders that someone else cleared: waits until the buy order is no longer open. */
async function settledTrades(
  market: MarketClient,
  instrument: string,
  buyerAccount: string,
  sellOrderId: string,
  buyOrderId: string,
): Promise<PricedTrade[]> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const order = await market.getOrder(buyerAccount, buyOrderId);
    if (order.status !== 'open' || order.remaining < order.quantity) break;
    if (Date.now() > deadline) return [];
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const views = await market.getTrades({ instrument, day: new Date().toISOString().slice(0, 10) });
  return views
    .filter((view) => view.sellOrderId === sellOrderId && view.buyOrderId === buyOrderId)
    .map((view) => PricedTradeSchema.parse(view));
}
