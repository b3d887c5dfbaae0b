import type { Command } from '../command';
import { facades, periodArgument, showTable } from './support';

export const supplyCommand: Command = {
  name: 'supply',
  summary: "Anyone: a period's supply: issued = held + surrendered + retired (Query:GetSupplySummary)",
  arguments: { '<year>': 'the period' },
  async run(context) {
    const supply = await facades(context).query.getSupplySummary(periodArgument(context));
    const row = (name: string, s: typeof supply.allowances): (string | number)[] => [
      name,
      s.issued,
      s.heldInNationalAccounts,
      s.heldByParticipants,
      s.locked,
      s.surrendered,
      s.retired,
      s.reconciles ? 'yes' : 'NO',
    ];
    showTable(
      context,
      supply,
      ['UNIT', 'ISSUED', 'NATIONAL', 'PARTICIPANTS', 'LOCKED', 'SURRENDERED', 'RETIRED', 'RECONCILES'],
      [row('allowance', supply.allowances), row('offset', supply.offsets)],
    );
    if (!context.json)
      context.print(
        `period ${supply.period}: cap ${supply.cap ?? '-'}, allocated ${supply.allocated}; surrendered for the period: ` +
          `${supply.surrenderedForPeriod.allowances} allowances, ${supply.surrenderedForPeriod.offsets} offsets`,
      );
    // Exit code 3, as for `audit reconcile`: the supply does not add up.
    if (!supply.allowances.reconciles || !supply.offsets.reconciles) context.setExitCode(3);
  },
};
