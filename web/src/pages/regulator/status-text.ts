import type { ComplianceStatus } from '@carbon-ets/contract';
import { formatTonnes } from '../../format';

/** Signed tonnes: `+2,000 t`, `-500 t`, `0 t`. */
export function signedTonnes(tonnes: number): string {
  return `${tonnes > 0 ? '+' : ''}${formatTonnes(tonnes)}`;
}

/** An installation's status after an estimate or a correction, in one line: obligation, cap, balance, source. */
export function statusText(status: ComplianceStatus): string {
  const cap =
    status.obligationCap === null || status.obligationCap === undefined
      ? 'no cap'
      : `cap ${formatTonnes(status.obligationCap)}`;
  const source = status.emissionsSource ?? (status.verifiedEmissions === null ? 'none' : 'report');
  return `status ${status.code}, obligation ${formatTonnes(status.obligation)}, ${cap}, balance ${formatTonnes(status.balance)}, source ${source}`;
}
