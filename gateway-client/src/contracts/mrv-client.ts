import { Mrv } from '@carbon-ets/contract';
import { type Facade, facadeOf } from './facade';

export type {
  ActivityLine,
  ActivityLineInput,
  DocumentRef,
  EmissionReport,
  ReportActivity,
  ReportCommercialData,
  CommercialDataRef,
  ReportCorrection,
  ReportRejection,
  ReportStatus,
  ReportSubmission,
  ReportVersionRef,
  Verification,
} from '@carbon-ets/contract';

/** `Mrv`: emission reports — submitted by operators, verified by verifiers, accepted by the regulator. */
export const MrvClient = facadeOf(Mrv);
export type MrvClient = Facade<typeof Mrv>;
