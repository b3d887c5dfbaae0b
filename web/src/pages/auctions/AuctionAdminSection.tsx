import type { AuctionRecord, AuctionView } from '@carbon-ets/contract';
import { useRef, useState } from 'react';
import { api, newRequestId } from '../../api';
import { Field, Loadable, Outcome, Section, useAction, useLoad } from '../../components/ui';
import { parsePrice } from '../../format';
import { useRefreshOnNotice } from '../../notifications';
import {
  basisPoints,
  InputError,
  otherError,
  required,
  segment,
  wholeTonnes,
  year,
} from '../regulator/forms';
import { AuctionTable, auctionOutcome } from './AuctionTable';
import { instantOf, localInputValue } from './time-input';

const SHOWN = [
  'id',
  'vintage',
  'quantity',
  'reservePrice',
  'biddingOpensAt',
  'biddingClosesAt',
  'revealBy',
  'maxShareBasisPoints',
];
const HOUR = 3600 * 1000;

/**
 * The regulator's auctions: schedule a sealed-bid auction of allowances from NATIONAL-AUCTION (its lots are
 * locked at once), follow every auction's phase and clear those past their reveal deadline.
 */
export function AuctionAdminSection() {
  const [id, setId] = useState('');
  const [vintage, setVintage] = useState('');
  const [quantity, setQuantity] = useState('');
  const [reserve, setReserve] = useState('');
  const [opens, setOpens] = useState(() => localInputValue(Date.now()));
  const [closes, setCloses] = useState(() => localInputValue(Date.now() + HOUR));
  const [revealBy, setRevealBy] = useState(() => localInputValue(Date.now() + 2 * HOUR));
  const [share, setShare] = useState('25');
  const auctions = useLoad(() => api<AuctionView[]>('GET', '/api/v1/auctions'), []);
  useRefreshOnNotice(() => {
    auctions.reload();
  });
  const schedule = useAction(
    () => {
      const reservePrice = parsePrice(reserve);
      if (reservePrice === undefined) {
        throw new InputError('reservePrice', 'Reserve price must be an amount per tonne such as 60.50');
      }
      return api<AuctionRecord>(
        'POST',
        '/api/v1/auctions',
        {
          id: required(id, 'id', 'Auction id'),
          vintage: year(vintage, 'vintage', 'Vintage'),
          quantity: wholeTonnes(quantity, 'quantity', 'Quantity'),
          reservePrice,
          biddingOpensAt: instantOf(opens, 'biddingOpensAt', 'Bidding opens'),
          biddingClosesAt: instantOf(closes, 'biddingClosesAt', 'Bidding closes'),
          revealBy: instantOf(revealBy, 'revealBy', 'Reveal by'),
          maxShareBasisPoints: basisPoints(share, 'maxShareBasisPoints', 'Maximum share per bidder'),
        },
        newRequestId(),
      );
    },
    () => {
      auctions.reload();
    },
  );
  // The auction whose Clear button was pressed: read by the action when it runs.
  const clearing = useRef('');
  const clear = useAction(
    () =>
      api<AuctionRecord>(
        'POST',
        `/api/v1/auctions/${segment(clearing.current)}/clearing`,
        {},
        newRequestId(),
      ),
    () => {
      auctions.reload();
    },
  );
  return (
    <Section title="Auctions">
      <form
        className="reg-form"
        aria-label="Schedule an auction"
        onSubmit={(event) => {
          schedule.submit(
            event,
            (auction) =>
              `Scheduled ${auction.id}: ${auction.quantity} t of ${auction.vintage} locked in NATIONAL-AUCTION.`,
          );
        }}
      >
        <div className="row">
          <Field
            label="Auction id"
            name="auction-id"
            value={id}
            onChange={setId}
            error={schedule.fieldError('id')}
          />
          <Field
            label="Vintage"
            name="auction-vintage"
            value={vintage}
            onChange={setVintage}
            inputMode="numeric"
            error={schedule.fieldError('vintage')}
          />
          <Field
            label="Quantity"
            name="auction-quantity"
            value={quantity}
            onChange={setQuantity}
            inputMode="numeric"
            suffix="t"
            error={schedule.fieldError('quantity')}
          />
          <Field
            label="Reserve price (CNY per t)"
            name="auction-reserve"
            value={reserve}
            onChange={setReserve}
            inputMode="decimal"
            error={schedule.fieldError('reservePrice')}
          />
          <Field
            label="Maximum share per bidder"
            name="auction-share"
            value={share}
            onChange={setShare}
            inputMode="decimal"
            suffix="%"
            error={schedule.fieldError('maxShareBasisPoints')}
          />
        </div>
        <div className="row">
          <Field
            label="Bidding opens"
            name="auction-opens"
            type="datetime-local"
            value={opens}
            onChange={setOpens}
            error={schedule.fieldError('biddingOpensAt')}
          />
          <Field
            label="Bidding closes"
            name="auction-closes"
            type="datetime-local"
            value={closes}
            onChange={setCloses}
            error={schedule.fieldError('biddingClosesAt')}
          />
          <Field
            label="Reveal by"
            name="auction-reveal-by"
            type="datetime-local"
            value={revealBy}
            onChange={setRevealBy}
            error={schedule.fieldError('revealBy')}
          />
        </div>
        <Outcome error={otherError(schedule, SHOWN)} done={schedule.done} />
        <div className="reg-actions">
          <button type="submit" disabled={schedule.busy}>
            Schedule auction
          </button>
        </div>
      </form>
      <Outcome error={clear.formError} done={clear.done} />
      <Loadable state={auctions} empty={(list) => list.length === 0}>
        {(list) => (
          <AuctionTable
            auctions={list}
            action={(view) =>
              view.phase === 'clearing' ? (
                <button
                  type="button"
                  disabled={clear.busy}
                  onClick={() => {
                    clearing.current = view.auction.id;
                    clear.submit(
                      undefined,
                      (auction) =>
                        `${auction.id}: ${auctionOutcome({ auction, phase: auction.status === 'cleared' ? 'cleared' : 'cancelled' })}.`,
                    );
                  }}
                >
                  Clear
                </button>
              ) : null
            }
          />
        )}
      </Loadable>
    </Section>
  );
}
