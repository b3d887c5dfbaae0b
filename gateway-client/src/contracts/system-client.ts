import type { CarbonConnection } from '../connect';
import { ContractClient, type ContractClientOptions } from './contract-client';

/** Who the chaincode sees. */
export interface CallerIdentity {
  readonly mspId: string;
  readonly role: string | null;
  readonly entity: string | null;
}

/** `System`: the identity round trip. */
export class SystemClient extends ContractClient {
  constructor(connection: CarbonConnection, options?: ContractClientOptions) {
    super(connection, 'System', options);
  }

  whoAmI(): Promise<CallerIdentity> {
    return this.read('WhoAmI');
  }
}
