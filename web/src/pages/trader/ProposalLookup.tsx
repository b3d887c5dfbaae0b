import { OFF_CHANNEL, PRICE_NONCE_PATTERN, type Proposal, type Trade } from '@carbon-ets/contract';
import { api } from '../../api';
import { useState } from 'react';
import { Field, Loadable, Outcome, Time, useAction, useLoad } from '../../components/ui';
import { formatMoney, formatPrice, formatTonnes, parsePrice } from '../../format';
import { useUser } from '../../session';
import { inputError } from './errors';
import { useSettled } from './hooks';
import { ACCOUNT_PATTERN, FIELD_GRID, STACK, valueOf } from './market';

const proposalPath = (id: string) => `/api/v1/proposals/${encodeURIComponent(id.trim())}`;

/**
 * A proposal found by its id: the buyer accepts it (settled at once, into the trader's Account) or rejects it;
 * the seller may withdraw it while it is open. A proposal paid off-channel is accepted with the agreed price and
 * the nonce the seller gave the buyer.
 */
export function ProposalLookup({
  proposalId,
  onProposalId,
  account,
  tick,
  onChanged,
}: {
  proposalId: string;
  onProposalId: (id: string) => void;
  account: string | undefined;
  tick: number;
  onChanged: () => void;
}) {
  const user = useUser();
  const [agreedPrice, setAgreedPrice] = useState('');
  const [priceNonce, setPriceNonce] = useState('');
  const settledId = useSettled(proposalId.trim());
  const valid = ACCOUNT_PATTERN.test(settledId);
  const found = useLoad(
    () => (valid ? api<Proposal>('GET', proposalPath(settledId)) : Promise.resolve(undefined)),
    [settledId, valid, tick],
  );
  const proposal = found.value;
  const shown = proposal !== undefined && found.error === undefined && proposal.id === settledId;
  const offChannel = shown && proposal.settlement === OFF_CHANNEL;
  const checkId = () =>
    ACCOUNT_PATTERN.test(proposalId.trim())
      ? undefined
      : inputError('proposalId', 'must be the id of a proposal (the proposing transaction id)');
  const accept = useAction(() => {
    const wrong = checkId();
    if (wrong !== undefined) return Promise.reject(wrong);
    if (account === undefined) {
      return Promise.reject(new Error('Enter your Account under Market: the units are delivered there.'));
    }
    let terms: { agreedPrice?: number; priceNonce?: string } = {};
    if (offChannel) {
      const fen = parsePrice(agreedPrice);
      if (fen === undefined) {
        return Promise.reject(
          inputError('agreedPrice', 'must be the price per tonne agreed with the seller, in CNY'),
        );
      }
      if (!PRICE_NONCE_PATTERN.test(priceNonce.trim())) {
        return Promise.reject(
          inputError('priceNonce', 'must be the nonce the seller gave you with the price'),
        );
      }
      terms = { agreedPrice: fen, priceNonce: priceNonce.trim() };
    }
    return api<{ proposal: Proposal; trade: Trade }>('POST', `${proposalPath(proposalId)}/acceptance`, {
      accountId: account,
      ...terms,
    });
  }, onChanged);
  const reject = useAction(() => {
    const wrong = checkId();
    return wrong !== undefined
      ? Promise.reject(wrong)
      : api<Proposal>('POST', `${proposalPath(proposalId)}/rejection`, {});
  }, onChanged);
  const withdraw = useAction(() => {
    const wrong = checkId();
    return wrong !== undefined
      ? Promise.reject(wrong)
      : api<Proposal>('POST', `${proposalPath(proposalId)}/cancel`, {});
  }, onChanged);
  // Offer only what this user may do with it: the buyer answers an open proposal, the seller may withdraw it.
  const isBuyer = !shown || (proposal.status === 'open' && proposal.buyerEntityId === user.entity);
  const isSeller = shown && proposal.status === 'open' && proposal.sellerEntityId === user.entity;
  // The outcome shown is that of the last button pressed.
  const [pressed, setLast] = useState<'accept' | 'reject' | 'withdraw'>('accept');
  const last = { accept, reject, withdraw }[pressed];
  const fieldError = last.fieldError('proposalId');
  const busy = [accept, reject, withdraw].some((action) => action.busy);
  return (
    <form
      style={STACK}
      onSubmit={(event) => {
        event.preventDefault();
        found.reload();
      }}
    >
      <h3 style={{ margin: 0, fontSize: '0.95rem' }}>Answer a proposal</h3>
      <Field
        label="Proposal id"
        name="proposal-id"
        value={proposalId}
        onChange={onProposalId}
        error={fieldError}
      />
      {valid && (
        <Loadable state={found}>
          {(value) => (value === undefined ? null : <ProposalSummary proposal={value} />)}
        </Loadable>
      )}
      {offChannel && isBuyer && (
        <div style={FIELD_GRID}>
          <Field
            label="Agreed price (CNY)"
            name="acceptance-agreed-price"
            value={agreedPrice}
            onChange={setAgreedPrice}
            inputMode="decimal"
            error={accept.fieldError('agreedPrice')}
          />
          <Field
            label="Price nonce (from the seller)"
            name="acceptance-price-nonce"
            value={priceNonce}
            onChange={setPriceNonce}
            error={accept.fieldError('priceNonce')}
          />
        </div>
      )}
      <Outcome error={fieldError === undefined ? last.formError : undefined} done={last.done} />
      <div className="row" style={{ flexWrap: 'wrap' }}>
        {isBuyer && (
          <>
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => {
                setLast('accept');
                accept.submit(undefined, ({ trade }) =>
                  trade.settlement === OFF_CHANNEL
                    ? `Accepted: trade ${trade.id} delivered the units free of payment; pay the seller outside the ledger.`
                    : `Accepted: trade ${trade.id} settled.`,
                );
              }}
            >
              Accept proposal
            </button>
            <button
              type="button"
              className="secondary"
              disabled={busy}
              onClick={() => {
                setLast('reject');
                reject.submit(undefined, () => 'Rejected: the seller’s units are unlocked.');
              }}
            >
              Reject proposal
            </button>
          </>
        )}
        {isSeller && (
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() => {
              setLast('withdraw');
              withdraw.submit(undefined, () => 'Withdrawn: your units are unlocked.');
            }}
          >
            Withdraw proposal
          </button>
        )}
      </div>
    </form>
  );
}

/**
 * The proposal's price: public, or private and paid off-channel. The agreed price and nonce are shown where the
 * ledger joined them in (the seller's organisation, the buyer's once accepted, the supervisors').
 */
function priceTerms(proposal: Proposal): string {
  const price = proposal.price ?? proposal.agreedPrice;
  if (price === undefined) return 'at a private price, paid off-channel';
  const terms = `at CNY ${formatPrice(price)} per t, ${formatMoney(valueOf(price, proposal.quantity))} in all`;
  if (proposal.settlement !== OFF_CHANNEL) return terms;
  const nonce = proposal.priceNonce === undefined ? '' : `, nonce ${proposal.priceNonce}`;
  return `${terms} (private${nonce}), paid off-channel`;
}

function ProposalSummary({ proposal }: { proposal: Proposal }) {
  return (
    <p>
      <strong>{proposal.status}</strong>: {proposal.sellerEntityId} ({proposal.sellerAccountId}) offers{' '}
      {proposal.buyerEntityId} {formatTonnes(proposal.quantity)} of {proposal.instrument}{' '}
      {priceTerms(proposal)};{' '}
      {proposal.status === 'open' ? (
        <>
          expires <Time iso={proposal.expiresAt} />
        </>
      ) : (
        <>
          closed <Time iso={proposal.closedAt} />
          {proposal.closeReason !== undefined ? ` (${proposal.closeReason})` : ''}
        </>
      )}
      .
    </p>
  );
}
