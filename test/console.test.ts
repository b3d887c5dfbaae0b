import type { Browser } from 'playwright-core';
import type { EmissionReport } from '@carbon-ets/contract';
import { ensureBaseline, firstFreePeriodYear } from './support/baseline';
import { launchBrowser, openConsole, type ConsoleUser } from './support/browser';
import { act, fill, section } from './support/console-forms';
import { loginAs } from './support/member-servers';
import { participant, type Participant } from './support/participants';
import { assignVerifier } from './support/verifiers';

const day = (offsetDays: number): string =>
  new Date(Date.now() + offsetDays * 24 * 3600 * 1000).toISOString().slice(0, 10);

/**
 * A whole compliance period done in the browser across the five orgs' consoles (Debian's Chromium, driven by
 * playwright-core), on the real network and member servers.
 */
describe('the web console in Chromium', () => {
  let browser: Browser;
  const open: ConsoleUser[] = [];
  let year = 0;
  let installation = '';
  let holding = '';
  let buyerAccount = '';
  let regulatorConsole: ConsoleUser;
  let operatorConsole: ConsoleUser;
  let gateway: Participant;

  const consoleOf = async (organization: string, user: string): Promise<ConsoleUser> => {
    const opened = await openConsole(browser, organization, user);
    open.push(opened);
    return opened;
  };

  beforeAll(async () => {
    browser = await launchBrowser();
    gateway = participant('Regulator', 'regulator1');
    await ensureBaseline(gateway);
    year = await firstFreePeriodYear(gateway, 2170);
    installation = `INST-${year}-WEB`;
    holding = `HOLD-${year}-WEB`;
    buyerAccount = `BUY-${year}-WEB`;
  });

  afterAll(async () => {
    for (const user of open) await user.close();
    await browser.close();
    gateway.connection.close();
  });

  it('runs a compliance period: the regulator sets it up in the browser', async () => {
    const regulator = await consoleOf('Regulator', 'regulator1');
    regulatorConsole = regulator;
    const { page } = regulator;
    const period = section(page, 'Compliance period');
    await fill(period, {
      Year: String(year),
      'Cap (t)': '1000000',
      'Report by': day(30),
      'Verify by': day(60),
      'Surrender by': day(90),
      'Penalty per tonne (CNY)': '100.00',
      'Offset limit (%)': '5',
    });
    await act(period, 'Create period');
    const factors = section(page, 'Factor set');
    await fill(factors, { 'Factor set id': `FS-${year}-WEB`, Version: '1' });
    await act(factors, 'Publish factor set');
    const issue = section(page, 'Issue allowances');
    await fill(issue, { Period: String(year), 'Quantity (t)': '100000' });
    await act(issue, 'Issue allowances');
    const registry = section(page, 'Registry');
    await fill(registry, {
      Entity: 'ENT1',
      'Installation id': installation,
      Sector: 'power',
      'Capacity (MW)': '600',
    });
    await act(registry, 'Add installation');
    await fill(registry, {
      'Account id': holding,
      'Account entity': 'ENT1',
      'Account installation': installation,
    });
    await registry.getByLabel('Account kind', { exact: true }).selectOption('holding');
    await act(registry, 'Open account');
    await fill(registry, {
      'Account id': buyerAccount,
      'Account entity': 'ENT2',
      'Account installation': '',
    });
    await registry.getByLabel('Account kind', { exact: true }).selectOption('trading');
    await act(registry, 'Open account');
    // A fixed 5,000 t, all of it pre-allocated.
    const plan = section(page, 'Allocation plan');
    await fill(plan, {
      'Plan period': String(year),
      'Plan installation': installation,
      'Fixed quantity (t)': '5000',
      'Pre-allocation base (t)': '5000',
      'Pre-allocation share (%)': '100',
      'Ceiling (t)': '5000',
    });
    await act(plan, 'Set plan line');
    const allocation = section(page, 'Free allocation');
    await fill(allocation, {
      'Allocation period': String(year),
      'Allocation installation': installation,
    });
    await act(allocation, 'Pre-allocate');
    const funds = section(page, 'Funds');
    await fill(funds, { 'Deposit account': buyerAccount, 'Amount (CNY)': '100000.00' });
    await act(funds, 'Deposit');
    const market = section(page, 'Market supervision');
    await fill(market, { 'Instrument vintage': String(year), 'Reference price (CNY)': '50.00' });
    await act(market, 'List instrument');
    await regulator.screenshot('regulator');
    expect(regulator.consoleErrors).toEqual([]);
  });

  it('an operator submits the report, the verifier verifies it and the regulator accepts it', async () => {
    // Set-up through the API: the regulator accredits verifier1's entity VER1 and assigns it to the report.
    await assignVerifier(gateway, year, installation);
    const operator = await consoleOf('Enterprise1', 'operator1');
    operatorConsole = operator;
    const report = section(operator.page, 'Emissions report');
    await fill(report, {
      'Report period': String(year),
      Installation: installation,
      'Factor set id': `FS-${year}-WEB`,
      'Factor set version': '1',
      'Natural gas (t)': '1000',
      'Electricity (MWh)': '1000',
      'Document name': 'fuel-invoices.pdf',
      'Document SHA-256': 'b'.repeat(64),
    });
    await act(report, 'Submit report');
    await operator.screenshot('operator');

    const verifier = await consoleOf('Verifier', 'verifier1');
    const queue = section(verifier.page, 'Reports to verify');
    await queue.getByRole('button', { name: `Open ${installation}`, exact: true }).click();
    const detail = section(verifier.page, 'Report detail');
    await act(detail, 'Verify');
    await verifier.screenshot('verifier');

    const regulator = regulatorConsole;
    const accept = section(regulator.page, 'Reports to accept');
    await regulator.page.reload();
    await section(regulator.page, 'Reports to accept')
      .getByRole('button', { name: `Accept ${installation}`, exact: true })
      .click();
    await accept.getByRole('status').first().waitFor();
    const auditor = await loginAs('Auditor', 'auditor1');
    const accepted = (await auditor.get<EmissionReport>(`/api/v1/reports/${year}/${installation}`)).body;
    expect(accepted.status).toBe('accepted');
    expect(operator.consoleErrors).toEqual([]);
    expect(verifier.consoleErrors).toEqual([]);
  });

  it('two traders of different enterprises place crossing orders and both see the fill arrive', async () => {
    const seller = await consoleOf('Enterprise1', 'trader1');
    const buyer = await consoleOf('Enterprise2', 'trader2');
    const trade = async (user: ConsoleUser, account: string, side: 'sell' | 'buy') => {
      await fill(section(user.page, 'Market'), { Instrument: `allowance-${year}`, Account: account });
      const ticket = section(user.page, 'Order ticket');
      await ticket.getByLabel('Side', { exact: true }).selectOption(side);
      await fill(ticket, { 'Price (CNY)': '50.00', 'Quantity (t)': '100' });
      await act(ticket, 'Place order');
    };
    await trade(seller, holding, 'sell');
    await trade(buyer, buyerAccount, 'buy');
    for (const user of [seller, buyer]) {
      await user.page.getByRole('button', { name: /Notifications/ }).click();
      await user.page
        .getByRole('list', { name: 'Notifications' })
        .getByText(/Order filled/)
        .first()
        .waitFor({ timeout: 30_000 });
    }
    await seller.screenshot('trader');
    // A trader is offered no regulator action, and the same action forced through the API is refused.
    expect(await seller.page.getByRole('button', { name: 'Halt market' }).count()).toBe(0);
    const url = (path: string) => new URL(path, seller.page.url()).href;
    const forced = await seller.page.request.post(url('/api/v1/market/halt'), { data: { reason: 'forced' } });
    expect(forced.status()).toBe(403);
    const view = await seller.page.request.get(url(`/api/v1/instruments/allowance-${year}`));
    expect(((await view.json()) as { market: { halted: boolean } }).market.halted).toBe(false);
    expect(seller.consoleErrors).toEqual([]);
    expect(buyer.consoleErrors).toEqual([]);
  });

  it('the operator surrenders, and the auditor finds status A, the report history and a clean reconcile', async () => {
    const auditorApi = await loginAs('Auditor', 'auditor1');
    const report = (await auditorApi.get<EmissionReport>(`/api/v1/reports/${year}/${installation}`)).body;
    const operator = operatorConsole;
    const surrender = section(operator.page, 'Surrender');
    await fill(surrender, {
      'Surrender period': String(year),
      'Surrender installation': installation,
      'Surrender quantity (t)': String(report.emissionsTonnes),
    });
    await act(surrender, 'Surrender');

    const auditor = await consoleOf('Auditor', 'auditor1');
    const status = section(auditor.page, 'Compliance status');
    await fill(status, { 'Status period': String(year), 'Status installation': installation });
    await status.getByRole('button', { name: 'Check status', exact: true }).click();
    await expect(status.getByTestId('compliance-status').innerText()).resolves.toMatch(/\bA\b/);
    const history = section(auditor.page, 'History explorer');
    await history.getByLabel('Object type', { exact: true }).selectOption('report');
    await fill(history, { 'Object id': `${year}/${installation}` });
    await history.getByRole('button', { name: 'Show history', exact: true }).click();
    await history.getByRole('row').nth(3).waitFor();
    expect(await history.getByRole('row').count()).toBeGreaterThanOrEqual(4);
    const reconcile = section(auditor.page, 'Reconcile');
    await reconcile.getByRole('button', { name: 'Run reconcile', exact: true }).click();
    await expect(reconcile.getByTestId('reconcile-result').innerText({ timeout: 120_000 })).resolves.toMatch(
      /0 mismatches/,
    );
    await auditor.screenshot('auditor');
    expect(auditor.consoleErrors).toEqual([]);
  });
});
