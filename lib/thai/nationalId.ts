/**
 * The Thai national identification number (เลขประจำตัวประชาชน): thirteen digits, the last a check digit.
 */

import { toAsciiDigits } from './text';

/** Why an ID was refused; specific enough for the re-prompt to say what to fix. */
export type NationalIdFailureReason = 'empty' | 'characters' | 'length' | 'first-digit' | 'checksum';

/** A valid national ID as plain digits and masked for display, or why it is not one. */
export type NationalIdResult =
  | { ok: true; digits: string; masked: string }
  | { ok: false; reason: NationalIdFailureReason };

const LENGTH = 13;
// The grouping printed on the ID card: 1-2345-67890-12-3.
const GROUPS = [1, 4, 5, 2, 1] as const;
const VISIBLE_DIGITS = 4;

/** Parses an ID typed with Thai or ASCII digits, spaces or dashes (`1-1017-00230-70-8`). */
export function parseNationalId(input: string): NationalIdResult {
  const text = toAsciiDigits(input.normalize('NFKC')).trim();
  if (text === '') return { ok: false, reason: 'empty' };
  if (!/^[0-9\s-]+$/.test(text)) return { ok: false, reason: 'characters' };
  const digits = text.replace(/[\s-]/g, '');
  if (digits === '') return { ok: false, reason: 'empty' };
  if (digits.length !== LENGTH) return { ok: false, reason: 'length' };
  if (digits[0] === '0') return { ok: false, reason: 'first-digit' };
  if (checkDigit(digits) !== Number(digits[LENGTH - 1])) return { ok: false, reason: 'checksum' };
  return { ok: true, digits, masked: mask(digits) };
}

/**
 * Masks an ID for display, keeping the last four digits in the card's grouping: `x-xxxx-xxxx0-70-8`.
 * Needs thirteen digits (separators allowed) but not a valid check digit; throws a RangeError otherwise.
 */
export function maskNationalId(digits: string): string {
  const plain = toAsciiDigits(digits).replace(/[\s-]/g, '');
  if (!/^[0-9]{13}$/.test(plain)) throw new RangeError('a national ID has 13 digits');
  return mask(plain);
}

// The check digit of the first twelve digits: weights 13 down to 2, then (11 − sum mod 11) mod 10.
function checkDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < LENGTH - 1; i += 1) sum += Number(digits[i]) * (LENGTH - i);
  return (11 - (sum % 11)) % 10;
}

function mask(digits: string): string {
  const hidden = 'x'.repeat(LENGTH - VISIBLE_DIGITS) + digits.slice(-VISIBLE_DIGITS);
  const parts: string[] = [];
  let start = 0;
  for (const size of GROUPS) {
    parts.push(hidden.slice(start, start + size));
    start += size;
  }
  return parts.join('-');
}
