import { maskNationalId, parseNationalId } from '../thai/nationalId';
import { maskPhone, parsePhone } from '../thai/phone';
import { toAsciiDigits } from '../thai/text';

/**
 * What may be kept of a citizen's message. The answer to a sensitive question — the national ID, the check
 * that proves a complaint is theirs (phone digits or PIN), the phone number and the e-mail address — is
 * masked or replaced before it is written anywhere (the channel's activity log, bot state, the officers'
 * transcript); only the step that asked reads the answer as typed, in memory, during its turn. Any other
 * message is scrubbed of national-ID numbers, which citizens sometimes type where they were not asked for.
 */

/** The sensitive questions the bot asks. */
export const SENSITIVE_INPUTS = ['nationalId', 'trackingCheck', 'phone', 'email'] as const;
export type SensitiveInput = (typeof SENSITIVE_INPUTS)[number];

export function isSensitiveInput(value: unknown): value is SensitiveInput {
  return typeof value === 'string' && (SENSITIVE_INPUTS as readonly string[]).includes(value);
}

/** What a check (PIN, phone digits) becomes: every digit replaced, so that nothing of it is kept. */
const CHECK_MASK = '•';
const HIDDEN_DIGIT = 'x';
/** How many trailing digits of a mistyped ID or phone number stay readable, as on the masked forms. */
const VISIBLE_DIGITS = 4;

// The digits citizens type: ASCII, Thai (๐–๙) and full-width (from phone keyboards).
const DIGIT = /[0-9\u0E50-\u0E59\uFF10-\uFF19]/;
const DIGITS = /[0-9\u0E50-\u0E59\uFF10-\uFF19]/g;
// Thirteen digits, possibly grouped with spaces or dashes as on the ID card (1-2345-67890-12-3), and not part
// of a longer number.
const THIRTEEN_DIGITS = /(?<![0-9\u0E50-\u0E59\uFF10-\uFF19][ \t-]{0,2})[0-9\u0E50-\u0E59\uFF10-\uFF19](?:[ \t-]{0,2}[0-9\u0E50-\u0E59\uFF10-\uFF19]){12}(?![ \t-]{0,2}[0-9\u0E50-\u0E59\uFF10-\uFF19])/g;
// A PIN given in passing ("my PIN is 115959", "รหัส PIN ๑๑๕๙๕๙"): the number after the word.
const PIN_IN_TEXT = /(\bPIN\b|พิน|รหัสยืนยัน)(\s*(?:คือ|is|:|=|：)?\s*)((?:[0-9\u0E50-\u0E59\uFF10-\uFF19][ -]?){3,7}[0-9\u0E50-\u0E59\uFF10-\uFF19])(?![0-9\u0E50-\u0E59\uFF10-\uFF19])/gi;
// Something shaped like a tracking number (DD-2569-7K3Q9XR, typed loosely), whose digits are not a check.
const TRACKING_NUMBER_SHAPE = /D\s*D[\s\-–]*[0-9\u0E50-\u0E59]{4}[\s\-–]*[0-9\u0E50-\u0E59A-Za-z]{7}/gi;
const EMAIL = /([^\s@<>()[\],;:"]+)@([^\s@<>()[\],;:"]+)/g;

/** Replaces every digit but the last `keep` of the text. */
function hideDigits(text: string, keep: number, mask = HIDDEN_DIGIT): string {
  const total = text.match(DIGITS)?.length ?? 0;
  let seen = 0;
  return text.replace(DIGITS, (digit) => {
    seen += 1;
    return seen > total - keep ? digit : mask;
  });
}

/** `somchai@example.com` → `s•••@example.com`: enough for the citizen to recognise it, not to use it. */
export function maskEmail(address: string): string {
  return address.replace(EMAIL, (_match, local: string, domain: string) => `${[...local][0] ?? ''}${CHECK_MASK.repeat(3)}@${domain}`);
}

/**
 * Masks every thirteen-digit number in free text as a national ID (`x-xxxx-xxxx0-70-8`), valid check digit
 * or not: a mistyped ID is still someone's ID; and a number given as a PIN ("my PIN is 115959"). Other
 * numbers (dates, phone numbers a citizen chose to give in a description, amounts) are left as they are.
 */
export function scrubText(text: string): string {
  if (!DIGIT.test(text)) return text;
  return text
    .replace(THIRTEEN_DIGITS, (match) => maskNationalId(toAscii(match)))
    .replace(PIN_IN_TEXT, (_match, word: string, between: string, pin: string) => `${word}${between}${pin.replace(DIGITS, CHECK_MASK)}`);
}

/** The answer to a sensitive question as it may be kept; any other message scrubbed of national IDs. */
export function redactAnswer(kind: SensitiveInput | undefined, text: string): string {
  switch (kind) {
    case 'nationalId': {
      const id = parseNationalId(text);
      return id.ok ? id.masked : hideDigits(text, VISIBLE_DIGITS);
    }
    case 'phone': {
      const phone = parsePhone(text);
      return phone.ok ? maskPhone(phone.national) : scrubText(hideDigits(text, VISIBLE_DIGITS));
    }
    case 'email':
      return scrubText(maskEmail(text));
    case 'trackingCheck':
      return hideCheck(text);
    default:
      return scrubText(text);
  }
}

/**
 * At the check question a citizen may give the check or, on second thoughts, another tracking number: the
 * number is kept (it is not secret without its check), every other digit is replaced.
 */
function hideCheck(text: string): string {
  let kept = '';
  let from = 0;
  for (const match of text.matchAll(TRACKING_NUMBER_SHAPE)) {
    const at = match.index ?? 0;
    kept += text.slice(from, at).replace(DIGITS, CHECK_MASK) + match[0];
    from = at + match[0].length;
  }
  return kept + text.slice(from).replace(DIGITS, CHECK_MASK);
}

function toAscii(text: string): string {
  return toAsciiDigits(text.normalize('NFKC'));
}
