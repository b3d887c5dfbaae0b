import { Approval } from '@carbon-ets/contract';
import { type Facade, facadeOf } from './facade';

export type {
  AccountRepresentatives,
  ApprovalOutcome,
  ApprovalRequest,
  Representative,
  TrustedAccountList,
} from '@carbon-ets/contract';

/**
 * `Approval`: account representatives and two-person approval (recorded by the regulator, exercised by the
 * representatives), and trusted account lists (kept by the holder).
 */
export const ApprovalClient = facadeOf(Approval);
export type ApprovalClient = Facade<typeof Approval>;
