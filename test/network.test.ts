import { TextDecoder } from 'node:util';
import { connectAs, type CallerIdentity } from '@carbon-ets/gateway-client';
import { blockHeight, loadTopology } from '@carbon-ets/network';
import { setTimeout as sleep } from 'node:timers/promises';

const topology = loadTopology();
const utf8 = new TextDecoder();

async function peerHeights(): Promise<number[]> {
  return Promise.all(topology.organizations.map((org) => blockHeight(topology, org)));
}

describe('the carbon consortium on a real Fabric network', () => {
  let heightBefore = 0;

  beforeAll(async () => {
    heightBefore = Math.max(...(await peerHeights()));
  });

  describe.each(topology.organizations.map((org) => [org.name, org] as const))('%s', (_name, org) => {
    const user = org.users[0];
    if (!user) throw new Error(`${org.name} has no user in the topology`);

    test(`evaluates System:WhoAmI as ${user.name} and gets its MSP id and CA attributes back`, async () => {
      const connection = connectAs({ organization: org.name, user: user.name });
      try {
        const answer = JSON.parse(
          utf8.decode(await connection.contract.evaluateTransaction('System:WhoAmI')),
        ) as CallerIdentity;
        expect(answer).toMatchObject({ mspId: org.mspId, role: user.role, entity: user.entity ?? null });
      } finally {
        connection.close();
      }
    });

    test(`submits System:WhoAmI as ${user.name}; it commits VALID with the same identity`, async () => {
      const connection = connectAs({ organization: org.name, user: user.name });
      try {
        const submitted = await connection.contract.submitAsync('System:WhoAmI');
        const answer = JSON.parse(utf8.decode(submitted.getResult())) as CallerIdentity;
        expect(answer).toMatchObject({
          mspId: org.mspId,
          role: user.role,
          txId: submitted.getTransactionId(),
        });
        const status = await submitted.getStatus();
        expect(status.successful).toBe(true);
        expect(status.blockNumber).toBeGreaterThanOrEqual(BigInt(heightBefore));
      } finally {
        connection.close();
      }
    });
  });

  test('an org admin without carbon attributes is identified by MSP only', async () => {
    const auditor = topology.organizations.find((org) => org.name === 'Auditor');
    if (!auditor) throw new Error('topology has no Auditor org');
    const connection = connectAs({ organization: auditor.name, user: 'orgadmin' });
    try {
      const answer = JSON.parse(
        utf8.decode(await connection.contract.evaluateTransaction('System:WhoAmI')),
      ) as CallerIdentity;
      expect(answer).toMatchObject({ mspId: auditor.mspId, role: null, entity: null });
    } finally {
      connection.close();
    }
  });

  test('every peer reaches the same block height, past the blocks the submissions made', async () => {
    let heights = await peerHeights();
    for (let attempt = 0; attempt < 40 && new Set(heights).size > 1; attempt++) {
      await sleep(250);
      heights = await peerHeights();
    }
    expect(new Set(heights).size).toBe(1);
    expect(heights[0]).toBeGreaterThan(heightBefore);
  });
});
