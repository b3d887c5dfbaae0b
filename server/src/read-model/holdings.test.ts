import { NATIONAL_ACCOUNTS } from '@carbon-ets/contract';
import { openDatabase } from '../store/database';
import { ReadModel } from './read-model';
import { blockOf, cycleBlocks } from './testing/cycle-fixture';

/** Held (status `held`) and locked allowances of vintage 2025, and units by status, of one account. */
function units(model: ReadModel, accountId: string): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const holding of model.holdings(accountId).value?.holdings ?? []) {
    const key = `${holding.unitType}-${holding.vintage}:${holding.status}`;
    totals[key] = (totals[key] ?? 0) + holding.quantity;
    if (holding.locked > 0) totals[`${key}:locked`] = (totals[`${key}:locked`] ?? 0) + holding.locked;
  }
  return totals;
}

describe('holdings, step by step through the cycle', () => {
  const blocks = cycleBlocks();
  const model = new ReadModel(openDatabase(':memory:'));
  /** Applies blocks up to and including `last`. */
  const upTo = (last: number): void => {
    for (const block of blocks.slice(Number(model.height()), last + 1)) model.apply(block);
  };

  it('issuance puts the lot in the national allocation account', () => {
    upTo(blockOf('AllowancesIssued'));
    expect(units(model, NATIONAL_ACCOUNTS.allocation)).toEqual({ 'allowance-2025:held': 500_000 });
  });

  it('free allocation moves units to the holding accounts', () => {
    upTo(blockOf('AllowancesAllocated', 2));
    expect(units(model, NATIONAL_ACCOUNTS.allocation)).toEqual({ 'allowance-2025:held': 320_000 });
    expect(units(model, 'HOLD1')).toEqual({ 'allowance-2025:held': 100_000 });
    expect(units(model, 'HOLD2')).toEqual({ 'allowance-2025:held': 80_000 });
  });

  it('a transfer moves units between enterprise accounts', () => {
    upTo(blockOf('AllowancesTransferred', 2));
    expect(units(model, 'HOLD1')).toEqual({ 'allowance-2025:held': 80_000 });
    expect(units(model, 'TRADE1')).toEqual({ 'allowance-2025:held': 20_000 });
    expect(units(model, 'TRADE2')).toEqual({ 'allowance-2025:held': 20_000 });
  });

  it('a sell order locks its quantity, and its cancellation releases it', () => {
    upTo(blockOf('LargeOrderPlaced'));
    expect(units(model, 'TRADE1')).toEqual({
      'allowance-2025:held': 20_000,
      'allowance-2025:held:locked': 600,
    });
    upTo(blockOf('OrderCancelled'));
    expect(units(model, 'TRADE1')).toEqual({ 'allowance-2025:held': 20_000 });
  });

  it('a buy order locks its escrow in funds; the fill delivers units and pays the seller', () => {
    upTo(blockOf('OrderPlaced', 2));
    expect(model.funds('TRADE2').value).toMatchObject({
      available: String(100_000_000 - 10 * 10_100),
      locked: String(10 * 10_100),
    });
    upTo(blockOf('OrdersMatched'));
    expect(units(model, 'TRADE1')).toEqual({ 'allowance-2025:held': 19_990 });
    expect(units(model, 'TRADE2')).toEqual({ 'allowance-2025:held': 20_010 });
    // Filled at the seller's 100.00: the 1.00 per tonne of price improvement is released to the buyer.
    expect(model.funds('TRADE2').value).toMatchObject({
      available: String(100_000_000 - 100_000),
      locked: '0',
    });
    expect(model.funds('TRADE1').value).toMatchObject({
      available: String(100_000_000 + 100_000),
      locked: '0',
    });
  });

  it('a partial fill keeps the rest locked; expiry releases it', () => {
    upTo(blockOf('OrdersMatched', 2));
    expect(units(model, 'TRADE1')).toEqual({
      'allowance-2025:held': 19_950,
      'allowance-2025:held:locked': 60,
    });
    upTo(blockOf('OrdersMatched', 3));
    expect(units(model, 'TRADE1')).toEqual({ 'allowance-2025:held': 19_950 });
  });

  it('offsets are issued, moved and retired into the deletion account', () => {
    upTo(blockOf('OffsetsRetired'));
    expect(units(model, 'TRADE1')).toMatchObject({ 'offset-2025:held': 890 });
    expect(units(model, 'HOLD1')).toMatchObject({ 'offset-2025:held': 100 });
    expect(units(model, NATIONAL_ACCOUNTS.deletion)).toEqual({ 'offset-2025:retired': 10 });
  });

  it('a surrender moves units out of the holding account for good', () => {
    upTo(blockOf('UnitsSurrendered', 2));
    expect(units(model, 'HOLD1')).toEqual({ 'allowance-2025:held': 77_000, 'offset-2025:held': 50 });
    expect(units(model, NATIONAL_ACCOUNTS.deletion)).toEqual({
      'allowance-2025:surrendered': 3_000,
      'offset-2025:retired': 10,
      'offset-2025:surrendered': 50,
    });
  });
});

describe("an auction bid's escrow", () => {
  it('counts as locked funds of the bidding account while the bid is open, as Funds:GetBalance counts it', () => {
    const blocks = cycleBlocks();
    const model = new ReadModel(openDatabase(':memory:'));
    for (const block of blocks) model.apply(block);
    const before = model.funds('TRADE2').value;
    if (before === null) throw new Error('TRADE2 has no funds');
    const key = '\u0000auctionEscrow\u0000TRADE2\u0000BID1\u0000';
    const escrow = { accountId: 'TRADE2', auctionId: 'A1', bidId: 'BID1', escrow: '600000' };
    const next = (value: string | null) => ({
      number: model.height(),
      events: [],
      writes: [{ txId: `tx-${String(model.height())}`, key, value }],
    });
    model.apply(next(JSON.stringify(escrow)));
    expect(model.funds('TRADE2').value).toMatchObject({
      available: before.available,
      locked: String(BigInt(before.locked) + 600_000n),
      total: String(BigInt(before.total) + 600_000n),
    });
    // Settled or released: the key is deleted and the escrow no longer counts.
    model.apply(next(null));
    expect(model.funds('TRADE2').value).toMatchObject({ locked: before.locked, total: before.total });
  });
});

describe("a buy order's funds reserved while it awaits a second representative", () => {
  it('count as locked funds of the account until the request is decided, as Funds:GetBalance counts them', () => {
    const model = new ReadModel(openDatabase(':memory:'));
    for (const block of cycleBlocks()) model.apply(block);
    const before = model.funds('HOLD1').value;
    if (before === null) throw new Error('HOLD1 has no funds');
    const key = '\u0000approvalEscrow\u0000HOLD1\u0000REQ1\u0000';
    const next = (value: string | null) => ({
      number: model.height(),
      events: [],
      writes: [{ txId: `tx-${String(model.height())}`, key, value }],
    });
    model.apply(next(JSON.stringify({ accountId: 'HOLD1', approvalId: 'REQ1', escrow: '250000' })));
    expect(model.funds('HOLD1').value).toMatchObject({
      available: before.available,
      locked: String(BigInt(before.locked) + 250_000n),
    });
    // Approved (the order's escrow takes over), rejected or expired: the key is deleted.
    model.apply(next(null));
    expect(model.funds('HOLD1').value).toMatchObject({ locked: before.locked, total: before.total });
  });
});
