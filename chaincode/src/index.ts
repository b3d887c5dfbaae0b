import type { Contract } from 'fabric-contract-api';
import { AuctionContract } from './auction/auction-contract';
import { CertificateContract } from './certificates/certificate-contract';
import { ApprovalContract } from './approval/approval-contract';
import { CarbonIndexContract } from './carbon-index/carbon-index-contract';
import { ComplianceContract } from './compliance/compliance-contract';
import { SystemContract } from './contracts/system-contract';
import { FundsContract } from './funds/funds-contract';
import { MarketContract } from './market/market-contract';
import { MrvContract } from './mrv/mrv-contract';
import { OffsetContract } from './offsets/offset-contract';
import { PeriodContract } from './period/period-contract';
import { QueryContract } from './query/query-contract';
import { RegistryContract } from './registry/registry-contract';
import { AllowanceContract } from './units/allowance-contract';
import { reuseParsedCertificates } from './shim-certificates';
import { dropDisabledLogLevels } from './shim-logging';

dropDisabledLogLevels();
reuseParsedCertificates();

export {
  AllowanceContract,
  ApprovalContract,
  AuctionContract,
  CertificateContract,
  CarbonIndexContract,
  ComplianceContract,
  FundsContract,
  MarketContract,
  MrvContract,
  OffsetContract,
  PeriodContract,
  QueryContract,
  RegistryContract,
  SystemContract,
};

/** Every contract in this chaincode package; clients call `ContractName:Function`. */
export const contracts: (new () => Contract)[] = [
  SystemContract,
  RegistryContract,
  PeriodContract,
  AllowanceContract,
  OffsetContract,
  CertificateContract,
  MrvContract,
  ComplianceContract,
  QueryContract,
  FundsContract,
  MarketContract,
  AuctionContract,
  ApprovalContract,
  CarbonIndexContract,
];
