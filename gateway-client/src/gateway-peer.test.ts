import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Contract } from '@hyperledger/fabric-gateway';
import type { OrgConnectionSettings } from './connection-settings';
import { GatewayClientError } from './errors';
import { evaluatingOn, gatewayPeerSettings, loadGatewayPeerSettings } from './gateway-peer';

function settings(organization: string, port: number): OrgConnectionSettings {
  const lower = organization.toLowerCase();
  return {
    organization,
    mspId: `${organization}MSP`,
    peerEndpoint: `127.0.0.1:${port}`,
    peerHostAlias: `peer0.${lower}.carbon.local`,
    tlsRootCertFile: `/run/crypto/${lower}/tlsca.pem`,
    channel: 'carbon',
    chaincode: 'carbon',
    batchTimeoutMs: 250,
    users: {
      orgadmin: { certificateFile: `/run/${lower}/admin.pem`, privateKeyFile: `/run/${lower}/admin.key` },
    },
    ca: {
      url: 'https://127.0.0.1:7054',
      caName: `ca-${lower}`,
      tlsRootCertFile: '/run/ca/tls.pem',
      clientBinary: '/cache/fabric-ca-client',
      registrarMspDir: `/run/${lower}/registrar/msp`,
      identitiesDir: `/run/${lower}/users`,
    },
  };
}

const auditor = settings('Auditor', 11051);
const enterprise2 = settings('Enterprise2', 10051);

describe("reading the world state of another organisation's peer", () => {
  test("the user's identity and channel, with that peer's endpoint, TLS host name and TLS root", () => {
    expect(gatewayPeerSettings(auditor, enterprise2)).toEqual({
      ...auditor,
      peerEndpoint: '127.0.0.1:10051',
      peerHostAlias: 'peer0.enterprise2.carbon.local',
      tlsRootCertFile: '/run/crypto/enterprise2/tlsca.pem',
    });
  });

  describe('the organisation named by --peer', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'gateway-peer-'));
    });
    afterEach(() => {
      rmSync(dir, { recursive: true, force: true });
    });

    test('is read from its connection settings, by name in any case', () => {
      writeFileSync(path.join(dir, 'enterprise2.json'), JSON.stringify(enterprise2));
      expect(loadGatewayPeerSettings('ENTERPRISE2', dir)).toEqual(enterprise2);
    });

    test('an unknown one is one line naming those that have settings', () => {
      writeFileSync(path.join(dir, 'auditor.json'), JSON.stringify(auditor));
      writeFileSync(path.join(dir, 'enterprise2.json'), JSON.stringify(enterprise2));
      expect(() => loadGatewayPeerSettings('Enterprise9', dir)).toThrow(
        expect.objectContaining({
          code: 'NO_CONNECTION_SETTINGS',
          message: 'no peer organisation "Enterprise9"',
          hint: 'name one of: auditor, enterprise2',
        }) as Error,
      );
    });

    test('with no settings at all, the error says to start the network', () => {
      const attempt = () => loadGatewayPeerSettings('Enterprise2', path.join(dir, 'missing'));
      expect(attempt).toThrow(GatewayClientError);
      expect(attempt).toThrow(/no connection settings for organisation "Enterprise2"/);
    });
  });

  test("every evaluation is endorsed by that organisation's peer only; other calls pass through", async () => {
    const evaluate = jest.fn(() => Promise.resolve(new Uint8Array([1])));
    const contract = {
      evaluate,
      evaluateTransaction: jest.fn(),
      getChaincodeName: () => 'carbon',
    } as unknown as Contract;
    const pinned = evaluatingOn(contract, 'Enterprise2MSP');
    await expect(pinned.evaluateTransaction('Query:GetHoldings', 'NATIONAL-ALLOCATION')).resolves.toEqual(
      new Uint8Array([1]),
    );
    expect(evaluate).toHaveBeenCalledWith('Query:GetHoldings', {
      arguments: ['NATIONAL-ALLOCATION'],
      endorsingOrganizations: ['Enterprise2MSP'],
    });
    expect(pinned.getChaincodeName()).toBe('carbon');
  });
});
