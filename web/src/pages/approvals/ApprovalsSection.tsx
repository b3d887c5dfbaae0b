import type { ApprovalOutcome, ApprovalRequest } from '@carbon-ets/contract';
import { useState } from 'react';
import { api } from '../../api';
import { Field, Loadable, Num, Outcome, Section, Time, useAction, useLoad } from '../../components/ui';
import { formatPrice, formatTonnes } from '../../format';
import { useRefreshOnNotice } from '../../notifications';

/**
 * `transfer of 600 t allowances to TRADE2`, `surrender of 600 t allowances for INST1 (2025)`, `sell order of
 * 600 t allowance-2025 at CNY 60.50`.
 */
export function approvalText(approval: ApprovalRequest): string {
  const what = `${formatTonnes(approval.quantity)} ${approval.unitType}s`;
  switch (approval.operation) {
    case 'transfer':
      return `transfer of ${what} to ${approval.toAccount ?? '?'}`;
    case 'surrender':
      return `surrender of ${what} for ${approval.installationId ?? '?'} (${String(approval.period ?? '?')})`;
    case 'order':
      return `${approval.side ?? '?'} order of ${formatTonnes(approval.quantity)} ${approval.instrument ?? '?'} at CNY ${approval.price === undefined ? '?' : formatPrice(approval.price)}`;
  }
}

const path = (approval: ApprovalRequest, action: 'approval' | 'rejection' | 'expiry') =>
  `/api/v1/accounts/${encodeURIComponent(approval.accountId)}/approvals/${encodeURIComponent(approval.id)}/${action}`;

/** Approve, Reject (or, past the deadline, Expire) one pending request. */
function Decision({ approval, onDecided }: { approval: ApprovalRequest; onDecided: (text: string) => void }) {
  const text = approvalText(approval);
  const approve = useAction(
    () => api<ApprovalOutcome>('POST', path(approval, 'approval'), {}),
    () => {
      onDecided(`Approved and executed: ${text}.`);
    },
  );
  const reject = useAction(
    () => api<ApprovalOutcome>('POST', path(approval, 'rejection'), {}),
    () => {
      onDecided(`Rejected, what it reserved released: ${text}.`);
    },
  );
  const expire = useAction(
    () => api<ApprovalOutcome>('POST', path(approval, 'expiry'), {}),
    () => {
      onDecided(`Expired, what it reserved released: ${text}.`);
    },
  );
  const overdue = Date.parse(approval.deadline) < Date.now();
  const busy = approve.busy || reject.busy || expire.busy;
  return (
    <>
      {overdue ? (
        <button
          type="button"
          className="secondary"
          disabled={busy}
          aria-label={`Expire ${text}`}
          onClick={() => {
            expire.submit();
          }}
        >
          Expire
        </button>
      ) : (
        <>
          <button
            type="button"
            disabled={busy}
            aria-label={`Approve ${text}`}
            onClick={() => {
              approve.submit();
            }}
          >
            Approve
          </button>{' '}
          <button
            type="button"
            className="secondary"
            disabled={busy}
            aria-label={`Reject ${text}`}
            onClick={() => {
              reject.submit();
            }}
          >
            Reject
          </button>
        </>
      )}
      <Outcome error={approve.formError ?? reject.formError ?? expire.formError} />
    </>
  );
}

/**
 * An account's two-person approval requests: pending ones with Approve and Reject (Expire once past their
 * deadline), then the decided ones. The chaincode decides who may: an approver other than the proposer
 * approves; the proposer may withdraw (reject) its own request.
 */
export function ApprovalsSection({ defaultAccount }: { defaultAccount: string | undefined }) {
  const [typed, setAccount] = useState<string | undefined>();
  const account = (typed ?? defaultAccount ?? '').trim();
  const approvals = useLoad(
    () =>
      account === ''
        ? Promise.resolve([] as ApprovalRequest[])
        : api<ApprovalRequest[]>('GET', `/api/v1/accounts/${encodeURIComponent(account)}/approvals`),
    [account],
  );
  const [message, setMessage] = useState<string | undefined>();
  useRefreshOnNotice(() => {
    approvals.reload();
  });
  return (
    <Section title="Approvals">
      <div className="row">
        <Field label="Approvals account" name="approvals-account" value={account} onChange={setAccount} />
      </div>
      <Outcome done={message} />
      <Loadable state={approvals} empty={(list) => list.length === 0}>
        {(list) => (
          <div style={{ overflowX: 'auto' }}>
            <table aria-label="Approval requests">
              <thead>
                <tr>
                  <th>Request</th>
                  <th>Operation</th>
                  <th className="num">Quantity</th>
                  <th>Proposed by</th>
                  <th>Deadline</th>
                  <th>Status</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {list.map((approval) => (
                  <tr key={approval.id}>
                    <td title={approval.id}>{approval.id.slice(0, 12)}</td>
                    <td>{approvalText(approval)}</td>
                    <Num>{formatTonnes(approval.quantity)}</Num>
                    <td>{approval.proposedBy.userName}</td>
                    <td>
                      <Time iso={approval.deadline} />
                    </td>
                    <td>
                      {approval.status}
                      {approval.decidedBy === undefined ? '' : ` by ${approval.decidedBy.userName}`}
                    </td>
                    <td>
                      {approval.status === 'pending' && (
                        <Decision
                          approval={approval}
                          onDecided={(text) => {
                            setMessage(text);
                            approvals.reload();
                          }}
                        />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Loadable>
    </Section>
  );
}
