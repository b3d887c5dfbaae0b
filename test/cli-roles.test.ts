import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AnswerOf, Market } from '@carbon-ets/contract';
import {
  MarketClient,
  QueryClient,
  type AccountHoldings,
  type ClearingResult,
  type EmissionReport,
  type Entity,
  type FundsBalance,
  type MarketDay,
  type ObjectHistory,
  type Order,
  type Position,
  type Proposal,
  type SupplySummary,
  type SurrenderResult,
  type TradeView,
} from '@carbon-ets/gateway-client';
import {
  ensureBaseline,
  firstFreePeriodYear,
  gasAndGridFactors,
  gasAndGridReport,
  periodStartingNow,
} from './support/baseline';
import { clearManually } from './support/member-servers';
import { buildCarbonBin, carbonBin as carbon } from './support/carbon-bin';
import type { CliRun } from './support/carbon-cli';
import { participant, type Participant } from './support/participants';
import { assignVerifier } from './support/verifiers';

/** Identities as the CLI takes them. */
const REGULATOR = ['--org', 'Regulator', '--user', 'regulator1'];
const OPERATOR1 = ['--org', 'Enterprise1', '--user', 'operator1'];
const TRADER1 = ['--org', 'Enterprise1', '--user', 'trader1'];
const OPERATOR2 = ['--org', 'Enterprise2', '--user', 'operator2'];
const TRADER2 = ['--org', 'Enterprise2', '--user', 'trader2'];
const VERIFIER = ['--org', 'Verifier', '--user', 'verifier1'];
const AUDITOR = ['--org', 'Auditor', '--user', 'auditor1'];

/** The parsed `--json` output of a run that must succeed (the failure message shows its stderr). */
function json(run: CliRun): unknown {
  expect({ code: run.code, stderr: run.code === 0 ? '' : run.stderr }).toEqual({ code: 0, stderr: '' });
  return JSON.parse(run.stdout);
}

/** A refusal: exit 1 and one `error:` line naming the chaincode's code, no stack trace. */
function expectRefused(run: CliRun, code: RegExp): void {
  expect(run.code).toBe(1);
  const lines = run.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(code);
  expect(run.stdout).toBe('');
}

/**
 * Every role drives its part of a compliance period through the `carbon` CLI, each command a separate process
 * with the user's real identity. The network may be reused, so a run takes the first free year from 2150 and
 * suffixes every id with it; independent commands run concurrently, and the built bin (not ts-node) is run,
 * to keep the file short.
 */
describe('carbon CLI: a compliance cycle per role', () => {
  let regulator: Participant;
  let auditor: Participant;
  let year = 0;
  let instrument = '';
  let installationA = '';
  let installationB = '';
  let holdingA = '';
  let holdingB = '';
  let dir = '';
  let sellOrderId = '';

  beforeAll(async () => {
    buildCarbonBin();
    regulator = participant('Regulator', 'regulator1');
    auditor = participant('Auditor', 'auditor1');
    await ensureBaseline(regulator);
    year = await firstFreePeriodYear(regulator, 2150);
    instrument = `allowance-${year}`;
    // The test clears the book itself (`market match`): the market operator must not clear it first.
    await clearManually(instrument);
    installationA = `INST-${year}-CLI-A`;
    installationB = `INST-${year}-CLI-B`;
    holdingA = `HOLD-${year}-CLI-A`;
    holdingB = `HOLD-${year}-CLI-B`;
    // ENT2's installation is plain set-up for the buyer; the regulator's CLI path is tested with ENT1's.
    await regulator.submit('Registry:AddInstallations', {
      entityId: 'ENT2',
      installations: [{ id: installationB, sector: 'steel', capacity: '300' }],
    });
    await regulator.submit('Registry:OpenAccount', {
      kind: 'holding',
      id: holdingB,
      entityId: 'ENT2',
      installationId: installationB,
    });
    dir = mkdtempSync(path.join(tmpdir(), 'carbon-cli-roles-'));
    writeFileSync(path.join(dir, 'period.json'), JSON.stringify(periodStartingNow(year, 1_000_000)));
    writeFileSync(path.join(dir, 'factors.json'), JSON.stringify(gasAndGridFactors(`IPCC2006-CLI-${year}`)));
    writeFileSync(
      path.join(dir, 'report.json'),
      JSON.stringify(gasAndGridReport(year, installationA, `IPCC2006-CLI-${year}`)),
    );
  });

  afterAll(() => {
    regulator.connection.close();
    auditor.connection.close();
  });

  const supply = (): Promise<SupplySummary> => new QueryClient(auditor.connection).getSupplySummary(year);

  test('regulator: period from a file with options on top, factors, installation, account, issuance, allocation', async () => {
    const [period, installation] = await Promise.all([
      carbon(
        'period',
        'create',
        '--file',
        path.join(dir, 'period.json'),
        '--cap',
        '20000',
        '--penalty',
        '120.00',
        ...REGULATOR,
        '--json',
      ),
      carbon(
        'installation',
        'add',
        '--entity',
        'ENT1',
        '--id',
        installationA,
        '--sector',
        'power',
        '--capacity',
        '600',
        ...REGULATOR,
        '--json',
      ),
    ]);
    expect(json(period)).toMatchObject({
      year,
      cap: 20_000,
      penaltyPerTonne: 12_000,
      offsetLimitBasisPoints: 500,
    });
    expect((json(installation) as Entity).installationIds).toContain(installationA);

    const [factors, account, issued, configured, deposit] = await Promise.all([
      carbon('factors', 'publish', '--file', path.join(dir, 'factors.json'), ...REGULATOR, '--json'),
      carbon(
        'account',
        'open',
        '--kind',
        'holding',
        '--id',
        holdingA,
        '--entity',
        'ENT1',
        '--installation',
        installationA,
        ...REGULATOR,
        '--json',
      ),
      carbon('allowances', 'issue', '--period', String(year), '--quantity', '10000', ...REGULATOR, '--json'),
      carbon(
        'market',
        'configure',
        '--instrument',
        instrument,
        '--reference-price',
        '50.00',
        ...REGULATOR,
        '--json',
      ),
      carbon(
        'funds',
        'deposit',
        '--account',
        holdingB,
        '--amount',
        '10000.00',
        '--reference',
        'cli-test',
        ...REGULATOR,
        '--json',
      ),
    ]);
    expect(json(factors)).toMatchObject({ id: `IPCC2006-CLI-${year}`, version: 1, gridFactor: '0.5703' });
    expect(json(account)).toMatchObject({
      id: holdingA,
      kind: 'holding',
      ownerMsp: 'Enterprise1MSP',
      status: 'open',
    });
    expect(json(issued)).toMatchObject({ accountId: 'NATIONAL-ALLOCATION', vintage: year, quantity: 10_000 });
    expect(json(configured)).toMatchObject({ id: instrument, referencePrice: 5000 });
    expect(json(deposit)).toMatchObject({ accountId: holdingB, amount: '1000000' });

    // The plan line: a fixed 5,000 t, all of it paid as the pre-allocation.
    const planned = await carbon(
      'allowances',
      'plan',
      '--period',
      String(year),
      '--installation',
      installationA,
      '--quantity',
      '5000',
      '--pre-base',
      '5000',
      '--pre-share',
      '10000',
      '--ceiling',
      '5000',
      ...REGULATOR,
    );
    expect(planned.code).toBe(0);
    expect(planned.stdout).toMatch(/^pre-allocation\s+5000$/m);
    expect(planned.stderr).toMatch(/^committed Allowance:SetAllocationPlan \S+ in block \d+$/m);
    // Table output by default: the allocation as aligned `key  value` lines.
    const allocated = await carbon(
      'allowances',
      'allocate',
      '--period',
      String(year),
      '--installation',
      installationA,
      '--part',
      'pre-allocation',
      ...REGULATOR,
    );
    expect(allocated.code).toBe(0);
    expect(allocated.stdout).toMatch(new RegExp(`^account\\s+${holdingA}$`, 'm'));
    expect(allocated.stdout).toMatch(/^quantity\s+5000$/m);
    expect(allocated.stderr).toMatch(/^committed Allowance:PreAllocate \S+ in block \d+$/m);
    // A pre-allocation is paid once: a second one is refused, naming the first.
    expectRefused(
      await carbon(
        'allowances',
        'allocate',
        '--period',
        String(year),
        '--installation',
        installationA,
        '--part',
        'pre-allocation',
        ...REGULATOR,
      ),
      /^error: CONFLICT: installation .*'s \d+ allocation has started: pre-allocation of 5000 allowances in tx [0-9a-f]{64}; a pre-allocation is paid once, before the true-up$/,
    );
  });

  test('operator reports, verifier verifies, regulator accepts, operator surrenders: status A', async () => {
    const report = json(
      await carbon('report', 'submit', '--file', path.join(dir, 'report.json'), ...OPERATOR1, '--json'),
    );
    // 1,000 t natural gas (2,692.8 t) + 1,000 MWh grid electricity (570.3 t), computed on-chain.
    expect(report).toMatchObject({
      version: 1,
      status: 'submitted',
      emissionsKg: 3_263_100,
      emissionsTonnes: 3_264,
    });

    const common = ['--period', String(year), '--installation', installationA, '--version', '1'];
    // Only the verifier entity the regulator assigned (VER1, verifier1's) may verify the report.
    await assignVerifier(regulator, year, installationA);
    expect(
      json(await carbon('report', 'verify', ...common, '--emissions', '3264', ...VERIFIER, '--json')),
    ).toMatchObject({
      status: 'verified',
      verification: { verifiedEmissionsTonnes: 3_264 },
    });
    expect(json(await carbon('report', 'accept', ...common, ...REGULATOR, '--json'))).toMatchObject({
      status: 'accepted',
      acceptance: { differenceTonnes: 0 },
    });

    const surrendered = json(
      await carbon(
        'surrender',
        '--period',
        String(year),
        '--installation',
        installationA,
        '--quantity',
        '3264',
        ...OPERATOR1,
        '--json',
      ),
    ) as SurrenderResult;
    expect(surrendered.status).toMatchObject({ code: 'A', balance: 0 });

    const status = await carbon(
      'compliance',
      'status',
      '--period',
      String(year),
      '--installation',
      installationA,
      ...OPERATOR1,
    );
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/^code\s+A$/m);
    expect(status.stdout).toMatch(/^obligation\s+3264$/m);
  });

  test('traders place orders, the regulator matches them, an unmatched order is cancelled', async () => {
    const [sell, buy] = await Promise.all([
      carbon(
        'order',
        'place',
        '--account',
        holdingA,
        '--side',
        'sell',
        '--instrument',
        instrument,
        '--price',
        '50.00',
        '--quantity',
        '100',
        ...TRADER1,
        '--json',
      ),
      carbon(
        'order',
        'place',
        '--account',
        holdingB,
        '--side',
        'buy',
        '--instrument',
        instrument,
        '--price',
        '51.00',
        '--quantity',
        '100',
        ...TRADER2,
        '--json',
      ),
    ]);
    sellOrderId = (json(sell) as Order).id;
    expect(json(buy)).toMatchObject({ side: 'buy', status: 'open', escrow: '510000' });
    const high = json(
      await carbon(
        'order',
        'place',
        '--account',
        holdingA,
        '--side',
        'sell',
        '--instrument',
        instrument,
        '--price',
        '54.00',
        '--quantity',
        '10',
        ...TRADER1,
        '--json',
      ),
    ) as Order;

    const [list, book] = await Promise.all([
      carbon('order', 'list', '--account', holdingA, ...TRADER1, '--json'),
      carbon('market', 'book', '--instrument', instrument, ...TRADER1),
    ]);
    const position = json(list) as Position;
    expect(position.openOrders.map((o) => o.id).sort()).toEqual([sellOrderId, high.id].sort());
    expect(position.lockedUnits).toBe(110);
    expect(book.code).toBe(0);
    // Prices in the period's currency (the default, CNY) with two decimals, named in the header.
    expect(book.stdout).toMatch(/^BID ORDERS\s+BID QTY\s+BID \(CNY\)\s+ASK \(CNY\)/m);
    expect(book.stdout).toMatch(/\b51\.00\s+50\.00\s+100\b/);

    const cleared = json(
      await carbon('market', 'match', '--instrument', instrument, ...REGULATOR, '--json'),
    ) as ClearingResult;
    expect(cleared.trades).toEqual([
      expect.objectContaining({ quantity: 100, sellOrderId, buyAccountId: holdingB }),
    ]);
    expect(cleared.more).toBe(false);

    const cancelled = await carbon(
      'order',
      'cancel',
      '--account',
      holdingA,
      '--order',
      high.id,
      '--reason',
      'test',
      ...TRADER1,
      '--json',
    );
    expect(json(cancelled)).toMatchObject({ id: high.id, status: 'cancelled' });
  });

  test('auditor: history, supply, account statement, trades and CSV export', async () => {
    const csvFile = path.join(dir, 'holdings.csv');
    const [history, summary, statement, trades, tradesCsv, holdingsCsv] = await Promise.all([
      carbon('history', 'report', String(year), installationA, ...AUDITOR, '--json'),
      carbon('supply', String(year), ...AUDITOR, '--json'),
      carbon('account', 'statement', holdingB, ...AUDITOR, '--json'),
      carbon('trades', '--instrument', instrument, ...AUDITOR, '--json'),
      carbon('export', 'csv', 'trades', '--instrument', instrument, ...AUDITOR),
      carbon('export', 'csv', 'holdings', holdingA, '--out', csvFile, ...AUDITOR),
    ]);
    // Newest first: accepted, verified, submitted.
    const versions = (json(history) as ObjectHistory).history;
    expect(versions.map((v) => (v.value as EmissionReport).status)).toEqual([
      'accepted',
      'verified',
      'submitted',
    ]);

    expect(json(summary)).toMatchObject({
      period: year,
      cap: 20_000,
      allocated: 5_000,
      allowances: { issued: 10_000, surrendered: 3_264, locked: 0, reconciles: true },
    });

    // `account statement --json`: the account's holdings and its funds, as the chaincode answers them.
    const account = json(statement) as AccountHoldings & { funds: FundsBalance };
    expect(account.holdings).toEqual([
      expect.objectContaining({ unitType: 'allowance', vintage: year, quantity: 100 }),
    ]);
    // CNY 10,000.00 (1,000,000 fen) deposited, 100 t bought at a price between the bid (51.00) and the ask (50.00).
    const paid = 1_000_000 - Number(account.funds.total);
    expect(paid).toBeGreaterThanOrEqual(500_000);
    expect(paid).toBeLessThanOrEqual(510_000);

    const trade = json(trades) as TradeView[];
    expect(trade).toEqual([
      expect.objectContaining({ quantity: 100, buyAccountId: holdingB, sellAccountId: holdingA }),
    ]);

    expect(tradesCsv.code).toBe(0);
    const lines = tradesCsv.stdout.trim().split(/\r?\n/);
    expect(lines[0]).toBe(
      'tradeId,kind,instrument,day,executedAt,price,quantity,value,buyAccountId,sellAccountId,txId',
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`,${instrument},`);

    expect(holdingsCsv.code).toBe(0);
    const rows = readFileSync(csvFile, 'utf8').trim().split('\r\n');
    expect(rows[0]).toMatch(/^account,unitType,vintage,/);
    // 5,000 allocated − 3,264 surrendered − 100 sold.
    const held = rows
      .slice(1)
      .map((row) => row.split(','))
      .reduce((sum, cells) => sum + Number(cells[8]), 0);
    expect(held).toBe(1_636);
  });

  test('verifier rejects a report, the operator corrects it: version 2 awaits verification', async () => {
    const file = path.join(dir, 'report.json');
    const where = ['--period', String(year), '--installation', installationB];
    expect(
      json(await carbon('report', 'submit', '--file', file, ...where, ...OPERATOR2, '--json')),
    ).toMatchObject({
      installationId: installationB,
      version: 1,
    });
    await assignVerifier(regulator, year, installationB);
    const rejected = await carbon(
      'report',
      'reject',
      ...where,
      '--version',
      '1',
      '--reason',
      'meter readings missing',
      ...VERIFIER,
    );
    expect(rejected.code).toBe(0);
    expect(rejected.stdout).toMatch(/^status\s+rejected$/m);
    expect(rejected.stdout).toMatch(/^rejected\s+meter readings missing$/m);
    const corrected = await carbon(
      'report',
      'correct',
      '--file',
      file,
      ...where,
      '--reason',
      'readings added',
      ...OPERATOR2,
      '--json',
    );
    expect(json(corrected)).toMatchObject({
      version: 2,
      status: 'submitted',
      correctionReason: 'readings added',
    });
    const shown = json(await carbon('report', 'show', ...where, ...AUDITOR, '--json'));
    expect(shown).toMatchObject({ version: 2, status: 'submitted' });
  });

  test('bilateral trades: the buyer rejects one proposal and accepts the next, settled at once', async () => {
    const propose = (): Promise<CliRun> =>
      carbon(
        'trade',
        'propose',
        '--account',
        holdingA,
        '--buyer',
        'ENT2',
        '--instrument',
        instrument,
        '--price',
        '50.00',
        '--quantity',
        '20',
        ...TRADER1,
        '--json',
      );
    const first = json(await propose()) as Proposal;
    expect(first.status).toBe('open');
    expect(
      json(
        await carbon('trade', 'reject', '--proposal', first.id, '--reason', 'too dear', ...TRADER2, '--json'),
      ),
    ).toMatchObject({
      id: first.id,
      status: 'rejected',
    });
    const second = json(await propose()) as Proposal;
    const accepted = json(
      await carbon('trade', 'accept', '--proposal', second.id, '--account', holdingB, ...TRADER2, '--json'),
    ) as AnswerOf<typeof Market.acceptTrade>;
    expect(accepted).toMatchObject({
      proposal: { status: 'accepted' },
      trade: { kind: 'bilateral', quantity: 20, value: '100000' },
    });
    const days = json(
      await carbon('market', 'data', '--instrument', instrument, ...TRADER2, '--json'),
    ) as MarketDay[];
    expect(days).toEqual([expect.objectContaining({ volume: 100, bilateralVolume: 20 })]);
  });

  test('a frozen account cannot trade until the regulator unfreezes it', async () => {
    const frozen = json(
      await carbon('account', 'freeze', holdingB, '--reason', 'investigation', ...REGULATOR, '--json'),
    );
    expect(frozen).toMatchObject({ id: holdingB, status: 'blocked' });
    const order = [
      'order',
      'place',
      '--account',
      holdingB,
      '--side',
      'buy',
      '--instrument',
      instrument,
      '--price',
      '50.00',
      '--quantity',
      '1',
      ...TRADER2,
    ];
    expectRefused(await carbon(...order), /^error: FAILED_PRECONDITION: .*frozen/);
    expect(
      json(await carbon('account', 'unfreeze', holdingB, '--reason', 'cleared', ...REGULATOR, '--json')),
    ).toMatchObject({
      status: 'open',
    });
  });

  test('offsets: the regulator registers a project and issues credits once; the operator retires some', async () => {
    const project = `PRJ-${year}-CLI`;
    expect(
      json(
        await carbon(
          'project',
          'register',
          '--id',
          project,
          '--name',
          'Wind farm',
          '--methodology',
          'CMS-002-V01',
          '--owner',
          'ENT1',
          ...REGULATOR,
          '--json',
        ),
      ),
    ).toMatchObject({ id: project, ownerEntityId: 'ENT1' });
    const issue = [
      'offsets',
      'issue',
      '--project',
      project,
      '--vintage',
      String(year),
      '--from',
      `${year}-01-01`,
      '--to',
      `${year}-12-31`,
      '--serial-start',
      '1',
      '--quantity',
      '200',
      '--account',
      holdingA,
      ...REGULATOR,
    ];
    expect(json(await carbon(...issue, '--json'))).toMatchObject({
      serialStart: 1,
      serialEnd: 200,
      accountId: holdingA,
    });
    const [retired, again] = await Promise.all([
      carbon(
        'offsets',
        'retire',
        '--account',
        holdingA,
        '--quantity',
        '30',
        '--beneficiary',
        'City of Shanghai',
        ...OPERATOR1,
        '--json',
      ),
      carbon(...issue),
    ]);
    expect(json(retired)).toMatchObject({ quantity: 30 });
    expectRefused(
      again,
      /^error: CONFLICT: monitoring period \S+ of project \S+ overlaps \S+, already issued as vintage \d+ \(serials 1-200, tx [0-9a-f]{64}\)$/,
    );
    expect((await supply()).offsets).toMatchObject({ issued: 200, retired: 30, reconciles: true });
  });

  test('wrong-role commands are refused with exit 1, one line, and the ledger is unchanged', async () => {
    const market = new MarketClient(auditor.connection);
    const before = await supply();
    const positionBefore = await market.getPosition(holdingA);
    const runs = await Promise.all([
      carbon('allowances', 'issue', '--period', String(year), '--quantity', '1', ...OPERATOR1),
      carbon(
        'surrender',
        '--period',
        String(year),
        '--installation',
        installationA,
        '--quantity',
        '1',
        ...VERIFIER,
      ),
      carbon(
        'surrender',
        '--period',
        String(year),
        '--installation',
        installationA,
        '--quantity',
        '1',
        ...OPERATOR2,
      ),
      carbon(
        'report',
        'verify',
        '--period',
        String(year),
        '--installation',
        installationA,
        '--version',
        '1',
        '--emissions',
        '1',
        ...TRADER2,
      ),
      carbon('market', 'halt', '--reason', 'not mine to halt', ...AUDITOR),
      carbon(
        'order',
        'place',
        '--account',
        holdingA,
        '--side',
        'sell',
        '--instrument',
        instrument,
        '--price',
        '50.00',
        '--quantity',
        '1',
        ...TRADER2,
      ),
    ]);
    for (const run of runs) expectRefused(run, /^error: FORBIDDEN: /);
    expect(await supply()).toEqual(before);
    expect(await market.getPosition(holdingA)).toEqual(positionBefore);
    expect((await market.getInstrument(instrument)).market.halted).toBe(false);
  });

  test('a usage mistake is one line and exit 1 before anything is sent', async () => {
    const run = await carbon(
      'surrender',
      '--period',
      String(year),
      '--installation',
      installationA,
      '--quantity',
      '1.5',
      ...OPERATOR1,
    );
    expectRefused(run, /^error: --quantity must be a whole number, got "1.5"$/);
  });
});
