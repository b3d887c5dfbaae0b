import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt's cost parameters: CPU/memory cost `N` (a power of two), block size `r`, parallelism `p`. */
export interface ScryptCost {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/**
 * One of OWASP's recommended scrypt settings (32 MiB, about a quarter of a second here): slow enough that a
 * stolen database cannot be guessed at speed, cheap enough that a login stays interactive.
 */
export const DEFAULT_SCRYPT_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 3 };

/** Tests only: fast and insecure, so that a test suite can hash dozens of passwords. */
export const TEST_SCRYPT_COST: ScryptCost = { N: 2 ** 10, r: 8, p: 1 };

const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
/** Longer inputs only cost scrypt time; no human types more. */
export const MAX_PASSWORD_LENGTH = 1024;
// Refuse absurd parameters from a damaged store rather than allocate gigabytes for one login.
const MAX_LOG_N = 20;

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password,
      salt,
      KEY_LENGTH,
      // Node's default 32 MiB ceiling is exactly what N=2^15, r=8 needs, without the working space.
      { ...cost, maxmem: 256 * cost.N * cost.r + 1024 * 1024 },
      (err, key) => {
        if (err) reject(err);
        else resolve(key);
      },
    );
  });
}

/**
 * Hashes a password with scrypt and a fresh random salt, in the PHC string format
 * `$scrypt$ln=<log2 N>,r=<r>,p=<p>$<salt>$<hash>` (base64url): the parameters travel with the hash, so raising
 * the cost later leaves existing hashes verifiable.
 */
export async function hashPassword(
  password: string,
  cost: ScryptCost = DEFAULT_SCRYPT_COST,
): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(password, salt, cost);
  return `$scrypt$ln=${Math.log2(cost.N)},r=${cost.r},p=${cost.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/**
 * Whether a password matches a hash made by {@link hashPassword}, compared in constant time. A malformed hash
 * never matches (and still costs a derivation, so it is not faster to find).
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const match = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/.exec(
    stored,
  );
  const [, logN, r, p, salt, hash] = match ?? [];
  if (logN === undefined || r === undefined || p === undefined || salt === undefined || hash === undefined) {
    await derive(password, randomBytes(SALT_LENGTH), DEFAULT_SCRYPT_COST);
    return false;
  }
  const cost: ScryptCost = { N: 2 ** Math.min(Number(logN), MAX_LOG_N), r: Number(r), p: Number(p) };
  const expected = Buffer.from(hash, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), cost);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
