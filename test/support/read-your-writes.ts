import { type CarbonConnection, waitForBlock } from '@carbon-ets/gateway-client';

/**
 * The newest block this test file has seen one of its own writes commit in. A read waits until the reading
 * org's peer has it too, so a test never reads through another org's peer a block behind its own write.
 */
let newestCommittedBlock = -1n;

/** Records the block a write of this test file committed in. */
export function noteCommitted(blockNumber: bigint): void {
  if (blockNumber > newestCommittedBlock) newestCommittedBlock = blockNumber;
}

/** Records every `committed … in block N` line a `carbon` command printed. */
export function noteCliCommits(output: string): void {
  for (const match of output.matchAll(/committed \S+ \S+ in block (\d+)/g))
    noteCommitted(BigInt(match[1] ?? 0));
}

/** The newest block each connection's peer is known to have committed, so a read asks its peer only when behind. */
const knownCommitted = new WeakMap<CarbonConnection, bigint>();

/** Waits until the connection's peer has every block this test file has seen committed. */
export async function readYourWrites(connection: CarbonConnection): Promise<void> {
  const needed = newestCommittedBlock;
  if (needed < 0n || (knownCommitted.get(connection) ?? -1n) >= needed) return;
  await waitForBlock(connection, needed);
  knownCommitted.set(connection, needed);
}

/** Environment for a `carbon` command so its reads wait for this file's writes (CARBON_READ_AFTER_BLOCK). */
export function cliEnvironment(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DEBUG: '',
    ...(newestCommittedBlock >= 0n ? { CARBON_READ_AFTER_BLOCK: newestCommittedBlock.toString() } : {}),
  };
}
