import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
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

/**
 * configtx.yaml for the channel, derived from the topology. Application policies: any member reads and
 * writes; a MAJORITY of org admins changes configuration; a MAJORITY of org peers endorses chaincode
 * transactions and lifecycle definitions. Anchor peers are declared in the genesis block itself.
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
        Readers: signature(`OR('${id}.admin', '${id}.peer', '${id}.client')`),
        Writers: signature(`OR('${id}.admin', '${id}.client')`),
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
          Policies: {
            Readers: implicitMeta('ANY Readers'),
            Writers: implicitMeta('ANY Writers'),
            Admins: implicitMeta('MAJORITY Admins'),
            LifecycleEndorsement: implicitMeta('MAJORITY Endorsement'),
            Endorsement: implicitMeta('MAJORITY Endorsement'),
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
