import type { Proposal } from '@carbon-ets/contract';
import { useState } from 'react';
import { api, newRequestId } from '../../api';
import { Field, Outcome, useAction } from '../../components/ui';
import { formatMoney, formatPrice, formatTonnes, parsePrice } from '../../format';
import { formLevelError, inputError } from './errors';
import { ACCOUNT_PATTERN, FIELD_GRID, type MarketChoice, STACK, TONNES_PATTERN, valueOf } from './market';

const FIELDS = ['buyerEntityId', 'price', 'quantity'] as const;

/** The seller offers a negotiated trade to one named buyer entity; the units lock until it is settled or closed. */
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
    return api<Proposal>(
      'POST',
      `/api/v1/accounts/${encodeURIComponent(account)}/proposals`,
      { buyerEntityId: buyer.trim(), instrument, price: fen, quantity: Number(quantity) },
      newRequestId(),
    );
  }, onProposed);
  const fen = parsePrice(price);
  const tonnes = TONNES_PATTERN.test(quantity) ? Number(quantity) : undefined;
  return (
    <form
      style={STACK}
      onSubmit={(event) => {
        action.submit(
          event,
          (proposal) =>
            `Proposal ${proposal.id} sent to ${proposal.buyerEntityId}: ${formatTonnes(proposal.quantity)} at ${proposal.price === undefined ? 'a private price' : `CNY ${formatPrice(proposal.price)}`}.`,
        );
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
          error={action.fieldError('price')}
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
      <p className="muted" aria-live="polite">
        {tonnes === undefined
          ? 'The proposal locks the units you offer until the buyer accepts or rejects it, or it expires.'
          : `Locks ${formatTonnes(tonnes)} of ${choice.instrument ?? 'the instrument'}${fen === undefined ? '' : `, worth ${formatMoney(valueOf(fen, tonnes))}`}.`}
      </p>
      <Outcome error={formLevelError(action, FIELDS)} done={action.done} />
      <button type="submit" disabled={action.busy}>
        Propose
      </button>
    </form>
  );
}
