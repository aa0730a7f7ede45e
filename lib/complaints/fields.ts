import { removeBidiControls } from '../bidiControls';
import { isImageType } from '../files/uploadRules';

/**
 * The rules for what a citizen types into a complaint. Text is kept as text: HTML or script is stored as the
 * characters the citizen typed and escaped wherever it is shown, never interpreted. Lengths are counted in
 * user-perceived characters (graphemes), so a Thai vowel mark or an emoji counts once.
 */

export interface TextRule {
  min: number;
  max: number;
  /** Required fields must say something in words, not only emoji or punctuation. */
  needsWords: boolean;
  /**
   * A short field (a subject, a place, a name) is shown on one line in lists, cards and the officers' app, where
   * bidirectional controls could make it read as something else: they are removed. A description keeps them.
   */
  short: boolean;
}

export const TEXT_RULES = {
  subject: { min: 5, max: 150, needsWords: true, short: true },
  description: { min: 10, max: 3000, needsWords: true, short: false },
  place: { min: 3, max: 300, needsWords: true, short: true },
  name: { min: 2, max: 100, needsWords: true, short: true },
} as const satisfies Record<string, TextRule>;

export type TextField = keyof typeof TEXT_RULES;

export const MAX_ATTACHMENTS = 5;
export const MAX_URL_LENGTH = 2000;
export const MAX_EMAIL_LENGTH = 254;

export type TextCheck =
  | { ok: true; value: string; length: number }
  | { ok: false; reason: 'too-short' | 'too-long' | 'no-words'; length: number; min: number; max: number };

const graphemes = new Intl.Segmenter('th', { granularity: 'grapheme' });

/** Counts graphemes, stopping early past `limit` so that a 100,000-character message costs little. */
export function graphemeLength(text: string, limit = Number.POSITIVE_INFINITY): number {
  let count = 0;
  for (const _ of graphemes.segment(text)) {
    count += 1;
    if (count > limit) break;
  }
  return count;
}

/**
 * Trims, normalises to NFC, drops control characters other than line breaks and tabs (they cannot be shown
 * and can break logs and cards), and collapses runs of blank lines.
 */
export function cleanText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

export function checkText(field: TextField, raw: string): TextCheck {
  const rule: TextRule = TEXT_RULES[field];
  // The length is told to the citizen when the text is too long ("now 6,150"), so it is counted whole; only a
  // text far beyond any message a channel carries is cut first.
  const bounded = raw.length > rule.max * 8 ? raw.slice(0, rule.max * 8) : raw;
  const value = cleanText(rule.short ? removeBidiControls(bounded) : bounded);
  const length = graphemeLength(value);
  const failure = (reason: 'too-short' | 'too-long' | 'no-words') => ({ ok: false as const, reason, length, min: rule.min, max: rule.max });
  if (length < rule.min) return failure('too-short');
  if (length > rule.max) return failure('too-long');
  if (rule.needsWords && !WORD_CHARACTER.test(value)) return failure('no-words');
  return { ok: true, value, length };
}

/** A practical e-mail check: one @, a dotted domain, no spaces; the address is confirmed by use, not by regex. */
export function checkEmail(raw: string): { ok: true; value: string } | { ok: false } {
  const value = cleanText(removeBidiControls(raw)).toLowerCase();
  if (value.length > MAX_EMAIL_LENGTH) return { ok: false };
  return /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/.test(value) ? { ok: true, value } : { ok: false };
}

/** Links a citizen sends as evidence: http(s) only, so nothing like `javascript:` is ever stored as a link. */
export function checkLink(raw: string): { ok: true; url: string } | { ok: false } {
  const text = raw.trim();
  if (text.length > MAX_URL_LENGTH || /\s/.test(text)) return { ok: false };
  try {
    const url = new URL(text);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false };
    if (!url.hostname.includes('.') && url.hostname !== 'localhost') return { ok: false };
    return { ok: true, url: url.toString() };
  } catch {
    return { ok: false };
  }
}

/** The http(s) links in a message, in order, at most `limit`. */
export function findLinks(text: string, limit = MAX_ATTACHMENTS): string[] {
  const links: string[] = [];
  for (const match of text.slice(0, 10000).matchAll(/https?:\/\/[^\s<>"']+/gi)) {
    const checked = checkLink(match[0].replace(/[).,!?]+$/, ''));
    if (checked.ok && !links.includes(checked.url)) links.push(checked.url);
    if (links.length >= limit) break;
  }
  return links;
}

/** An attachment's declared type is one of the types an upload may be (lib/files/uploadRules.ts). */
export function isImageContentType(contentType: string | undefined): boolean {
  return isImageType(contentType);
}
