import { Query } from '@carbon-ets/contract';
import { type Facade, facadeOf } from './facade';

export type {
  AccountHoldings,
  HistoryEntry,
  Holding,
  ObjectHistory,
  ObjectRef,
  ObjectTypeName,
  SupplySummary,
  UnitSupply,
} from '@carbon-ets/contract';
export { OBJECT_TYPES } from '@carbon-ets/contract';

/** `Query`: any object, its history, an account's holdings and a period's supply. */
export const QueryClient = facadeOf(Query);
export type QueryClient = Facade<typeof Query>;
