import type { CarbonConnection } from '../connect';
import { ContractClient, type ContractClientOptions } from './contract-client';

/** ISO-8601 UTC instants, in order: reportBy ≤ verifyBy ≤ surrenderBy. */
export interface PeriodDeadlines {
  readonly reportBy: string;
  readonly verifyBy: string;
  readonly surrenderBy: string;
}

/** Allowances per unit of output (e.g. 0.877 tCO2/MWh for coal > 300 MW). */
export interface BenchmarkSpec {
  readonly description: string;
  /** Decimal string. */
  readonly value: string;
  readonly outputUnit: string;
}

export interface PeriodDefinition {
  readonly year: number;
  /** Most allowances of this vintage that may ever be issued, whole tonnes. */
  readonly cap: number;
  readonly deadlines: PeriodDeadlines;
  /** Share of verified emissions coverable with offsets, basis points (500 = 5 %). */
  readonly offsetLimitBasisPoints: number;
  /**
   * Difference between verified and computed emissions, in basis points of the computed figure, beyond which
   * the verifier must state a reason (default 500 = 5 %).
   */
  readonly materialityThresholdBasisPoints?: number;
  /** Minor units of `currency` per missing tonne (CNY 100.00 = 10000). */
  readonly penaltyPerTonne: number;
  /**
   * ISO 4217 code of all money of the period (prices of its vintage, funds, penalties), two decimals;
   * the chaincode's default is CNY.
   */
  readonly currency?: string;
  readonly benchmarks?: Readonly<Record<string, BenchmarkSpec>>;
}

export interface CompliancePeriod extends Required<PeriodDefinition> {
  readonly status: 'open' | 'closed';
  readonly createdAt: string;
  readonly closedAt?: string;
}

/** Factors of one fuel, decimal strings: NCV GJ/t, kg CO2/TJ (or tC/TJ carbon content), oxidation. */
export interface FuelFactors {
  readonly ncv: string;
  readonly emissionFactor?: string;
  readonly carbonContent?: string;
  readonly oxidation: string;
}

export interface FactorSetDefinition {
  readonly id: string;
  /** 1 for the first version, then one more each time. */
  readonly version: number;
  readonly description: string;
  readonly fuels: Readonly<Record<string, FuelFactors>>;
  /** Grid electricity, t CO2 per MWh (China 2022: "0.5703"). */
  readonly gridFactor: string;
}

export interface FactorSet extends FactorSetDefinition {
  readonly publishedAt: string;
}

/** `Period`: compliance periods and versioned emission-factor sets (writes: the regulator). */
export class PeriodClient extends ContractClient {
  constructor(connection: CarbonConnection, options?: ContractClientOptions) {
    super(connection, 'Period', options);
  }

  createPeriod(request: PeriodDefinition): Promise<CompliancePeriod> {
    return this.write('CreatePeriod', request);
  }

  publishFactorSet(request: FactorSetDefinition): Promise<FactorSet> {
    return this.write('PublishFactorSet', request);
  }

  getPeriod(year: number): Promise<CompliancePeriod> {
    return this.read('GetPeriod', year);
  }

  getFactorSet(id: string, version: number): Promise<FactorSet> {
    return this.read('GetFactorSet', id, version);
  }
}
