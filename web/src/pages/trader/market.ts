import { OFF_CHANNEL } from '@carbon-ets/contract';
import { formatPrice } from '../../format';

/** `allowance-2025`, `offset-2025`: the instruments the market lists. */
export const INSTRUMENT_PATTERN = /^(allowance|offset)-[0-9]{4}$/;
/** An account id as the ledger spells ids. */
export const ACCOUNT_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
/** Whole tonnes, at least one. */
export const TONNES_PATTERN = /^\s*[1-9][0-9]{0,11}\s*$/;

/** What the trader picked in the Market section: both are undefined until well-formed. */
export interface MarketChoice {
  readonly instrument: string | undefined;
  readonly account: string | undefined;
}

/** One bar of `GET /instruments/{instrument}/series` (fen per tonne, whole tonnes). */
export interface PriceBar {
  readonly instrument: string;
  /** `YYYY-MM-DD` (day) or `YYYY-MM-DDTHH:MM` (minute, UTC). */
  readonly bucket: string;
  readonly open: number | null;
  readonly high: number | null;
  readonly low: number | null;
  readonly last: number | null;
  readonly volume: number;
  readonly turnover: string;
  readonly trades: number;
  readonly bilateralVolume: number;
}

/** A page of a read-model list. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor?: string;
  readonly height: number;
}

/** The first 8 characters of a transaction-made id: enough to tell orders apart on screen. */
export function shortId(id: string): string {
  return id.slice(0, 8);
}

/**
 * A trade's or a proposal's public price per tonne for a table (`60.50`), or `off-channel` for one paid outside
 * the ledger, whose agreed price is private (the read model and the events never have it).
 */
export function priceCell(price: number | undefined): string {
  return price === undefined ? OFF_CHANNEL : formatPrice(price);
}

/** `price × quantity` fen as a decimal string (it may pass 2^53 fen). */
export function valueOf(priceFen: number, tonnes: number): string {
  return (BigInt(priceFen) * BigInt(tonnes)).toString();
}

/** A form laid out as the cards are: one row under the other. */
export const STACK = { display: 'grid', gap: 10 } as const;

/**
 * Fields side by side while each has room for its input, else one under the other (a `.row` squeezes three
 * inputs past a half-width card's edge).
 */
export const FIELD_GRID = {
  display: 'grid',
  gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))',
  gap: 10,
  alignItems: 'start',
} as const;
