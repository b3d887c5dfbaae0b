import type { ComplianceStatus, PricedTrade, SupplySummary } from '../contracts';
import type { DemoSummary } from './demo-cycle';
import { formatSummary } from './run';

/** A finished demo in `currency`: one trade of 300 t at 60.00, the buyer's funds after it. */
function summaryIn(currency: string): DemoSummary {
  const status = { surrendered: 1_000, balance: 0, code: 'A' } as unknown as ComplianceStatus;
  const trade = {
    id: 'T1',
    quantity: 300,
    price: 6_000,
    value: '1800000',
    sellAccountId: 'HOLD-1',
    buyAccountId: 'HOLD-2',
  } as unknown as PricedTrade;
  return {
    year: 2031,
    currency,
    factorSetId: 'DEMO-IPCC2006-2031',
    instrument: 'allowance-2031',
    installations: [
      {
        entityId: 'ENT1',
        installationId: 'INST-1',
        holdingAccount: 'HOLD-1',
        allocated: 1_000,
        reportedTonnes: 1_000,
        verifiedTonnes: 1_000,
        status,
      },
    ],
    trades: [trade],
    buyerFunds: { available: '3200000', locked: '0', total: '3200000' },
    supply: {
      cap: 50_000,
      allocated: 1_000,
      allowances: { issued: 1_000, held: 0, surrendered: 1_000, reconciles: true },
    } as unknown as SupplySummary,
    transactions: 20,
    seconds: 3,
  };
}

describe('demo summary', () => {
  test('prints every amount in the period currency with two decimals', () => {
    const text = formatSummary(summaryIn('CNY'));
    expect(text).toContain('at CNY 60.00/t = CNY 18000.00');
    expect(text).toContain("Buyer's funds: CNY 32000.00 left (CNY 0.00 locked).");
    expect(text).not.toMatch(/EUR|fen/);
    // The CLI hint uses the form the CLI takes.
    expect(text).toContain('--price 60.50');
  });

  test('follows the period when it names another currency', () => {
    const text = formatSummary(summaryIn('EUR'));
    expect(text).toContain('at EUR 60.00/t = EUR 18000.00');
    expect(text).not.toContain('CNY');
  });
});
