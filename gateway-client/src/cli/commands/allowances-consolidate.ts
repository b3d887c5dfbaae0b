import { Allowance, formatSerials, type ConsolidationResult } from '@carbon-ets/contract';
import { type Command, requiredOption } from '../command';
import { contractRequest } from './contract-request';
import { facades, optionalText, show } from './support';

export const allowancesConsolidateCommand: Command = {
  name: 'allowances consolidate',
  summary:
    "Holder: merges an account's available lots of one unit type, vintage and project into one, every serial kept (Allowance:ConsolidateLots, repeated until none is left over)",
  options: {
    account: { type: 'string', description: 'the account (your entity, or national for the regulator)' },
    lots: { type: 'string', description: 'merge only these lots, comma-separated (no range read)' },
  },
  async run(context) {
    const accountId = requiredOption(context, 'account');
    const lots = optionalText(context, 'lots');
    const request = contractRequest(Allowance.consolidateLots, {
      accountId,
      ...(lots === undefined ? {} : { lotIds: lots.split(',').map((id) => id.trim()) }),
    });
    const { allowance } = facades(context);
    // Each transaction merges at most 100 lots and deletes at least one while some are left over: this ends.
    const rounds: ConsolidationResult[] = [await allowance.consolidateLots(request)];
    while (request.lotIds === undefined && (rounds.at(-1)?.leftOver ?? 0) > 0) {
      rounds.push(await allowance.consolidateLots(request));
    }
    const written = new Map(
      rounds.flatMap((round) => round.consolidated.map(({ lot }) => [lot.id, lot] as const)),
    );
    show(context, rounds.length === 1 ? rounds[0] : rounds, {
      account: accountId,
      transactions: rounds.length,
      lotsDeleted: rounds.reduce((sum, round) => sum + round.deletedLotIds.length, 0),
      lots: [...written.values()]
        .map((lot) => `${lot.id}: ${lot.unitType} ${lot.vintage} ×${lot.quantity} (${formatSerials(lot)})`)
        .join('; '),
    });
  },
};
