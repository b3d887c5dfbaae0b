import { createHash, randomBytes } from 'node:crypto';

/** What every API token starts with, so that scanners (and people) recognise a leaked one. */
export const API_TOKEN_PREFIX = 'cets_';

/** A session id: 32 random bytes, base64url (43 characters). */
export function newSessionId(): string {
  return randomBytes(32).toString('base64url');
}

/** A new API token's text: the prefix and 32 random bytes, base64url. */
export function newApiTokenText(): string {
  return `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** A short public id for listing and revoking a token without its secret. */
export function newPublicId(): string {
  return randomBytes(9).toString('base64url');
}

/**
 * SHA-256 (hex) of a session id or token. Both carry 256 random bits, so a fast unsalted hash is enough: the
 * database alone never lets anyone act, and lookups stay an index probe.
 */
export function secretDigest(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** A random password for generated accounts: 18 bytes, base64url (24 characters). */
export function newRandomPassword(): string {
  return randomBytes(18).toString('base64url');
}
