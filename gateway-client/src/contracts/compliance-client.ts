import { Compliance } from '@carbon-ets/contract';
import { type Facade, facadeOf } from './facade';

export type {
  ClosingOutcome,
  ComplianceCode,
  ComplianceFinal,
  ComplianceStatus,
  ComplianceStatusReport,
  PeriodClosing,
  SurrenderRequest,
  SurrenderResult,
} from '@carbon-ets/contract';

/** `Compliance`: surrender (operators), status (anyone), closing a period (regulator). */
export const ComplianceClient = facadeOf(Compliance);
export type ComplianceClient = Facade<typeof Compliance>;
