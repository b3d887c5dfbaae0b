import { Funds } from '@carbon-ets/contract';
import { type Facade, facadeOf } from './facade';

export type { AccountFunds, CashDebit, CashEntry, CashOrigin, FundsBalance } from '@carbon-ets/contract';

/** `Funds`: settlement funds; the regulator's org stands in for the exchange's settlement bank. */
export const FundsClient = facadeOf(Funds);
export type FundsClient = Facade<typeof Funds>;
