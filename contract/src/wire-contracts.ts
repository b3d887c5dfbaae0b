import { Allowance } from './allowance';
import { Approval } from './approval';
import { Auction } from './auction';
import { CarbonIndex } from './carbon-index';
import { Certificate } from './certificate';
import { Compliance } from './compliance';
import { Funds } from './funds';
import { Market } from './market';
import { Mrv } from './mrv';
import { Offset } from './offset';
import { Period } from './period';
import { Query } from './query';
import { Registry } from './registry';
import { System, SystemHeartbeat } from './system';
import { qualifiedName, type TransactionDefinition } from './transaction';

/** Every contract of the wire contract, as the chaincode deploys them. */
export const WIRE_CONTRACTS = {
  Allowance,
  Approval,
  Auction,
  CarbonIndex,
  Certificate,
  Compliance,
  Funds,
  Market,
  Mrv,
  Offset,
  Period,
  Query,
  Registry,
  System,
} as const;

/** Every transaction of the contracts' façades, in contract order (System:Heartbeat, a bench probe, is not one). */
export function transactionDefinitions(): TransactionDefinition[] {
  const contracts: readonly Readonly<Record<string, TransactionDefinition>>[] = Object.values(WIRE_CONTRACTS);
  return contracts.flatMap((contract) => Object.values(contract));
}

let byName: Map<string, TransactionDefinition> | undefined;

/** The definition of a `Contract:Function`, or undefined when the wire contract has none of that name. */
export function definitionOf(transaction: string): TransactionDefinition | undefined {
  byName ??= new Map(
    [...transactionDefinitions(), SystemHeartbeat].map((definition) => [
      qualifiedName(definition),
      definition,
    ]),
  );
  return byName.get(transaction);
}
