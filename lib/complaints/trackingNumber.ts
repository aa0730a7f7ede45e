import { toAsciiDigits } from '../thai/text';

/**
 * Tracking numbers: `DD-2569-7K3Q9XR` — the Buddhist-era year of filing, six random characters and a check
 * character, in Crockford's base 32 (no I, L, O or U, so nothing is mistaken for 1 or 0 when read aloud or
 * typed). Six random characters give a billion numbers a year: knowing one number says nothing about another.
 * The check character (Luhn mod 32) catches any single mistyped character and most swaps of two neighbours,
 * so a typo is reported as a typo instead of as "not found".
 *
 * Browser-safe (Web Crypto, no node:*): the officer app checks a number's syntax with parseTrackingNumber too.
 */

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BASE = ALPHABET.length;
const RANDOM_LENGTH = 6;
const PREFIX = 'DD';

export type TrackingNumberParse =
  | { ok: true; number: string }
  | { ok: false; reason: 'format' | 'checksum' };

function valueOf(char: string): number {
  return ALPHABET.indexOf(char);
}

/** Luhn mod N over the year digits and the random characters. */
function checkCharacter(payload: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = payload.length - 1; i >= 0; i -= 1) {
    let addend = factor * valueOf(payload[i]);
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / BASE) + (addend % BASE);
    sum += addend;
  }
  return ALPHABET[(BASE - (sum % BASE)) % BASE];
}

function format(year: string, code: string): string {
  return `${PREFIX}-${year}-${code}`;
}

/** A uniform random integer below `max` (at most 256) from Web Crypto, which Node and browsers both have. */
function randomInt(max: number): number {
  const bytes = new Uint8Array(1);
  // Rejection sampling: bytes at or above the largest multiple of max would favour small values.
  const limit = 256 - (256 % max);
  do globalThis.crypto.getRandomValues(bytes);
  while (bytes[0] >= limit);
  return bytes[0] % max;
}

/** A new tracking number for a complaint filed in the given Buddhist-era year. */
export function generateTrackingNumber(buddhistYear: number, random: (max: number) => number = randomInt): string {
  const year = String(buddhistYear);
  let body = '';
  for (let i = 0; i < RANDOM_LENGTH; i += 1) body += ALPHABET[random(BASE)];
  return format(year, body + checkCharacter(year + body));
}

/** Crockford's reading rules: letters that look like digits are those digits. */
function canonical(text: string): string {
  return toAsciiDigits(text.normalize('NFKC'))
    .toUpperCase()
    .replace(/[\s\-_.–—/]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

const SHAPE = new RegExp(`^(?:${PREFIX})?(25[6-9]\\d|2[6-9]\\d\\d)([${ALPHABET}]{${RANDOM_LENGTH + 1}})$`);

/**
 * Reads a tracking number typed loosely: any case, spaces or dashes anywhere or none, Thai digits, O for 0
 * and I or L for 1, with or without the `DD` prefix.
 */
export function parseTrackingNumber(text: string): TrackingNumberParse {
  if (text.length > 64) return { ok: false, reason: 'format' };
  const match = SHAPE.exec(canonical(text.trim()));
  if (!match) return { ok: false, reason: 'format' };
  const [, year, code] = match;
  const body = code.slice(0, RANDOM_LENGTH);
  if (checkCharacter(year + body) !== code[RANDOM_LENGTH]) return { ok: false, reason: 'checksum' };
  return { ok: true, number: format(year, code) };
}

// Thai digits may stand anywhere a digit does, in the code as in the year: parseTrackingNumber reads them.
const EMBEDDED = /(?:^|[^A-Za-z0-9])(D\s*D[\s\-–]*[0-9๐-๙]{4}[\s\-–]*[0-9๐-๙A-Za-z]{7})(?![A-Za-z0-9๐-๙])/i;

/** Finds a tracking number inside a sentence ("ติดตามเรื่อง DD-2569-7K3Q9XR ค่ะ"), if it has one. */
export function findTrackingNumber(text: string): TrackingNumberParse | undefined {
  const match = EMBEDDED.exec(text.slice(0, 2000));
  return match ? parseTrackingNumber(match[1]) : undefined;
}
