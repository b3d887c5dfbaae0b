import {
  COMMERCIAL_TRANSIENT_KEY,
  commercialCollectionOwner,
  Market,
  OFF_CHANNEL,
  qualifiedName,
  RegulatorMsp,
} from '@carbon-ets/contract';
import type { CarbonConnection } from './connect';
import { GatewayClientError } from './errors';
import type { RequestProposal } from './request-proposal';
import { evaluate, type SubmitOptions } from './submit';
import { TransactionError } from './transaction-error';

const ACCEPT_TRADE = qualifiedName(Market.acceptTrade);

/**
 * The organisations that must endorse a write the Gateway cannot plan by itself, or undefined to let it choose.
 *
 * One write needs this: the acceptance of an off-channel proposal. It sends the agreed price in the transient map
 * and writes it into the buyer's collection, so the Gateway, protecting transient data, would endorse only on
 * members of that collection (the buyer's and the supervisors' organisations). But it also moves the seller's
 * locked units, whose keys need the seller's peer (key-level endorsement), and the Gateway refuses such a plan
 * ("requires endorsement from organisation(s) that are not in the distribution policy of the private data
 * collection(s)"). The seller agreed to the price, so its peer may see it: the acceptance is endorsed by the
 * buyer's, the seller's (found from the proposal's copy of the agreed price) and the regulator's organisations
 * — three of the consortium's five, its MAJORITY, and none that may not know the price.
 */
export async function endorsingOrganizationsFor(
  connection: Pick<CarbonConnection, 'contract' | 'settings'>,
  transaction: string,
  proposal: RequestProposal,
): Promise<readonly string[] | undefined> {
  const [argument] = proposal.arguments;
  if (transaction !== ACCEPT_TRADE || argument === undefined) return undefined;
  if (proposal.transient?.[COMMERCIAL_TRANSIENT_KEY] === undefined) return undefined;
  // A request the chaincode will refuse anyway (no proposal id, a proposal it does not know or that the caller may
  // not read, one paid on the channel) is left to the Gateway's plan and so to the chaincode's own refusal.
  const proposalId = proposalIdOf(argument);
  if (proposalId === undefined) return undefined;
  let answer: Uint8Array;
  try {
    answer = await evaluate(connection.contract, qualifiedName(Market.getProposal), [proposalId]);
  } catch (err) {
    if (err instanceof TransactionError && err.kind === 'REJECTED') return undefined;
    throw err;
  }
  const parsed = Market.getProposal.answer.safeParse(JSON.parse(new TextDecoder().decode(answer)));
  if (!parsed.success) {
    throw new GatewayClientError(
      'ANSWER_MISMATCH',
      `the answer of ${qualifiedName(Market.getProposal)} does not match the wire contract`,
      'the chaincode and this client were built from different versions of @carbon-ets/contract',
      { cause: parsed.error },
    );
  }
  const offered = parsed.data;
  const sellerCopy = offered.settlement === OFF_CHANNEL ? offered.agreedPriceData?.seller : undefined;
  const sellerMspId = sellerCopy === undefined ? undefined : commercialCollectionOwner(sellerCopy.collection);
  if (sellerMspId === undefined) return undefined;
  return [...new Set([connection.settings.mspId, sellerMspId, RegulatorMsp])];
}

/**
 * A write's proposal as options of `submit`: its argument and transient map, and its endorsing organisations where
 * the Gateway cannot plan them (see {@link endorsingOrganizationsFor}). Every client sends a write this way.
 */
export async function proposalSubmitOptions(
  connection: Pick<CarbonConnection, 'contract' | 'settings'>,
  transaction: string,
  proposal: RequestProposal,
): Promise<Pick<SubmitOptions, 'arguments' | 'transient' | 'endorsingOrganizations'>> {
  const endorsingOrganizations = await endorsingOrganizationsFor(connection, transaction, proposal);
  return { ...proposal, ...(endorsingOrganizations === undefined ? {} : { endorsingOrganizations }) };
}

function proposalIdOf(argument: string): string | undefined {
  try {
    const { proposalId } = JSON.parse(argument) as { proposalId?: unknown };
    return typeof proposalId === 'string' ? proposalId : undefined;
  } catch {
    return undefined;
  }
}
