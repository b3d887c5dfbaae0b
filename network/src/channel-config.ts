import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { majorityOf } from '@carbon-ets/contract';
import { identityPaths, orgPaths } from './crypto-material';
import { run } from './exec';
import { fabricBinary } from './fabric-binaries';
import { runPaths } from './paths';
import type { Topology } from './topology';
import { peerNodeName } from './topology';
import { nodeAddress } from './hosts';

const PROFILE = 'CarbonChannel';

/** The genesis block of the application channel, joined by every orderer and peer. */
function genesisBlockFile(topology: Topology): string {
  return path.join(runPaths.channel, `${topology.channel}.block`);
}

const signature = (rule: string) => ({ Type: 'Signature', Rule: rule });
const implicitMeta = (rule: string) => ({ Type: 'ImplicitMeta', Rule: rule });
/** Who of an organisation reads the channel, and who writes to it (submits transactions). */
const readers = (mspId: string) => `'${mspId}.admin', '${mspId}.peer', '${mspId}.client'`;
const writers = (mspId: string) => `'${mspId}.admin', '${mspId}.client'`;

/**
 * A majority of the organisations' peers, as one signature policy: `OutOf(3, 'A.peer', …)` for five organisations.
 * The same rule as `MAJORITY Endorsement` (each organisation's Endorsement is its peer), but cheaper to validate:
 * an implicit-meta policy evaluates every organisation's sub-policy against the whole signature set, so a peer
 * verified each endorsement's signature once per organisation (15 ECDSA verifications a transaction for 3 of 5,
 * 22 % of a peer's CPU under load); a signature policy verifies each once. An organisation joining the channel
 * must be added here by a channel update, as it must be approved by a majority anyway.
 */
export function majorityOfPeers(topology: Topology): string {
  const peers = topology.organizations.map((org) => `'${org.mspId}.peer'`);
  return `OutOf(${majorityOf(peers.length)}, ${peers.join(', ')})`;
}

/**
 * configtx.yaml for the channel, derived from the topology. Application policies: any member reads and
 * writes; a MAJORITY of org admins changes configuration; a majority of org peers endorses chaincode
 * transactions (an explicit OutOf, see {@link majorityOfPeers}) and lifecycle definitions (MAJORITY
 * Endorsement). Anchor peers are declared in the genesis block itself.
 */
export function channelConfig(topology: Topology): Record<string, unknown> {
  const ordererOrg = {
    Name: topology.ordering.name,
    ID: topology.ordering.mspId,
    MSPDir: orgPaths(topology.ordering.name).msp,
    Policies: {
      Readers: signature(`OR('${topology.ordering.mspId}.member')`),
      Writers: signature(`OR('${topology.ordering.mspId}.member')`),
      Admins: signature(`OR('${topology.ordering.mspId}.admin')`),
    },
    OrdererEndpoints: topology.ordering.orderers.map((o) => `${nodeAddress(topology, o.name)}:${o.port}`),
  };
  const peerOrgs = topology.organizations.map((org) => {
    const id = org.mspId;
    return {
      Name: org.name,
      ID: id,
      MSPDir: orgPaths(org.name).msp,
      Policies: {
        Readers: signature(`OR(${readers(id)})`),
        Writers: signature(`OR(${writers(id)})`),
        Admins: signature(`OR('${id}.admin')`),
        Endorsement: signature(`OR('${id}.peer')`),
      },
      AnchorPeers: [{ Host: nodeAddress(topology, peerNodeName(org)), Port: org.peer.port }],
    };
  });
  return {
    Profiles: {
      [PROFILE]: {
        Policies: {
          Readers: implicitMeta('ANY Readers'),
          Writers: implicitMeta('ANY Writers'),
          Admins: implicitMeta('MAJORITY Admins'),
        },
        Capabilities: { V2_0: true },
        Orderer: {
          OrdererType: 'etcdraft',
          BatchTimeout: topology.ordering.batchTimeout,
          BatchSize: {
            MaxMessageCount: topology.ordering.maxMessageCount,
            AbsoluteMaxBytes: '99 MB',
            PreferredMaxBytes: '2 MB',
          },
          EtcdRaft: {
            Consenters: topology.ordering.orderers.map((o) => {
              const ids = identityPaths(orgPaths(topology.ordering.name).node(o.name));
              return {
                Host: nodeAddress(topology, o.name),
                Port: o.port,
                ClientTLSCert: ids.tlsCert,
                ServerTLSCert: ids.tlsCert,
              };
            }),
            Options: {
              TickInterval: topology.ordering.raft.tickInterval,
              ElectionTick: topology.ordering.raft.electionTick,
              HeartbeatTick: 1,
              MaxInflightBlocks: 5,
              // See topology.yaml: a small interval works around a stalled WAL replay after a restart.
              SnapshotIntervalSize: topology.ordering.raft.snapshotIntervalSize,
            },
          },
          Organizations: [ordererOrg],
          Policies: {
            Readers: implicitMeta('ANY Readers'),
            Writers: implicitMeta('ANY Writers'),
            Admins: implicitMeta('MAJORITY Admins'),
            BlockValidation: implicitMeta('ANY Writers'),
          },
          Capabilities: { V2_0: true },
        },
        Application: {
          Organizations: peerOrgs,
          // Readers and Writers as single signature policies, for the reason given at majorityOfPeers: every
          // proposal's ACL check (peer/Propose is Writers) verified the creator's signature once per organisation.
          Policies: {
            Readers: signature(`OR(${topology.organizations.map((org) => readers(org.mspId)).join(', ')})`),
            Writers: signature(`OR(${topology.organizations.map((org) => writers(org.mspId)).join(', ')})`),
            Admins: implicitMeta('MAJORITY Admins'),
            LifecycleEndorsement: implicitMeta('MAJORITY Endorsement'),
            Endorsement: signature(majorityOfPeers(topology)),
          },
          Capabilities: { V2_5: true },
        },
      },
    },
  };
}

/** Writes configtx.yaml and has configtxgen turn it into the channel's genesis block. */
export async function createGenesisBlock(topology: Topology): Promise<string> {
  mkdirSync(runPaths.channel, { recursive: true });
  writeFileSync(path.join(runPaths.channel, 'configtx.yaml'), stringify(channelConfig(topology)));
  const block = genesisBlockFile(topology);
  await run(fabricBinary(topology.fabric, 'configtxgen'), [
    '-configPath',
    runPaths.channel,
    '-profile',
    PROFILE,
    '-channelID',
    topology.channel,
    '-outputBlock',
    block,
  ]);
  return block;
}
