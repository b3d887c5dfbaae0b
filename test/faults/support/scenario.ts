import { isRaftLeader, loadTopology, nodeAddress, Progress, type OrdererNode } from '@carbon-ets/network';
import { ensureBaseline } from '../../support/baseline';
import { participant, type Participant } from '../../support/participants';

export const topology = loadTopology();

/** Progress lines of network operations the test runs, kept for assertions and echoed to stderr. */
export function recordingProgress(tag: string): { progress: Progress; lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    progress: new Progress((line) => {
      lines.push(line);
      process.stderr.write(`[${tag}] ${line}\n`);
    }),
  };
}

/** The orderer leading the channel's Raft cluster now, if any. */
export async function raftLeader(): Promise<OrdererNode | undefined> {
  for (const orderer of topology.ordering.orderers) {
    if (await isRaftLeader(nodeAddress(topology, orderer.name), orderer.operationsPort, topology.channel)) {
      return orderer;
    }
  }
  return undefined;
}

/** The regulator (who deposits) and a fresh ENT1 trading account for one scenario's load. */
export async function loadAccount(tag: string): Promise<{ regulator: Participant; accountId: string }> {
  const regulator = participant('Regulator', 'regulator1');
  await ensureBaseline(regulator);
  const accountId = `${tag}-${Date.now()}`;
  await regulator.submit('Registry:OpenAccount', { kind: 'trading', id: accountId, entityId: 'ENT1' });
  return { regulator, accountId };
}

export function report(tag: string, facts: Record<string, unknown>): void {
  process.stderr.write(`[${tag}] ${JSON.stringify(facts)}\n`);
}
