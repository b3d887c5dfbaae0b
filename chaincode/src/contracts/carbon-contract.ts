import { type Context, Contract } from 'fabric-contract-api';
import { checkRequestId, recordRequestId } from '../ledger/request-id';

/**
 * Base of every carbon contract: a client's request id (if any) is applied once. It is checked before the
 * transaction and recorded only after it succeeded (the peer skips afterTransaction when the function throws),
 * so a refused transaction never attempts a write.
 */
export abstract class CarbonContract extends Contract {
  override async beforeTransaction(ctx: Context): Promise<void> {
    await checkRequestId(ctx);
  }

  override async afterTransaction(ctx: Context): Promise<void> {
    await recordRequestId(ctx);
  }
}
