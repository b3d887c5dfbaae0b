import { type Context, Contract } from 'fabric-contract-api';
import { recordRequestId } from '../ledger/request-id';

/** Base of every carbon contract: before any transaction, the client's request id (if any) is recorded once. */
export abstract class CarbonContract extends Contract {
  override async beforeTransaction(ctx: Context): Promise<void> {
    await recordRequestId(ctx);
  }
}
