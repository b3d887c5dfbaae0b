import type { Browser, Locator } from 'playwright-core';
import type { AccountHoldings, CarbonIndexRanking, Lot } from '@carbon-ets/contract';
import {
  allocateFixed,
  carbonIndexFactors,
  carbonIndexPolicy,
  ensureBaseline,
  firstFreePeriodYear,
  periodStartingNow,
} from './support/baseline';
import { launchBrowser, openConsole, type ConsoleUser } from './support/browser';
import { act, fill, refusedAct, section } from './support/console-forms';
import { participant, type Participant } from './support/participants';
import { waitFor } from './support/wait-for';

/**
 * kg CO2 per 10 units of each source with this file's factor set (so every product below is a whole kg):
 * coal 20 GJ/t × 95,000 kg/TJ = 1,900 kg/t; diesel (oil) 43 × 74,100 = 3,186.3 kg/t; natural gas 48 × 56,100 =
 * 2,692.8 kg/t; grid electricity 0.5703 t/MWh = 570.3 kg/MWh.
 */
const KG_PER_TEN_UNITS = { coal: 19_000, oil: 31_863, gas: 26_928, electricity: 5_703 } as const;
type Source = keyof typeof KG_PER_TEN_UNITS;
const SOURCES: readonly Source[] = ['coal', 'oil', 'gas', 'electricity'];

/** The installation's free allocation for the period, whole tonnes. */
const ALLOCATION = 12_000;
/** The period's threshold: 95.00 % of the allocation pro rata to date. */
const THRESHOLD = 9_500;

/** Two months of energy use: t of coal, oil and gas, MWh of electricity. */
const MONTHS: readonly Readonly<Partial<Record<Source, number>>>[] = [
  { coal: 400, electricity: 100 },
  { coal: 500, oil: 10, gas: 20, electricity: 100 },
];
const kgOf = (use: Partial<Record<Source, number>>, source: Source): number =>
  ((use[source] ?? 0) * KG_PER_TEN_UNITS[source]) / 10;
const totalKg = (use: Partial<Record<Source, number>>): number =>
  SOURCES.reduce((sum, source) => sum + kgOf(use, source), 0);
/** The stated formula: floor(E(1..m) [kg] × 12 × 10000 / (A [t] × 1000 × m)) basis points. */
const indexThrough = (month: number): number =>
  Math.floor(
    (MONTHS.slice(0, month).reduce((sum, use) => sum + totalKg(use), 0) * 12 * 10_000) /
      (ALLOCATION * 1000 * month),
  );

/** As the console writes them: kg as t to the kg, basis points as % with two decimals. */
const tonnes = (kg: number): string =>
  `${Math.floor(kg / 1000).toLocaleString('en-US')}.${String(kg % 1000).padStart(3, '0')} t`;
const percent = (basisPoints: number): string =>
  `${Math.floor(basisPoints / 100)}.${String(basisPoints % 100).padStart(2, '0')} %`;

/** Waits until `where` shows `text` (the page refreshes on notices and settled inputs). */
const shows = (where: Locator, text: string | RegExp): Promise<void> =>
  where.filter({ hasText: text }).first().waitFor({ timeout: 30_000 });

/**
 * Issue 15's console pages in Debian's Chromium on the real network and member servers: an operator submits two
 * months of energy use and reads the carbon index ring, shares, trend and monthly bars; the regulator ranks the
 * period's installations; the regulator issues green certificates, the operator sees and cancels them for a
 * beneficiary (a second cancellation of the lot is refused with nothing changed) and applies them in a report.
 * Set-up (installation, factor set, period with a carbon-index policy, allocation) goes through the gateway.
 */
describe('the carbon index and green certificates in the console', () => {
  let browser: Browser;
  const open: ConsoleUser[] = [];
  let regulatorGateway: Participant;
  let operatorGateway: Participant;
  let auditor: Participant;
  let year = 0;
  let installation = '';
  let holding = '';
  let factorSetId = '';
  let device = '';
  let operatorConsole: ConsoleUser | undefined;
  let regulatorConsole: ConsoleUser | undefined;
  /** The January certificates' lot in the holding account, then the retired lot it became in NATIONAL-DELETION. */
  let januaryLot = '';
  let cancelledLot = '';

  const consoleOf = async (organization: string, user: string): Promise<ConsoleUser> => {
    const opened = await openConsole(browser, organization, user);
    open.push(opened);
    return opened;
  };
  /** operator1's and regulator1's consoles, each opened once and kept open across the steps. */
  const operatorOf = async (): Promise<ConsoleUser> =>
    (operatorConsole ??= await consoleOf('Enterprise1', 'operator1'));
  const regulatorOf = async (): Promise<ConsoleUser> =>
    (regulatorConsole ??= await consoleOf('Regulator', 'regulator1'));
  /** MWh of certificates an account holds, as `reader`'s peer has it. */
  const certificatesHeld = async (reader: Participant, accountId: string): Promise<number> => {
    const view = await reader.evaluate<AccountHoldings>('Query:GetHoldings', accountId);
    return view.holdings
      .filter((holding) => holding.unitType === 'greenCertificate' && holding.status === 'held')
      .reduce((sum, holding) => sum + holding.quantity, 0);
  };

  beforeAll(async () => {
    browser = await launchBrowser();
    regulatorGateway = participant('Regulator', 'regulator1');
    operatorGateway = participant('Enterprise1', 'operator1');
    auditor = participant('Auditor', 'auditor1');
    await ensureBaseline(regulatorGateway);
    year = await firstFreePeriodYear(regulatorGateway, 2195);
    if (year > 2199) throw new Error(`periods 2195-2199 are all taken on this network (next free: ${year})`);
    installation = `INST-${year}-CIX`;
    holding = `HOLD-${year}-CIX`;
    factorSetId = `CIX-${year}`;
    device = `DEV-${year}-CIX`;
    await regulatorGateway.submit('Registry:AddInstallations', {
      entityId: 'ENT1',
      installations: [{ id: installation, sector: 'power', capacity: '300' }],
    });
    await regulatorGateway.submit('Registry:OpenAccount', {
      kind: 'holding',
      id: holding,
      entityId: 'ENT1',
      installationId: installation,
    });
    await regulatorGateway.submit('Period:PublishFactorSet', carbonIndexFactors(factorSetId));
    await regulatorGateway.submit('Period:CreatePeriod', {
      ...periodStartingNow(year, 1_000_000),
      carbonIndex: carbonIndexPolicy(factorSetId, THRESHOLD),
    });
    await regulatorGateway.submit('Allowance:IssueAllowances', { period: year, quantity: 50_000 });
    await allocateFixed(regulatorGateway, year, installation, ALLOCATION);
  });

  afterAll(async () => {
    for (const user of open) await user.close();
    await browser.close();
    for (const gateway of [regulatorGateway, operatorGateway, auditor]) gateway.connection.close();
  });

  it('an operator submits two months of energy and sees the index ring, shares, trend and monthly bars', async () => {
    // By the formula: January 817,030 kg → 81.70 %; January + February 1,909,779 kg over 2/12 of 12,000 t → 95.48 %.
    expect([indexThrough(1), indexThrough(2)]).toEqual([8_170, 9_548]);
    const operator = await operatorOf();
    const carbon = section(operator.page, 'Carbon index');
    const energy = carbon.getByRole('form', { name: 'Monthly energy use' });
    await fill(energy, { Installation: installation, Period: String(year) });
    const labels: Record<Source, string> = {
      coal: 'Coal (t)',
      oil: 'Oil (t)',
      gas: 'Gas (t)',
      electricity: 'Electricity (MWh)',
    };
    for (const [position, use] of MONTHS.entries()) {
      const month = position + 1;
      await fill(energy, {
        Month: String(month),
        ...Object.fromEntries(SOURCES.map((source) => [labels[source], String(use[source] ?? '')])),
      });
      const done = await act(
        energy,
        'Submit energy',
        new RegExp(`^Submitted ${['Jan', 'Feb'][position]} ${year}`),
      );
      expect(done).toContain(`${tonnes(totalKg(use))} CO2`);
      expect(done).toContain(`index ${percent(indexThrough(month))}`);
      await shows(carbon.getByTestId('carbon-index-value'), percent(indexThrough(month)));
    }

    // The ring: the arc's length is the index in basis points of a 0–100 % ring (pathLength 10000).
    const index = indexThrough(2);
    const ring = carbon.getByRole('img', {
      name: `Carbon index ${percent(index)} of the allocation pro rata to date, threshold ${percent(THRESHOLD)}`,
      exact: true,
    });
    await ring.waitFor();
    const arc = carbon.getByTestId('carbon-index-arc');
    expect(await arc.getAttribute('stroke-dasharray')).toBe(`${index} 10000`);
    expect(await arc.getAttribute('class')).toBe('ring-arc warn');
    expect(await carbon.getByTestId('carbon-index-trend').innerText()).toBe(
      `▲ +${percent(index - indexThrough(1)).replace('%', 'pp')}`,
    );
    const yearToDate = MONTHS.reduce((sum, use) => sum + totalKg(use), 0);
    expect(await carbon.getByTestId('carbon-index-year-to-date').innerText()).toBe(tonnes(yearToDate));
    expect(await carbon.getByTestId('carbon-index-above-threshold').innerText()).toContain(
      `${percent(index)} > ${percent(THRESHOLD)}`,
    );

    // Shares by largest remainder of 1,909,779 kg: coal 1,710,000 (8953 + 1), oil 31,863 (166 + 1), gas 53,856
    // (282), electricity 114,060 (597): the two points left go to the largest remainders, coal's and oil's.
    const shares = carbon.getByRole('table', { name: 'Share by energy source', exact: true });
    const expectedShares: Record<Source, number> = { coal: 8_954, oil: 167, gas: 282, electricity: 597 };
    for (const source of SOURCES) {
      const name = labels[source].split(' ')[0] ?? source;
      const row = shares
        .getByRole('row')
        .filter({ has: operator.page.getByRole('rowheader', { name, exact: true }) });
      const kg = MONTHS.reduce((sum, use) => sum + kgOf(use, source), 0);
      expect(await row.innerText()).toMatch(
        new RegExp(`${tonnes(kg)}\\s+${percent(expectedShares[source])}`),
      );
    }

    // One stacked bar per month, scaled to the larger month (February's 1,092,749 kg fills the width).
    const bars = carbon.getByRole('table', { name: /^Emissions by month and source/ });
    const rows = bars.getByRole('row');
    expect(await rows.count()).toBe(2);
    const [january, february] = MONTHS.map(totalKg) as [number, number];
    expect(await rows.nth(0).getByRole('rowheader').innerText()).toBe('Jan');
    expect(await rows.nth(0).innerText()).toContain(`${tonnes(january)} · ${percent(indexThrough(1))}`);
    expect(await rows.nth(1).getByRole('rowheader').innerText()).toBe('Feb');
    expect(await rows.nth(1).innerText()).toContain(`${tonnes(february)} · ${percent(index)}`);
    const width = async (row: Locator, part: string) =>
      Number(await row.locator(`rect[data-part="${part}"]`).getAttribute('width'));
    const januaryRow = rows.nth(0);
    expect(await width(januaryRow, 'Coal')).toBeCloseTo((kgOf(MONTHS[0]!, 'coal') / february) * 100, 3);
    expect(await width(januaryRow, 'Electricity')).toBeCloseTo(
      (kgOf(MONTHS[0]!, 'electricity') / february) * 100,
      3,
    );
    // January had no oil or gas: no part is drawn for them.
    expect(await januaryRow.locator('rect[data-part="Oil"]').count()).toBe(0);
    const februaryRow = rows.nth(1);
    expect(await februaryRow.locator('rect[data-part]').count()).toBe(4);
    const electricity = februaryRow.locator('rect[data-part="Electricity"]');
    const end = Number(await electricity.getAttribute('x')) + Number(await electricity.getAttribute('width'));
    expect(end).toBeCloseTo(100, 3);

    // February took the index from 81.70 % to 95.48 %, past the 95.00 % threshold: a notice says so.
    await operator.page.getByRole('button', { name: /Notifications/ }).click();
    await operator.page
      .getByRole('list', { name: 'Notifications' })
      .getByText(
        `Carbon index of ${installation} passed the threshold: ${percent(index)} > ${percent(THRESHOLD)} through Feb ${year}`,
      )
      .waitFor({ timeout: 30_000 });
    await operator.page.getByRole('button', { name: /Notifications/ }).click();
    await operator.screenshot('carbon-index');
    expect(operator.consoleErrors).toEqual([]);
  });

  it('the regulator sees the installation in the period ranking', async () => {
    await waitFor('the regulator peer ranks the installation', async () => {
      const ranking = await regulatorGateway.evaluate<CarbonIndexRanking>(
        'CarbonIndex:GetRanking',
        JSON.stringify({ period: year }),
      );
      return ranking.rows.some((row) => row.installationId === installation && row.throughMonth === 2);
    });
    const regulator = await regulatorOf();
    const ranking = section(regulator.page, 'Carbon index ranking');
    await fill(ranking, { 'Ranking period': String(year) });
    const table = ranking.getByRole('table', { name: `Carbon index ranking ${year}`, exact: true });
    await table.waitFor({ timeout: 30_000 });
    const row = table.getByRole('row').filter({ hasText: installation });
    const yearToDate = MONTHS.reduce((sum, use) => sum + totalKg(use), 0);
    const index = indexThrough(2);
    // The only installation with energy use in this fresh period: rank 1.
    expect((await row.getByRole('cell').allInnerTexts()).map((text) => text.trim())).toEqual([
      '1',
      installation,
      'ENT1',
      'Feb',
      tonnes(yearToDate),
      `${ALLOCATION.toLocaleString('en-US')} t`,
      percent(index),
      `▲ +${percent(index - indexThrough(1)).replace('%', 'pp')}`,
    ]);
    expect(await ranking.getByText('Ranks 1–1 of 1').count()).toBe(1);
    await regulator.screenshot('carbon-index-ranking');
    expect(regulator.consoleErrors).toEqual([]);
  });

  it('the regulator issues certificates, never a production day twice, and looks the device up', async () => {
    const regulator = await regulatorOf();
    const certificates = section(regulator.page, 'Green certificates');
    const issue = certificates.getByRole('form', { name: 'Issue certificates' });
    const issueFor = (from: string, to: string, quantity: number) =>
      fill(issue, {
        Device: device,
        'Generating installation': installation,
        'Production from': from,
        'Production to': to,
        'Quantity (MWh)': String(quantity),
        'To account': holding,
      });
    await issueFor(`${year}-01-01`, `${year}-01-31`, 300);
    expect(await act(issue, 'Issue certificates', /^Issued 300 MWh/)).toContain('serials 1–300');
    await issueFor(`${year}-02-10`, `${year}-02-20`, 200);
    expect(await act(issue, 'Issue certificates', /^Issued 200 MWh/)).toContain('serials 301–500');
    // Days of January again: refused, nothing issued.
    await issueFor(`${year}-01-15`, `${year}-01-20`, 10);
    expect(await refusedAct(issue, 'Issue certificates')).toContain('overlaps');

    const lookup = certificates.getByRole('group', { name: 'Device lookup' });
    await fill(lookup, { 'Lookup device': device, 'Production year': String(year) });
    await shows(lookup.getByTestId('device-summary'), '500 MWh issued');
    expect(await lookup.getByTestId('device-summary').innerText()).toContain('next serial 501');
    const months = lookup.getByRole('table', {
      name: `Production issued for ${device} in ${year}`,
      exact: true,
    });
    const februaryDays = new Date(Date.UTC(year, 2, 0)).getUTCDate();
    expect(await months.getByRole('row').allInnerTexts()).toEqual([
      expect.stringMatching(/^Month/),
      expect.stringMatching(new RegExp(`^${year}-01\\s+31 of 31\\s+${year}-01-01 – ${year}-01-31$`)),
      expect.stringMatching(
        new RegExp(`^${year}-02\\s+11 of ${februaryDays}\\s+${year}-02-10 – ${year}-02-20$`),
      ),
    ]);
    await regulator.screenshot('certificate-issuance');
    expect(regulator.consoleErrors).toEqual([]);
  });

  it('the operator sees the certificates, cancels a lot for a beneficiary once, and never twice', async () => {
    // The operator's peer has both issuances before the console reads the account.
    await waitFor(
      "Enterprise1's peer has both issuances",
      async () => (await certificatesHeld(operatorGateway, holding)) === 500,
    );
    const operator = await operatorOf();
    const certificates = section(operator.page, 'Green certificates');
    await fill(certificates, { 'Certificate account': holding });
    const held = certificates.getByTestId('certificates-held');
    await shows(held, '500 MWh');
    const lots = certificates.getByRole('table', {
      name: `Green certificate lots of ${holding}`,
      exact: true,
    });
    const januaryRow = lots.getByRole('row').filter({ hasText: `${year}-01-01 – ${year}-01-31` });
    expect(await januaryRow.innerText()).toMatch(
      new RegExp(`${device}\\s+${year}-01-01 – ${year}-01-31\\s+1–300\\s+300`),
    );
    januaryLot = (await januaryRow.getByRole('cell').first().innerText()).trim();

    const cancel = certificates.getByRole('form', { name: 'Cancel certificates' });
    const cancelJanuary = () =>
      fill(cancel, {
        'Cancel quantity (MWh)': '300',
        Beneficiary: 'Hefei Metro Line 3',
        'Cancel reason': `green electricity claim ${year}`,
        'Cancel lots': januaryLot,
      });
    await cancelJanuary();
    expect(await act(cancel, 'Cancel certificates', /^Cancelled 300 MWh for Hefei Metro Line 3/)).toContain(
      'NATIONAL-DELETION',
    );
    cancelledLot = (await certificates.getByTestId('cancelled-lot-id').first().innerText()).trim();
    await shows(held, '200 MWh');
    expect(await lots.getByRole('row').count()).toBe(2);
    const retired = async () => auditor.evaluate<Lot>('Allowance:GetLot', 'NATIONAL-DELETION', cancelledLot);
    await waitFor(
      "the auditor's peer has the cancellation",
      async () => (await certificatesHeld(auditor, holding)) === 200,
    );
    const cancelled = await retired();
    expect(cancelled).toMatchObject({
      status: 'retired',
      quantity: 300,
      deviceId: device,
      retirement: { beneficiary: 'Hefei Metro Line 3', entityId: 'ENT1' },
    });

    // The same lot again: it is gone from the account, so the ledger refuses and nothing moves.
    await cancelJanuary();
    expect(await refusedAct(cancel, 'Cancel certificates')).toContain(
      `lot ${januaryLot} is not in account ${holding}`,
    );
    expect(await certificatesHeld(operatorGateway, holding)).toBe(200);
    expect(await certificatesHeld(auditor, holding)).toBe(200);
    expect(await retired()).toEqual(cancelled);
    expect(await held.innerText()).toBe('200 MWh');
    expect(await lots.getByRole('row').count()).toBe(2);

    const application = certificates.getByRole('form', { name: 'Certificate application' });
    expect(await application.getByLabel('Cancelled lot', { exact: true }).inputValue()).toBe(cancelledLot);
    expect(await act(application, 'Look up application')).toBe(
      `Lot ${cancelledLot} is applied to no emissions report.`,
    );
    await operator.screenshot('certificates');
    expect(operator.consoleErrors).toEqual([]);
  });

  it("the operator's report applies the cancelled certificates: their MWh count at zero grid factor", async () => {
    // 1,000 MWh × 570.3 kg = 570,300 kg, less the certified 300 MWh × 570.3 = 171,090 kg: 399,210 kg → 400 t.
    const operator = await operatorOf();
    const report = section(operator.page, 'Emissions report');
    await fill(report, {
      'Report period': String(year),
      Installation: installation,
      'Factor set id': factorSetId,
      'Factor set version': '1',
      'Electricity (MWh)': '1000',
      'Green certificate lots': cancelledLot,
      'Document name': 'grid-invoices.pdf',
      'Document SHA-256': 'c'.repeat(64),
    });
    expect(await act(report, 'Submit report', /^Submitted version 1/)).toBe(
      'Submitted version 1: the ledger computed 400 t (399,210 kg).',
    );
    await shows(report.getByTestId('ledger-green-certificates'), '300 MWh');
    const application = section(operator.page, 'Green certificates').getByRole('form', {
      name: 'Certificate application',
    });
    expect(await act(application, 'Look up application', /is applied to the/)).toContain(
      `(300 MWh) is applied to the ${year} report of ${installation}, version 1`,
    );
    expect(operator.consoleErrors).toEqual([]);
  });
});
