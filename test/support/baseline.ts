import type { AccountHoldings, ComplianceStatusReport } from '@carbon-ets/contract';
import type { Lot } from '@carbon-ets/gateway-client';
import { isMissing, type Participant } from './participants';
import { ensureVerifierEntities } from './verifiers';

/**
 * What every scenario on a (possibly reused) network needs once: the national accounts, the two covered
 * enterprises bound to the enterprise users' `carbon.entity` (ENT1, ENT2) and the verifier entities bound to the
 * verifier users' (VER1, VER2). Idempotent.
 */
export async function ensureBaseline(regulator: Participant): Promise<void> {
  for (const kind of ['allocation', 'auction', 'deletion']) {
    const id = `NATIONAL-${kind.toUpperCase()}`;
    if (await isMissing(() => regulator.evaluate('Registry:GetAccount', id))) {
      await regulator.submit('Registry:OpenAccount', { kind });
    }
  }
  const entities = [
    { id: 'ENT1', kind: 'covered', name: 'Huaneng Unit 1', ownerMsp: 'Enterprise1MSP' },
    { id: 'ENT2', kind: 'covered', name: 'Baosteel Works', ownerMsp: 'Enterprise2MSP' },
  ];
  for (const entity of entities) {
    if (await isMissing(() => regulator.evaluate('Registry:GetEntity', entity.id))) {
      await regulator.submit('Registry:RegisterEntity', entity);
    }
  }
  // The verifier entities the verifier users act for (VER1, VER2).
  await ensureVerifierEntities(regulator);
}

/** The first compliance period year from `from` on that nobody has created yet. */
export async function firstFreePeriodYear(regulator: Participant, from: number): Promise<number> {
  let year = from;
  while (!(await isMissing(() => regulator.evaluate('Period:GetPeriod', String(year))))) year++;
  return year;
}

const DAY_MS = 24 * 3600 * 1000;

/** A period whose deadlines lie ahead of the transaction clock, so reports and surrenders are on time. */
export function periodStartingNow(year: number, cap: number): Record<string, unknown> {
  const now = Date.now();
  return {
    year,
    cap,
    deadlines: {
      reportBy: new Date(now + 30 * DAY_MS).toISOString(),
      verifyBy: new Date(now + 60 * DAY_MS).toISOString(),
      surrenderBy: new Date(now + 90 * DAY_MS).toISOString(),
    },
    offsetLimitBasisPoints: 500,
    // CNY 100.00 per missing tonne: the period names no currency, so it has the default (CNY).
    penaltyPerTonne: 10_000,
    benchmarks: { gas: { description: 'Natural gas', value: '0.392', outputUnit: 'MWh' } },
  };
}

/** IPCC 2006 natural gas and the China 2022 grid factor, published under `id` version 1. */
export function gasAndGridFactors(id: string): Record<string, unknown> {
  return {
    id,
    version: 1,
    description: 'IPCC 2006 defaults with the China 2022 grid factor',
    fuels: { natural_gas: { ncv: '48.0', emissionFactor: '56100', oxidation: '1' } },
    gridFactor: '0.5703',
  };
}

/** 1,000 t natural gas and 1,000 MWh of grid electricity: 3,263.1 t CO2 with {@link gasAndGridFactors}. */
export function gasAndGridReport(
  period: number,
  installationId: string,
  factorSetId: string,
): Record<string, unknown> {
  return {
    period,
    installationId,
    factorSetId,
    factorSetVersion: 1,
    activity: [
      { kind: 'fuel', fuel: 'natural_gas', quantity: '1000', unit: 't' },
      { kind: 'electricity', quantity: '1000', unit: 'MWh' },
    ],
    documents: [{ name: 'fuel-invoices.pdf', sha256: 'a'.repeat(64) }],
  };
}

/**
 * Coal, diesel and natural gas (IPCC 2006 defaults, rounded) with the China 2022 grid factor, published under
 * `id` version 1: what a period's carbon index computes monthly energy with ({@link carbonIndexPolicy}).
 */
export function carbonIndexFactors(id: string): Record<string, unknown> {
  return {
    id,
    version: 1,
    description: 'Carbon index factors',
    fuels: {
      coal: { ncv: '20', emissionFactor: '95000', oxidation: '1' },
      diesel: { ncv: '43', emissionFactor: '74100', oxidation: '1' },
      natural_gas: { ncv: '48', emissionFactor: '56100', oxidation: '1' },
    },
    gridFactor: '0.5703',
  };
}

/** A period's carbon index over {@link carbonIndexFactors} `factorSetId` (coal, oil as diesel, gas). */
export function carbonIndexPolicy(
  factorSetId: string,
  thresholdBasisPoints?: number,
): Record<string, unknown> {
  return {
    factorSetId,
    factorSetVersion: 1,
    fuels: { coal: 'coal', oil: 'diesel', gas: 'natural_gas' },
    ...(thresholdBasisPoints === undefined ? {} : { thresholdBasisPoints }),
  };
}

/**
 * Creates period `year`, issues `issued` allowances, opens the trading accounts and moves `funded` of the
 * issued allowances from the national allocation account into the first of them.
 */
export async function periodWithTradingAccounts(
  regulator: Participant,
  year: number,
  accounts: readonly { readonly id: string; readonly entityId: string }[],
  issued: number,
  funded: number,
): Promise<void> {
  await regulator.submit('Period:CreatePeriod', periodStartingNow(year, 1_000_000));
  const lot = await regulator.submit<Lot>('Allowance:IssueAllowances', {
    period: year,
    quantity: issued,
  });
  await Promise.all(
    accounts.map((account) => regulator.submit('Registry:OpenAccount', { kind: 'trading', ...account })),
  );
  const [first] = accounts;
  if (!first) throw new Error('periodWithTradingAccounts needs an account');
  await regulator.submit('Allowance:Transfer', {
    fromAccount: 'NATIONAL-ALLOCATION',
    toAccount: first.id,
    quantity: funded,
    lotIds: [lot.id],
  });
}

/**
 * Free allocation of a fixed `quantity` paid at once, as the regulator: a plan line (fixed quantity, ceiling =
 * quantity, pre-allocation 100 % of it) and its pre-allocation from NATIONAL-ALLOCATION.
 */
export async function allocateFixed(
  regulator: Participant,
  year: number,
  installationId: string,
  quantity: number,
): Promise<void> {
  await regulator.submit('Allowance:SetAllocationPlan', {
    period: year,
    lines: [
      {
        installationId,
        method: 'fixed',
        quantity,
        preAllocationBase: quantity,
        preAllocationShareBasisPoints: 10_000,
        ceiling: quantity,
      },
    ],
  });
  await regulator.submit('Allowance:PreAllocate', { period: year, installationId });
}

/**
 * Sets a one-tonne estimate for every installation of ENT1 and ENT2 (but `except`) that has no verified
 * emissions for `year`: a period closes only when every covered installation of the (shared) test ledger has
 * accepted or estimated emissions, and the other test files' installations never reported for it. Sixteen at a
 * time: independent installations, so their estimates never conflict.
 */
export async function estimateUnreported(
  regulator: Participant,
  year: number,
  except: readonly string[],
): Promise<void> {
  const others: string[] = [];
  for (const entityId of ['ENT1', 'ENT2']) {
    const entity = await regulator.evaluate<{ installationIds: string[] }>('Registry:GetEntity', entityId);
    others.push(...entity.installationIds.filter((id) => !except.includes(id)));
  }
  for (let i = 0; i < others.length; i += 16) {
    await Promise.all(
      others.slice(i, i + 16).map(async (other) => {
        const record = await regulator.evaluate<ComplianceStatusReport>(
          'Compliance:GetComplianceStatus',
          String(year),
          other,
        );
        if (record.verifiedEmissions !== null) return;
        await regulator.submit('Compliance:EstimateEmissions', {
          period: year,
          installationId: other,
          estimatedEmissions: 1,
          reason: 'no report for this period (test ledger)',
        });
      }),
    );
  }
}

/** Held (unlocked) and locked allowances of an account. */
export async function allowancesOf(
  reader: Participant,
  accountId: string,
): Promise<{ held: number; locked: number }> {
  const view = await reader.evaluate<AccountHoldings>('Query:GetHoldings', accountId);
  return view.holdings
    .filter((holding) => holding.status === 'held')
    .reduce((sum, holding) => ({ held: sum.held + holding.quantity, locked: sum.locked + holding.locked }), {
      held: 0,
      locked: 0,
    });
}
