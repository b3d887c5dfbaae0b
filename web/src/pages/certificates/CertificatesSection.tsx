import type { Lot } from '@carbon-ets/contract';
import { useState } from 'react';
import { Field, Section, useLoad } from '../../components/ui';
import { formatMwh } from '../../format';
import { ID_PATTERN } from '../operator/useCurrentReport';
import { useDebounced } from '../operator/useDebounced';
import { CERTIFICATE_EVENTS, useRefreshOn } from '../regulator/refresh';
import { ApplicationLookup } from './ApplicationLookup';
import { CancelCertificatesForm } from './CancelCertificatesForm';
import { CertificateLots, loadCertificateLots } from './CertificateLots';
import { TransferCertificatesForm } from './TransferCertificatesForm';

/**
 * The enterprise's green electricity certificates: the lots an account holds, transfer, cancellation for a
 * named beneficiary (the cancelled lots are what an emissions report applies), and which report a cancelled lot
 * is applied to.
 */
export function CertificatesSection({ defaultAccount }: { defaultAccount: string | undefined }) {
  const [typedAccount, setAccount] = useState<string | undefined>();
  const account = typedAccount ?? defaultAccount ?? '';
  const settled = useDebounced(account.trim());
  const [cancelled, setCancelled] = useState<readonly Lot[]>([]);
  const lots = useLoad(
    async () => (ID_PATTERN.test(settled) ? loadCertificateLots(settled) : null),
    [settled],
  );
  useRefreshOn(CERTIFICATE_EVENTS, () => {
    lots.reload();
  });
  return (
    <Section title="Green certificates">
      <div className="row">
        <Field label="Certificate account" name="certificate-account" value={account} onChange={setAccount} />
      </div>
      <CertificateLots account={settled} lots={lots} />
      <TransferCertificatesForm
        account={account}
        onDone={() => {
          lots.reload();
        }}
      />
      <CancelCertificatesForm
        account={account}
        onCancelled={(retired) => {
          setCancelled((before) => [...retired, ...before]);
          lots.reload();
        }}
      />
      {cancelled.length > 0 && (
        <div>
          <p className="muted">Cancelled here, to apply in an emissions report by lot id:</p>
          <ul aria-label="Cancelled certificate lots">
            {cancelled.map((lot) => (
              <li key={lot.id}>
                <code data-testid="cancelled-lot-id">{lot.id}</code> · {formatMwh(lot.quantity)} for{' '}
                {lot.retirement?.beneficiary ?? '–'}
              </li>
            ))}
          </ul>
        </div>
      )}
      <ApplicationLookup suggestedLot={cancelled[0]?.id} />
    </Section>
  );
}
