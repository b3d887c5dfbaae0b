import { type Command, ExpectedError } from '../command';
import { formatAmount } from '../../money';
import { facades, show } from './support';

export const auctionShowCommand: Command = {
  name: 'auction show',
  summary:
    "Anyone: an auction of allowances, its phase and, once cleared or cancelled, its result (Auction:GetAuction); bids go through the console or 'carbon invoke'",
  arguments: { '<auctionId>': 'the auction' },
  async run(context) {
    const auctionId = context.args[0];
    if (auctionId === undefined)
      throw new ExpectedError('name the auction, e.g. carbon auction show AUC-2040-1');
    const view = await facades(context).auction.getAuction(auctionId);
    const { auction, phase } = view;
    const { result, currency } = auction;
    show(context, view, {
      auction: auction.id,
      phase,
      allowances: `${auction.quantity} t of vintage ${auction.vintage}`,
      'reserve price': formatAmount(auction.reservePrice, currency),
      bidding: `${auction.biddingOpensAt} to ${auction.biddingClosesAt}`,
      'reveal by': auction.revealBy,
      'max per bidder': `${auction.maxPerBidder} t (${auction.maxShareBasisPoints} basis points)`,
      'clearing price':
        result?.clearingPrice === undefined ? '-' : formatAmount(result.clearingPrice, currency),
      cancelled: result?.cancellation ?? '-',
      sold: result === undefined ? '-' : `${result.sold} t of ${result.demand} t revealed demand`,
      revenue: result === undefined ? '-' : formatAmount(result.revenue, currency),
      bids:
        result === undefined ? '-' : `${result.bidsRevealed} revealed, ${result.bidsUnrevealed} unrevealed`,
    });
  },
};
