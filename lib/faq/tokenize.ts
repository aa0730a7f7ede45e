/**
 * Turns a citizen's message, or a question from the bank, into the tokens the FAQ index compares.
 *
 * Pipeline: bound the input, squeeze elongations ("ค่าาาา", "pleeease"), normalise (NFC, Thai digits, case,
 * punctuation), split into script runs, segment Thai with ICU, correct one-letter English typos against the
 * bank's own words, light-stem English, merge synonym phrases into one canonical token, and drop stop words.
 */
import { normalizeText, segmentWords } from '../thai/text';
import type { FaqLang } from './types';

/** Groups of interchangeable words or phrases per language; the first of each group names the group. */
export type SynonymTable = Readonly<Record<FaqLang, ReadonlyArray<ReadonlyArray<string>>>>;

/**
 * Only this many characters of a message are read. An FAQ question fits comfortably; a pasted essay is not
 * a question the bank can answer, and the bound keeps the cost of a match flat whatever arrives.
 */
export const MAX_INPUT_CHARS = 400;

// A generous bound on segments after the character bound, for pathological input such as "a a a a …".
const MAX_PIECES = 160;
// Longer "words" are pasted links or keyboard mashing: truncated so that they cost nothing further.
const MAX_WORD_CHARS = 40;

/*
 * Thai stop words: polite particles, pronouns, question particles and glue words. Question words that tell
 * entries apart (ที่ไหน where, กี่โมง what time, กี่วัน/นานไหม how long, เมื่อไหร่ when, คืออะไร what is) are
 * synonym phrases, matched before stop words are removed, so "กี่" or "อะไร" left on their own can go.
 */
const THAI_STOP_WORDS = new Set([
  // Polite and sentence-final particles.
  'ครับ', 'คับ', 'ครัช', 'ค่ะ', 'คะ', 'ค่า', 'ค๊ะ', 'คร่ะ', 'จ้ะ', 'จ้า', 'จ๊ะ', 'จ๋า', 'นะ', 'นะคะ', 'นะครับ', 'น่ะ',
  'ฮะ', 'ฮับ', 'หน่อย', 'บ้าง', 'เลย', 'ด้วย', 'ล่ะ', 'ละ', 'อะ', 'อ่ะ', 'เออ', 'ๆ', 'ฯ',
  // Question particles and "how"/"what"/"which"/"who" on their own.
  'ไหม', 'มั้ย', 'มั๊ย', 'ไม๊', 'มั๋ย', 'หรือ', 'หรือไม่', 'หรือเปล่า', 'รึเปล่า', 'เปล่า', 'ป่าว', 'ปะ', 'เหรอ', 'หรอ',
  'ยังไง', 'อย่างไร', 'ไง', 'ทำไง', 'อะไร', 'ไหน', 'ใคร', 'กี่',
  // Pronouns and forms of address.
  'ผม', 'ฉัน', 'ดิฉัน', 'หนู', 'เรา', 'กระผม', 'คุณ', 'เขา', 'ท่าน', 'พี่', 'น้อง',
  // Wanting, asking, being able: every question has them.
  'อยาก', 'จะ', 'ได้', 'ขอ', 'ถาม', 'สอบถาม', 'ต้อง', 'ควร', 'สามารถ', 'ช่วย', 'เคย', 'ยัง',
  // Glue words.
  'ที่', 'ได้ที่', 'ของ', 'และ', 'กับ', 'ใน', 'การ', 'ความ', 'เป็น', 'คือ', 'ว่า', 'ให้', 'ก็', 'แล้ว', 'ไว้', 'ไป',
  'มา', 'อยู่', 'นี้', 'นี่', 'นั้น', 'นั่น', 'ซึ่ง', 'จาก', 'โดย', 'แบบ', 'มี', 'ทำ', 'ไม่', 'ดี', 'ถ้า', 'มาก', 'ทั้ง',
  'คน', 'ผู้', 'เอา', 'ตอน', 'ตาม', 'ถึง', 'ภายใน', 'เพื่อ', 'ต่อ', 'เรื่อง', 'แค่', 'เกี่ยวกับ', 'กว่า', 'จริง', 'โดน',
  'ถูก', 'เอง',
  // Days that date the message, not the question.
  'วันนี้', 'พรุ่งนี้', 'เมื่อวาน', 'เมื่อคืน', 'ตอนนี้',
]);

// English stop words. "where", "when", "who", "long" and "not" stay: they tell entries apart. Words that start
// a synonym phrase ("how long", "what time", "no water") are fine here: phrases are matched first.
const ENGLISH_STOP_WORDS = new Set([
  'a', 'an', 'the', 'is', 'are', 'am', 'was', 'were', 'be', 'been', 'being', 'do', 'does', 'did', 'doing', 'i', 'im',
  'my', 'me', 'mine', 'we', 'our', 'us', 'you', 'your', 'it', 'its', 'to', 'of', 'in', 'on', 'for', 'at', 'by', 'with',
  'from', 'and', 'or', 'but', 'can', 'could', 'would', 'should', 'will', 'shall', 'may', 'might', 'must', 'have', 'has',
  'had', 'there', 'this', 'that', 'these', 'those', 'what', 'whats', 'which', 'how', 'please', 'pls', 'plz', 'about',
  'as', 'so', 'if', 'then', 'get', 'got', 'any', 'some', 'want', 'know', 'tell', 'like', 'just', 'also', 'into', 's',
  'd', 'll', 't', 've', 're', 'm', 'anything', 'something', 'someone', 'they', 'them', 'their', 'he', 'she', 'his',
  'her', 'ok', 'okay', 'thanks', 'thank', 'hi', 'hey', 'dear', 'sir', 'madam', 'very', 'really', 'too', 'much',
  'here', 'up', 'out', 'ask', 'question', 'dont', 'doesnt', 'cant', 'wont', 'yes', 'no', 'all', 'again', 'before',
  'until', 'after', 'good', 'won', 'isnt', 'aren', 'arent', 'didn', 'didnt', 'doesn', 'don', 'haven', 'havent', 'one',
]);

type Script = 'thai' | 'latin' | 'digit' | 'other';

// Marks a phrase that is to be dropped; never a real token (tokens have no spaces).
const STOP = ' ';

interface Piece {
  /** The word as written (normalised); stop words are recognised on this. */
  raw: string;
  /** What is compared: the stem for English, the word itself otherwise. */
  form: string;
  script: Script;
}

const SCRIPT_RUN = /[\u0E00-\u0E7F]+|[0-9]+|[\p{L}\p{M}]+/gu;
const THAI_RUN = /^[\u0E00-\u0E7F]/;
const LATIN_WORD = /^[a-z]+$/;
// The same runs `pieces` sees, without segmenting Thai: Thai and digits out, then runs of letters.
const NOT_LATIN_RUN = /[\u0E00-\u0E7F0-9]+/g;
const LETTER_RUN = /[\p{L}\p{M}]+/gu;
const VOWEL = /[aeiouy]/;

/**
 * Light English stemming, enough to meet plural and verb forms half-way: "complaints"/"complaint",
 * "filing"/"filed"/"file" → "fil", "offices"/"office" → "offic". Not a linguist's stemmer: both sides of
 * the comparison go through the same function, so only consistency matters.
 */
export function stemEnglish(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);

  for (const suffix of ['ing', 'ed']) {
    const rest = w.slice(0, -suffix.length);
    if (w.endsWith(suffix) && rest.length >= 3 && VOWEL.test(rest)) {
      // "stopped" → "stopp" → "stop"; keep "ll", "ss", "zz" ("called", "passed").
      w = /([^aeiouylsz])\1$/.test(rest) ? rest.slice(0, -1) : rest;
      break;
    }
  }
  // A final silent e, so that "file" meets "filing" and "close" meets "closed".
  if (w.length > 3 && w.endsWith('e') && !w.endsWith('ee')) w = w.slice(0, -1);
  return w;
}

/**
 * Squeezes letters repeated for emphasis: a Thai character repeated three or more times becomes one
 * ("มากกกก", "ค่าาา"), other letters keep two ("pleeeease" → "pleease", still one typo from "please").
 */
function squeezeElongations(text: string): string {
  return text.replace(/([\u0E00-\u0E7F])\1{2,}/g, '$1').replace(/(\p{L})\1{2,}/gu, '$1$1');
}

/**
 * One-letter English typo correction against the words the bank and the synonym table use (symmetric
 * deletion: a typo and the word it should be share a one-letter deletion). Thai is not corrected: ICU
 * segments a misspelt Thai word into unrelated pieces, and Thai spelling variants are listed as synonyms.
 */
class EnglishSpeller {
  private readonly counts = new Map<string, number>();
  private readonly byDeletion = new Map<string, string[]>();

  // Shorter words are too close to each other ("cost", "post", "lost") for a correction to be a guess worth making.
  static readonly MIN_LENGTH = 5;

  constructor() {
    // Stop words are targets too: "pleease" should become "please" and then be dropped, not stay a stray word.
    for (const word of ENGLISH_STOP_WORDS) this.add(word);
  }

  add(word: string): void {
    if (!LATIN_WORD.test(word) || word.length > MAX_WORD_CHARS) return;
    const seen = this.counts.get(word);
    this.counts.set(word, (seen ?? 0) + 1);
    if (seen !== undefined || word.length < EnglishSpeller.MIN_LENGTH - 1) return;
    for (const deletion of deletions(word)) {
      const words = this.byDeletion.get(deletion);
      if (!words) this.byDeletion.set(deletion, [word]);
      else if (!words.includes(word)) words.push(word);
    }
  }

  /** The known word one edit away from `word`, or `word` itself when it is known or nothing is close. */
  correct(word: string): string {
    if (word.length < EnglishSpeller.MIN_LENGTH || this.counts.has(word)) return word;
    const candidates = new Set<string>(this.byDeletion.get(word) ?? []);
    for (const deletion of deletions(word)) {
      if (this.counts.has(deletion)) candidates.add(deletion);
      for (const known of this.byDeletion.get(deletion) ?? []) candidates.add(known);
    }
    let best = word;
    let bestCount = 0;
    for (const candidate of candidates) {
      const count = this.counts.get(candidate) ?? 0;
      if (count > bestCount || (count === bestCount && candidate < best)) {
        best = candidate;
        bestCount = count;
      }
    }
    return best;
  }
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i += 1) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/**
 * The FAQ tokenizer. Built once from the synonym table and the bank's own text (which teaches the English
 * speller its words); `tokenize` is then pure and never throws.
 *
 * Thai compounds: ICU may split a compound one way in a question and another way in the bank ("ร้องเรียน"
 * is "ร้อง|เรียน"; "ที่ไหน" is one word alone but "ได้ที่|ไหน" after "ได้"). Synonym phrases are therefore
 * matched on the concatenation of consecutive segments, whatever the split, and the same applies to
 * English multi-word phrases ("loan shark"). Thai words outside the synonym table are kept as ICU gives them.
 * Also indexing joined adjacent pairs or character bigrams was measured on the paraphrase tables while tuning
 * and lost: pairs lowered the confident hit rate (more tokens, each matching less), and bigrams made
 * greetings match ("สวัสดี" shares "สวัสดิ" with "สวัสดิการ") and produced confident wrong answers.
 */
export class FaqTokenizer {
  private readonly phrases = new Map<string, string>();
  private readonly speller = new EnglishSpeller();
  private readonly maxPhrasePieces: number;

  constructor(synonyms: SynonymTable, vocabulary: Iterable<string> = []) {
    let longest = 1;
    for (const lang of Object.keys(synonyms) as FaqLang[]) {
      for (const group of synonyms[lang]) {
        // The group's name as written (not stemmed), so that tokens stay readable in tests and traces.
        const canonical = group.length > 0 ? normalizeText(group[0]).replace(/ /g, '') : '';
        if (!canonical) continue;
        for (const variant of group) {
          const pieces = this.pieces(variant, false);
          const key = pieces.map((piece) => piece.form).join('');
          if (!key || this.phrases.has(key)) continue;
          this.phrases.set(key, canonical);
          longest = Math.max(longest, pieces.length);
          for (const piece of pieces) if (piece.script === 'latin') this.speller.add(piece.raw);
        }
      }
    }
    this.maxPhrasePieces = longest;
    // Only Latin words feed the speller, so the bank's Thai need not be segmented here.
    for (const text of vocabulary) {
      if (typeof text !== 'string') continue;
      const latinOnly = normalizeText(text.slice(0, MAX_INPUT_CHARS)).replace(NOT_LATIN_RUN, ' ');
      for (const word of latinOnly.match(LETTER_RUN) ?? []) if (LATIN_WORD.test(word)) this.speller.add(word);
    }
  }

  /** The tokens of `text`, in order, duplicates kept. Empty for anything without words. */
  tokenize(text: string): string[] {
    if (typeof text !== 'string' || text.length === 0) return [];
    const pieces = this.pieces(text, true);
    const tokens: string[] = [];
    let i = 0;
    while (i < pieces.length) {
      const merged = this.longestPhrase(pieces, i);
      if (merged) {
        // A stop word split by ICU ("เหรอ" → "เห|รอ") is recognised whole and dropped like any other.
        if (merged.canonical !== STOP) tokens.push(merged.canonical);
        i += merged.length;
        continue;
      }
      const piece = pieces[i];
      i += 1;
      if (isStopWord(piece)) continue;
      tokens.push(piece.form);
    }
    return tokens;
  }

  /**
   * The longest synonym phrase starting at `start`, matched on joined forms so that any split meets; or
   * `STOP` for a run of two or more Thai segments that together spell a stop word.
   */
  private longestPhrase(pieces: Piece[], start: number): { canonical: string; length: number } | undefined {
    const end = Math.min(pieces.length, start + this.maxPhrasePieces);
    const keys: string[] = [];
    let joined = '';
    let thaiRun = 0;
    for (let j = start; j < end; j += 1) {
      joined += pieces[j].form;
      keys.push(joined);
      if (pieces[j].script === 'thai' && thaiRun === j - start) thaiRun += 1;
    }
    for (let n = keys.length; n >= 1; n -= 1) {
      const canonical = this.phrases.get(keys[n - 1]);
      if (canonical !== undefined) return { canonical, length: n };
      if (n >= 2 && n <= thaiRun && THAI_STOP_WORDS.has(keys[n - 1])) return { canonical: STOP, length: n };
    }
    return undefined;
  }

  private pieces(text: string, correct: boolean): Piece[] {
    const normalized = normalizeText(squeezeElongations(text.slice(0, MAX_INPUT_CHARS)));
    const pieces: Piece[] = [];
    for (const match of normalized.matchAll(SCRIPT_RUN)) {
      const run = match[0];
      if (THAI_RUN.test(run)) {
        for (const word of segmentWords(run)) pieces.push({ raw: word, form: word, script: 'thai' });
      } else if (run.charCodeAt(0) >= 0x30 && run.charCodeAt(0) <= 0x39) {
        pieces.push({ raw: run, form: run.slice(0, MAX_WORD_CHARS), script: 'digit' });
      } else {
        const word = run.slice(0, MAX_WORD_CHARS);
        if (LATIN_WORD.test(word)) {
          const spelled = correct ? this.speller.correct(word) : word;
          pieces.push({ raw: spelled, form: stemEnglish(spelled), script: 'latin' });
        } else {
          pieces.push({ raw: word, form: word, script: 'other' });
        }
      }
      if (pieces.length >= MAX_PIECES) break;
    }
    return pieces.length > MAX_PIECES ? pieces.slice(0, MAX_PIECES) : pieces;
  }
}

function isStopWord(piece: Piece): boolean {
  switch (piece.script) {
    case 'thai':
      return THAI_STOP_WORDS.has(piece.raw);
    case 'latin':
      return piece.raw.length < 2 || ENGLISH_STOP_WORDS.has(piece.raw);
    default:
      return false;
  }
}
