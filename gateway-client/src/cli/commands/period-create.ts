import { Period } from '@carbon-ets/contract';
import type { PeriodDefinition } from '../../contracts';
import { type Command, ExpectedError } from '../command';
import { formatAmount } from '../../money';
import { contractRequest } from './contract-request';
import { moneyOptionSpec, optionalCurrency, optionalPrice } from './money-options';
import { facades, optionalText, optionalWhole, readJsonFile, show } from './support';

/** "5" or "4.5" per cent as basis points, without floating point. */
function percentToBasisPoints(value: string, name: string): number {
  const match = /^([0-9]{1,3})(?:\.([0-9]{1,2}))?$/.exec(value);
  if (!match?.[1]) throw new ExpectedError(`--${name} must be a percentage like 5 or 4.5, got "${value}"`);
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

function isoOption(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new ExpectedError(`--${name} must be a date or ISO time, e.g. 2031-03-31`);
  return new Date(time).toISOString();
}

export const periodCreateCommand: Command = {
  name: 'period create',
  summary:
    'Regulator: create a compliance period: cap, deadlines, offset share, penalty (Period:CreatePeriod)',
  options: {
    year: { type: 'string', description: 'the period (calendar year)' },
    cap: { type: 'string', description: 'most allowances of this vintage ever issued (t)' },
    'report-by': { type: 'string', description: 'report deadline (date or ISO time, UTC)' },
    'verify-by': { type: 'string', description: 'verification deadline' },
    'surrender-by': { type: 'string', description: 'surrender deadline' },
    'offset-share': {
      type: 'string',
      description: 'share of the obligation payable in offsets, % (default 5)',
    },
    materiality: {
      type: 'string',
      description:
        'how far verified emissions may differ from computed ones before the verifier must give a reason, % (default 5)',
    },
    penalty: moneyOptionSpec('penalty per missing tonne'),
    currency: {
      type: 'string',
      description: 'ISO 4217 code of all money of the period: prices, funds, penalties (default CNY)',
    },
    file: { type: 'string', description: 'JSON period definition (with benchmarks); options override it' },
  },
  async run(context) {
    const file = optionalText(context, 'file');
    const base = file === undefined ? {} : (readJsonFile(file) as Partial<PeriodDefinition>);
    const need = <T>(value: T | undefined, name: string): T => {
      if (value === undefined) throw new ExpectedError(`--${name} is required (or give it in --file)`);
      return value;
    };
    const currency = optionalCurrency(context, 'currency') ?? base.currency;
    const share = optionalText(context, 'offset-share');
    const materiality = optionalText(context, 'materiality');
    const deadlines = {
      reportBy: need(
        isoOption(optionalText(context, 'report-by'), 'report-by') ?? base.deadlines?.reportBy,
        'report-by',
      ),
      verifyBy: need(
        isoOption(optionalText(context, 'verify-by'), 'verify-by') ?? base.deadlines?.verifyBy,
        'verify-by',
      ),
      surrenderBy: need(
        isoOption(optionalText(context, 'surrender-by'), 'surrender-by') ?? base.deadlines?.surrenderBy,
        'surrender-by',
      ),
    };
    const request: PeriodDefinition = {
      ...base,
      year: need(optionalWhole(context, 'year') ?? base.year, 'year'),
      cap: need(optionalWhole(context, 'cap') ?? base.cap, 'cap'),
      deadlines,
      offsetLimitBasisPoints:
        share === undefined
          ? (base.offsetLimitBasisPoints ?? 500)
          : percentToBasisPoints(share, 'offset-share'),
      ...(materiality === undefined
        ? {}
        : { materialityThresholdBasisPoints: percentToBasisPoints(materiality, 'materiality') }),
      penaltyPerTonne: need(optionalPrice(context, 'penalty') ?? base.penaltyPerTonne, 'penalty'),
      // Without one, the chaincode gives the period its default currency (CNY).
      ...(currency === undefined ? {} : { currency }),
    };
    const period = await facades(context).period.createPeriod(contractRequest(Period.createPeriod, request));
    show(context, period, {
      year: period.year,
      cap: period.cap,
      reportBy: period.deadlines.reportBy,
      verifyBy: period.deadlines.verifyBy,
      surrenderBy: period.deadlines.surrenderBy,
      offsetLimitBasisPoints: period.offsetLimitBasisPoints,
      materialityThresholdBasisPoints: period.materialityThresholdBasisPoints,
      currency: period.currency,
      penaltyPerTonne: formatAmount(period.penaltyPerTonne, period.currency),
      benchmarks: Object.keys(period.benchmarks).join(', ') || '-',
      status: period.status,
    });
  },
};
