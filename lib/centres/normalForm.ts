import { normalizeText } from '../thai/text';

/*
 * The one form in which centre names and what citizens type are compared: folded Thai (tone marks dropped, ใ read
 * as ไ), lower-case Latin, prefixes and particles removed; and the character n-grams of a name in that form
 * (bigrams for Thai, trigrams for Latin, padded so that word starts and ends count).
 */

export const THAI_CHAR = /[\u0E00-\u0E7F]/;
const LATIN_DIACRITICS = /[\u00C0-\u024F\u1E00-\u1EFF]/;

// Drops what people get wrong or leave out when typing Thai: tone marks, thanthakhat, maitaikhu, ฯ and ๆ,
// and the ใ/ไ confusion; nikhahit + sara aa typed as two characters becomes sara am. Latin diacritics go too.
export function fold(text: string): string {
  let folded = text
    .replace(/\u0E4D\u0E32/g, '\u0E33')
    .replace(/[\u0E2F\u0E46-\u0E4C]/g, '')
    .replace(/\u0E43/g, '\u0E44');
  if (LATIN_DIACRITICS.test(folded)) folded = folded.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return folded;
}

// Centre and area prefixes, in folded form; none occurs inside an area name (tests check every name).
const THAI_NOISE = new RegExp(
  ['ศูนยดำรงธรรม', 'ดำรงธรรม', 'ศูนย', 'กิงอำเภอ', 'อำเภอ', 'จังหวัด', 'ประเทศไทย'].join('|'),
  'g',
);
// Polite particles that end a Thai message ("เชียงใหม่ครับ"), folded.
const THAI_PARTICLES = /(?:ครับ|คับ|คะ)(?= |$)/g;
// One-letter Thai abbreviations (จ. อ. ต. ม. ถ. ซ.) lose their dot in normalisation and stand alone.
const THAI_LETTER_LABELS = new Set(['จ', 'อ', 'ต', 'ม', 'ถ', 'ซ']);
const ENGLISH_NOISE = new Set([
  'province', 'provincial', 'district', 'districts', 'damrongdham', 'damrong', 'dham', 'dhamma', 'center',
  'centre', 'centers', 'centres', 'amphoe', 'amphur', 'amphor', 'ampho', 'changwat', 'thailand',
]);
// Common non-RTGS spellings of words in place names (เมือง, เกาะ, ศรี), read as the RTGS spelling in keys
// and queries alike. No RTGS name has any of these spellings as a word.
const LATIN_SPELLINGS: ReadonlyMap<string, string> = new Map([
  ...['muang', 'meuang', 'muong', 'mueng', 'maung', 'muaeng', 'meung'].map((word): [string, string] => [word, 'mueang']),
  ['koh', 'ko'],
  ['sri', 'si'],
]);
export const MUEANG_WORDS = new Set(['mueang', 'เมือง']);

export function respell(word: string): string {
  return LATIN_SPELLINGS.get(word) ?? word;
}

// The words of a name or query in the normal form, noise removed, at most `maxTokens`.
export function cleanTokens(text: string, maxTokens: number): string[] {
  const folded = fold(normalizeText(text)).replace(/\d+/g, ' ').replace(THAI_NOISE, ' ').replace(THAI_PARTICLES, ' ');
  const tokens: string[] = [];
  for (const token of folded.split(' ')) {
    if (token === '' || THAI_LETTER_LABELS.has(token) || ENGLISH_NOISE.has(token)) continue;
    tokens.push(respell(token));
    if (tokens.length >= maxTokens) break;
  }
  return tokens;
}

export function gramsOf(text: string): string[] {
  const size = THAI_CHAR.test(text) ? 2 : 3;
  const padded = `^${text}$`;
  if (padded.length <= size) return [padded];
  const grams = new Set<string>();
  for (let i = 0; i + size <= padded.length; i += 1) grams.add(padded.slice(i, i + size));
  return [...grams];
}
