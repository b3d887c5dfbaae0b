import type { DayPeriod } from '@carbon-ets/contract';
import { type CommandContext, type OptionSpec, requiredOption } from '../command';

/**
 * `--from` and `--to`: whole days, both inclusive, within one year — an offset issuance's monitoring period or
 * a green certificate's production period. `what` names the period in the help text.
 */
export function dayPeriodOptionSpecs(what: string): { readonly from: OptionSpec; readonly to: OptionSpec } {
  return {
    from: { type: 'string', description: `first day of ${what}, YYYY-MM-DD (inclusive)` },
    to: { type: 'string', description: `last day of ${what}, YYYY-MM-DD (inclusive, same year as --from)` },
  };
}

/** The period `--from` and `--to` give, both required; the chaincode checks the days. */
export function dayPeriodOption(context: CommandContext): DayPeriod {
  return { from: requiredOption(context, 'from'), to: requiredOption(context, 'to') };
}
