import { openDatabase } from '../store/database';
import { AuthStore } from './auth-store';
import type { CaRegistrar, CaUser } from './ca-registrar';
import { AuthError } from './errors';
import { TEST_SCRYPT_COST } from './passwords';
import { registerServerUser } from './user-registration';

function fakeCa(wallet: string[] = []): CaRegistrar & { registered: CaUser[] } {
  const registered: CaUser[] = [];
  return {
    registered,
    hasIdentity: (name) => wallet.includes(name),
    registerAndEnroll: (user) => {
      registered.push(user);
      wallet.push(user.name);
      return Promise.resolve();
    },
  };
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'OK',
    (err: unknown) => (err instanceof AuthError ? err.code : String(err)),
  );

describe('registerServerUser', () => {
  const store = () => new AuthStore(openDatabase(':memory:'), { scryptCost: TEST_SCRYPT_COST });

  it('registers with the CA first, then stores the user', async () => {
    const auth = store();
    const ca = fakeCa();
    const user = await registerServerUser(auth, ca, {
      name: 'trader3',
      role: 'trader',
      entity: 'ENT1',
      password: 'initial-password',
    });
    expect(ca.registered).toEqual([{ name: 'trader3', role: 'trader', entity: 'ENT1' }]);
    expect(user).toMatchObject({ name: 'trader3', role: 'trader', entity: 'ENT1', admin: false });
    await expect(auth.users.verifyLogin('trader3', 'initial-password')).resolves.toBeDefined();
  });

  it('refuses a name the wallet or the server already has, without calling the CA', async () => {
    const auth = store();
    const ca = fakeCa(['trader1']);
    await auth.users.create({ name: 'auditor2', role: 'auditor', password: 'initial-password' });
    await expect(
      codeOf(
        registerServerUser(auth, ca, { name: 'trader1', role: 'auditor', password: 'initial-password' }),
      ),
    ).resolves.toBe('CONFLICT');
    await expect(
      codeOf(
        registerServerUser(auth, ca, { name: 'auditor2', role: 'auditor', password: 'initial-password' }),
      ),
    ).resolves.toBe('CONFLICT');
    expect(ca.registered).toEqual([]);
  });

  it('refuses an invalid user before the CA, and stores nothing when the CA fails', async () => {
    const auth = store();
    const ca = fakeCa();
    await expect(
      codeOf(registerServerUser(auth, ca, { name: 'trader3', role: 'trader', password: 'initial-password' })),
    ).resolves.toBe('INVALID_ARGUMENT');
    expect(ca.registered).toEqual([]);

    const down: CaRegistrar = {
      hasIdentity: () => false,
      registerAndEnroll: () => Promise.reject(new AuthError('UNAVAILABLE', 'CA unreachable')),
    };
    await expect(
      codeOf(
        registerServerUser(auth, down, { name: 'auditor3', role: 'auditor', password: 'initial-password' }),
      ),
    ).resolves.toBe('UNAVAILABLE');
    expect(auth.users.get('auditor3')).toBeUndefined();
  });
});
