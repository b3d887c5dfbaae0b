import { EXIT_CODES } from '@carbon-ets/contract';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { reconcile } from '../../audit/reconcile';
import { settingsDirOf } from '../../connection-settings';
import { PeriodClient } from '../../contracts';
import { formatAmount } from '../../money';
import { type Command, type CommandContext, ExpectedError } from '../command';
import { formatTable } from '../output';
import { FUNDS_PERIOD_OPTION, fundsCurrency } from './money-options';

export const auditReconcileCommand: Command = {
  name: 'audit reconcile',
  summary:
    'Replay every block, rebuild every lot off-chain, compare with the world state; exit 3 on any mismatch',
  options: {
    checkpoint: {
      type: 'string',
      description: 'replay checkpoint file (default: network/run/audit/reconcile-<org>.json)',
    },
    'from-start': { type: 'boolean', description: 'ignore the checkpoint and replay from block 0' },
    peer: {
      type: 'string',
      description:
        "compare with the world state of this organisation's peer, e.g. Enterprise2 (default: --org's own peer)",
    },
    period: FUNDS_PERIOD_OPTION,
  },
  async run(context) {
    const connection = context.connect(gatewayPeerOption(context));
    const checkpointFile =
      typeof context.options.checkpoint === 'string'
        ? context.options.checkpoint
        : path.join(
            settingsDirOf(),
            '..',
            'audit',
            `reconcile-${connection.settings.organization.toLowerCase()}.json`,
          );
    mkdirSync(path.dirname(checkpointFile), { recursive: true });
    if (context.options['from-start'] === true) rmSync(checkpointFile, { force: true });
    if (context.options.peer !== undefined) {
      context.note(
        `world state read from ${context.options.peer}'s peer at ${connection.settings.peerEndpoint}`,
      );
    }
    const report = await reconcile(connection, {
      checkpointFile,
      onProgress: (block, height) => {
        context.note(`replayed ${block}/${height} blocks`);
      },
    });
    if (context.json) {
      context.print(JSON.stringify(report, null, 2));
    } else {
      const currency = await fundsCurrency(context, new PeriodClient(connection));
      const rate = (count: number): string =>
        report.replaySeconds > 0 ? (count / report.replaySeconds).toFixed(0) : '-';
      context.print(
        `Replayed ${report.replayedBlocks} blocks / ${report.replayedTransactions} transactions in ${report.replaySeconds.toFixed(2)} s ` +
          `(${rate(report.replayedBlocks)} blocks/s, ${rate(report.replayedTransactions)} tx/s); ledger: ${report.blocks} blocks, ` +
          `${report.validTransactions} valid of ${report.transactions} transactions.`,
      );
      context.print(
        formatTable(
          ['UNIT', 'VINTAGE', 'ISSUED', 'HELD', 'LOCKED', 'SURRENDERED', 'RETIRED', 'BALANCED'],
          report.totals.map((t) => [
            t.unitType,
            String(t.vintage),
            String(t.issued),
            String(t.held),
            String(t.locked),
            String(t.surrendered),
            String(t.retired),
            t.balanced ? 'yes' : 'NO',
          ]),
        ),
      );
      context.print(
        `Settlement funds by history: ${formatAmount(report.funds.available, currency)} available, ` +
          `${formatAmount(report.funds.locked, currency)} locked in open buy orders.`,
      );
      context.print(
        `Compared ${report.lotsCompared} lots and the funds of ${report.accountsCompared} accounts with the world state ` +
          `(${report.compareQueries} paged chaincode queries, read during the replay; ${report.compareSeconds.toFixed(2)} s after it): ` +
          (report.mismatches.length === 0 ? 'no mismatch.' : `${report.mismatches.length} mismatch(es):`),
      );
      for (const mismatch of report.mismatches) context.print(`  ${mismatch}`);
      if (report.unsettled.length > 0) {
        context.print(
          `${report.unsettled.length} difference(s) on accounts that transactions changed during every comparison round: not judged; run again when they are quieter:`,
        );
        for (const line of report.unsettled) context.print(`  ${line}`);
      }
    }
    // History and world state disagree: not a failure to run, but not a clean audit either. Unsettled
    // differences (state that moved under the comparison) are no evidence either way.
    if (report.mismatches.length > 0) context.setExitCode(EXIT_CODES.mismatch);
  },
};

/** `--peer <organisation>`: whose peer's world state to compare with (the blocks are the same on every peer). */
export function gatewayPeerOption(context: CommandContext): { gatewayPeer?: string } {
  const peer = context.options.peer;
  if (peer === undefined) return {};
  if (typeof peer !== 'string' || peer.trim() === '') {
    throw new ExpectedError('--peer needs an organisation name, e.g. --peer Enterprise2');
  }
  return { gatewayPeer: peer.trim() };
}
