/**
 * The citizen's language. Thai comes first: it is the default whenever nothing says otherwise.
 */

export const LANGUAGES = ['th', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Lang = 'th';

const THAI_SCRIPT = /[\u0E00-\u0E7F]/;

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

const NOT_LANGUAGE = /\S+@\S+|https?:\/\/\S+|www\.\S+|\bDD[\s-]*\d{4}[\s-]*\w+/gi;
const LATIN_WORD = /[A-Za-z]{2,}/g;

/**
 * Guesses the language of a message: any Thai script means Thai; otherwise Latin words mean English;
 * otherwise (digits, emoji, a sticker) there is no evidence and the caller keeps what it had. E-mail
 * addresses, links and tracking numbers say nothing about the language a citizen reads. With `strict`, used
 * when a language is already known, it takes a sentence (three Latin words) to change it: a Thai citizen may
 * well type their name, a place or "ok" in Latin letters.
 */
export function detectLanguage(text: string | undefined, options: { strict?: boolean } = {}): Lang | undefined {
  if (!text) return undefined;
  if (THAI_SCRIPT.test(text)) return 'th';
  const words = text.replace(NOT_LANGUAGE, ' ').match(LATIN_WORD) ?? [];
  if (words.length === 0) return undefined;
  if (options.strict && words.length < 3) return undefined;
  return 'en';
}

/** Maps a BCP 47 locale such as `th-TH` or `en-US` to a supported language. */
export function languageFromLocale(locale: string | undefined): Lang | undefined {
  if (!locale) return undefined;
  const primary = locale.toLowerCase().split(/[-_]/)[0];
  return isLang(primary) ? primary : undefined;
}

const SWITCH_WORDS: Record<Lang, readonly string[]> = {
  th: ['ภาษาไทย', 'ไทย', 'พูดไทย', 'เปลี่ยนเป็นภาษาไทย', 'thai', 'thai language', 'ภาษา ไทย'],
  en: ['english', 'eng', 'in english', 'speak english', 'ภาษาอังกฤษ', 'อังกฤษ', 'เปลี่ยนเป็นภาษาอังกฤษ'],
};

/**
 * Recognises a message that asks for a language and nothing else ("English", "ภาษาไทย"). Whole-message
 * matches only: "I speak Thai with my neighbour" is a complaint, not a switch.
 */
export function recognizeLanguageSwitch(text: string | undefined): Lang | undefined {
  if (!text || text.length > 40) return undefined;
  const normalized = text.normalize('NFC').trim().toLowerCase().replace(/[\s.!?,'"()]+/g, ' ').trim();
  for (const lang of LANGUAGES) {
    if (SWITCH_WORDS[lang].includes(normalized)) return lang;
  }
  return undefined;
}
