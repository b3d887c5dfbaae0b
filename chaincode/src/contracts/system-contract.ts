import { Context, Contract, Info, Transaction } from 'fabric-contract-api';
import { callerOf, type Caller } from '../identity/caller';

/**
 * Health and identity round trip. `WhoAmI` proves that a client reached the chaincode through the Gateway
 * with a CA-issued identity and that its `carbon.*` attributes arrived intact.
 */
@Info({ title: 'System', description: 'Identity round trip and chaincode health' })
export class SystemContract extends Contract {
  constructor() {
    super('System');
  }

  /** Returns the caller's MSP id, `carbon.role` and `carbon.entity` as JSON. Anyone may call it. */
  @Transaction(false)
  public WhoAmI(ctx: Context): string {
    const caller: Caller = callerOf(ctx);
    return JSON.stringify({
      mspId: caller.mspId,
      role: caller.role ?? null,
      entity: caller.entity ?? null,
      txId: ctx.stub.getTxID(),
    });
  }
}
