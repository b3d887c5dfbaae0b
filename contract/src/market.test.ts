import { randomBytes } from 'node:crypto';
import { COMMERCIAL_TRANSIENT_KEY, splitCommercial } from './commercial-data';
import { Market, parsePriceNonce, PRICE_NONCE_BYTES, priceNonceOf } from './market';
import { parseRequest, type TransactionDefinition } from './transaction';

const proposal = {
  accountId: 'TRADE1',
  buyerEntityId: 'ENT2',
  instrument: 'allowance-2025',
  quantity: 10,
};
const NONCE = 'AAAAAAAAAAAAAAAAAAAAAA';

describe('a price nonce', () => {
  it('is the base64url text (no padding) of the random bytes drawn', () => {
    for (const length of [PRICE_NONCE_BYTES, 17, 18, 32]) {
      const bytes = randomBytes(length);
      const nonce = priceNonceOf(bytes);
      expect(nonce).toBe(bytes.toString('base64url'));
      expect(parsePriceNonce(nonce, 'priceNonce')).toBe(nonce);
    }
    expect(priceNonceOf(new Uint8Array(16).fill(255))).toBe('_____________________w');
    expect(priceNonceOf(new Uint8Array(PRICE_NONCE_BYTES))).toHaveLength(22);
  });

  it('needs at least 16 random bytes', () => {
    expect(() => priceNonceOf(new Uint8Array(15))).toThrow(
      'a price nonce needs at least 16 random bytes, got 15',
    );
  });
});

describe('Market:ProposeTrade and Market:AcceptTrade requests', () => {
  /** A request as a client sends it (commercial fields in the transient map), read as the chaincode reads it. */
  const sent = (definition: TransactionDefinition, request: Record<string, unknown>): unknown => {
    const { argument, commercial } = splitCommercial(definition.commercialFields, request);
    return parseRequest(
      definition,
      JSON.stringify(argument),
      commercial === undefined ? undefined : JSON.stringify(commercial),
    );
  };

  it('sends the agreed price and its nonce in the transient map, the public price as the argument', () => {
    expect(Market.proposeTrade.commercialFields).toEqual(['agreedPrice', 'priceNonce']);
    expect(Market.acceptTrade.commercialFields).toEqual(['agreedPrice', 'priceNonce']);
    expect(splitCommercial(Market.proposeTrade.commercialFields, { ...proposal, price: 100 })).toEqual({
      argument: { ...proposal, price: 100 },
      commercial: undefined,
    });
    expect(sent(Market.proposeTrade, { ...proposal, agreedPrice: 10_437, priceNonce: NONCE })).toMatchObject({
      agreedPrice: 10_437,
      priceNonce: NONCE,
    });
    expect(() =>
      parseRequest(Market.proposeTrade, JSON.stringify({ ...proposal, agreedPrice: 1, priceNonce: NONCE })),
    ).toThrow(
      `INVALID_ARGUMENT: proposal.agreedPrice is commercial data: send it in the transient map under ${COMMERCIAL_TRANSIENT_KEY}, never as an argument (arguments are stored in the block)`,
    );
  });

  it.each([
    [{}, 'proposal needs exactly one of price (public, paid on the channel) and agreedPrice'],
    [{ price: 1, agreedPrice: 1, priceNonce: NONCE }, 'proposal needs exactly one of price'],
    [{ agreedPrice: 1 }, 'proposal.priceNonce is required with agreedPrice'],
    [{ price: 1, priceNonce: NONCE }, 'proposal.priceNonce goes only with agreedPrice'],
    [{ agreedPrice: 1, priceNonce: 'abc' }, 'proposal.priceNonce must be 16-128 base64url characters'],
    [{ agreedPrice: 1, priceNonce: `${NONCE}+/` }, 'proposal.priceNonce must be 16-128 base64url'],
  ])('refuses a proposal with %j', (terms, message) => {
    expect(() => sent(Market.proposeTrade, { ...proposal, ...terms })).toThrow(
      `INVALID_ARGUMENT: ${message}`,
    );
  });

  it('takes an acceptance with both the agreed price and nonce or neither, and never with cash entries', () => {
    const base = { proposalId: 'p1', accountId: 'TRADE2' };
    expect(() => sent(Market.acceptTrade, { ...base, agreedPrice: 1 })).toThrow(
      'INVALID_ARGUMENT: acceptance needs agreedPrice and priceNonce together (an off-channel proposal), or neither',
    );
    expect(() =>
      sent(Market.acceptTrade, { ...base, agreedPrice: 1, priceNonce: NONCE, cashEntryIds: ['c1'] }),
    ).toThrow(
      'INVALID_ARGUMENT: acceptance.cashEntryIds: an off-channel acceptance moves no cash on the channel',
    );
    expect(sent(Market.acceptTrade, { ...base, agreedPrice: 1, priceNonce: NONCE })).toEqual({
      ...base,
      agreedPrice: 1,
      priceNonce: NONCE,
    });
  });
});
