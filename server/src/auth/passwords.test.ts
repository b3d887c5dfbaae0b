import { DEFAULT_SCRYPT_COST, hashPassword, TEST_SCRYPT_COST, verifyPassword } from './passwords';

describe('password hashes', () => {
  it('are scrypt PHC strings with their cost and a per-hash salt', async () => {
    const first = await hashPassword('correct horse battery', TEST_SCRYPT_COST);
    const second = await hashPassword('correct horse battery', TEST_SCRYPT_COST);
    expect(first).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(first).not.toContain('correct horse battery');
    expect(second).not.toBe(first);
  });

  it('verify the right password only', async () => {
    const hash = await hashPassword('correct horse battery', TEST_SCRYPT_COST);
    await expect(verifyPassword('correct horse battery', hash)).resolves.toBe(true);
    await expect(verifyPassword('correct horse batterY', hash)).resolves.toBe(false);
    await expect(verifyPassword('', hash)).resolves.toBe(false);
  });

  it('never match a malformed hash', async () => {
    await expect(verifyPassword('x', 'plain text')).resolves.toBe(false);
    await expect(verifyPassword('x', '$scrypt$ln=10,r=8,p=1$salt$')).resolves.toBe(false);
  });

  it('default to an OWASP-recommended cost', () => {
    expect(DEFAULT_SCRYPT_COST.N * DEFAULT_SCRYPT_COST.r * 128).toBeGreaterThanOrEqual(32 * 1024 * 1024);
  });
});
