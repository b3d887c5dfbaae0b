import type { OrgConnectionSettings } from '@carbon-ets/contract';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fabricCaRegistrar } from './ca-registrar';
import { AuthError } from './errors';

// Only the paths that stop before the CA is called: the real registration is covered by integration tests.
describe('fabricCaRegistrar', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'carbon-ca-'));
    const settings: OrgConnectionSettings = {
      organization: 'Auditor',
      mspId: 'AuditorMSP',
      peerEndpoint: 'localhost:11051',
      peerHostAlias: 'peer0.auditor',
      tlsRootCertFile: path.join(dir, 'tls.pem'),
      channel: 'carbon',
      chaincode: 'carbon',
      users: { auditor1: { certificateFile: '/c.pem', privateKeyFile: '/k.pem', role: 'auditor' } },
      ca: {
        url: 'https://localhost:7054',
        caName: 'ca-auditor',
        tlsRootCertFile: path.join(dir, 'tls.pem'),
        clientBinary: path.join(dir, 'no-such-fabric-ca-client'),
        registrarMspDir: path.join(dir, 'registrar'),
        identitiesDir: path.join(dir, 'identities'),
      },
    };
    writeFileSync(path.join(dir, 'auditor.json'), JSON.stringify(settings));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (err: unknown) => (err instanceof AuthError ? `${err.code}: ${err.message}` : String(err)),
    );

  it("reads the org's wallet afresh", () => {
    const registrar = fabricCaRegistrar('Auditor', dir);
    expect(registrar.hasIdentity('auditor1')).toBe(true);
    expect(registrar.hasIdentity('auditor2')).toBe(false);
  });

  it('refuses a name the wallet holds, and an invalid user, as AuthErrors', async () => {
    const registrar = fabricCaRegistrar('Auditor', dir);
    await expect(failure(registrar.registerAndEnroll({ name: 'auditor1', role: 'auditor' }))).resolves.toBe(
      'CONFLICT: the wallet already holds an identity named auditor1',
    );
    await expect(
      failure(registrar.registerAndEnroll({ name: 'Not A Name', role: 'auditor' })),
    ).resolves.toMatch(/^INVALID_ARGUMENT: /);
  });

  it("refuses a role or an entity that none of the org's identities holds", async () => {
    const registrar = fabricCaRegistrar('Auditor', dir);
    await expect(failure(registrar.registerAndEnroll({ name: 'boss', role: 'regulator' }))).resolves.toBe(
      "FORBIDDEN: Auditor's users cannot hold the role regulator",
    );
    await expect(
      failure(registrar.registerAndEnroll({ name: 'auditor2', role: 'auditor', entity: 'ENT1' })),
    ).resolves.toBe("FORBIDDEN: Auditor's users cannot act for entity ENT1");
  });

  it('reports an unreachable CA as UNAVAILABLE', async () => {
    const registrar = fabricCaRegistrar('Auditor', dir);
    await expect(
      failure(registrar.registerAndEnroll({ name: 'auditor2', role: 'auditor' })),
    ).resolves.toMatch(/^UNAVAILABLE: Fabric CA register failed/);
  });
});
