import type { AuctionBid, AuctionView } from '@carbon-ets/contract';
import { useRef, useState } from 'react';
import { api, newRequestId } from '../../api';
import { Field, Loadable, Num, Outcome, Section, Select, useAction, useLoad } from '../../components/ui';
import { formatMoney, formatPrice, formatTonnes, parsePrice } from '../../format';
import { useRefreshOnNotice } from '../../notifications';
import { useUser } from '../../session';
import { fen, InputError, otherError, required, segment, wholeTonnes } from '../regulator/forms';
import { AuctionTable } from './AuctionTable';
import { commitmentOf, keepBid, keptBids, newSalt, type KeptBid } from './sealed-bids';

const SHOWN = ['accountId', 'price', 'quantity', 'escrow'];

/** One of the user's bids: what the ledger has, with the secret parts this browser kept. */
interface BidRow {
  readonly view: AuctionView;
  readonly bid: AuctionBid;
  readonly kept: KeptBid | undefined;
}

/**
 * An enterprise trader's auctions: the open auctions, a sealed bid (the browser draws the salt, hashes the bid
 * and keeps price, quantity and salt in localStorage until the reveal; the ledger only ever sees the hash and
 * the escrow before bidding closes), the reveal once bidding has closed, and each bid's result.
 */
export function AuctionBidsSection() {
  const user = useUser();
  const entity = user.entity ?? '';
  const auctions = useLoad(() => api<AuctionView[]>('GET', '/api/v1/auctions'), []);
  const bids = useLoad(async (): Promise<BidRow[]> => {
    const list = await api<AuctionView[]>('GET', '/api/v1/auctions');
    const kept = keptBids(user.name);
    const rows: BidRow[] = [];
    for (const view of list.filter((v) => v.phase !== 'upcoming')) {
      const own = await api<AuctionBid[]>(
        'GET',
        `/api/v1/auctions/${segment(view.auction.id)}/bidders/${segment(entity)}/bids`,
      );
      for (const bid of own) rows.push({ view, bid, kept: kept.find((k) => k.bidId === bid.id) });
    }
    return rows;
  }, [entity]);
  useRefreshOnNotice(() => {
    auctions.reload();
    bids.reload();
  });
  const open = (auctions.value ?? []).filter((view) => view.phase === 'bidding');
  const [auctionId, setAuctionId] = useState('');
  const [account, setAccount] = useState('');
  const [price, setPrice] = useState('');
  const [quantity, setQuantity] = useState('');
  const [escrow, setEscrow] = useState('');
  const chosen = auctionId !== '' ? auctionId : (open[0]?.auction.id ?? '');
  const commit = useAction(
    async () => {
      const accountId = required(account, 'accountId', 'Bidding account');
      const fenPerTonne = parsePrice(price);
      if (fenPerTonne === undefined)
        throw new InputError('price', 'Price must be an amount per tonne such as 60.50');
      const tonnes = wholeTonnes(quantity, 'quantity', 'Quantity');
      const value = BigInt(fenPerTonne) * BigInt(tonnes);
      const held = escrow.trim() === '' ? value.toString() : fen(escrow, 'escrow', 'Escrow');
      if (BigInt(held) < value) {
        throw new InputError('escrow', `Escrow must cover the bid's value of ${formatMoney(value)}`);
      }
      if (chosen === '') throw new InputError('auctionId', 'No auction is open for bids');
      const secret = { auctionId: chosen, accountId, price: fenPerTonne, quantity: tonnes, salt: newSalt() };
      const bid = await api<AuctionBid>(
        'POST',
        `/api/v1/auctions/${segment(chosen)}/bids`,
        { accountId, commitment: await commitmentOf(secret), escrow: held },
        newRequestId(),
      );
      keepBid(user.name, { ...secret, bidId: bid.id });
      return bid;
    },
    () => {
      bids.reload();
    },
  );
  const revealing = useRef<KeptBid | undefined>(undefined);
  const reveal = useAction(
    async () => {
      const kept = revealing.current;
      if (kept === undefined) throw new Error('No bid to reveal');
      const { bidId, auctionId: id, accountId, price: p, quantity: q, salt } = kept;
      const bid = await api<AuctionBid>(
        'POST',
        `/api/v1/auctions/${segment(id)}/bids/${segment(bidId)}/reveal`,
        { accountId, price: p, quantity: q, salt },
        newRequestId(),
      );
      keepBid(user.name, { ...kept, revealed: true });
      return bid;
    },
    () => {
      bids.reload();
    },
  );
  return (
    <Section title="Auctions">
      <Loadable state={auctions} empty={(list) => list.length === 0}>
        {(list) => <AuctionTable auctions={list} />}
      </Loadable>
      <form
        className="reg-form"
        aria-label="Sealed bid"
        onSubmit={(event) => {
          commit.submit(
            event,
            (bid) =>
              `Bid committed to ${bid.auctionId}: ${formatMoney(bid.escrow)} in escrow. Its price, quantity and salt stay in this browser until you reveal them.`,
          );
        }}
      >
        <div className="row">
          <Select
            label="Auction open for bids"
            name="bid-auction"
            value={chosen}
            options={open.map((view) => view.auction.id)}
            onChange={setAuctionId}
          />
          <Field
            label="Bidding account"
            name="bid-account"
            value={account}
            onChange={setAccount}
            error={commit.fieldError('accountId')}
          />
          <Field
            label="Price (CNY per t)"
            name="bid-price"
            value={price}
            onChange={setPrice}
            inputMode="decimal"
            error={commit.fieldError('price')}
          />
          <Field
            label="Quantity"
            name="bid-quantity"
            value={quantity}
            onChange={setQuantity}
            inputMode="numeric"
            suffix="t"
            error={commit.fieldError('quantity')}
          />
          <Field
            label="Escrow (CNY, optional)"
            name="bid-escrow"
            value={escrow}
            onChange={setEscrow}
            inputMode="decimal"
            placeholder="price × quantity"
            error={commit.fieldError('escrow')}
          />
        </div>
        <Outcome error={otherError(commit, SHOWN)} done={commit.done} />
        <div className="reg-actions">
          <button type="submit" disabled={commit.busy || open.length === 0}>
            Commit sealed bid
          </button>
        </div>
      </form>
      <Outcome error={reveal.formError} done={reveal.done} />
      <Loadable state={bids} empty={(rows) => rows.length === 0}>
        {(rows) => (
          <table className="table" aria-label="My bids">
            <thead>
              <tr>
                <th>Auction</th>
                <th>Account</th>
                <th>Status</th>
                <th className="num">Price</th>
                <th className="num">Quantity</th>
                <th className="num">Escrow</th>
                <th className="num">Won</th>
                <th className="num">Paid</th>
                <th className="num">Released</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {rows.map(({ view, bid, kept }) => (
                <tr key={bid.id} data-bid={bid.id}>
                  <td>{bid.auctionId}</td>
                  <td>{bid.accountId}</td>
                  <td>{bid.status}</td>
                  <Num>{formatPrice(bid.price ?? kept?.price ?? 0)}</Num>
                  <Num>{formatTonnes(bid.quantity ?? kept?.quantity ?? 0)}</Num>
                  <Num>{formatMoney(bid.escrow, view.auction.currency)}</Num>
                  <Num>{bid.allocated === undefined ? '–' : formatTonnes(bid.allocated)}</Num>
                  <Num>{bid.paid === undefined ? '–' : formatMoney(bid.paid, view.auction.currency)}</Num>
                  <Num>
                    {bid.released === undefined ? '–' : formatMoney(bid.released, view.auction.currency)}
                  </Num>
                  <td>
                    {view.phase === 'revealing' && bid.status === 'committed' ? (
                      kept === undefined ? (
                        <span className="muted">salt not in this browser</span>
                      ) : (
                        <button
                          type="button"
                          disabled={reveal.busy}
                          onClick={() => {
                            revealing.current = kept;
                            reveal.submit(undefined, (revealed) => `Bid on ${revealed.auctionId} revealed.`);
                          }}
                        >
                          Reveal
                        </button>
                      )
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loadable>
    </Section>
  );
}
