import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GatewayClientError } from './errors';
import { CONNECTION_DIR_VARIABLE, loadConnectionSettings, settingsDirOf } from './connection-settings';

const GOOD = {
  organization: 'Enterprise1',
  mspId: 'Enterprise1MSP',
  peerEndpoint: '127.0.0.1:9051',
  peerHostAlias: 'peer0.enterprise1.carbon.local',
  tlsRootCertFile: '/run/tls/ca.pem',
  channel: 'carbon',
  chaincode: 'carbon',
  batchTimeoutMs: 500,
  users: {
    orgadmin: { certificateFile: '/run/admin/cert.pem', privateKeyFile: '/run/admin/key.pem' },
    trader1: {
      certificateFile: '/run/trader1/cert.pem',
      privateKeyFile: '/run/trader1/key.pem',
      role: 'trader',
      entity: 'ENT1',
    },
  },
  ca: {
    url: 'https://127.0.0.1:7054',
    caName: 'ca-enterprise1',
    tlsRootCertFile: '/run/ca/tls.pem',
    clientBinary: '/cache/fabric-ca-client',
    registrarMspDir: '/run/registrar/msp',
    identitiesDir: '/run/users',
  },
};

describe('connection settings', () => {
  let dir: string;
  const saved = process.env[CONNECTION_DIR_VARIABLE];
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'connection-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    if (saved === undefined) delete process.env.CARBON_CONNECTION_DIR;
    else process.env[CONNECTION_DIR_VARIABLE] = saved;
  });
  const write = (content: unknown): void => {
    writeFileSync(path.join(dir, 'enterprise1.json'), JSON.stringify(content));
  };
  const refusal = (run: () => unknown): GatewayClientError => {
    try {
      run();
    } catch (err) {
      if (err instanceof GatewayClientError) return err;
      throw err;
    }
    throw new Error('expected a GatewayClientError');
  };

  test('reads a file the network wrote, by organisation name in any case', () => {
    write(GOOD);
    expect(loadConnectionSettings('ENTERPRISE1', dir)).toEqual(GOOD);
  });

  test('takes the folder from CARBON_CONNECTION_DIR when the caller gives none', () => {
    write(GOOD);
    process.env[CONNECTION_DIR_VARIABLE] = dir;
    expect(loadConnectionSettings('Enterprise1').mspId).toBe('Enterprise1MSP');
    expect(settingsDirOf('/elsewhere')).toBe('/elsewhere');
  });

  test('assumes no folder of its own', () => {
    delete process.env.CARBON_CONNECTION_DIR;
    const err = refusal(() => loadConnectionSettings('Enterprise1'));
    expect(err.code).toBe('NO_CONNECTION_SETTINGS');
    expect(err.hint).toContain(CONNECTION_DIR_VARIABLE);
  });

  test('a missing file is NO_CONNECTION_SETTINGS naming it', () => {
    const err = refusal(() => loadConnectionSettings('Auditor', dir));
    expect(err.code).toBe('NO_CONNECTION_SETTINGS');
    expect(err.message).toContain(path.join(dir, 'auditor.json'));
  });

  test.each([
    ['a bad nested field', { ...GOOD, ca: { ...GOOD.ca, url: 'not a url' } }, /ca\.url: must be a URL/],
    ['a missing field', { ...GOOD, mspId: undefined }, /: mspId: is required$/],
    [
      'an unknown role',
      { ...GOOD, users: { trader1: { ...GOOD.users.trader1, role: 'king' } } },
      /: users\.trader1\.role: must be one of regulator, /,
    ],
    ['an unknown key', { ...GOOD, batchTimeout: 500 }, /: batchTimeout: unknown key$/],
    ['a wrong type', { ...GOOD, batchTimeoutMs: '500' }, /: batchTimeoutMs: must be a whole number/],
  ])('%s is one BAD_CONNECTION_SETTINGS line naming the file and the field', (_what, content, message) => {
    write(content);
    const err = refusal(() => loadConnectionSettings('Enterprise1', dir));
    expect(err.code).toBe('BAD_CONNECTION_SETTINGS');
    expect(err.message.startsWith(`${path.join(dir, 'enterprise1.json')}: `)).toBe(true);
    expect(err.message).toMatch(message);
    expect(err.message).not.toContain('\n');
  });

  test('a file that is not JSON is BAD_CONNECTION_SETTINGS', () => {
    writeFileSync(path.join(dir, 'enterprise1.json'), '{ "organization": ');
    expect(refusal(() => loadConnectionSettings('Enterprise1', dir)).code).toBe('BAD_CONNECTION_SETTINGS');
  });
});
