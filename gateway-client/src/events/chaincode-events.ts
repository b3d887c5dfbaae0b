import { checkpointers, type ChaincodeEvent } from '@hyperledger/fabric-gateway';
import {
  parseCarbonEvent,
  type CarbonEventMismatch,
  type CarbonEventName,
  type CarbonEventPayload,
} from '@carbon-ets/contract';
import type { CarbonConnection } from '../connect';
import { GatewayClientError } from '../errors';

/**
 * A chaincode event as the carbon chaincode emits it (one per state-changing transaction), its payload checked
 * against the wire contract's schema of its name. `CarbonEvent` without a name is the union of every event,
 * which narrows on `name`: after `if (event.name === 'TradeAccepted')`, `event.payload.trade` is a `Trade`.
 */
export type CarbonEvent<N extends CarbonEventName = CarbonEventName> = N extends CarbonEventName
  ? {
      readonly blockNumber: bigint;
      readonly transactionId: string;
      readonly name: N;
      readonly payload: CarbonEventPayload<N>;
    }
  : never;

/** An event that does not match the wire contract: an unknown name, or a payload that fails its schema. */
export interface InvalidCarbonEvent extends CarbonEventMismatch {
  readonly blockNumber: bigint;
  readonly transactionId: string;
  readonly name: string;
  /** The payload as JSON, or its text when it is not JSON. */
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
  /** Stop after this many events handled (default: run until `signal` aborts). */
  readonly maxEvents?: number;
  readonly signal?: AbortSignal;
  /**
   * Called for an event that does not match the wire contract, which is then skipped: checkpointed, not
   * passed to the handler and not counted. Without it the listener fails with `EVENT_MISMATCH` before
   * checkpointing that event, so a listener restarted with a client of the chaincode's contract version
   * resumes at it.
   */
  readonly onInvalidEvent?: (event: InvalidCarbonEvent) => Promise<void> | void;
}

/**
 * Streams the chaincode's events to `handle`, each validated against the wire contract and checkpointed after
 * it was handled. Returns the number of events handled when `maxEvents` is reached or `signal` aborts. An event
 * that does not match the contract goes to `onInvalidEvent` if given, else fails the listener
 * (`GatewayClientError` `EVENT_MISMATCH`, naming the event, its block and transaction and the field): a client
 * never acts on an event it misreads.
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
  // A failure of the handler or of validation, kept apart from the stream's own errors: it is passed on even
  // when the signal aborted meanwhile.
  let failure: { readonly error: unknown } | undefined;
  try {
    for await (const event of events) {
      try {
        if (await deliver(event, handle, options)) handled++;
        await checkpoint.checkpointChaincodeEvent(event);
      } catch (error) {
        failure = { error };
        break;
      }
      if (options.maxEvents !== undefined && handled >= options.maxEvents) break;
    }
  } catch (err) {
    // Closing the stream on abort ends the iteration with a cancellation; anything else is a real failure.
    if (!options.signal?.aborted) throw err;
  } finally {
    options.signal?.removeEventListener('abort', stop);
    events.close();
  }
  if (failure !== undefined) throw failure.error;
  return handled;
}

/** Validates one event and passes it on; true when the handler got it (false: skipped as invalid). */
async function deliver(
  event: ChaincodeEvent,
  handle: (event: CarbonEvent) => Promise<void> | void,
  options: ListenOptions,
): Promise<boolean> {
  const { blockNumber, transactionId, eventName: name } = event;
  const payload = payloadOf(event);
  const parsed = parseCarbonEvent(name, payload);
  if (parsed.success) {
    await handle({ blockNumber, transactionId, ...parsed.event });
    return true;
  }
  const invalid: InvalidCarbonEvent = { blockNumber, transactionId, name, payload, ...parsed.mismatch };
  if (options.onInvalidEvent === undefined) {
    throw new GatewayClientError(
      'EVENT_MISMATCH',
      `${invalid.message} (block ${blockNumber}, transaction ${transactionId})`,
      'the chaincode and this client were built from different versions of @carbon-ets/contract; ' +
        'pass onInvalidEvent to skip such events instead',
    );
  }
  await options.onInvalidEvent(invalid);
  return false;
}

/** The payload as JSON; text that is not JSON stays text (and then fails its schema, which wants an object). */
function payloadOf(event: ChaincodeEvent): unknown {
  const text = new TextDecoder().decode(event.payload);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
