import { System } from '@carbon-ets/contract';
import { type Facade, facadeOf } from './facade';

export type { CallerIdentity } from '@carbon-ets/contract';

/** `System`: the identity round trip. */
export const SystemClient = facadeOf(System);
export type SystemClient = Facade<typeof System>;
