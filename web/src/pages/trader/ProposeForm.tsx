import { PRICE_NONCE_BYTES, priceNonceOf, type Proposal } from '@carbon-ets/contract';
import { useRef, useState } from 'react';
import { api, newRequestId } from '../../api';
import { Field, Outcome, useAction } from '../../components/ui';
import { formatMoney, formatPrice, formatTonnes, parsePrice } from '../../format';
import { formLevelError, inputError } from './errors';
import { ACCOUNT_PATTERN, FIELD_GRID, type MarketChoice, STACK, TONNES_PATTERN, valueOf } from './market';

// An off-channel proposal's price is refused as `agreedPrice`: shown under the same field.
const FIELDS = ['buyerEntityId', 'price', 'agreedPrice', 'quantity'] as const;

/**
 * A price nonce from the browser's cryptographic generator. The ledger keeps the SHA-256 of the private price's
 * record: without a random nonce in it, the price could be found by hashing every price in the band.
 */
function newPriceNonce(): string {
  return priceNonceOf(crypto.getRandomValues(new Uint8Array(PRICE_NONCE_BYTES)));
}

/**
 * The seller offers a negotiated trade to one named buyer entity; the units lock until it is settled or closed.
 * Paid off-channel, the price is private: it goes to the ledger as commercial data with a nonce drawn here, and
 * the seller gives both to the buyer, who accepts with them.
 */
export function ProposeForm({
  choice,
  onProposed,
}: {
  choice: MarketChoice;
  onProposed: (proposal: Proposal) => void;
}) {
  const [buyer, setBuyer] = useState('');
  const [price, setPrice] = useState('');
  const [quantity, setQuantity] = useState('');
  const [offChannel, setOffChannel] = useState(false);
  // The private terms of the last off-channel proposal sent, for the message telling the seller what to give the
  // buyer (the answer, being in the block, has neither).
  const sentTerms = useRef<{ agreedPrice: number; priceNonce: string } | undefined>(undefined);
  const action = useAction(() => {
    const { instrument, account } = choice;
    if (instrument === undefined || account === undefined) {
      return Promise.reject(new Error('Enter the Instrument and your Account under Market first.'));
    }
    if (!ACCOUNT_PATTERN.test(buyer.trim())) {
      return Promise.reject(inputError('buyerEntityId', "must be the buyer's entity id, e.g. ENT2"));
    }
    const fen = parsePrice(price);
    if (fen === undefined) {
      return Promise.reject(
        inputError('price', 'must be a positive amount in CNY with at most two decimals'),
      );
    }
    if (!TONNES_PATTERN.test(quantity)) {
      return Promise.reject(inputError('quantity', 'must be a whole number of tonnes, at least 1'));
    }
    sentTerms.current = offChannel ? { agreedPrice: fen, priceNonce: newPriceNonce() } : undefined;
    const terms = sentTerms.current ?? { price: fen };
    return api<Proposal>(
      'POST',
      `/api/v1/accounts/${encodeURIComponent(account)}/proposals`,
      { buyerEntityId: buyer.trim(), instrument, ...terms, quantity: Number(quantity) },
      newRequestId(),
    );
  }, onProposed);
  const fen = parsePrice(price);
  const tonnes = TONNES_PATTERN.test(quantity) ? Number(quantity) : undefined;
  return (
    <form
      style={STACK}
      onSubmit={(event) => {
        action.submit(event, (proposal) => {
          const sent = `Proposal ${proposal.id} sent to ${proposal.buyerEntityId}: ${formatTonnes(proposal.quantity)}`;
          const terms = sentTerms.current;
          if (proposal.price !== undefined) return `${sent} at CNY ${formatPrice(proposal.price)}.`;
          return terms === undefined
            ? `${sent}, paid off-channel.`
            : `${sent}, paid off-channel. Give the buyer the agreed price CNY ${formatPrice(terms.agreedPrice)} and the nonce ${terms.priceNonce}: they accept with both.`;
        });
      }}
    >
      <h3 style={{ margin: 0, fontSize: '0.95rem' }}>Offer units to a buyer</h3>
      <div style={FIELD_GRID}>
        <Field
          label="Buyer entity"
          name="proposal-buyer"
          value={buyer}
          onChange={setBuyer}
          placeholder="ENT2"
          error={action.fieldError('buyerEntityId')}
        />
        <Field
          label="Proposal price (CNY)"
          name="proposal-price"
          value={price}
          onChange={setPrice}
          inputMode="decimal"
          error={action.fieldError('price') ?? action.fieldError('agreedPrice')}
        />
        <Field
          label="Proposal quantity (t)"
          name="proposal-quantity"
          value={quantity}
          onChange={setQuantity}
          inputMode="numeric"
          error={action.fieldError('quantity')}
        />
      </div>
      <label style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
        <input
          type="checkbox"
          name="proposal-off-channel"
          checked={offChannel}
          style={{ flex: 'none' }}
          onChange={(event) => {
            setOffChannel(event.target.checked);
          }}
        />
        Payment off-channel — price stays private
      </label>
      <p className="muted" aria-live="polite">
        {tonnes === undefined
          ? 'The proposal locks the units you offer until the buyer accepts or rejects it, or it expires.'
          : `Locks ${formatTonnes(tonnes)} of ${choice.instrument ?? 'the instrument'}${fen === undefined ? '' : `, worth ${formatMoney(valueOf(fen, tonnes))}`}.`}
        {offChannel &&
          ' The units are delivered free of payment: the buyer pays you outside the ledger, which does not guarantee that payment.'}
      </p>
      <Outcome error={formLevelError(action, FIELDS)} done={action.done} />
      <button type="submit" disabled={action.busy}>
        Propose
      </button>
    </form>
  );
}
