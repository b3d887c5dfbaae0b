import type { Contract } from 'fabric-contract-api';
import { SystemContract } from './contracts/system-contract';

export { SystemContract };

/** Every contract in this chaincode package; clients call `ContractName:Function`. */
export const contracts: (new () => Contract)[] = [SystemContract];
