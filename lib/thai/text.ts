/**
 * Text helpers shared by every matcher: Thai digits, word segmentation and a normal form for comparison.
 */

const THAI_DIGIT_ZERO = 0x0e50;

/** Replaces Thai digits (๐–๙) with ASCII digits; everything else is kept. */
export function toAsciiDigits(text: string): string {
  return text.replace(/[\u0E50-\u0E59]/g, (digit) => String(digit.charCodeAt(0) - THAI_DIGIT_ZERO));
}

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(locale: string): Intl.Segmenter {
  let found = segmenters.get(locale);
  if (!found) {
    found = new Intl.Segmenter(locale, { granularity: 'word' });
    segmenters.set(locale, found);
  }
  return found;
}

/**
 * Splits text into words with ICU's dictionary-based segmentation (Thai is written without spaces between
 * words), keeping only word-like segments: no spaces or punctuation.
 */
export function segmentWords(text: string, locale = 'th'): string[] {
  const words: string[] = [];
  for (const part of segmenter(locale).segment(text)) {
    if (part.isWordLike) words.push(part.segment);
  }
  return words;
}

/**
 * The form in which text is compared: Unicode NFC, Thai digits as ASCII, lower case, and runs of anything
 * that is not a letter, mark or digit collapsed to one space.
 */
export function normalizeText(text: string): string {
  return toAsciiDigits(text.normalize('NFC'))
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();
}

// The words that end a Thai sentence politely (and their English counterparts), which say nothing of its meaning:
// "ใช่ค่ะ" answers as "ใช่" does, "ข้ามครับ" as "ข้าม", "yes please" as "yes".
const POLITE_ENDING = /(?:\s*(?:ค่ะ|คะ|ค่า|คับ|ครับผม|ครับ|จ้ะ|จ้า|จ๊ะ|จ๊า|นะคะ|นะครับ|นะ|please|pls|thanks|thank you))+$/u;

/**
 * The normal form of a short answer without the polite words that end it, for comparing answers with commands
 * and choices. A text that is nothing but polite words is kept as it is.
 */
export function withoutPoliteEnding(text: string): string {
  const normalized = normalizeText(text);
  const core = normalized.replace(POLITE_ENDING, '').trim();
  return core === '' ? normalized : core;
}
