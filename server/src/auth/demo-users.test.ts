import type { OrgConnectionSettings } from '@carbon-ets/contract';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, type ServerDatabase } from '../store/database';
import { AuthStore } from './auth-store';
import { type DemoPassword, ensureDemoUsers } from './demo-users';
import { TEST_SCRYPT_COST } from './passwords';

const ids = (name: string) => ({
  certificateFile: `/ids/${name}/cert.pem`,
  privateKeyFile: `/ids/${name}/key.pem`,
});

const settings: OrgConnectionSettings = {
  organization: 'Enterprise1',
  mspId: 'Enterprise1MSP',
  peerEndpoint: 'localhost:9051',
  peerHostAlias: 'peer0.enterprise1',
  tlsRootCertFile: '/tls/ca.pem',
  channel: 'carbon',
  chaincode: 'carbon',
  users: {
    orgadmin: ids('orgadmin'),
    operator1: { ...ids('operator1'), role: 'operator', entity: 'ENT1' },
    trader1: { ...ids('trader1'), role: 'trader', entity: 'ENT1' },
  },
  ca: {
    url: 'https://localhost:7054',
    caName: 'ca-enterprise1',
    tlsRootCertFile: '/tls/ca.pem',
    clientBinary: '/bin/fabric-ca-client',
    registrarMspDir: '/ids/registrar/msp',
    identitiesDir: '/ids',
  },
};

describe('ensureDemoUsers', () => {
  let dir: string;
  let db: ServerDatabase;
  let store: AuthStore;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'carbon-auth-'));
    db = openDatabase(':memory:');
    store = new AuthStore(db, { scryptCost: TEST_SCRYPT_COST });
  });

  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const lines = (file: string): DemoPassword[] =>
    readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as DemoPassword);

  it("creates a user per wallet identity with a role, and the org's admin, with working passwords", async () => {
    const file = path.join(dir, 'server', 'passwords.txt');
    const created = await ensureDemoUsers(store, settings, file);
    expect(created.map((entry) => entry.user)).toEqual(['operator1', 'trader1', 'orgadmin']);
    expect(lines(file)).toEqual(created);
    expect(store.users.get('trader1')).toMatchObject({ role: 'trader', entity: 'ENT1', admin: false });
    expect(store.users.get('orgadmin')).toMatchObject({ admin: true });
    expect(store.users.get('orgadmin')?.role).toBeUndefined();
    for (const entry of created) {
      expect(entry.org).toBe('Enterprise1');
      expect(entry.password.length).toBeGreaterThanOrEqual(24);
      await expect(store.users.verifyLogin(entry.user, entry.password)).resolves.toBeDefined();
    }
  });

  it('writes the passwords file owner-only (0600), even when it existed with looser rights', async () => {
    const file = path.join(dir, 'passwords.txt');
    await ensureDemoUsers(store, settings, file);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const other = path.join(dir, 'loose.txt');
    writeFileSync(other, '', { mode: 0o644 });
    const otherStore = new AuthStore(openDatabase(':memory:'), { scryptCost: TEST_SCRYPT_COST });
    await ensureDemoUsers(otherStore, settings, other);
    expect(statSync(other).mode & 0o777).toBe(0o600);
  });

  it('is idempotent: existing users keep their passwords and only new ones are written', async () => {
    const file = path.join(dir, 'passwords.txt');
    const first = await ensureDemoUsers(store, settings, file);
    const before = readFileSync(file, 'utf8');
    await expect(ensureDemoUsers(store, settings, file)).resolves.toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe(before);
    for (const entry of first) {
      await expect(store.users.verifyLogin(entry.user, entry.password)).resolves.toBeDefined();
    }

    const grown: OrgConnectionSettings = {
      ...settings,
      users: { ...settings.users, trader3: { ...ids('trader3'), role: 'trader', entity: 'ENT1' } },
    };
    const second = await ensureDemoUsers(store, grown, file);
    expect(second.map((entry) => entry.user)).toEqual(['trader3']);
    expect(lines(file)).toEqual([...first, ...second]);
  });
});
