/**
 * Thai telephone numbers as citizens type them: Thai or ASCII digits, any grouping, with or without the
 * country code.
 */

import { toAsciiDigits } from './text';

/** Why a phone number was refused; specific enough for the re-prompt to say what to fix. */
export type PhoneFailureReason = 'empty' | 'characters' | 'length' | 'prefix';

/** A Thai phone number in the forms the service stores and shows, or why it is not one. */
export type PhoneResult =
  | {
      ok: true;
      /** Ten digits for a mobile, nine for a fixed line, with the trunk 0: `0812345678`. */
      national: string;
      /** `+66812345678` */
      e164: string;
      /** `081-234-5678` (mobile), `02-123-4567` (Bangkok), `053-123-456` (provinces). */
      display: string;
      last4: string;
    }
  | { ok: false; reason: PhoneFailureReason };

// Separators people put between digit groups; anything else (letters, "ext.", emoji) is refused rather than
// guessed at, because a wrong contact number is worse than asking again.
const ALLOWED = /^\+?[0-9\s\-.()]*$/;
const SEPARATORS = /[\s\-.()]/g;

const MOBILE_PREFIXES = new Set(['6', '8', '9']);
const FIXED_LINE_PREFIXES = new Set(['2', '3', '4', '5', '7']);
const MOBILE_LENGTH = 10;
const FIXED_LINE_LENGTH = 9;
// Hotlines such as 1567 or 191 reach an agency, not the citizen.
const SHORT_NUMBER_MAX_LENGTH = 5;

/** Parses a Thai mobile or fixed-line number; `+66`, `66` and `0066` stand for the trunk 0. */
export function parsePhone(input: string): PhoneResult {
  const text = toAsciiDigits(input.normalize('NFKC')).trim();
  if (text === '') return { ok: false, reason: 'empty' };
  if (!ALLOWED.test(text)) return { ok: false, reason: 'characters' };

  const hasPlus = text.startsWith('+');
  const digits = text.replace(/^\+/, '').replace(SEPARATORS, '');
  if (digits === '') return { ok: false, reason: 'empty' };

  const national = toNational(digits, hasPlus);
  if (national === undefined) return { ok: false, reason: 'prefix' };

  if (national.startsWith('1')) {
    return { ok: false, reason: national.length <= SHORT_NUMBER_MAX_LENGTH ? 'length' : 'prefix' };
  }
  if (!national.startsWith('0')) return { ok: false, reason: 'prefix' };
  if (national.length < 2) return { ok: false, reason: 'length' };

  const second = national[1];
  const expected = MOBILE_PREFIXES.has(second) ? MOBILE_LENGTH : FIXED_LINE_PREFIXES.has(second) ? FIXED_LINE_LENGTH : 0;
  if (expected === 0) return { ok: false, reason: 'prefix' };
  if (national.length !== expected) return { ok: false, reason: 'length' };

  return {
    ok: true,
    national,
    e164: `+66${national.slice(1)}`,
    display: group(national),
    last4: national.slice(-4),
  };
}

/**
 * Masks a number for display, keeping its first two and last four digits: `08x-xxx-5678`. Accepts anything
 * {@link parsePhone} accepts; throws a RangeError otherwise, since masking garbage hides a bug.
 */
export function maskPhone(national: string): string {
  const parsed = parsePhone(national);
  if (!parsed.ok) throw new RangeError(`not a Thai phone number (${parsed.reason})`);
  const digits = parsed.national;
  const masked = digits.slice(0, 2) + 'x'.repeat(digits.length - 6) + digits.slice(-4);
  return group(masked);
}

// Replaces a country code by the trunk 0; undefined when the number belongs to another country.
function toNational(digits: string, hasPlus: boolean): string | undefined {
  let rest: string;
  if (hasPlus) {
    if (!digits.startsWith('66')) return undefined;
    rest = digits.slice(2);
  } else if (digits.startsWith('0066')) {
    rest = digits.slice(4);
  } else if (digits.startsWith('00')) {
    return undefined;
  } else if (digits.startsWith('66')) {
    // A national number always starts with 0, so a leading 66 can only be the country code.
    rest = digits.slice(2);
  } else {
    return digits;
  }
  // "+66 (0)81 …": people often keep the trunk 0 after the country code.
  return rest.startsWith('0') ? rest : `0${rest}`;
}

function group(national: string): string {
  if (national.length === MOBILE_LENGTH) return `${national.slice(0, 3)}-${national.slice(3, 6)}-${national.slice(6)}`;
  // Bangkok numbers have a one-digit area code (2); provincial ones two (e.g. 53), hence 2-3-4 vs 3-3-3.
  if (national[1] === '2') return `${national.slice(0, 2)}-${national.slice(2, 5)}-${national.slice(5)}`;
  return `${national.slice(0, 3)}-${national.slice(3, 6)}-${national.slice(6)}`;
}
