import { carbon } from './support/carbon-cli';

/** A user name no earlier run registered (the CA keeps identities while the network lives). */
const fresh = (prefix: string): string => `${prefix}${Date.now().toString(36)}`;

describe('carbon CLI against the real network', () => {
  test('whoami --json prints the identity the chaincode sees', async () => {
    const run = await carbon('whoami', '--org', 'Enterprise1', '--user', 'trader1', '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      organization: 'Enterprise1',
      user: 'trader1',
      mspId: 'Enterprise1MSP',
      role: 'trader',
      entity: 'ENT1',
    });
  });

  test('a registered and enrolled user reaches the chaincode with its role and entity', async () => {
    const name = fresh('operator');
    const registered = await carbon(
      'identity',
      'register',
      '--org',
      'Enterprise2',
      '--name',
      name,
      '--role',
      'operator',
      '--entity',
      'ENT2',
      '--json',
    );
    expect(registered.code).toBe(0);
    const { secret } = JSON.parse(registered.stdout) as { secret: string };
    expect(secret.length).toBeGreaterThanOrEqual(16);

    const enrolled = await carbon(
      'identity',
      'enroll',
      '--org',
      'Enterprise2',
      '--name',
      name,
      '--secret',
      secret,
    );
    expect(enrolled.code).toBe(0);

    const whoami = await carbon('whoami', '--org', 'Enterprise2', '--user', name, '--json');
    expect(JSON.parse(whoami.stdout)).toMatchObject({
      mspId: 'Enterprise2MSP',
      role: 'operator',
      entity: 'ENT2',
    });

    // A failed enrolment (wrong secret) is one clear line and keeps the working identity.
    const wrong = await carbon(
      'identity',
      'enroll',
      '--org',
      'Enterprise2',
      '--name',
      name,
      '--secret',
      'not-the-secret',
    );
    expect(wrong.code).toBe(1);
    expect(wrong.stderr.trim()).toMatch(/^error: Fabric CA enroll failed: .*Authentication failure/);
    const still = await carbon('whoami', '--org', 'Enterprise2', '--user', name, '--json');
    expect(still.code).toBe(0);
  });

  test('an operator without an entity is refused before anything is registered', async () => {
    const run = await carbon(
      'identity',
      'register',
      '--org',
      'Enterprise1',
      '--name',
      fresh('op'),
      '--role',
      'operator',
    );
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe('error: an operator needs --entity, the enterprise it acts for');
  });

  test('a chaincode refusal is one line and exit code 1', async () => {
    const run = await carbon(
      'invoke',
      'Registry:GetEntity',
      'NO-SUCH-ENTITY',
      '--evaluate',
      '--org',
      'Auditor',
    );
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^error: NOT_FOUND: /)]);
  });

  test.each([
    [['frobnicate'], /^error: unknown command "frobnicate"/],
    [['whoami'], /^error: --org is required/],
    [['whoami', '--org', 'Enterprise1', '--bogus'], /^error: unknown option '--bogus'/],
    [['whoami', '--org', 'Nowhere'], /^error: no connection settings for organisation "Nowhere"/],
  ])('usage mistake %j: one line, exit 1, no stack trace', async (args, message) => {
    const run = await carbon(...args);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  test('--help lists every command', async () => {
    const run = await carbon('--help');
    expect(run.code).toBe(0);
    for (const name of ['whoami', 'identity register', 'identity enroll', 'invoke'])
      expect(run.stdout).toContain(name);
  });
});
