import { isRaftLeader, loadTopology, nodeAddress, Progress, type OrdererNode } from '@carbon-ets/network';
import { ensureBaseline } from '../../support/baseline';
import { participant, type Participant } from '../../support/participants';
import { stopLoads } from './deposit-load';

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

/** What one fault scenario loads the network with: the regulator, who deposits, into a fresh ENT1 account. */
export interface LoadScenario {
  readonly regulator: Participant;
  readonly accountId: string;
}

/**
 * Registers the suite's set-up and tear-down for one scenario's load: beforeAll opens a fresh ENT1 trading
 * account (`<tag>-<time>`) as the regulator; afterAll stops every load still running (a failed test left it
 * going) and closes the regulator's connection. Its fields can be read once beforeAll has run, in a test.
 */
export function loadScenario(tag: string): LoadScenario {
  let loaded: LoadScenario | undefined;
  beforeAll(async () => {
    const regulator = participant('Regulator', 'regulator1');
    await ensureBaseline(regulator);
    const accountId = `${tag}-${Date.now()}`;
    await regulator.submit('Registry:OpenAccount', { kind: 'trading', id: accountId, entityId: 'ENT1' });
    loaded = { regulator, accountId };
  });
  afterAll(async () => {
    await stopLoads();
    loaded?.regulator.connection.close();
  });
  const current = (): LoadScenario => {
    if (!loaded) throw new Error(`${tag}: the scenario's load is read before its beforeAll ran`);
    return loaded;
  };
  return {
    get regulator() {
      return current().regulator;
    },
    get accountId() {
      return current().accountId;
    },
  };
}

export function report(tag: string, facts: Record<string, unknown>): void {
  process.stderr.write(`[${tag}] ${JSON.stringify(facts)}\n`);
}
