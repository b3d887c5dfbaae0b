import { NetworkError } from './errors';
import { run } from './exec';
import { BRIDGE, BRIDGE_NAMESPACE, type ConsortiumHost, consortiumHosts } from './hosts';
import type { Topology } from './topology';

/**
 * The machines of multi-host mode, made of Linux network namespaces (root only): one namespace holds a bridge;
 * each host's namespace has loopback and one link (a veth pair) whose other end is on the bridge, with the
 * host's address in the topology's /24. Only these namespaces and addresses are created; nothing is routed
 * anywhere else.
 */
const ip = (...args: string[]) => run('ip', args, { timeoutMs: 10_000 });

async function existingNamespaces(): Promise<Set<string>> {
  const { stdout } = await ip('netns', 'list');
  return new Set(
    stdout
      .split('\n')
      .map((line) => line.split(' ')[0] ?? '')
      .filter(Boolean),
  );
}

/** Every namespace multi-host mode owns: the bridge's and each host's. */
export function hostNamespaces(topology: Topology): string[] {
  return [BRIDGE_NAMESPACE, ...consortiumHosts(topology).map((host) => host.namespace)];
}

/** True when every namespace of multi-host mode exists. */
export async function hostsExist(topology: Topology): Promise<boolean> {
  const existing = await existingNamespaces();
  return hostNamespaces(topology).every((namespace) => existing.has(namespace));
}

/** Creates the bridge and every host, replacing any left from an earlier run. */
export async function createHosts(topology: Topology): Promise<ConsortiumHost[]> {
  if (process.getuid?.() !== 0) {
    throw new NetworkError('multi-host mode creates network namespaces, which needs root', 'run it as root');
  }
  await removeHosts(topology);
  const prefixLength = 24;
  await ip('netns', 'add', BRIDGE_NAMESPACE);
  await ip('-n', BRIDGE_NAMESPACE, 'link', 'add', BRIDGE, 'type', 'bridge');
  await ip('-n', BRIDGE_NAMESPACE, 'link', 'set', BRIDGE, 'up');
  const hosts = consortiumHosts(topology);
  for (const host of hosts) {
    await ip('netns', 'add', host.namespace);
    await ip('-n', host.namespace, 'link', 'set', 'lo', 'up');
    await ip(
      '-n',
      BRIDGE_NAMESPACE,
      'link',
      'add',
      host.link,
      'type',
      'veth',
      'peer',
      'name',
      'eth0',
      'netns',
      host.namespace,
    );
    await ip('-n', BRIDGE_NAMESPACE, 'link', 'set', host.link, 'master', BRIDGE);
    await ip('-n', BRIDGE_NAMESPACE, 'link', 'set', host.link, 'up');
    await ip('-n', host.namespace, 'addr', 'add', `${host.address}/${prefixLength}`, 'dev', 'eth0');
    await ip('-n', host.namespace, 'link', 'set', 'eth0', 'up');
  }
  return hosts;
}

/** Deletes every namespace multi-host mode owns (their links go with them); absent ones are skipped. */
export async function removeHosts(topology: Topology): Promise<number> {
  const existing = await existingNamespaces();
  let removed = 0;
  for (const namespace of hostNamespaces(topology).reverse()) {
    if (!existing.has(namespace)) continue;
    await ip('netns', 'delete', namespace);
    removed++;
  }
  return removed;
}

/** Takes a host's link to the bridge down (the host is cut off from every other) or up again. */
export async function setHostLink(host: ConsortiumHost, state: 'up' | 'down'): Promise<void> {
  await ip('-n', BRIDGE_NAMESPACE, 'link', 'set', host.link, state);
}
