import { createHash, randomBytes } from 'node:crypto';

// A personal API token: shown once in clear, stored only as its hash.
export const TOKEN_PREFIX = 'ntk_';

export function newApiToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

/** Tokens are stored as SHA-256: they are long random strings, so a slow hash adds nothing. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
