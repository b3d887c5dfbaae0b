import type { Context } from 'fabric-contract-api';
import {
  type AgreedPriceData,
  type AgreedPriceRecord,
  commercialCollection,
  CommercialObjectType,
} from '@carbon-ets/contract';
import { CommercialStore } from '../ledger/commercial-store';
import type { Proposal } from './proposal';
import type { Trade } from './trade';

/**
 * An off-channel trade's agreed price as this peer may show it to the caller: from the first copy (the caller's
 * own organisation's first, then the seller's, then the buyer's) that the peer holds and the caller's organisation
 * may read. A non-member's user, or a peer outside both collections, gets nothing: the read says "not held here"
 * rather than failing, so the public record is still answered.
 */
async function readAgreedPrice(
  ctx: Context,
  proposalId: string,
  data: AgreedPriceData,
): Promise<AgreedPriceRecord | undefined> {
  const own = commercialCollection(ctx.clientIdentity.getMSPID());
  const copies = [data.seller, data.buyer]
    .filter((ref) => ref !== undefined)
    .sort((a, b) => Number(b.collection === own) - Number(a.collection === own));
  for (const ref of copies) {
    const read = await CommercialStore.of(ctx, ref).read<AgreedPriceRecord>(
      CommercialObjectType.agreedPrice,
      [proposalId],
    );
    if (read.stored !== undefined) return read.stored.value;
  }
  return undefined;
}

/** A proposal with its agreed price and nonce joined in where the caller may read them (see readAgreedPrice). */
export async function proposalWithAgreedPrice(ctx: Context, proposal: Proposal): Promise<Proposal> {
  if (proposal.agreedPriceData === undefined) return proposal;
  const record = await readAgreedPrice(ctx, proposal.id, proposal.agreedPriceData);
  return record === undefined
    ? proposal
    : { ...proposal, agreedPrice: record.agreedPrice, priceNonce: record.priceNonce };
}

/** A trade with its agreed price joined in where the caller may read it (see readAgreedPrice). */
export async function tradeWithAgreedPrice(ctx: Context, trade: Trade): Promise<Trade> {
  if (trade.agreedPriceData === undefined || trade.proposalId === undefined) return trade;
  const record = await readAgreedPrice(ctx, trade.proposalId, trade.agreedPriceData);
  return record === undefined ? trade : { ...trade, agreedPrice: record.agreedPrice };
}
