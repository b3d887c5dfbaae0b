import { COMMERCIAL_TRANSIENT_KEY, type Proposal, type Trade } from '@carbon-ets/contract';
import { type ServiceError, status as grpcStatus } from '@grpc/grpc-js';
import {
  type Contract,
  GatewayError,
  type Status,
  StatusCode,
  type SubmittedTransaction,
  type Transaction,
} from '@hyperledger/fabric-gateway';
import type { CarbonConnection } from './connect';
import { MarketClient } from './contracts/market-client';

const encode = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value));
const NONCE = 'AAAAAAAAAAAAAAAAAAAAAA';
const OFF_CHANNEL_ACCEPTANCE = {
  proposalId: 'p1',
  accountId: 'TRADE2',
  agreedPrice: 10_437,
  priceNonce: NONCE,
};

const proposal = (terms: Partial<Proposal>): Proposal => ({
  id: 'p1',
  instrument: 'allowance-2025',
  unitType: 'allowance',
  vintage: 2025,
  sellerAccountId: 'TRADE1',
  sellerEntityId: 'ENT1',
  buyerEntityId: 'ENT2',
  quantity: 10,
  block: false,
  lockedLotIds: ['l1'],
  status: 'open',
  proposedAt: '2025-01-15T00:00:00.000Z',
  expiresAt: '2025-01-15T23:59:59.999Z',
  ...terms,
});

const offChannel = proposal({
  settlement: 'off-channel',
  agreedPriceData: {
    seller: { collection: 'commercial-Enterprise1MSP', key: ['agreedPrice', 'p1'], sha256: 'a'.repeat(64) },
  },
});

/** What a proposal sent to the Gateway carried. */
interface Sent {
  readonly name: string;
  readonly arguments?: string[];
  readonly transientData?: Record<string, Uint8Array>;
  readonly endorsingOrganizations?: string[];
}

/**
 * A buyer's (Enterprise2) connection to a ledger holding `offered`, recording what each write sent; `refusal`, if
 * given, is the peer's answer to every read.
 */
function buyerConnection(
  offered: Proposal,
  refusal?: GatewayError,
): { connection: CarbonConnection; sent: Sent[]; reads: string[] } {
  const sent: Sent[] = [];
  const reads: string[] = [];
  const trade = {
    id: 't1.1',
    kind: 'bilateral',
    instrument: 'allowance-2025',
    day: '2025-01-15',
    quantity: 10,
    executedAt: '2025-01-15T00:00:01.000Z',
    buyAccountId: 'TRADE2',
    sellAccountId: 'TRADE1',
    buyerEntityId: 'ENT2',
    sellerEntityId: 'ENT1',
    proposalId: 'p1',
    deliveredLotIds: ['t1.1'],
    txId: 't1',
    ...(offered.price === undefined ? { settlement: 'off-channel' } : { price: 100, value: '1000' }),
  } satisfies Trade;
  const contract = {
    newProposal: (name: string, options: Omit<Sent, 'name'> = {}) => ({
      endorse: (): Promise<Transaction> => {
        sent.push({ name, ...options });
        const status: Status = {
          blockNumber: 7n,
          code: StatusCode.VALID,
          successful: true,
          transactionId: 't1',
        };
        const accepted = { proposal: { ...offered, status: 'accepted', lockedLotIds: [] }, trade };
        return Promise.resolve({
          getResult: () => encode(accepted),
          getTransactionId: () => 't1',
          submit: () =>
            Promise.resolve({ getStatus: () => Promise.resolve(status) } as unknown as SubmittedTransaction),
        } as unknown as Transaction);
      },
    }),
    evaluateTransaction: (name: string): Promise<Uint8Array> => {
      reads.push(name);
      return refusal === undefined ? Promise.resolve(encode(offered)) : Promise.reject(refusal);
    },
  } as unknown as Contract;
  const connection = { contract, settings: { mspId: 'Enterprise2MSP' } } as unknown as CarbonConnection;
  return { connection, sent, reads };
}

describe('the endorsing organisations of a write', () => {
  it("name the buyer's, the seller's and the regulator's for an off-channel acceptance", async () => {
    const { connection, sent } = buyerConnection(offChannel);
    await new MarketClient(connection).acceptTrade(OFF_CHANNEL_ACCEPTANCE);
    const [acceptance, ...more] = sent;
    expect(more).toEqual([]);
    expect(acceptance?.endorsingOrganizations).toEqual(['Enterprise2MSP', 'Enterprise1MSP', 'RegulatorMSP']);
    // The price goes only in the transient map.
    expect(acceptance?.arguments).toEqual([JSON.stringify({ proposalId: 'p1', accountId: 'TRADE2' })]);
    const commercial = acceptance?.transientData?.[COMMERCIAL_TRANSIENT_KEY];
    expect(JSON.parse(new TextDecoder().decode(commercial))).toEqual({
      agreedPrice: 10_437,
      priceNonce: NONCE,
    });
  });

  it('are left to the Gateway for an acceptance paid on the channel, without reading the proposal', async () => {
    const { connection, sent, reads } = buyerConnection(proposal({ price: 100 }));
    await new MarketClient(connection).acceptTrade({ proposalId: 'p1', accountId: 'TRADE2' });
    expect(reads).toEqual([]);
    expect(sent.map((proposal) => proposal.endorsingOrganizations)).toEqual([undefined]);
  });

  it('are left to the Gateway, and so to the chaincode’s refusal, for an agreed price on a DvP proposal', async () => {
    const { connection, sent, reads } = buyerConnection(proposal({ price: 100 }));
    await new MarketClient(connection).acceptTrade(OFF_CHANNEL_ACCEPTANCE);
    expect(reads).toEqual(['Market:GetProposal']);
    expect(sent.map((proposal) => proposal.endorsingOrganizations)).toEqual([undefined]);
  });

  it('are left to the Gateway, and so to the chaincode’s refusal, when the proposal cannot be read', async () => {
    const notFound = new GatewayError({
      code: grpcStatus.ABORTED,
      details: [
        {
          address: '127.0.0.1:10051',
          mspId: 'Enterprise2MSP',
          message: 'chaincode response 500, NOT_FOUND: proposal p1 does not exist',
        },
      ],
      cause: new Error('ABORTED') as ServiceError,
    });
    const { connection, sent, reads } = buyerConnection(offChannel, notFound);
    await new MarketClient(connection).acceptTrade(OFF_CHANNEL_ACCEPTANCE);
    expect(reads).toEqual(['Market:GetProposal']);
    expect(sent.map((proposal) => proposal.endorsingOrganizations)).toEqual([undefined]);
  });
});
