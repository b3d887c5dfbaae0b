import { Offset } from '@carbon-ets/contract';
import { type Facade, facadeOf } from './facade';

export type { MonitoringPeriod, OffsetIssuance, OffsetProject, RetirementResult } from '@carbon-ets/contract';

/** `Offset`: projects and credit issuance (regulator), transfers and retirement (the owning entity). */
export const OffsetClient = facadeOf(Offset);
export type OffsetClient = Facade<typeof Offset>;
