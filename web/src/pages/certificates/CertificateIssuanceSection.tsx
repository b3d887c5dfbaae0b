import type { CertificateIssuance } from '@carbon-ets/contract';
import { useState } from 'react';
import { api, newRequestId } from '../../api';
import { Field, Outcome, Section, useAction } from '../../components/ui';
import { formatMwh } from '../../format';
import { otherError, required, wholeOrText } from '../regulator/forms';
import { DeviceLookup } from './DeviceLookup';
import { serialsText } from './certificate-lots';

const SHOWN = ['deviceId', 'installationId', 'productionPeriod', 'quantity', 'toAccount'];

/**
 * The regulator's green certificates: issues 1 certificate per MWh of a device's metered renewable production
 * in a period (no day of a device twice) into an account of the generating installation's entity, and looks up
 * what a device has been issued, month by month.
 */
export function CertificateIssuanceSection() {
  const [deviceId, setDevice] = useState('');
  const [installationId, setInstallation] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [quantity, setQuantity] = useState('');
  const [toAccount, setToAccount] = useState('');
  const [issued, setIssued] = useState(0);
  const issue = useAction(
    () =>
      api<CertificateIssuance>(
        'POST',
        '/api/v1/certificates/issuances',
        {
          deviceId: required(deviceId, 'deviceId', 'Device'),
          installationId: required(installationId, 'installationId', 'Generating installation'),
          productionPeriod: { from, to },
          quantity: wholeOrText(quantity),
          toAccount: required(toAccount, 'toAccount', 'To account'),
        },
        newRequestId(),
      ),
    () => {
      setIssued((count) => count + 1);
    },
  );
  return (
    <Section title="Green certificates">
      <form
        className="reg-form"
        aria-label="Issue certificates"
        onSubmit={(event) => {
          issue.submit(
            event,
            (issuance) =>
              `Issued ${formatMwh(issuance.quantity)} of certificates (vintage ${issuance.vintage}) for ${issuance.deviceId}, ${issuance.productionPeriod.from} to ${issuance.productionPeriod.to}, into ${issuance.accountId}: serials ${serialsText(issuance)}, lot ${issuance.lotId}.`,
          );
        }}
      >
        <div className="row">
          <Field
            label="Device"
            name="certificate-device"
            value={deviceId}
            onChange={setDevice}
            error={issue.fieldError('deviceId')}
          />
          <Field
            label="Generating installation"
            name="certificate-installation"
            value={installationId}
            onChange={setInstallation}
            error={issue.fieldError('installationId')}
          />
        </div>
        <div className="row">
          <Field
            label="Production from"
            name="certificate-from"
            type="date"
            value={from}
            onChange={setFrom}
            error={issue.fieldError('productionPeriod')}
          />
          <Field label="Production to" name="certificate-to" type="date" value={to} onChange={setTo} />
          <Field
            label="Quantity (MWh)"
            name="certificate-quantity"
            value={quantity}
            onChange={setQuantity}
            inputMode="numeric"
            suffix="MWh"
            error={issue.fieldError('quantity')}
          />
          <Field
            label="To account"
            name="certificate-to-account"
            value={toAccount}
            onChange={setToAccount}
            error={issue.fieldError('toAccount')}
          />
        </div>
        <p className="muted">
          1 certificate per MWh metered; both days inclusive, within one year (the vintage). Serials continue
          the device&apos;s; no production day of a device is issued twice.
        </p>
        <Outcome error={otherError(issue, SHOWN)} done={issue.done} />
        <div className="reg-actions">
          <button type="submit" disabled={issue.busy}>
            Issue certificates
          </button>
        </div>
      </form>
      <DeviceLookup issued={issued} />
    </Section>
  );
}
