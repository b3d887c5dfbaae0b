import { Users } from './identities';
import type { TestIdentity } from './memory-identity';
import { cc, evaluate, standardScenario, submit, tx } from './scenario';
import type { TestLedger } from './test-ledger';

/** Market transactions bound to their contracts. */
export const market = {
  configure: tx(cc.market, 'ConfigureInstrument'),
  place: tx(cc.market, 'PlaceOrder'),
  cancel: tx(cc.market, 'CancelOrder'),
  match: tx(cc.market, 'Match'),
  propose: tx(cc.market, 'ProposeTrade'),
  accept: tx(cc.market, 'AcceptTrade'),
  reject: tx(cc.market, 'RejectTrade'),
  cancelProposal: tx(cc.market, 'CancelProposal'),
  position: tx(cc.market, 'GetPosition'),
  book: tx(cc.market, 'GetOrderBook'),
  deposit: tx(cc.funds, 'Deposit'),
  balance: tx(cc.funds, 'GetBalance'),
};

/** Reference price of allowance-2025 in the market scenario: 100.00 CNY per tonne. */
export const REFERENCE_PRICE = 10_000;
/** Funds each enterprise account starts with in the market scenario: 1,000,000.00 CNY. */
export const STARTING_FUNDS = 100_000_000n;

/** Who may trade each enterprise account. */
export const ACCOUNT_TRADERS: Record<string, TestIdentity> = {
  HOLD1: Users.operator1,
  TRADE1: Users.trader1,
  HOLD2: Users.operator2,
  TRADE2: Users.trader2,
};

/**
 * The standard scenario plus a market: allowance-2025 listed at 100 CNY, 1,000,000 CNY in each enterprise
 * account, 20,000 allowances moved to each trading account.
 */
export async function marketScenario(): Promise<TestLedger> {
  const ledger = await standardScenario();
  await submit(ledger, Users.regulator, market.configure, {
    unitType: 'allowance',
    vintage: 2025,
    referencePrice: REFERENCE_PRICE,
  });
  for (const accountId of Object.keys(ACCOUNT_TRADERS)) {
    await submit(ledger, Users.regulator, market.deposit, { accountId, amount: STARTING_FUNDS.toString() });
  }
  const transfer = tx(cc.allowance, 'Transfer');
  await submit(ledger, Users.operator1, transfer, {
    fromAccount: 'HOLD1',
    toAccount: 'TRADE1',
    quantity: 20_000,
  });
  await submit(ledger, Users.operator2, transfer, {
    fromAccount: 'HOLD2',
    toAccount: 'TRADE2',
    quantity: 20_000,
  });
  return ledger;
}

/** Places an order as the account's trader and returns it. */
export async function placeOrder(
  ledger: TestLedger,
  accountId: string,
  side: 'buy' | 'sell',
  price: number,
  quantity: number,
  extra: Record<string, unknown> = {},
): Promise<{ id: string; status: string; remaining: number }> {
  const who = ACCOUNT_TRADERS[accountId] ?? Users.regulator;
  return (await submit(ledger, who, market.place, {
    accountId,
    side,
    instrument: 'allowance-2025',
    price,
    quantity,
    ...extra,
  })) as { id: string; status: string; remaining: number };
}

/** An account's funds as the regulator reads them. */
export async function fundsOf(
  ledger: TestLedger,
  accountId: string,
): Promise<{ available: string; locked: string; total: string }> {
  return (await evaluate(ledger, Users.auditor, market.balance, accountId)) as {
    available: string;
    locked: string;
    total: string;
  };
}
