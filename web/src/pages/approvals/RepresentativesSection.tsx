import { REPRESENTATIVE_ROLES, type AccountRepresentatives } from '@carbon-ets/contract';
import { useState } from 'react';
import { api, newRequestId } from '../../api';
import { Field, Loadable, Outcome, Section, useAction, useLoad } from '../../components/ui';

/** `Enterprise1MSP operator1 proposer` per line → representatives; an unreadable line is reported. */
export function parseRepresentatives(
  text: string,
): { mspId: string; userName: string; role: string }[] | string {
  const rows = [];
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    const [mspId, userName, role, ...rest] = line.trim().split(/\s+/);
    if (mspId === undefined || userName === undefined || role === undefined || rest.length > 0) {
      return `line ${index + 1}: write "MSP user role", e.g. "Enterprise1MSP operator1 proposer"`;
    }
    if (!(REPRESENTATIVE_ROLES as readonly string[]).includes(role)) {
      return `line ${index + 1}: the role must be one of ${REPRESENTATIVE_ROLES.join(', ')}`;
    }
    rows.push({ mspId, userName, role });
  }
  return rows;
}

/**
 * The regulator records an account's representatives at the holder's request: who they are (MSP and user
 * name, as on their certificate), their role, the approval threshold above which two of them must agree and
 * how long the second has to approve.
 */
export function RepresentativesSection() {
  const [account, setAccount] = useState('');
  const [people, setPeople] = useState('');
  const [threshold, setThreshold] = useState('');
  const [windowHours, setWindowHours] = useState('48');
  const [reference, setReference] = useState('');
  const [shown, setShown] = useState('');
  const current = useLoad(
    () =>
      shown === ''
        ? Promise.resolve(undefined)
        : api<AccountRepresentatives>('GET', `/api/v1/accounts/${encodeURIComponent(shown)}/representatives`),
    [shown],
  );
  const record = useAction(
    () => {
      const representatives = parseRepresentatives(people);
      if (typeof representatives === 'string') return Promise.reject(new Error(representatives));
      return api<AccountRepresentatives>(
        'PUT',
        `/api/v1/accounts/${encodeURIComponent(account.trim())}/representatives`,
        {
          ...(representatives.length === 0 ? {} : { representatives }),
          ...(threshold.trim() === '' ? {} : { approvalThreshold: Number(threshold) }),
          ...(/^\s*\d+\s*$/.test(windowHours) ? { approvalWindowSeconds: Number(windowHours) * 3600 } : {}),
          requestReference: reference.trim(),
        },
        newRequestId(),
      );
    },
    (result) => {
      setShown(result.accountId);
      current.reload();
    },
  );
  return (
    <Section title="Account representatives">
      <form
        onSubmit={(event) => {
          record.submit(
            event,
            (result) =>
              `Recorded ${String(result.representatives.length)} representative(s) of ${result.accountId}${result.approvalThreshold === undefined ? '' : `; above ${String(result.approvalThreshold)} t two must agree`}.`,
          );
        }}
      >
        <div className="row">
          <Field
            label="Represented account"
            name="representatives-account"
            value={account}
            onChange={setAccount}
            error={record.fieldError('accountId')}
          />
          <Field
            label="Holder's request reference"
            name="representatives-reference"
            value={reference}
            onChange={setReference}
            placeholder="request no. or document SHA-256"
            error={record.fieldError('requestReference')}
          />
        </div>
        <div className="field">
          <label htmlFor="field-representatives-people">Representatives (one per line: MSP user role)</label>
          <textarea
            id="field-representatives-people"
            name="representatives-people"
            rows={4}
            value={people}
            placeholder={'Enterprise1MSP operator1 proposer\nEnterprise1MSP trader1 approver'}
            onChange={(event) => {
              setPeople(event.target.value);
            }}
          />
        </div>
        <div className="row">
          <Field
            label="Approval threshold (t)"
            name="representatives-threshold"
            value={threshold}
            onChange={setThreshold}
            inputMode="numeric"
            suffix="t"
            placeholder="none"
            error={record.fieldError('approvalThreshold')}
          />
          <Field
            label="Approval window (hours)"
            name="representatives-window"
            value={windowHours}
            onChange={setWindowHours}
            inputMode="numeric"
            error={record.fieldError('approvalWindowSeconds')}
          />
        </div>
        <Outcome error={record.formError} done={record.done} />
        <div>
          <button type="submit" disabled={record.busy}>
            Record representatives
          </button>{' '}
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setShown(account.trim());
              current.reload();
            }}
          >
            Show representatives
          </button>
        </div>
      </form>
      <Loadable state={current}>
        {(value) =>
          value === undefined ? null : (
            <table aria-label="Recorded representatives">
              <caption>
                {value.accountId}: threshold{' '}
                {value.approvalThreshold === undefined ? 'none' : `${String(value.approvalThreshold)} t`},
                window {value.approvalWindowSeconds / 3600} h
              </caption>
              <thead>
                <tr>
                  <th>MSP</th>
                  <th>User</th>
                  <th>Role</th>
                </tr>
              </thead>
              <tbody>
                {value.representatives.map((r) => (
                  <tr key={`${r.mspId}/${r.userName}`}>
                    <td>{r.mspId}</td>
                    <td>{r.userName}</td>
                    <td>{r.role}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loadable>
    </Section>
  );
}
