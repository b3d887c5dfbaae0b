import { Context, Info, Transaction } from 'fabric-contract-api';
import { CarbonContract } from './carbon-contract';
import {
  parseArgs,
  System,
  SystemHeartbeat,
  type CallerIdentity,
  type Heartbeat,
} from '@carbon-ets/contract';
import { authorizeTransaction } from '../identity/access';
import type { Caller } from '../identity/caller';
import { toBytes } from '../ledger/canonical-json';
import { emitEvent } from '../ledger/events';
import { txTime } from '../ledger/tx-time';

/**
 * Health and identity round trip. `WhoAmI` proves that a client reached the chaincode through the Gateway
 * with a CA-issued identity and that its `carbon.*` attributes arrived intact.
 */
@Info({ title: 'System', description: 'Identity round trip and chaincode health' })
export class SystemContract extends CarbonContract {
  constructor() {
    super('System');
  }

  /** Returns the caller's MSP id, `carbon.role` and `carbon.entity` as JSON. Anyone may call it. */
  @Transaction(false)
  public WhoAmI(ctx: Context): string {
    const caller: Caller = authorizeTransaction(ctx, System.whoAmI);
    return JSON.stringify({
      mspId: caller.mspId,
      role: caller.role ?? null,
      entity: caller.entity ?? null,
      txId: ctx.stub.getTxID(),
    } satisfies CallerIdentity);
  }

  /**
   * Records that `source` (a client, a monitor) is alive: one blind write of `heartbeat ~ source`, nothing
   * read. It is the cheapest state change this chaincode makes, so the benchmark measures every workload
   * against it. Caller: anyone with a carbon role.
   */
  @Transaction()
  public async Heartbeat(ctx: Context, source: string): Promise<string> {
    authorizeTransaction(ctx, SystemHeartbeat);
    const [id] = parseArgs(SystemHeartbeat, ['source'], [source]);
    const beat: Heartbeat = { source: id, at: txTime(ctx), txId: ctx.stub.getTxID() };
    await ctx.stub.putState(ctx.stub.createCompositeKey('heartbeat', [beat.source]), toBytes(beat));
    emitEvent(ctx, 'Heartbeat', beat);
    return JSON.stringify(beat);
  }
}
