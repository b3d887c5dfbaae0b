import type { VerifierAccreditation } from '@carbon-ets/contract';
import { useState } from 'react';
import { api, newRequestId } from '../../api';
import { Field, Outcome, useAction } from '../../components/ui';
import { dayFromNow, endOfDay, InputError, otherError, required, segment } from './forms';

const SHOWN = ['entityId', 'sectors', 'validUntil', 'reason'];

/** `power, steel` as the distinct sector codes of an accreditation. */
function sectorList(text: string): string[] {
  const sectors = [...new Set(text.split(/[\s,]+/).filter((sector) => sector !== ''))];
  if (sectors.length === 0) throw new InputError('sectors', 'Sectors are required, e.g. power, steel');
  return sectors;
}

/**
 * Accredits a verifier entity for installation sectors until a date (a new accreditation replaces the current
 * one), or withdraws its accreditation: its users then verify nothing until it is accredited again.
 */
export function AccreditVerifierForm() {
  const [entityId, setEntityId] = useState('');
  const [sectors, setSectors] = useState('power');
  const [validUntil, setValidUntil] = useState(dayFromNow(365));
  const [reason, setReason] = useState('');
  // Through a resolved promise: an input refused by the form becomes the action's failure, shown by its field.
  const accredit = useAction(() =>
    Promise.resolve().then(() => {
      const entity = required(entityId, 'entityId', 'Verifier entity');
      const request = {
        sectors: sectorList(sectors),
        validUntil: endOfDay(validUntil, 'validUntil', 'Accredited until'),
      };
      return api<VerifierAccreditation>(
        'PUT',
        `/api/v1/verifiers/${segment(entity)}/accreditation`,
        request,
        newRequestId(),
      );
    }),
  );
  const withdraw = useAction(() =>
    Promise.resolve().then(() => {
      const entity = required(entityId, 'entityId', 'Verifier entity');
      const request = { reason: required(reason, 'reason', 'Withdrawal reason') };
      return api<VerifierAccreditation>(
        'POST',
        `/api/v1/verifiers/${segment(entity)}/accreditation/withdrawal`,
        request,
        newRequestId(),
      );
    }),
  );
  const fieldError = (field: string) => accredit.fieldError(field) ?? withdraw.fieldError(field);
  return (
    <form
      className="reg-form"
      onSubmit={(event) => {
        accredit.submit(
          event,
          (accreditation) =>
            `${accreditation.entityId} accredited for ${accreditation.sectors.join(', ')} until ${accreditation.validUntil.slice(0, 10)}.`,
        );
      }}
    >
      <h3>Accreditation</h3>
      <div className="row">
        <Field
          label="Verifier entity"
          name="accreditation-entity"
          value={entityId}
          onChange={setEntityId}
          placeholder="VER1"
          error={fieldError('entityId')}
        />
        <Field
          label="Accredited until"
          name="accreditation-until"
          type="date"
          value={validUntil}
          onChange={setValidUntil}
          error={fieldError('validUntil')}
        />
      </div>
      <Field
        label="Sectors"
        name="accreditation-sectors"
        value={sectors}
        onChange={setSectors}
        placeholder="power, steel, cement"
        error={fieldError('sectors')}
      />
      <Outcome error={otherError(accredit, SHOWN)} done={accredit.done} />
      <div className="reg-actions">
        <button type="submit" disabled={accredit.busy}>
          Accredit verifier
        </button>
      </div>
      <Field
        label="Withdrawal reason"
        name="accreditation-withdrawal-reason"
        value={reason}
        onChange={setReason}
        placeholder="suspended pending review"
        error={fieldError('reason')}
      />
      <Outcome error={otherError(withdraw, SHOWN)} done={withdraw.done} />
      <div className="reg-actions">
        <button
          type="button"
          disabled={withdraw.busy}
          onClick={(event) => {
            withdraw.submit(
              event,
              (accreditation) => `The accreditation of ${accreditation.entityId} is withdrawn.`,
            );
          }}
        >
          Withdraw accreditation
        </button>
      </div>
    </form>
  );
}
