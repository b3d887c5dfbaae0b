import type { AuctionView } from '@carbon-ets/contract';
import type { ReactNode } from 'react';
import { Num, Time } from '../../components/ui';
import { formatMoney, formatPrice, formatTonnes } from '../../format';

const PHASE_TEXT: Record<AuctionView['phase'], string> = {
  upcoming: 'Upcoming',
  bidding: 'Bidding open',
  revealing: 'Reveal bids',
  clearing: 'Awaiting clearing',
  cleared: 'Cleared',
  cancelled: 'Cancelled',
};

/** What an auction came to: its clearing price and sales, or why it was cancelled. */
export function auctionOutcome({ auction }: AuctionView): string {
  const result = auction.result;
  if (result === undefined) return '–';
  if (result.cancellation !== undefined) {
    return result.cancellation === 'below-reserve'
      ? `Cancelled: ${formatPrice(result.clearingPrice ?? 0)} below the reserve; escrow released`
      : `Cancelled: ${formatTonnes(result.demand)} bid for ${formatTonnes(auction.quantity)}; escrow released`;
  }
  return `${formatTonnes(result.sold)} at ${auction.currency} ${formatPrice(result.clearingPrice ?? 0)}, revenue ${formatMoney(result.revenue, auction.currency)}`;
}

/** Every auction: what it offers, its window and where it stands; `action` adds a cell per row. */
export function AuctionTable({
  auctions,
  action,
}: {
  auctions: readonly AuctionView[];
  action?: (view: AuctionView) => ReactNode;
}) {
  return (
    <table className="table" aria-label="Auctions">
      <thead>
        <tr>
          <th>Auction</th>
          <th>Vintage</th>
          <th className="num">Quantity</th>
          <th className="num">Reserve</th>
          <th className="num">Max per bidder</th>
          <th>Bidding closes</th>
          <th>Reveal by</th>
          <th>Phase</th>
          <th>Outcome</th>
          {action !== undefined && <th />}
        </tr>
      </thead>
      <tbody>
        {auctions.map((view) => (
          <tr key={view.auction.id} data-auction={view.auction.id}>
            <td>{view.auction.id}</td>
            <td>{view.auction.vintage}</td>
            <Num>{formatTonnes(view.auction.quantity)}</Num>
            <Num>
              {view.auction.currency} {formatPrice(view.auction.reservePrice)}
            </Num>
            <Num>{formatTonnes(view.auction.maxPerBidder)}</Num>
            <td>
              <Time iso={view.auction.biddingClosesAt} />
            </td>
            <td>
              <Time iso={view.auction.revealBy} />
            </td>
            <td>{PHASE_TEXT[view.phase]}</td>
            <td>{auctionOutcome(view)}</td>
            {action !== undefined && <td>{action(view)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
