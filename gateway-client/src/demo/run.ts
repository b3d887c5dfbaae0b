#!/usr/bin/env node
import { EXIT_CODES, printError } from '@carbon-ets/contract';
import { useDefaultConnectionDir } from '../cli/connection-dir';
import { formatTable } from '../cli/output';
import { formatAmount } from '../money';
import { type DemoSummary, runDemoCycle } from './demo-cycle';

/** The demo's report: what happened, in a few lines a person reads. */
export function formatSummary(summary: DemoSummary): string {
  const { year, instrument, supply } = summary;
  const money = (minor: number | string): string => formatAmount(minor, summary.currency);
  const lines = [
    '',
    `Compliance period ${year} — ${summary.transactions} transactions committed in ${summary.seconds.toFixed(1)} s`,
    '',
    formatTable(
      ['INSTALLATION', 'ENTITY', 'ACCOUNT', 'ALLOCATED', 'VERIFIED', 'SURRENDERED', 'BALANCE', 'STATUS'],
      summary.installations.map((i) => [
        i.installationId,
        i.entityId,
        i.holdingAccount,
        String(i.allocated),
        String(i.verifiedTonnes),
        String(i.status.surrendered),
        String(i.status.balance),
        i.status.code,
      ]),
    ),
    '',
    ...summary.trades.map(
      (t) =>
        `Trade ${t.id}: ${t.quantity} t ${instrument} at ${money(t.price)}/t = ${money(t.value)}, ` +
        `${t.sellAccountId} → ${t.buyAccountId} (settled DvP)`,
    ),
    summary.trades.length === 0 ? 'No trade was matched.' : '',
    `Buyer's funds: ${money(summary.buyerFunds.total)} left (${money(summary.buyerFunds.locked)} locked).`,
    `Supply ${year}: cap ${supply.cap ?? '-'}, issued ${supply.allowances.issued}, allocated ${supply.allocated}, ` +
      `held ${supply.allowances.held}, surrendered ${supply.allowances.surrendered}; ` +
      `issued = held + surrendered + retired: ${supply.allowances.reconciles ? 'yes' : 'NO'}`,
  ];
  if (summary.audit !== undefined) {
    const { report, ownMismatches } = summary.audit;
    const own = report.totals.find((t) => t.unitType === 'allowance' && t.vintage === year);
    lines.push(
      `Audit: replayed ${report.blocks} blocks (${report.replayedBlocks} new), compared ${report.lotsCompared} lots in ` +
        `${report.accountsCompared} accounts; vintage ${year} rebuilt from history: issued ${own?.issued ?? '-'} = held ` +
        `${own?.held ?? '-'} + locked ${own?.locked ?? '-'} + surrendered ${own?.surrendered ?? '-'}: ` +
        `${own?.balanced === true ? 'balanced' : 'NOT balanced'}; ${ownMismatches.length} mismatch(es) in this demo's accounts` +
        (report.mismatches.length > ownMismatches.length
          ? `, ${report.mismatches.length - ownMismatches.length} elsewhere on the ledger (see \`carbon audit reconcile\`)`
          : ''),
    );
    for (const line of ownMismatches) lines.push(`  ${line}`);
  }
  const [first, second] = summary.installations;
  const holding = first?.holdingAccount ?? 'HOLD-…';
  lines.push(
    '',
    'What to try next with the CLI (npm run carbon -- <command>; add --json for scripts, --help for options):',
    `  whoami --org Enterprise1 --user trader1`,
    `  compliance status --period ${year} --installation ${second?.installationId ?? ''} --org Enterprise2 --user operator2`,
    `  account statement ${holding} --org Auditor --user auditor1`,
    `  history report ${year} ${first?.installationId ?? ''} --org Auditor --user auditor1`,
    `  market book --instrument ${instrument} --org Enterprise1 --user trader1`,
    `  order place --account ${holding} --side sell --instrument ${instrument} --price 60.50 --quantity 10 --org Enterprise1 --user trader1`,
    `  market data --instrument ${instrument} --org Auditor --user auditor1`,
    `  trades --instrument ${instrument} --org Auditor --user auditor1`,
    `  export csv holdings ${holding} --out holdings.csv --org Auditor --user auditor1`,
    `  supply ${year} --org Auditor --user auditor1`,
    '  audit reconcile --org Auditor --user auditor1',
    `  surrender --period ${year} --installation ${second?.installationId ?? ''} --quantity 1 --org Enterprise1 --user operator1   (refused: not ENT1's)`,
  );
  return lines.join('\n');
}

async function main(): Promise<number> {
  const json = process.argv.includes('--json');
  const summary = await runDemoCycle({
    reconcile: !process.argv.includes('--no-audit'),
    onStep: (line) => process.stderr.write(`• ${line}\n`),
  });
  process.stdout.write(
    `${json ? JSON.stringify(summary, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v), 2) : formatSummary(summary)}\n`,
  );
  const covered = summary.installations.every((i) => i.status.code === 'A');
  // Exit code 3, as `carbon audit reconcile`: this demo's own units do not add up.
  if ((summary.audit?.ownMismatches.length ?? 0) > 0) return EXIT_CODES.mismatch;
  return covered && summary.supply.allowances.reconciles ? 0 : 1;
}

if (require.main === module) {
  useDefaultConnectionDir();
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      // One line, as the CLI prints it (network down, refused transaction…); the stack only with DEBUG.
      process.exitCode = printError(err, {
        write: (line) => process.stderr.write(`${line}\n`),
        debug: Boolean(process.env.DEBUG),
      });
    },
  );
}
