/**
 * One entry of settlement funds held by an account, in fen, and how it came there: declared by the wire
 * contract (`@carbon-ets/contract`), whose answer schemas the clients check.
 */
export type { CashEntry, CashOrigin } from '@carbon-ets/contract';
