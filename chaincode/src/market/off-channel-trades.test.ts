import { createHash } from 'node:crypto';
import {
  COMMERCIAL_TRANSIENT_KEY,
  Market,
  type MarketDay,
  type Proposal,
  requestTexts,
  type Trade,
  type TradeView,
} from '@carbon-ets/contract';
import { expectRefused } from '../testing/expect-refused';
import { Users } from '../testing/identities';
import type { TestIdentity } from '../testing/memory-identity';
import { fundsOf, market, marketScenario, placeOrder, STARTING_FUNDS } from '../testing/market';
import { cc, evaluate, submit, tx } from '../testing/scenario';
import type { TestLedger } from '../testing/test-ledger';

/**
 * Bilateral trades paid off-channel (issue 15): the agreed price is the parties' commercial data. It travels in
 * the transient map, is kept in the seller's and the buyer's collections, and never reaches the channel; the
 * units are delivered free of payment, and market data ignores the trade.
 */

/** A price no other value of the scenario has, so a search for it finds only a leak. */
const AGREED_PRICE = 10_437;
const QUANTITY = 1_234;
/** A nonce as a client draws it: 22 base64url characters. */
const NONCE = 'Qm9uZC1ub25jZS0xMjM0NQ';

const getProposal = tx(cc.market, 'GetProposal');
const getTrades = tx(cc.market, 'GetTrades');
const getMarketData = tx(cc.market, 'GetMarketData');
const getInstrument = tx(cc.market, 'GetInstrument');
const register = tx(cc.registry, 'RegisterEntity');

/** A user of a third enterprise, party to nothing: it sees trades without their counterparties. */
const trader3: TestIdentity = {
  name: 'trader3',
  mspId: 'Enterprise3MSP',
  attributes: { 'carbon.role': 'trader', 'carbon.entity': 'ENT3' },
};

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const offChannelProposal = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  accountId: 'TRADE1',
  buyerEntityId: 'ENT2',
  instrument: 'allowance-2025',
  agreedPrice: AGREED_PRICE,
  priceNonce: NONCE,
  quantity: QUANTITY,
  ...extra,
});

/** A proposal of 10 t at a public price, paid on the channel. */
const dvpProposal = (price: number): Record<string, unknown> =>
  offChannelProposal({ agreedPrice: undefined, priceNonce: undefined, price, quantity: 10 });

const acceptance = (proposalId: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  proposalId,
  accountId: 'TRADE2',
  agreedPrice: AGREED_PRICE,
  priceNonce: NONCE,
  ...extra,
});

const holdings = async (ledger: TestLedger, accountId: string): Promise<number> => {
  const view = (await evaluate(ledger, Users.auditor, tx(cc.query, 'GetHoldings'), accountId)) as {
    holdings: { quantity: number }[];
  };
  return view.holdings.reduce((sum, h) => sum + h.quantity, 0);
};

/** Every value the channel ever held (each key's whole history) and every event, as text. */
function publicTexts(ledger: TestLedger): string[] {
  const values = [...ledger.world.history.values()].flatMap((changes) =>
    changes.map((change) => Buffer.from(change.value).toString('utf8')),
  );
  return [...values, ...ledger.world.events.map((event) => JSON.stringify(event.payload))];
}

/** The number as a JSON value or part of a text, never as digits inside a longer number or a hex id. */
const asNumber = (value: number | bigint): RegExp => new RegExp(`(?<![0-9a-f])${value}(?![0-9a-f])`);

/** The private values of one collection, as its members' peers hold them. */
function collection(ledger: TestLedger, msp: string): Uint8Array[] {
  return [...(ledger.world.privateState.get(`commercial-${msp}`)?.values() ?? [])];
}

/** Public keys of an object type (`\0cash\0…`) with their values, to compare before and after. */
function publicObjects(ledger: TestLedger, type: string): string[] {
  return [...ledger.world.state.entries()]
    .filter(([key]) => key.startsWith(`\u0000${type}\u0000`))
    .map(([key, value]) => `${key}=${Buffer.from(value).toString('base64')}`)
    .sort();
}

describe('a bilateral trade paid off-channel keeps its agreed price private', () => {
  let base: TestLedger;
  beforeAll(async () => {
    base = await marketScenario();
    await submit(base, Users.regulator, register, {
      id: 'ENT3',
      kind: 'covered',
      name: 'Third Works',
      ownerMsp: 'Enterprise3MSP',
    });
  });

  async function proposed(ledger: TestLedger): Promise<Proposal> {
    const answer = await submit(ledger, Users.trader1, market.propose, offChannelProposal());
    return Market.proposeTrade.answer.parse(answer);
  }

  async function accepted(ledger: TestLedger): Promise<{ proposal: Proposal; trade: Trade }> {
    const proposal = await proposed(ledger);
    const answer = await submit(ledger, Users.trader2, market.accept, acceptance(proposal.id));
    return Market.acceptTrade.answer.parse(answer);
  }

  it("proposes: the seller's collection keeps the record, the proposal its hash and no price", async () => {
    const ledger = base.fork();
    const proposal = await proposed(ledger);
    expect(proposal.price).toBeUndefined();
    expect(proposal.agreedPrice).toBeUndefined();
    expect(proposal.settlement).toBe('off-channel');
    expect(proposal.agreedPriceData).toEqual({
      seller: {
        collection: 'commercial-Enterprise1MSP',
        key: ['agreedPrice', proposal.id],
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown,
      },
    });
    const [stored, ...others] = collection(ledger, 'Enterprise1MSP');
    expect(others).toEqual([]);
    expect(collection(ledger, 'Enterprise2MSP')).toEqual([]);
    expect(sha256(stored ?? new Uint8Array())).toBe(proposal.agreedPriceData?.seller.sha256);
    expect(JSON.parse(Buffer.from(stored ?? new Uint8Array()).toString('utf8'))).toEqual({
      proposalId: proposal.id,
      instrument: 'allowance-2025',
      sellerAccountId: 'TRADE1',
      sellerEntityId: 'ENT1',
      buyerEntityId: 'ENT2',
      quantity: QUANTITY,
      agreedPrice: AGREED_PRICE,
      priceNonce: NONCE,
    });
    // The units are locked as for any proposal.
    const position = (await evaluate(ledger, Users.trader1, market.position, 'TRADE1')) as {
      lockedUnits: number;
    };
    expect(position.lockedUnits).toBe(QUANTITY);
  });

  it('accepts: the units are delivered free of payment, and no cash entry changes', async () => {
    const ledger = base.fork();
    const cashBefore = publicObjects(ledger, 'cash');
    const { proposal, trade } = await accepted(ledger);
    expect(await holdings(ledger, 'TRADE1')).toBe(20_000 - QUANTITY);
    expect(await holdings(ledger, 'TRADE2')).toBe(20_000 + QUANTITY);
    for (const accountId of ['TRADE1', 'TRADE2']) {
      expect(await fundsOf(ledger, accountId)).toMatchObject({
        available: STARTING_FUNDS.toString(),
        locked: '0',
        total: STARTING_FUNDS.toString(),
      });
    }
    expect(publicObjects(ledger, 'cash')).toEqual(cashBefore);
    expect(trade).toMatchObject({
      kind: 'bilateral',
      settlement: 'off-channel',
      quantity: QUANTITY,
      buyAccountId: 'TRADE2',
      sellAccountId: 'TRADE1',
      proposalId: proposal.id,
    });
    expect(trade.price).toBeUndefined();
    expect(trade.value).toBeUndefined();
    expect(proposal).toMatchObject({ status: 'accepted', tradeId: trade.id, lockedLotIds: [] });
    expect(proposal.agreedPriceData).toEqual(trade.agreedPriceData);
  });

  it("the seller's and the buyer's collections hold the same bytes, hashed as on the channel", async () => {
    const ledger = base.fork();
    const { proposal, trade } = await accepted(ledger);
    const seller = collection(ledger, 'Enterprise1MSP');
    const buyer = collection(ledger, 'Enterprise2MSP');
    expect(seller).toHaveLength(1);
    expect(buyer).toEqual(seller);
    const data = trade.agreedPriceData;
    expect(data?.buyer).toEqual({
      collection: 'commercial-Enterprise2MSP',
      key: ['agreedPrice', proposal.id],
      sha256: data?.seller.sha256,
    });
    expect(sha256(buyer[0] ?? new Uint8Array())).toBe(data?.seller.sha256);
    // Fabric's hash of each private write, as every peer of the channel keeps it, is that same hash.
    const channelHashes = await ledger.evaluate(Users.trader1, async (ctx) =>
      Promise.all(
        ['commercial-Enterprise1MSP', 'commercial-Enterprise2MSP'].map(async (name) =>
          Buffer.from(
            await ctx.stub.getPrivateDataHash(
              name,
              ctx.stub.createCompositeKey('agreedPrice', [proposal.id]),
            ),
          ).toString('hex'),
        ),
      ),
    );
    expect(channelHashes).toEqual([data?.seller.sha256, data?.seller.sha256]);
  });

  it('the price and the nonce never reach the channel: state, history, answers, events, arguments', async () => {
    const ledger = base.fork();
    const request = offChannelProposal();
    const proposalAnswer = await submit(ledger, Users.trader1, market.propose, request);
    const proposalId = (proposalAnswer as Proposal).id;
    const acceptanceAnswer = await submit(ledger, Users.trader2, market.accept, acceptance(proposalId));
    const sent = [
      requestTexts(Market.proposeTrade, request).argument,
      requestTexts(Market.acceptTrade, acceptance(proposalId)).argument,
    ];
    const texts = [
      ...publicTexts(ledger),
      JSON.stringify(proposalAnswer),
      JSON.stringify(acceptanceAnswer),
      ...sent,
    ];
    expect(ledger.world.events.slice(-2).map((event) => event.name)).toEqual([
      'TradeProposed',
      'TradeAccepted',
    ]);
    // The search itself finds what it looks for: the quantity is public.
    expect(texts.some((text) => asNumber(QUANTITY).test(text))).toBe(true);
    for (const secret of [asNumber(AGREED_PRICE), asNumber(BigInt(AGREED_PRICE) * BigInt(QUANTITY))]) {
      expect(texts.filter((text) => secret.test(text))).toEqual([]);
    }
    expect(texts.filter((text) => text.includes(NONCE))).toEqual([]);
    expect(texts.filter((text) => /"(agreedPrice|priceNonce)":/.test(text))).toEqual([]);
  });

  it('is read back with its price by members on their peers, and without it by anyone else', async () => {
    const ledger = base.fork();
    const proposal = await proposed(ledger);
    const readProposal = async (who: TestIdentity): Promise<Proposal> =>
      Market.getProposal.answer.parse(await evaluate(ledger, who, getProposal, proposal.id));
    const joined = { agreedPrice: AGREED_PRICE, priceNonce: NONCE };
    // Before the acceptance only the seller's organisation and the supervisors hold the price.
    expect(await readProposal(Users.trader1)).toMatchObject(joined);
    expect(await readProposal(Users.regulator)).toMatchObject(joined);
    const beforeAcceptance = await readProposal(Users.trader2);
    expect(beforeAcceptance.agreedPrice).toBeUndefined();
    expect(beforeAcceptance.priceNonce).toBeUndefined();
    expect(beforeAcceptance).toMatchObject({
      id: proposal.id,
      quantity: QUANTITY,
      settlement: 'off-channel',
    });
    await submit(ledger, Users.trader2, market.accept, acceptance(proposal.id));
    // The buyer reads its own organisation's copy.
    for (const who of [Users.trader1, Users.operator2, Users.auditor, Users.verifier]) {
      expect(await readProposal(who)).toMatchObject(joined);
    }
    const trades = async (who: TestIdentity): Promise<readonly TradeView[]> =>
      Market.getTrades.answer.parse(
        await evaluate(ledger, who, getTrades, { instrument: 'allowance-2025', day: ledger.now() }),
      );
    for (const who of [Users.trader1, Users.trader2, Users.regulator]) {
      expect(await trades(who)).toEqual([
        expect.objectContaining({ settlement: 'off-channel', agreedPrice: AGREED_PRICE }),
      ]);
    }
    // A third enterprise sees that a trade took place, its size, and neither the parties nor a price.
    const [seen, ...more] = await trades(trader3);
    expect(more).toEqual([]);
    expect(seen).toMatchObject({ kind: 'bilateral', settlement: 'off-channel', quantity: QUANTITY });
    expect(seen?.price).toBeUndefined();
    expect(seen?.agreedPrice).toBeUndefined();
    expect(seen?.agreedPriceData).toBeUndefined();
    expect(seen?.buyerEntityId).toBeUndefined();
  });

  it('market data ignores it: no last price, close, VWAP or volume, and the next band is unmoved', async () => {
    const ledger = base.fork();
    // An order-book trade at 100.00 makes the day's close.
    await placeOrder(ledger, 'TRADE1', 'sell', 10_000, 100);
    await placeOrder(ledger, 'TRADE2', 'buy', 10_000, 100);
    await submit(ledger, Users.regulator, market.match, { instrument: 'allowance-2025' });
    const days = async (): Promise<MarketDay[]> =>
      (await evaluate(ledger, Users.trader1, getMarketData, { instrument: 'allowance-2025' })) as MarketDay[];
    const before = await days();
    expect(before).toEqual([expect.objectContaining({ close: 10_000, last: 10_000, volume: 100 })]);
    const { trade } = await accepted(ledger);
    expect(trade.day).toBe(before[0]?.day);
    expect(await days()).toEqual(before);
    // The close stays the order book's, so tomorrow's band is around it.
    ledger.setTime('2025-01-16T09:00:00Z');
    const view = (await evaluate(ledger, Users.trader1, getInstrument, 'allowance-2025')) as {
      previousClose: number;
    };
    expect(view.previousClose).toBe(10_000);
  });

  it('a proposal with a public price behaves as before: DvP, no settlement field, counted in market data', async () => {
    const ledger = base.fork();
    const proposal = (await submit(ledger, Users.trader1, market.propose, dvpProposal(10_400))) as Record<
      string,
      unknown
    >;
    expect(Object.keys(proposal).sort()).toEqual([
      'block',
      'buyerEntityId',
      'expiresAt',
      'id',
      'instrument',
      'lockedLotIds',
      'price',
      'proposedAt',
      'quantity',
      'sellerAccountId',
      'sellerEntityId',
      'status',
      'unitType',
      'vintage',
    ]);
    const { trade } = (await submit(ledger, Users.trader2, market.accept, {
      proposalId: proposal.id,
      accountId: 'TRADE2',
    })) as { trade: Record<string, unknown> };
    expect(trade).toMatchObject({ price: 10_400, value: '104000' });
    expect(trade.settlement).toBeUndefined();
    expect(trade.agreedPriceData).toBeUndefined();
    expect((await fundsOf(ledger, 'TRADE2')).available).toBe((STARTING_FUNDS - 104_000n).toString());
    expect((await fundsOf(ledger, 'TRADE1')).available).toBe((STARTING_FUNDS + 104_000n).toString());
    const [day] = (await evaluate(ledger, Users.trader1, getMarketData, {
      instrument: 'allowance-2025',
    })) as MarketDay[];
    expect(day).toMatchObject({ bilateralVolume: 10, bilateralTurnover: '104000', bilateralTrades: 1 });
    expect(ledger.world.privateState.size).toBe(0);
  });

  describe('refusals leave the ledger unchanged', () => {
    it('refuses the agreed price or its nonce as a plain argument', async () => {
      const ledger = base.fork();
      await expectRefused(
        ledger,
        submit(ledger, Users.trader1, market.propose, JSON.stringify(offChannelProposal())),
        'INVALID_ARGUMENT',
        'proposal.agreedPrice is commercial data: send it in the transient map under carbon.commercial, never as an argument (arguments are stored in the block)',
      );
      const { agreedPrice, ...withNonceOnly } = offChannelProposal();
      await expectRefused(
        ledger,
        ledger.submit(
          Users.trader1,
          (ctx) => cc.market.ProposeTrade(ctx, JSON.stringify(withNonceOnly)),
          new Map([[COMMERCIAL_TRANSIENT_KEY, Buffer.from(JSON.stringify({ agreedPrice }))]]),
        ),
        'INVALID_ARGUMENT',
        'proposal.priceNonce is commercial data',
      );
      const proposal = await proposed(ledger);
      await expectRefused(
        ledger,
        submit(ledger, Users.trader2, market.accept, JSON.stringify(acceptance(proposal.id))),
        'INVALID_ARGUMENT',
        'acceptance.agreedPrice is commercial data',
      );
    });

    it.each([
      ['both prices', { price: 10_400 }, 'proposal needs exactly one of price'],
      [
        'neither price',
        { agreedPrice: undefined, priceNonce: undefined },
        'proposal needs exactly one of price',
      ],
      ['no nonce', { priceNonce: undefined }, 'proposal.priceNonce is required with agreedPrice'],
      [
        'a nonce with a public price',
        { agreedPrice: undefined, price: 10_400 },
        'goes only with agreedPrice',
      ],
      ['a short nonce', { priceNonce: 'short-nonce' }, 'proposal.priceNonce must be 16-128 base64url'],
      ['a fractional price', { agreedPrice: '104.37' }, 'proposal.agreedPrice must be a whole number of fen'],
    ])('refuses a proposal with %s', async (_case, change, message) => {
      const ledger = base.fork();
      await expectRefused(
        ledger,
        submit(ledger, Users.trader1, market.propose, offChannelProposal(change)),
        'INVALID_ARGUMENT',
        message,
      );
    });

    it('checks the agreed price against the price band as a public price', async () => {
      const ledger = base.fork();
      // allowance-2025: reference 100.00, ±10 % → 90.00 .. 110.00.
      await expectRefused(
        ledger,
        submit(ledger, Users.trader1, market.propose, offChannelProposal({ agreedPrice: 11_001 })),
        'FAILED_PRECONDITION',
        'proposal.agreedPrice 11001 fen is outside the price band 9000..11000 fen',
      );
      await expectRefused(
        ledger,
        submit(ledger, Users.trader1, market.propose, offChannelProposal({ agreedPrice: 8_999 })),
        'FAILED_PRECONDITION',
        'outside the price band 9000..11000 fen',
      );
      // The band's edge is inside it.
      await submit(ledger, Users.trader1, market.propose, offChannelProposal({ agreedPrice: 11_000 }));
    });

    it.each([
      ['price', { agreedPrice: AGREED_PRICE + 1 }],
      ['nonce', { priceNonce: `${NONCE}x` }],
    ])('refuses an acceptance with the wrong %s, without telling the agreed one', async (_case, change) => {
      const ledger = base.fork();
      const proposal = await proposed(ledger);
      const error = await expectRefused(
        ledger,
        submit(ledger, Users.trader2, market.accept, acceptance(proposal.id, change)),
        'FAILED_PRECONDITION',
        `acceptance: the agreedPrice and priceNonce sent do not match those proposal ${proposal.id} was made with`,
      );
      expect(error.message).not.toMatch(asNumber(AGREED_PRICE));
      expect(error.message).not.toContain(NONCE);
      expect(collection(ledger, 'Enterprise2MSP')).toEqual([]);
    });

    it('refuses an off-channel acceptance without the price, or with cash entries', async () => {
      const ledger = base.fork();
      const proposal = await proposed(ledger);
      await expectRefused(
        ledger,
        submit(ledger, Users.trader2, market.accept, { proposalId: proposal.id, accountId: 'TRADE2' }),
        'INVALID_ARGUMENT',
        `acceptance: proposal ${proposal.id} is paid off-channel: send the agreedPrice and priceNonce the seller gave you in the transient map under carbon.commercial`,
      );
      await expectRefused(
        ledger,
        submit(ledger, Users.trader2, market.accept, acceptance(proposal.id, { cashEntryIds: ['c1'] })),
        'INVALID_ARGUMENT',
        'acceptance.cashEntryIds: an off-channel acceptance moves no cash on the channel',
      );
      await expectRefused(
        ledger,
        submit(ledger, Users.trader2, market.accept, {
          proposalId: proposal.id,
          accountId: 'TRADE2',
          cashEntryIds: ['c1'],
        }),
        'INVALID_ARGUMENT',
        `acceptance.cashEntryIds: proposal ${proposal.id} is paid off-channel, so the acceptance moves no cash on the channel; leave cashEntryIds out`,
      );
      await expectRefused(
        ledger,
        submit(ledger, Users.trader2, market.accept, acceptance(proposal.id, { priceNonce: undefined })),
        'INVALID_ARGUMENT',
        'acceptance needs agreedPrice and priceNonce together',
      );
    });

    it('refuses an agreed price for a proposal paid on the channel', async () => {
      const ledger = base.fork();
      const proposal = (await submit(
        ledger,
        Users.trader1,
        market.propose,
        dvpProposal(AGREED_PRICE),
      )) as Proposal;
      await expectRefused(
        ledger,
        submit(ledger, Users.trader2, market.accept, acceptance(proposal.id)),
        'INVALID_ARGUMENT',
        `acceptance.agreedPrice: proposal ${proposal.id} is paid on the channel at its public price; leave agreedPrice and priceNonce out`,
      );
    });

    it("refuses an acceptance whose agreed price has left a later day's band", async () => {
      const ledger = base.fork();
      const proposal = Market.proposeTrade.answer.parse(
        await submit(
          ledger,
          Users.trader1,
          market.propose,
          offChannelProposal({ agreedPrice: 10_900, expiresAt: '2025-06-30T00:00:00Z' }),
        ),
      );
      // Today's order book closes at 95.00: tomorrow's band is 85.50 .. 104.50.
      await placeOrder(ledger, 'HOLD1', 'sell', 9_500, 10);
      await placeOrder(ledger, 'HOLD2', 'buy', 9_500, 10);
      await submit(ledger, Users.regulator, market.match, { instrument: 'allowance-2025' });
      ledger.setTime('2025-01-16T09:00:00Z');
      await expectRefused(
        ledger,
        submit(ledger, Users.trader2, market.accept, acceptance(proposal.id, { agreedPrice: 10_900 })),
        'FAILED_PRECONDITION',
        'agreed price 10900 fen is outside the price band 8550..10450 fen',
      );
    });
  });
});
