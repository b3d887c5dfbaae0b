import type { TrustedAccountList } from '@carbon-ets/contract';
import { useState } from 'react';
import { api } from '../../api';
import { Field, Loadable, Outcome, Section, Time, useAction, useLoad } from '../../components/ui';
import { useRefreshOnNotice } from '../../notifications';

const listPath = (account: string) => `/api/v1/accounts/${encodeURIComponent(account)}/trusted-accounts`;

/** Removes one account from the list, at once. */
function RemoveButton({
  account,
  trusted,
  onRemoved,
}: {
  account: string;
  trusted: string;
  onRemoved: () => void;
}) {
  const remove = useAction(
    () => api<TrustedAccountList>('POST', `${listPath(account)}/${encodeURIComponent(trusted)}/removal`, {}),
    onRemoved,
  );
  return (
    <>
      <button
        type="button"
        className="secondary"
        disabled={remove.busy}
        aria-label={`Remove trusted account ${trusted}`}
        onClick={() => {
          remove.submit();
        }}
      >
        Remove
      </button>
      <Outcome error={remove.formError} />
    </>
  );
}

/**
 * The holder's trusted account list of one of its accounts: once it exists, transfers from the account go only
 * to the accounts on it (from when each addition takes effect), the holder's own accounts and the national
 * accounts. Additions wait the list's delay; removals are immediate.
 */
export function TrustedAccountsSection({ defaultAccount }: { defaultAccount: string | undefined }) {
  const [typed, setAccount] = useState<string | undefined>();
  const account = (typed ?? defaultAccount ?? '').trim();
  const [trusted, setTrusted] = useState('');
  const [delayHours, setDelayHours] = useState('');
  const list = useLoad(
    () => (account === '' ? Promise.resolve(undefined) : api<TrustedAccountList>('GET', listPath(account))),
    [account],
  );
  useRefreshOnNotice(() => {
    list.reload();
  });
  const add = useAction(
    () =>
      api<TrustedAccountList>('POST', listPath(account), {
        trustedAccountId: trusted.trim(),
        ...(/^\s*\d+\s*$/.test(delayHours) ? { delaySeconds: Number(delayHours) * 3600 } : {}),
      }),
    () => {
      setTrusted('');
      list.reload();
    },
  );
  return (
    <Section title="Trusted accounts">
      <div className="row">
        <Field label="Trusted list of account" name="trusted-of" value={account} onChange={setAccount} />
      </div>
      <Loadable state={list}>
        {(value) =>
          value === undefined ? null : !value.exists ? (
            <p className="muted">
              No trusted account list: transfers from {value.accountId} may go to any open account.
            </p>
          ) : (
            <>
              <p className="muted">
                Transfers from {value.accountId} go only to these accounts (and the holder&apos;s own and the
                national accounts). Additions take effect after {value.delaySeconds / 3600} h.
              </p>
              <table aria-label="Trusted accounts">
                <thead>
                  <tr>
                    <th>Account</th>
                    <th>Added</th>
                    <th>In effect from</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {value.accounts.map((entry) => (
                    <tr key={entry.accountId}>
                      <td>{entry.accountId}</td>
                      <td>
                        <Time iso={entry.addedAt} />
                      </td>
                      <td>
                        <Time iso={entry.effectiveAt} />
                      </td>
                      <td>
                        <RemoveButton
                          account={value.accountId}
                          trusted={entry.accountId}
                          onRemoved={() => {
                            list.reload();
                          }}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )
        }
      </Loadable>
      <form
        onSubmit={(event) => {
          add.submit(event, (result) => {
            const entry = result.accounts.find((a) => a.accountId === trusted.trim());
            return `Added ${trusted.trim()}: in effect from ${entry?.effectiveAt ?? 'after the delay'}.`;
          });
        }}
      >
        <div className="row">
          <Field
            label="Account to trust"
            name="trusted-account"
            value={trusted}
            onChange={setTrusted}
            error={add.fieldError('trustedAccountId')}
          />
          <Field
            label="Delay (hours, first addition)"
            name="trusted-delay"
            value={delayHours}
            onChange={setDelayHours}
            inputMode="numeric"
            placeholder="24"
            error={add.fieldError('delaySeconds')}
          />
        </div>
        <Outcome error={add.formError} done={add.done} />
        <div>
          <button type="submit" disabled={add.busy || account === ''}>
            Add trusted account
          </button>
        </div>
      </form>
    </Section>
  );
}
