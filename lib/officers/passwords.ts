import { randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';
import { MAX_PASSWORD_LENGTH } from './passwordRules';

/**
 * Officer passwords, hashed with scrypt (memory-hard, in Node's standard library). The stored form names its
 * parameters, so that they can be raised later without invalidating existing hashes.
 */

/** scrypt's cost: CPU and memory (`n`), block size (`r`), parallelism (`p`). */
export interface ScryptCost {
  n: number;
  r: number;
  p: number;
}

/** The cost new hashes are made with: 32 MB of memory and tens of milliseconds of CPU each. */
export const DEFAULT_SCRYPT_COST: Readonly<ScryptCost> = Object.freeze({ n: 2 ** 15, r: 8, p: 1 });
const KEY_LENGTH = 32;
const MAX_MEMORY = 128 * DEFAULT_SCRYPT_COST.n * DEFAULT_SCRYPT_COST.r * 2;

export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordProblem } from './passwordRules';

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { N: n, r, p, maxmem: Math.max(MAX_MEMORY, 128 * n * r * 2) }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** A new hash, at `cost` (the default unless given; a stored hash names its own, which verifying reads). */
export async function hashPassword(password: string, cost: Readonly<ScryptCost> = DEFAULT_SCRYPT_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost.n, cost.r, cost.p);
  return `scrypt$${cost.n}$${cost.r}$${cost.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (typeof password !== 'string' || password.length > MAX_PASSWORD_LENGTH) return false;
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [n, r, p] = parts.slice(1, 4).map(Number);
  const salt = Buffer.from(parts[4], 'base64url');
  const expected = Buffer.from(parts[5], 'base64url');
  const key = await derive(password, salt, n, r, p);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A one-time password for a new account: readable, 20 characters from an alphabet without look-alikes. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';
  return Array.from({ length: 20 }, () => alphabet[randomInt(alphabet.length)]).join('');
}
