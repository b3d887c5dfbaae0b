import { checkpointers, type ChaincodeEvent } from '@hyperledger/fabric-gateway';
import type { CarbonConnection } from '../connect';

/** A chaincode event as the carbon chaincode emits it: one per state-changing transaction, JSON payload. */
export interface CarbonEvent {
  readonly blockNumber: bigint;
  readonly transactionId: string;
  readonly name: string;
  readonly payload: unknown;
}

export interface ListenOptions {
  /**
   * File that records the last event handled. A listener started again with the same file resumes right
   * after it, so no event is lost or handled twice across restarts.
   */
  readonly checkpointFile: string;
  /** Where to start when the checkpoint file is new (default: the next block committed). */
  readonly startBlock?: bigint;
  /** Stop after this many events (default: run until `signal` aborts). */
  readonly maxEvents?: number;
  readonly signal?: AbortSignal;
}

/**
 * Streams the chaincode's events to `handle`, checkpointing each one after it was handled. Returns the
 * number of events handled when `maxEvents` is reached or `signal` aborts.
 */
export async function listenToChaincodeEvents(
  connection: CarbonConnection,
  handle: (event: CarbonEvent) => Promise<void> | void,
  options: ListenOptions,
): Promise<number> {
  const checkpoint = await checkpointers.file(options.checkpointFile);
  const events = await connection.network.getChaincodeEvents(connection.settings.chaincode, {
    checkpoint,
    ...(options.startBlock === undefined ? {} : { startBlock: options.startBlock }),
  });
  const stop = (): void => {
    events.close();
  };
  options.signal?.addEventListener('abort', stop);
  let handled = 0;
  try {
    for await (const event of events) {
      await handle(toCarbonEvent(event));
      await checkpoint.checkpointChaincodeEvent(event);
      handled++;
      if (options.maxEvents !== undefined && handled >= options.maxEvents) break;
    }
  } catch (err) {
    // Closing the stream on abort ends the iteration with a cancellation; anything else is a real failure.
    if (!options.signal?.aborted) throw err;
  } finally {
    options.signal?.removeEventListener('abort', stop);
    events.close();
  }
  return handled;
}

function toCarbonEvent(event: ChaincodeEvent): CarbonEvent {
  const text = new TextDecoder().decode(event.payload);
  let payload: unknown = text;
  try {
    payload = JSON.parse(text) as unknown;
  } catch {
    // Not JSON: keep the text.
  }
  return {
    blockNumber: event.blockNumber,
    transactionId: event.transactionId,
    name: event.eventName,
    payload,
  };
}
