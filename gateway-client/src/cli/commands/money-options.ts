import type { PeriodClient } from '../../contracts';
import {
  DEFAULT_CURRENCY,
  InvalidMoneyError,
  minorUnitsAsNumber,
  parseCurrency,
  parseMoney,
} from '../../money';
import { TransactionError } from '../../transaction-error';
import { type CommandContext, ExpectedError, type OptionSpec, requiredOption } from '../command';
import { optionalText, parseWhole } from './support';

/**
 * Money options and money output of the CLI. People type and read amounts in the period's currency with two
 * decimals (`--price 60.50`); the ledger keeps integer minor units. The conversion itself lives in
 * `../../money`; this module turns its refusals into the CLI's one-line user errors and finds the currency
 * to print amounts in.
 */

/** Runs a money conversion; its refusal becomes an {@link ExpectedError}, printed as one line. */
function asUserError<T>(convert: () => T): T {
  try {
    return convert();
  } catch (err) {
    if (err instanceof InvalidMoneyError) throw new ExpectedError(err.message);
    throw err;
  }
}

/** A required money option in minor units, for decimal-string fields (funds). */
export function moneyOption(context: CommandContext, name: string): bigint {
  const text = requiredOption(context, name);
  return asUserError(() => parseMoney(text, `--${name}`));
}

/** A required money option in minor units, for JSON number fields (prices, ticks, penalties per tonne). */
export function priceOption(context: CommandContext, name: string): number {
  const minor = moneyOption(context, name);
  return asUserError(() => minorUnitsAsNumber(minor, `--${name}`));
}

/** Like {@link priceOption}, or undefined when the option is not given. */
export function optionalPrice(context: CommandContext, name: string): number | undefined {
  return optionalText(context, name) === undefined ? undefined : priceOption(context, name);
}

/** A currency code option (`--currency EUR`), or undefined when not given. */
export function optionalCurrency(context: CommandContext, name: string): string | undefined {
  const text = optionalText(context, name);
  return text === undefined ? undefined : asUserError(() => parseCurrency(text, `--${name}`));
}

/** Help text of a money option: what it is, in the period's currency with two decimals. */
export function moneyOptionSpec(what: string): OptionSpec {
  return { type: 'string', description: `${what}, in the period's currency with two decimals (e.g. 60.50)` };
}

/** Help text of the option that picks the period whose currency funds are shown in. */
export const FUNDS_PERIOD_OPTION: OptionSpec = {
  type: 'string',
  description: "show funds in this period's currency (default: the current year's period)",
};

/**
 * The currency of a period's money. A period that does not exist (an offset vintage without a compliance
 * period, or a year not yet created) has none of its own: its amounts are shown in the default currency, the
 * one a period gets when it names none.
 */
export async function periodCurrency(period: PeriodClient, year: number): Promise<string> {
  try {
    return (await period.getPeriod(year)).currency;
  } catch (err) {
    if (err instanceof TransactionError && err.code === 'NOT_FOUND') return DEFAULT_CURRENCY;
    throw err;
  }
}

/** The currency of an instrument's prices: that of the period of its vintage (`allowance-2030` → 2030). */
export async function instrumentCurrency(period: PeriodClient, instrument: string): Promise<string> {
  const vintage = /^(?:allowance|offset)-([0-9]{4})$/.exec(instrument)?.[1];
  return vintage === undefined ? DEFAULT_CURRENCY : periodCurrency(period, Number(vintage));
}

/**
 * The currency to show settlement funds in. Funds belong to an account, not to a period, so the user names
 * the period (`--period`); by default the period of the current year.
 */
export function fundsCurrency(context: CommandContext, period: PeriodClient): Promise<string> {
  const year = optionalText(context, 'period');
  return periodCurrency(
    period,
    year === undefined ? new Date().getUTCFullYear() : parseWhole(year, '--period'),
  );
}

/** A price or amount column header naming its currency: `PRICE (CNY)`. */
export function moneyHeader(name: string, currency: string): string {
  return `${name} (${currency})`;
}
