import './quiet-logs';
import type { Context, Contract } from 'fabric-contract-api';
import { COMMERCIAL_TRANSIENT_KEY, definitionOf, requestTexts } from '@carbon-ets/contract';
import { AuctionContract } from '../auction/auction-contract';
import { ApprovalContract } from '../approval/approval-contract';
import { CertificateContract } from '../certificates/certificate-contract';
import { CarbonIndexContract } from '../carbon-index/carbon-index-contract';
import { ComplianceContract } from '../compliance/compliance-contract';
import { FundsContract } from '../funds/funds-contract';
import { MarketContract } from '../market/market-contract';
import { MrvContract } from '../mrv/mrv-contract';
import { OffsetContract } from '../offsets/offset-contract';
import { PeriodContract } from '../period/period-contract';
import { QueryContract } from '../query/query-contract';
import { RegistryContract } from '../registry/registry-contract';
import { AllowanceContract } from '../units/allowance-contract';
import { Users } from './identities';
import type { TestIdentity } from './memory-identity';
import { TestLedger } from './test-ledger';

/** One instance of every contract, as the chaincode deploys them. */
export const cc = {
  registry: new RegistryContract(),
  period: new PeriodContract(),
  allowance: new AllowanceContract(),
  offset: new OffsetContract(),
  certificate: new CertificateContract(),
  mrv: new MrvContract(),
  compliance: new ComplianceContract(),
  query: new QueryContract(),
  funds: new FundsContract(),
  market: new MarketContract(),
  approval: new ApprovalContract(),
  auction: new AuctionContract(),
  carbonIndex: new CarbonIndexContract(),
};

/** Request payloads used across tests. */
export const Fixtures = {
  period2025: {
    year: 2025,
    cap: 1_000_000,
    deadlines: {
      reportBy: '2026-03-31T23:59:59Z',
      verifyBy: '2026-06-30T23:59:59Z',
      surrenderBy: '2026-09-30T23:59:59Z',
    },
    offsetLimitBasisPoints: 500,
    penaltyPerTonne: 10_000,
    currency: 'EUR',
    benchmarks: {
      'coal-gt300': { description: 'Coal > 300 MW', value: '0.877', outputUnit: 'MWh' },
      gas: { description: 'Natural gas', value: '0.392', outputUnit: 'MWh' },
    },
  },
  factorSet: {
    id: 'IPCC2006',
    version: 1,
    description: 'IPCC 2006 defaults with the China 2022 grid factor',
    fuels: {
      natural_gas: { ncv: '48.0', emissionFactor: '56100', oxidation: '1' },
      lignite: { ncv: '11.9', emissionFactor: '101000', oxidation: '1' },
      coal: { ncv: '25.8', carbonContent: '25.8', oxidation: '0.98' },
    },
    gridFactor: '0.5703',
  },
  report(installationId = 'INST1', extra: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      period: 2025,
      installationId,
      factorSetId: 'IPCC2006',
      factorSetVersion: 1,
      activity: [
        { kind: 'fuel', fuel: 'natural_gas', quantity: '1000', unit: 't' },
        { kind: 'electricity', quantity: '1000', unit: 'MWh' },
      ],
      documents: [{ name: 'fuel-invoices.pdf', sha256: 'a'.repeat(64) }],
      ...extra,
    };
  },
  /** Green certificates for DEV1 (of INST1): January 2025's 300 MWh, issued to TRADE1. */
  certificateIssuance(extra: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      deviceId: 'DEV1',
      installationId: 'INST1',
      productionPeriod: { from: '2025-01-01', to: '2025-01-31' },
      quantity: 300,
      toAccount: 'TRADE1',
      ...extra,
    };
  },
};

/**
 * Runs a transaction as `who`; the argument is JSON-encoded when it is not already a string. As the gateway
 * client does, a request object's commercial fields travel in the transient map.
 */
export function submit(
  ledger: TestLedger,
  who: TestIdentity,
  fn: TransactionFunction,
  ...args: unknown[]
): Promise<unknown> {
  const definition = fn.transaction === undefined ? undefined : definitionOf(fn.transaction);
  const [first, ...rest] = args;
  const texts =
    definition === undefined || typeof first === 'string' || args.length === 0
      ? undefined
      : requestTexts(definition, first);
  const transient =
    texts?.commercial === undefined
      ? undefined
      : new Map([[COMMERCIAL_TRANSIENT_KEY, Buffer.from(texts.commercial, 'utf8')]]);
  const sent = texts === undefined ? args : [texts.argument, ...rest];
  return ledger.submit(
    who,
    async (ctx) =>
      JSON.parse(
        await fn(ctx, ...sent.map((a) => (typeof a === 'string' ? a : JSON.stringify(a)))),
      ) as unknown,
    transient,
  );
}

/** Like {@link submit} but never commits. */
export function evaluate(
  ledger: TestLedger,
  who: TestIdentity,
  fn: (ctx: Context, ...args: string[]) => Promise<string>,
  ...args: unknown[]
): Promise<unknown> {
  return ledger.evaluate(
    who,
    async (ctx) =>
      JSON.parse(
        await fn(ctx, ...args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a)))),
      ) as unknown,
  );
}

/** A contract method bound to its contract, named `Contract:Function` when {@link tx} made it. */
export type TransactionFunction = ((ctx: Context, ...args: string[]) => Promise<string>) & {
  readonly transaction?: string;
};

/** Binds a contract method so `this` stays the contract. */
export function tx<C extends Contract>(contract: C, name: keyof C): TransactionFunction {
  const method = contract[name] as unknown as (ctx: Context, ...args: string[]) => Promise<string>;
  return Object.assign(method.bind(contract), { transaction: `${contract.getName()}:${String(name)}` });
}

/** Registry only: ENT1 (Enterprise1MSP, INST1), ENT2 (Enterprise2MSP, INST2), verifier VER1, trader TRD1. */
export async function registerParticipants(ledger: TestLedger): Promise<void> {
  const regulator = Users.regulator;
  const register = tx(cc.registry, 'RegisterEntity');
  await submit(ledger, regulator, register, {
    id: 'ENT1',
    kind: 'covered',
    name: 'Huaneng Unit 1',
    ownerMsp: 'Enterprise1MSP',
    installations: [{ id: 'INST1', sector: 'power', capacity: '600', capacityUnit: 'MW' }],
  });
  await submit(ledger, regulator, register, {
    id: 'ENT2',
    kind: 'covered',
    name: 'Baosteel Works',
    ownerMsp: 'Enterprise2MSP',
    installations: [{ id: 'INST2', sector: 'steel', capacity: '250' }],
  });
  await submit(ledger, regulator, register, {
    id: 'VER1',
    kind: 'verifier',
    name: 'CQC',
    ownerMsp: 'VerifierMSP',
  });
  const open = tx(cc.registry, 'OpenAccount');
  for (const kind of ['allocation', 'auction', 'deletion']) {
    await submit(ledger, regulator, open, { kind });
  }
  await submit(ledger, regulator, open, {
    kind: 'holding',
    id: 'HOLD1',
    entityId: 'ENT1',
    installationId: 'INST1',
  });
  await submit(ledger, regulator, open, {
    kind: 'holding',
    id: 'HOLD2',
    entityId: 'ENT2',
    installationId: 'INST2',
  });
  await submit(ledger, regulator, open, { kind: 'trading', id: 'TRADE1', entityId: 'ENT1' });
  await submit(ledger, regulator, open, { kind: 'trading', id: 'TRADE2', entityId: 'ENT2' });
}

/**
 * The standard starting point: participants and accounts, period 2025 with factors, 500,000 allowances issued,
 * 100,000 allocated to INST1 and 80,000 to INST2.
 */
export async function standardScenario(): Promise<TestLedger> {
  const ledger = new TestLedger();
  await registerParticipants(ledger);
  const regulator = Users.regulator;
  await submit(ledger, regulator, tx(cc.period, 'CreatePeriod'), Fixtures.period2025);
  await submit(ledger, regulator, tx(cc.period, 'PublishFactorSet'), Fixtures.factorSet);
  await submit(ledger, regulator, tx(cc.allowance, 'IssueAllowances'), { period: 2025, quantity: 500_000 });
  await allocateFixed(ledger, 2025, 'INST1', 100_000);
  await allocateFixed(ledger, 2025, 'INST2', 80_000);
  return ledger;
}

/**
 * Free allocation of a fixed `quantity` paid at once: a plan line (fixed quantity, ceiling = quantity,
 * pre-allocation 100 % of it) and its pre-allocation.
 */
export async function allocateFixed(
  ledger: TestLedger,
  period: number,
  installationId: string,
  quantity: number,
): Promise<void> {
  await submit(ledger, Users.regulator, tx(cc.allowance, 'SetAllocationPlan'), {
    period,
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
  await submit(ledger, Users.regulator, tx(cc.allowance, 'PreAllocate'), { period, installationId });
}
