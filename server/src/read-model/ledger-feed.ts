import type { InvalidCarbonEvent } from '@carbon-ets/gateway-client';
import type { common } from '@hyperledger/fabric-protos';
import { readBlock } from './block-reader';
import type { LoggedEvent } from './ledger-block';
import type { ReadModel } from './read-model';

/** What the feed needs of a `CarbonConnection`: the network's block events and the chaincode's name. */
export interface BlockSource {
  readonly network: {
    getBlockEvents(options: { startBlock: bigint }): Promise<AsyncIterable<common.Block> & { close(): void }>;
  };
  readonly settings: { readonly chaincode: string };
}

export interface FollowOptions {
  /** Stops the feed: the stream is closed and {@link followLedger} resolves. */
  readonly signal: AbortSignal;
  /** Called after each block is applied with the events it logged (empty for a block without any). */
  readonly onApplied?: (logged: readonly LoggedEvent[], height: bigint) => void;
  /** A dropped stream or a block that could not be applied; the feed re-opens from the model's height. */
  readonly onError?: (error: unknown) => void;
  /** An event that does not match the wire contract: skipped (its transaction's writes are still applied). */
  readonly onInvalidEvent?: (event: InvalidCarbonEvent) => void;
  /** First wait before re-opening after an error, ms (doubles up to 30 s; default 500). */
  readonly retryDelayMs?: number;
}

const MAX_RETRY_DELAY_MS = 30_000;

/**
 * Follows the ledger into `model`: reads full blocks from the model's checkpoint with the Gateway's block
 * events, applies them one by one (each block in one SQLite transaction), and after a dropped stream or a
 * failed block re-opens from `model.height()`, so nothing is skipped or applied twice across restarts.
 * Resolves when `signal` aborts.
 */
export async function followLedger(
  source: BlockSource,
  model: ReadModel,
  options: FollowOptions,
): Promise<void> {
  const { signal } = options;
  let delay = options.retryDelayMs ?? 500;
  while (!signal.aborted) {
    try {
      await followOnce(source, model, options);
      // The stream ended without an error (the peer closed it): open it again at once.
      delay = options.retryDelayMs ?? 500;
    } catch (error) {
      // TypeScript cannot see that the stream's failure may come from an abort meanwhile.
      if ((signal as { readonly aborted: boolean }).aborted) break;
      options.onError?.(error);
      await sleep(delay, signal);
      delay = Math.min(delay * 2, MAX_RETRY_DELAY_MS);
    }
  }
}

async function followOnce(source: BlockSource, model: ReadModel, options: FollowOptions): Promise<void> {
  const blocks = await source.network.getBlockEvents({ startBlock: model.height() });
  const close = (): void => {
    blocks.close();
  };
  options.signal.addEventListener('abort', close);
  try {
    for await (const raw of blocks) {
      // Blocks already buffered may still arrive after close(): apply none after an abort.
      if (options.signal.aborted) return;
      const { block, invalid } = readBlock(raw, source.settings.chaincode);
      invalid.forEach((event) => options.onInvalidEvent?.(event));
      const logged = model.apply(block);
      options.onApplied?.(logged, model.height());
    }
  } finally {
    options.signal.removeEventListener('abort', close);
    blocks.close();
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });
}
