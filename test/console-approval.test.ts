import type { Browser } from 'playwright-core';
import {
  allowancesOf,
  ensureBaseline,
  firstFreePeriodYear,
  periodWithTradingAccounts,
} from './support/baseline';
import { launchBrowser, openConsole, type ConsoleUser } from './support/browser';
import { fill, section } from './support/console-forms';
import { participant, type Participant } from './support/participants';

/**
 * Issue 13's browser path: a two-person approved transfer through the console, in Debian's Chromium on the real
 * network and member servers. The regulator records ENT1's representatives (operator1 proposes, trader1
 * approves, above 100 t); operator1's 600 t transfer becomes a request with its units locked; operator1 cannot
 * approve it himself; trader1, in his own console, approves and the units move.
 */
describe('a two-person approved transfer in the console', () => {
  let browser: Browser;
  const open: ConsoleUser[] = [];
  let auditor: Participant;
  let regulatorGateway: Participant;
  let source = '';
  let destination = '';
  const transferText = () => `transfer of 600 t allowances to ${destination}`;

  beforeAll(async () => {
    browser = await launchBrowser();
    regulatorGateway = participant('Regulator', 'regulator1');
    auditor = participant('Auditor', 'auditor1');
    await ensureBaseline(regulatorGateway);
    const year = await firstFreePeriodYear(regulatorGateway, 2140);
    source = `WAP-${year}-1`;
    destination = `WAP-${year}-2`;
    await periodWithTradingAccounts(
      regulatorGateway,
      year,
      [
        { id: source, entityId: 'ENT1' },
        { id: destination, entityId: 'ENT2' },
      ],
      10_000,
      5_000,
    );
  });

  afterAll(async () => {
    for (const user of open) await user.close();
    await browser.close();
    regulatorGateway.connection.close();
    auditor.connection.close();
  });

  it('records representatives, turns a transfer above the threshold into a request and executes it on a second approval', async () => {
    const regulator = await openConsole(browser, 'Regulator', 'regulator1');
    open.push(regulator);
    const representatives = section(regulator.page, 'Account representatives');
    await fill(representatives, {
      'Represented account': source,
      "Holder's request reference": `ENT1 letter of ${new Date().toISOString().slice(0, 10)}`,
      'Representatives (one per line: MSP user role)':
        'Enterprise1MSP operator1 proposer\nEnterprise1MSP trader1 approver',
      'Approval threshold (t)': '100',
      'Approval window (hours)': '48',
    });
    await representatives.getByRole('button', { name: 'Record representatives', exact: true }).click();
    await representatives.getByRole('status').first().waitFor({ timeout: 30_000 });
    expect(await representatives.getByRole('alert').count()).toBe(0);

    const before = await allowancesOf(auditor, source);
    const operator = await openConsole(browser, 'Enterprise1', 'operator1');
    open.push(operator);
    const transfer = section(operator.page, 'Transfer units');
    await fill(transfer, {
      'From account': source,
      'To account': destination,
      'Transfer quantity (t)': '600',
    });
    await transfer.getByRole('button', { name: 'Transfer', exact: true }).click();
    const pending = transfer.getByTestId('transfer-pending-approval');
    await pending.waitFor({ timeout: 30_000 });
    expect(await pending.innerText()).toContain('Approval required');
    expect(await allowancesOf(auditor, source)).toEqual({ held: before.held, locked: 600 });
    expect(await allowancesOf(auditor, destination)).toEqual({ held: 0, locked: 0 });

    // The proposer's own Approve is refused by the chaincode, shown as the row's error, and nothing moves.
    const operatorApprovals = section(operator.page, 'Approvals');
    await fill(operatorApprovals, { 'Approvals account': source });
    await operatorApprovals.getByRole('button', { name: `Approve ${transferText()}`, exact: true }).click();
    const refusal = operatorApprovals.getByRole('alert').first();
    await refusal.waitFor({ timeout: 30_000 });
    expect(await refusal.innerText()).toContain('second representative');
    expect(await allowancesOf(auditor, source)).toEqual({ held: before.held, locked: 600 });

    const trader = await openConsole(browser, 'Enterprise1', 'trader1');
    open.push(trader);
    const approvals = section(trader.page, 'Approvals');
    await fill(approvals, { 'Approvals account': source });
    const table = approvals.getByRole('table', { name: 'Approval requests' });
    await table.waitFor({ timeout: 30_000 });
    expect(await table.innerText()).toContain('operator1');
    await approvals.getByRole('button', { name: `Approve ${transferText()}`, exact: true }).click();
    const done = approvals.getByRole('status').first();
    await done.waitFor({ timeout: 30_000 });
    expect(await done.innerText()).toContain(`Approved and executed: ${transferText()}`);
    await trader.screenshot('approval-executed');

    expect(await allowancesOf(auditor, source)).toEqual({ held: before.held - 600, locked: 0 });
    expect(await allowancesOf(auditor, destination)).toEqual({ held: 600, locked: 0 });
    for (const user of open) expect(user.consoleErrors).toEqual([]);
  });
});
