/** A period's currency: the default and the check of a code are the wire contract's. */
export {
  DEFAULT_PERIOD_CURRENCY as DEFAULT_CURRENCY,
  parseCurrencyCode as parseCurrency,
} from '@carbon-ets/contract';
