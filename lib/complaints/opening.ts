import { removeBidiControls } from '../bidiControls';
import { checkText, cleanText, graphemeLength } from './fields';

/**
 * A citizen's first message, when it already describes the problem ("ถนนหน้าบ้านพังเป็นหลุมใหญ่ที่ อ.หางดง
 * เชียงใหม่"): the filing flow keeps it as the draft description, suggests a title from it and, when it names a
 * place clearly, keeps that place and offers the centre for it, all to be confirmed. What was said is not asked
 * again.
 */
export interface Opening {
  /** The message as written (cleaned as any description is): the draft description. */
  description: string;
  /** A title suggested from the message's first sentence, without the request around it. */
  subject?: string;
  /** Where it happened, as the message says it ("อ.หางดง เชียงใหม่", "Hang Dong, Chiang Mai"). */
  place?: string;
  /** The centre for that place (or, without a place clear enough to keep, for the whole message). */
  centreCode?: string;
}

/** Finds the centre a free-text place names (CentreSearch.chooseForLocation). */
export type PlaceLocator = (placeText: string) => { code: string } | undefined;

/** A suggested title is a line, not a paragraph: longer first sentences are cut at a word boundary. */
export const SUGGESTED_TITLE_MAX = 100;
const PLACE_MAX = 120;
// A place is looked for near the start, where people say it, and a few labels at most are tried: a long story
// naming a district in every sentence costs a few searches, not one per label (bench/opening.ts).
const PLACE_SEARCH_CHARS = 1000;
const MAX_PLACE_CANDIDATES = 6;
// A place named without a label is looked for in the opening words only.
const UNLABELLED_PLACE_CHARS = 300;

// The request around the problem: "อยากร้องเรียนเรื่อง…", "I want to report …". Removed from the title only;
// the description keeps the message as the citizen wrote it.
const THAI_REQUEST = /^(?:สวัสดี(?:ครับ|ค่ะ|คะ)?\s*)?(?:(?:ผม|ฉัน|ดิฉัน|หนู|เรา|กระผม)\s*)?(?:(?:อยาก|ต้องการ|ขอ)(?:จะ)?\s*)?(?:ร้องเรียน|ร้องทุกข์|แจ้งเรื่อง|แจ้งเบาะแส|แจ้งปัญหา|แจ้ง)\s*(?:เรื่อง|ว่า|ปัญหา)?\s*/u;
const ENGLISH_REQUEST = /^(?:(?:hi|hello|dear sir or madam)[\s,!.]*)?(?:(?:i|we)\s+(?:want|would like|'d like|wish|need)\s+to\s+(?:complain|report|file a complaint|make a complaint|lodge a complaint|submit a complaint)|(?:a\s+)?(?:complaint|report))\s*(?:about|that|of|regarding|on|:|-)?\s*/iu;

// Where a sentence ends. A dot after Thai script or a single Latin letter is an abbreviation (อ., จ., ต.), not
// an ending.
const SENTENCE_END = /\n|[!?](?=\s|$)|(?<![\u0E00-\u0E7F]|\b[A-Za-z])\.(?=\s|$)/u;

// Where a Thai place begins: the administrative labels, after a space, the start, or a word that introduces a
// place ("ที่", "แถว", "บริเวณ"). Roads and lanes ("ถนน", "ซอย") are the problem as often as the place.
const THAI_PLACE_START = /(?<=^|\s|ที่|แถว|บริเวณ|ใน|ย่าน|ณ|,)(?:อำเภอ|อ\.|ตำบล|ต\.|จังหวัด|จ\.|เขต|แขวง|หมู่ที่|หมู่\s*\d|ม\.\s*\d|ซ\.|ซอย\s*\d|บ้านเลขที่|เลขที่\s*\d)/gu;
// Words after which a Thai place has ended: time, cause and politeness ("…เชียงใหม่ มา 3 เดือนแล้วครับ").
const THAI_AFTER_PLACE = new Set([
  'มา', 'ตั้งแต่', 'เมื่อ', 'แล้ว', 'ทำให้', 'จน', 'และ', 'แต่', 'ครับ', 'ค่ะ', 'คะ', 'คับ', 'นะ', 'จ้ะ', 'จ้า', 'เลย',
  'ด้วย', 'ช่วย', 'กรุณา', 'โดย', 'เพราะ', 'ซึ่ง', 'ตอนนี้', 'เป็นเวลา', 'นาน', 'อยาก', 'ขอ', 'ทุก',
]);
// Where an English place begins: a preposition before a capitalised word or a number, or a Thai label word.
// Not case-insensitive: with the i flag, \p{Lu} would match lower case too.
const ENGLISH_PLACE_START = /(?<=^|\s)(?:(?:[Ii]n|[Aa]t|[Nn]ear|[Aa]round|[Oo]n)\s+(?=[\p{Lu}\d])|(?=(?:[Mm]oo|[Ss]oi|[Tt]ambon|[Aa]mphoe|[Aa]mphur|[Cc]hangwat|[Kk]het|[Kk]hwaeng)\s))/gu;
// Words that continue an English place: labels, and small words between capitalised names.
const ENGLISH_PLACE_WORDS = new Set(['district', 'province', 'sub-district', 'subdistrict', 'road', 'rd', 'street', 'village', 'moo', 'soi', 'tambon', 'amphoe', 'amphur', 'changwat', 'khet', 'khwaeng', 'lane', 'of']);

const wordSegmenter = new Intl.Segmenter('th', { granularity: 'word' });

/**
 * Reads a first message. Undefined when it does not describe a problem: without the request around it
 * ("อยากร้องเรียนเรื่อง", "I want to report"), what is left must pass as a description on its own
 * ("อยากร้องเรียนเรื่องถนนพัง" is a request with a topic, not yet a description).
 */
/**
 * Whether a message describes a problem well enough to be a draft description, once the request around it is
 * set aside (see readOpening).
 */
export function describesProblem(message: string): boolean {
  return problemOf(message) !== undefined;
}

/** The message as a description, and the problem in it without the request around it; undefined if too little. */
function problemOf(message: string): { description: string; problem: string } | undefined {
  const description = checkText('description', message);
  if (!description.ok) return undefined;
  const problem = stripRequest(description.value);
  // Counting a long text's characters is the costly part: done again only when the request took some away.
  if (problem !== description.value && !checkText('description', problem).ok) return undefined;
  return { description: description.value, problem };
}

export function readOpening(message: string, locate: PlaceLocator): Opening | undefined {
  const read = problemOf(message);
  if (!read) return undefined;
  const { description, problem } = read;
  const subject = suggestTitle(problem);
  const place = findPlace(description, locate);
  const centreCode = place?.centreCode ?? locate(description.slice(0, UNLABELLED_PLACE_CHARS))?.code;
  return {
    description,
    ...(subject ? { subject } : {}),
    ...(place ? { place: place.text } : {}),
    ...(centreCode ? { centreCode } : {}),
  };
}

function stripRequest(text: string): string {
  return text.replace(THAI_REQUEST, '').replace(ENGLISH_REQUEST, '').trim();
}

/** The first sentence, cut at a word boundary when long, with a capital letter in English. */
export function suggestTitle(problem: string): string | undefined {
  const end = SENTENCE_END.exec(problem);
  const sentence = (end ? problem.slice(0, end.index) : problem).trim();
  const title = capitalise(shorten(sentence.length >= 5 ? sentence : problem, SUGGESTED_TITLE_MAX));
  const checked = checkText('subject', title);
  return checked.ok ? checked.value : undefined;
}

/** Text cut at a word boundary to at most `max` characters (graphemes), with "…" when cut. */
export function shorten(text: string, max: number): string {
  if (graphemeLength(text, max + 1) <= max) return text;
  let cut = '';
  for (const segment of wordSegmenter.segment(text)) {
    const next = text.slice(0, segment.index + segment.segment.length);
    if (graphemeLength(next, max) >= max) break;
    if (segment.isWordLike) cut = next;
  }
  // A single word longer than the limit (a link, a run of letters) is cut where the limit falls.
  const kept = cut.trim() !== '' ? cut : Array.from(text).slice(0, max - 1).join('');
  return `${kept.trimEnd()}…`;
}

function capitalise(text: string): string {
  return /^[a-z]/.test(text) ? `${text[0].toUpperCase()}${text.slice(1)}` : text;
}

/**
 * A place named with a label ("ที่ อ.หางดง เชียงใหม่", "in Hang Dong, Chiang Mai"), kept only when the search
 * finds a centre for it: a label alone ("แนวเขต", "on Monday") is not a place.
 */
function findPlace(text: string, locate: PlaceLocator): { text: string; centreCode: string } | undefined {
  const searched = text.slice(0, PLACE_SEARCH_CHARS);
  for (const candidate of [...thaiPlaces(searched), ...englishPlaces(searched)].slice(0, MAX_PLACE_CANDIDATES)) {
    const clean = cleanPlace(candidate);
    const centre = clean === '' ? undefined : locate(clean);
    if (centre) return { text: trimThaiTail(clean, centre.code, locate), centreCode: centre.code };
  }
  return undefined;
}

function cleanPlace(text: string): string {
  const cleaned = cleanText(removeBidiControls(text)).replace(/[\s,;:.–-]+$/u, '');
  return Array.from(cleaned).slice(0, PLACE_MAX).join('').trim();
}

/** From each Thai label to the end of its sentence. */
function thaiPlaces(text: string): string[] {
  const places: string[] = [];
  for (const match of text.matchAll(THAI_PLACE_START)) {
    const rest = text.slice(match.index);
    const end = SENTENCE_END.exec(rest);
    places.push(end ? rest.slice(0, end.index) : rest);
  }
  return places;
}

/** The run of capitalised words, numbers and place words after each English place start. */
function englishPlaces(text: string): string[] {
  const places: string[] = [];
  for (const match of text.matchAll(ENGLISH_PLACE_START)) {
    const words: string[] = [];
    for (const word of text.slice(match.index + match[0].length).split(/\s+/)) {
      const bare = word.replace(/[,;:.!?]+$/u, '');
      const continues = /^[\p{Lu}\d]/u.test(bare) || ENGLISH_PLACE_WORDS.has(bare.toLowerCase());
      if (!continues || bare === '') break;
      words.push(word);
      // A sentence ends the place, a comma does not ("Hang Dong, Chiang Mai").
      if (/[.!?;]$/.test(word)) break;
    }
    if (words.length > 0) places.push(words.join(' '));
  }
  return places;
}

/**
 * Cuts a Thai place at the first word that cannot be part of it ("อ.หางดง เชียงใหม่ มา 3 เดือนแล้ว"), as long
 * as the shorter text still finds the same centre: a place name that happens to contain such a word stays whole.
 */
function trimThaiTail(place: string, centreCode: string, locate: PlaceLocator): string {
  for (const segment of wordSegmenter.segment(place)) {
    if (!segment.isWordLike || !THAI_AFTER_PLACE.has(segment.segment) || segment.index === 0) continue;
    const shorter = cleanPlace(place.slice(0, segment.index));
    if (shorter !== '' && locate(shorter)?.code === centreCode) return shorter;
  }
  return place;
}
