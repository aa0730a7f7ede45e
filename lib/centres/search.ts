/**
 * Finding a centre from what a citizen types: a province or district name in Thai or English, partial,
 * misspelt, with or without prefixes such as จ. or อำเภอ, and "choose for me" from a free-text place.
 *
 * Everything is compared in one normal form (see `cleanTokens`): folded Thai (tone marks dropped, ใ read as
 * ไ), lower-case Latin, prefixes and particles removed, spaces removed. Every centre has a few such keys:
 * its Thai and English area names plus a handful of aliases. An inverted index of character n-grams (bigrams
 * for Thai, trigrams for Latin, padded so that word starts and ends count) narrows each query to the keys
 * that share an n-gram with it; only those are scored.
 */
import { normalizeText, segmentWords } from '../thai/text';
import type { Centre, CentreDirectory, CentreKind } from './directory';

/** A search result: the centre and how well it matched, from 0 to 1 (1 is an exact name). */
export interface CentreHit {
  readonly centre: Centre;
  readonly score: number;
}

export interface CentreSearchOptions {
  /** At most this many results (default 10). */
  limit?: number;
  /** Only centres of these kinds. */
  kinds?: readonly CentreKind[];
}

/**
 * How sure `chooseForLocation` must be. `free`: a name found anywhere in the text. `context`: a name right
 * after a label (อ., จ., "district", "amphoe") or a district of the province the text also names.
 * `margin`: two different places scoring closer than this are ambiguous, and neither is chosen.
 */
export const LOCATION_THRESHOLDS = Object.freeze({ free: 0.8, context: 0.75, margin: 0.05 });

const DEFAULT_LIMIT = 10;
// Longer input is cut: no place name is this long, and the cost of a search must stay bounded.
const MAX_QUERY_CHARS = 200;
const MAX_QUERY_TOKENS = 12;
// Splitting a query into a district part and a province part is tried for short queries only.
const MAX_SPLIT_TOKENS = 6;
// Below this a result is noise (a shared n-gram or two), not a match.
const MIN_SCORE = 0.45;
const SPLIT_PROVINCE_MIN = 0.75;
const SPLIT_DISTRICT_MIN = 0.5;
const SPLIT_MAX_PROVINCES = 3;
// Edit distance is only worth computing for keys that share this share of n-grams with the query.
const FUZZY_DICE_MIN = 0.25;
const MAX_LOCATION_CHARS = 500;
const MAX_WINDOW_UNITS = 5;
// Larger than any run: runs come from at most MAX_LOCATION_CHARS characters.
const SPAN = 1024;
// Fuzzy location matches need this many characters: one typo in a shorter name leaves too little.
const MIN_FUZZY_LOCATION_CHARS = 5;
// Suggestions reached through a district rank below provinces matched by name.
const DISTRICT_TO_PROVINCE_FACTOR = 0.9;

const KIND_RANK: Readonly<Record<CentreKind, number>> = { central: 0, dopa: 1, province: 2, district: 3 };

// ---------------------------------------------------------------------------------------------------------
// Normal form

const THAI_CHAR = /[\u0E00-\u0E7F]/;
const LATIN_DIACRITICS = /[\u00C0-\u024F\u1E00-\u1EFF]/;

// Drops what people get wrong or leave out when typing Thai: tone marks, thanthakhat, maitaikhu, ฯ and ๆ,
// and the ใ/ไ confusion; nikhahit + sara aa typed as two characters becomes sara am. Latin diacritics go too.
function fold(text: string): string {
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
const MUEANG_WORDS = new Set(['mueang', 'เมือง']);

function respell(word: string): string {
  return LATIN_SPELLINGS.get(word) ?? word;
}

// The words of a name or query in the normal form, noise removed, at most `maxTokens`.
function cleanTokens(text: string, maxTokens: number): string[] {
  const folded = fold(normalizeText(text)).replace(/\d+/g, ' ').replace(THAI_NOISE, ' ').replace(THAI_PARTICLES, ' ');
  const tokens: string[] = [];
  for (const token of folded.split(' ')) {
    if (token === '' || THAI_LETTER_LABELS.has(token) || ENGLISH_NOISE.has(token)) continue;
    tokens.push(respell(token));
    if (tokens.length >= maxTokens) break;
  }
  return tokens;
}

function gramsOf(text: string): string[] {
  const size = THAI_CHAR.test(text) ? 2 : 3;
  const padded = `^${text}$`;
  if (padded.length <= size) return [padded];
  const grams = new Set<string>();
  for (let i = 0; i + size <= padded.length; i += 1) grams.add(padded.slice(i, i + size));
  return [...grams];
}

// Rows reused by `editDistance`: it runs for many candidates per query and must not allocate.
let distanceRows: Int32Array[] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

// Optimal string alignment distance (Levenshtein plus adjacent transpositions); stops early above `max`.
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const width = b.length + 1;
  if (distanceRows[0].length < width) distanceRows = distanceRows.map(() => new Int32Array(width * 2));
  let [previous2, previous, current] = distanceRows;
  for (let j = 0; j < width; j += 1) previous[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j < width; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2] + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [previous2, previous, current] = [previous, current, previous2];
  }
  return previous[b.length];
}

// ---------------------------------------------------------------------------------------------------------
// Keys and aliases

// Names people use that are not the official ones; keyed by DOPA province code.
const PROVINCE_ALIASES: Readonly<Record<string, readonly string[]>> = {
  '14': ['อยุธยา', 'Ayutthaya', 'Ayuthaya', 'Ayudhya'],
  '30': ['โคราช', 'Korat', 'Khorat'],
  '34': ['อุบล', 'Ubon'],
  '41': ['อุดร', 'Udon'],
  '80': ['นครศรี', 'Nakhon Si'],
  '84': ['สุราษฎร์', 'Surat'],
};
// Other romanisations of district names; keyed by DOPA district code.
const DISTRICT_ALIASES: Readonly<Record<string, readonly string[]>> = {
  '5025': ['Kanlayaniwatthana'],
  // Pattaya City is a special local government inside Bang Lamung district, not a district of its own.
  '2004': ['พัทยา', 'Pattaya'],
};
const KIND_ALIASES: Readonly<Partial<Record<CentreKind, readonly string[]>>> = {
  central: ['มหาดไทย', 'กระทรวงมหาดไทย', 'มท', 'MOI', 'Interior', 'Ministry of the Interior'],
  dopa: ['กรมการปกครอง', 'การปกครอง', 'ปค', 'DOPA', 'Provincial Administration'],
};
// Names that are also everyday words ("ชนบท" is "countryside"); like very short names, they count in free
// text only when a label or the province confirms them.
const COMMON_WORD_NAMES = new Set(['ชนบท', 'พนม', 'บานนา', 'นาดี', 'banna']);

interface Key {
  readonly centre: number;
  readonly text: string;
  // Sorted n-gram ids.
  readonly grams: Int32Array;
  // Too short or too common to be believed in free text without a label or the province.
  readonly weak: boolean;
  // A district key equal to its own province's (the district พระนครศรีอยุธยา): in free text it is the province.
  readonly sameAsProvince: boolean;
}

interface Reading {
  readonly text: string;
  // Ids of the n-grams that occur in some key.
  readonly ids: readonly number[];
  // The same ids as a set, made on first use: only district-by-province scoring needs it.
  idSet?: ReadonlySet<number>;
  // All n-grams, known or not: the size of the set in the Dice coefficient.
  readonly gramCount: number;
}

function similarity(reading: Reading, key: Key, shared: number): number {
  const query = reading.text;
  const text = key.text;
  if (query === text) return 1;
  const lq = query.length;
  const lk = text.length;
  let score = 0;
  // Typing the start of a name is the commonest partial query; text inside a name counts a little less.
  if (lq >= 2 && text.startsWith(query)) score = 0.6 + (0.3 * lq) / lk;
  else if (lq >= 3 && text.includes(query)) score = 0.55 + (0.35 * lq) / lk;
  // The whole name inside a longer query ("เชียงใหม่บ้านผม"): the more of the query it explains, the better.
  if (lk >= 5 && lq > lk && query.includes(text)) score = Math.max(score, 0.5 + (0.35 * lk) / lq);
  const dice = (2 * shared) / (reading.gramCount + key.grams.length);
  score = Math.max(score, 0.9 * dice);
  if (dice >= FUZZY_DICE_MIN && Math.min(lq, lk) >= 4 && Math.abs(lq - lk) <= 3) {
    const distance = editDistance(query, text, 3);
    if (distance <= 3) score = Math.max(score, 1 - distance / Math.max(lq, lk));
  }
  return score;
}

// For free text: only whole names count, exactly or with a typo or two; prefixes and fragments do not.
function locationSimilarity(window: string, key: Key): number {
  if (window === key.text) return 1;
  const length = Math.max(window.length, key.text.length);
  if (Math.min(window.length, key.text.length) < MIN_FUZZY_LOCATION_CHARS) return 0;
  const distance = editDistance(window, key.text, 2);
  return distance <= 2 ? 1 - distance / length : 0;
}

// ---------------------------------------------------------------------------------------------------------
// Free-text places

type LabelKind = 'province' | 'district';

// A stretch of a place description that names at most one thing per window; windows never leave a run.
interface Run {
  readonly text: string;
  // Offsets in `text` where each unit (a word) starts, then the end.
  readonly bounds: readonly number[];
  readonly label?: LabelKind;
  // Whether the label's name starts the run (อ.หางดง, amphoe Hang Dong) or ends it (Hang Dong district).
  readonly anchor?: 'start' | 'end';
}

interface LocationMatch {
  readonly centre: number;
  readonly key: Key;
  readonly score: number;
  readonly run: number;
  readonly start: number;
  readonly end: number;
  readonly exact: boolean;
  readonly labelled?: LabelKind;
}

type LabelTarget = LabelKind | 'ignore';

// What a label does: it names the next token (Thai), or the rest of its clause before or after itself.
interface LabelEffect {
  readonly scope: 'next' | 'following' | 'preceding';
  readonly target: LabelTarget;
}

function labels(words: readonly string[], effect: LabelEffect): Array<[string, LabelEffect]> {
  return words.map((word) => [word, effect]);
}

// Thai labels come before the name. Tambon, village, road and Bangkok khet names are skipped: they often
// repeat the name of some district elsewhere. Labels are compared unfolded, with their marks: folded, หมู่
// (village) would be หมู (pork).
const THAI_LABELS: ReadonlyMap<string, LabelEffect> = new Map([
  ...labels(['จ', 'จังหวัด'], { scope: 'next', target: 'province' }),
  ...labels(['อ', 'อำเภอ', 'กิ่งอำเภอ'], { scope: 'next', target: 'district' }),
  ...labels(
    ['ต', 'ตำบล', 'แขวง', 'เขต', 'ม', 'หมู่', 'หมู่ที่', 'หมู่บ้าน', 'ถ', 'ถนน', 'ซ', 'ซอย', 'ตรอก', 'บ้านเลขที่', 'เลขที่'],
    { scope: 'next', target: 'ignore' },
  ),
]);
// Labels trusted inside run-on Thai. One-letter labels are trusted only as whole tokens (จ. and อ. lose
// their dot and stand alone; ICU also cuts single letters out of names it does not know, as in โกสัมพีนคร),
// and เขต ends the district name สนามชัยเขต.
const THAI_INNER_LABELS = new Set([...THAI_LABELS.keys()].filter((label) => label.length > 1 && label !== 'เขต'));
// Thai labels that may be written glued to the name, longest first; ศูนย์ดำรงธรรม is dropped as noise.
const THAI_GLUED_LABELS = ['ศูนย์ดำรงธรรม', ...THAI_INNER_LABELS, 'เขต'].sort((a, b) => b.length - a.length);
// English addresses are split by commas; a label covers its part of the clause, before or after itself.
const ENGLISH_LABELS: ReadonlyMap<string, LabelEffect> = new Map([
  ...labels(['amphoe', 'amphur', 'amphor', 'ampho'], { scope: 'following', target: 'district' }),
  ...labels(['changwat'], { scope: 'following', target: 'province' }),
  // Not soi or khet: they are words of Soi Dao, Nikhom Kham Soi and Sanam Chai Khet.
  ...labels(['tambon', 'moo', 'mu', 'thanon', 'khwaeng'], { scope: 'following', target: 'ignore' }),
  ...labels(['district'], { scope: 'preceding', target: 'district' }),
  ...labels(['province'], { scope: 'preceding', target: 'province' }),
  ...labels(['subdistrict', 'road', 'rd', 'street', 'village', 'lane', 'alley'], { scope: 'preceding', target: 'ignore' }),
]);
const SUBDISTRICT: LabelEffect = { scope: 'preceding', target: 'ignore' };
const LOCATION_NOISE = new Set(['ศูนยดำรงธรรม', 'ประเทศไทย', 'thailand', 'damrongdham', 'center', 'centre']);
const CLAUSE_BREAK = /[,;\n\r]+/;

// A space-separated part of a clause, or a piece of one cut at a label; `words` keep their marks for ICU.
interface Token {
  readonly raw: string;
  readonly folded: string;
  readonly words: readonly string[];
}

// Splits labels written glued to a name ("อำเภอหางดง", "ศูนย์ดำรงธรรมจังหวัดเชียงใหม่").
function splitGluedLabels(token: string): string[] {
  const parts: string[] = [];
  let rest = token;
  for (;;) {
    const label = THAI_GLUED_LABELS.find((candidate) => rest.length > candidate.length && rest.startsWith(candidate));
    if (!label) break;
    parts.push(label);
    rest = rest.slice(label.length);
  }
  if (rest !== '') parts.push(rest);
  return parts;
}

// The tokens of a clause. Run-on Thai ("ถนนพังที่อำเภอฮอดครับ") is cut at every label word ICU finds in it,
// so that a label inside a sentence still names what follows it.
function tokenise(clause: string): Token[] {
  const tokens: Token[] = [];
  const add = (words: readonly string[]) => {
    const raw = words.join('');
    tokens.push({ raw, folded: fold(raw), words });
  };
  for (const spaced of normalizeText(clause).split(' ')) {
    for (const part of splitGluedLabels(spaced)) {
      let words: string[] = [];
      for (const word of segmentWords(part)) {
        if (THAI_INNER_LABELS.has(word)) {
          if (words.length > 0) add(words);
          add([word]);
          words = [];
        } else {
          words.push(word);
        }
      }
      if (words.length > 0) add(words);
    }
  }
  return tokens;
}

function buildRun(tokens: readonly Token[], label?: LabelKind, anchor?: 'start' | 'end'): Run | undefined {
  const units: string[] = [];
  for (const token of tokens) {
    for (const word of token.words) {
      const unit = fold(word).replace(/\d+/g, '');
      if (unit !== '') units.push(respell(unit));
    }
  }
  if (units.length === 0) return undefined;
  const bounds = [0];
  for (const unit of units) bounds.push(bounds[bounds.length - 1] + unit.length);
  return { text: units.join(''), bounds, label, anchor };
}

// Splits a place description into runs, each free or labelled as naming a province or a district.
function parseLocation(placeText: string): Run[] {
  const runs: Run[] = [];
  const push = (run: Run | undefined) => {
    if (run) runs.push(run);
  };
  for (const clause of placeText.slice(0, MAX_LOCATION_CHARS).split(CLAUSE_BREAK)) {
    const tokens = tokenise(clause);
    let buffer: Token[] = [];
    let following: LabelTarget | undefined;
    let next: LabelTarget | undefined;
    const flush = () => {
      if (following !== 'ignore') push(buildRun(buffer, following, following ? 'start' : undefined));
      buffer = [];
    };
    for (let i = 0; i < tokens.length; i += 1) {
      const token = tokens[i];
      if (token.folded === '' || LOCATION_NOISE.has(token.folded)) continue;
      const isSubdistrict = token.folded === 'sub' && tokens[i + 1]?.folded === 'district';
      const effect = isSubdistrict ? SUBDISTRICT : THAI_LABELS.get(token.raw) ?? ENGLISH_LABELS.get(token.folded);
      if (isSubdistrict) i += 1;
      if (effect?.scope === 'next') {
        flush();
        following = undefined;
        next = effect.target;
      } else if (effect?.scope === 'following') {
        flush();
        following = effect.target;
      } else if (effect?.scope === 'preceding') {
        if (effect.target !== 'ignore' && following !== 'ignore') push(buildRun(buffer, effect.target, 'end'));
        buffer = [];
        following = undefined;
      } else if (next !== undefined) {
        if (next !== 'ignore') push(buildRun([token], next, 'start'));
        next = undefined;
      } else {
        buffer.push(token);
      }
    }
    flush();
  }
  return runs;
}

// Whether a district found in the text can confirm a province found in it: the two are apart, or the
// district's name is longer and holds the province's (Mueang Chiang Mai). Two readings of the same words
// ("Chiang Bai" as a misspelt Chiang Mai and as a misspelt Chiang Dao) confirm nothing.
function compatible(district: LocationMatch, province: LocationMatch): boolean {
  if (district.run !== province.run || district.end <= province.start || province.end <= district.start) return true;
  return district.start <= province.start && province.end <= district.end && district.end - district.start > province.end - province.start;
}

interface Ranked {
  readonly centre: number;
  readonly score: number;
  readonly labelled: boolean;
  readonly corroborated: boolean;
  // The name found, for provinces: the districts that confirm it must be found elsewhere in the text.
  readonly match?: LocationMatch;
}

function compareRanked(a: Ranked, b: Ranked): number {
  return Number(b.labelled) - Number(a.labelled) || Number(b.corroborated) - Number(a.corroborated) || b.score - a.score;
}

// The best candidate, or 'ambiguous' when a different one is as well supported and within the margin.
function pickBest(candidates: readonly Ranked[]): Ranked | 'ambiguous' | undefined {
  const sorted = [...candidates].sort(compareRanked);
  const [best, ...rest] = sorted;
  if (!best) return undefined;
  const rival = rest.find((other) => other.centre !== best.centre);
  if (
    rival &&
    rival.labelled === best.labelled &&
    rival.corroborated === best.corroborated &&
    best.score - rival.score < LOCATION_THRESHOLDS.margin
  ) {
    return 'ambiguous';
  }
  return best;
}

function roundScore(score: number): number {
  return Math.round(Math.min(1, Math.max(0, score)) * 10000) / 10000;
}

// ---------------------------------------------------------------------------------------------------------

/**
 * Search over the centres of a directory. All indexing is done by the constructor; searches allocate
 * little and touch only the keys that share an n-gram with the query.
 */
export class CentreSearch {
  private readonly centreList: readonly Centre[];
  private readonly keys: Key[] = [];
  private readonly gramIds = new Map<string, number>();
  private readonly postings: Int32Array[] = [];
  private readonly provincePostings: Int32Array[] = [];
  private readonly keysByFirstTwo = new Map<string, number[]>();
  private readonly keysByCentre: number[][];
  private readonly districtsByProvince = new Map<number, number[]>();
  private readonly provinceIndex = new Map<string, number>();
  // The capital (เมือง) district of each province: DOPA numbers it xx01.
  private readonly capitalOf = new Map<number, number>();
  private readonly codeIndex = new Map<string, number>();
  private readonly sharedCounts: Uint16Array;
  private readonly touched: Int32Array;
  private readonly best: Float64Array;
  private readonly longestKey: number;

  constructor(directory: CentreDirectory) {
    this.centreList = directory.centres();
    this.keysByCentre = this.centreList.map(() => []);
    this.centreList.forEach((centre, index) => {
      this.codeIndex.set(centre.code.toLowerCase(), index);
      if (centre.kind === 'province') this.provinceIndex.set(centre.code, index);
    });
    this.centreList.forEach((centre, index) => {
      if (centre.kind !== 'district' || centre.provinceCode === undefined) return;
      const province = this.provinceIndex.get(centre.provinceCode);
      if (province === undefined) return;
      const siblings = this.districtsByProvince.get(province) ?? [];
      siblings.push(index);
      this.districtsByProvince.set(province, siblings);
      if (centre.code === `${centre.provinceCode}01`) this.capitalOf.set(province, index);
    });

    const postingLists: number[][] = [];
    const provinceLists: number[][] = [];
    // Provinces first, so that a district can tell whether a key of its equals its province's.
    const order = this.centreList.map((_, index) => index).sort((a, b) => Number(this.centreList[b].kind === 'province') - Number(this.centreList[a].kind === 'province'));
    for (const index of order) {
      for (const text of this.keyTextsOf(index)) {
        const keyId = this.keys.length;
        const gramIds = gramsOf(text).map((gram) => {
          let id = this.gramIds.get(gram);
          if (id === undefined) {
            id = postingLists.length;
            this.gramIds.set(gram, id);
            postingLists.push([]);
            provinceLists.push([]);
          }
          return id;
        });
        const key = this.makeKey(index, text, Int32Array.from(gramIds).sort());
        this.keys.push(key);
        this.keysByCentre[index].push(keyId);
        for (const id of key.grams) {
          postingLists[id].push(keyId);
          if (this.centreList[index].kind === 'province') provinceLists[id].push(keyId);
        }
        const firstTwo = this.keysByFirstTwo.get(text.slice(0, 2)) ?? [];
        firstTwo.push(keyId);
        this.keysByFirstTwo.set(text.slice(0, 2), firstTwo);
      }
    }
    for (const list of postingLists) this.postings.push(Int32Array.from(list));
    for (const list of provinceLists) this.provincePostings.push(Int32Array.from(list));
    this.sharedCounts = new Uint16Array(this.keys.length);
    this.touched = new Int32Array(this.keys.length);
    this.best = new Float64Array(this.centreList.length);
    this.longestKey = this.keys.reduce((longest, key) => Math.max(longest, key.text.length), 0);
  }

  /**
   * Centres whose names best match the query, best first, scores from 0 to 1. Ties put provinces before
   * districts, then go by code. A centre's code (`5015`, `MOI`) also finds it. Never throws; empty,
   * emoji-only and very long queries give few or no results.
   */
  search(query: string, options: CentreSearchOptions = {}): CentreHit[] {
    const limit = Math.floor(options.limit ?? DEFAULT_LIMIT);
    if (!(limit > 0)) return [];
    const text = query.slice(0, MAX_QUERY_CHARS);
    const best = this.best;
    best.fill(0);

    const byCode = this.codeIndex.get(normalizeText(text));
    if (byCode !== undefined) best[byCode] = 1;

    const tokens = cleanTokens(text, MAX_QUERY_TOKENS);
    if (tokens.length > 0) {
      const readings = new Map<string, Reading>();
      const joined = tokens.join('');
      if (joined.length >= 2) {
        const whole = this.reading(joined, readings);
        this.collect(whole, this.postings, (keyId, shared) => {
          const key = this.keys[keyId];
          const score = similarity(whole, key, shared);
          if (score > best[key.centre]) best[key.centre] = score;
        });
      }
      for (const [districtPart, provincePart] of this.splits(tokens, joined)) {
        this.scoreSplit(districtPart, provincePart, readings);
      }
    }

    const kinds = options.kinds ? new Set<CentreKind>(options.kinds) : undefined;
    const hits: CentreHit[] = [];
    for (let index = 0; index < best.length; index += 1) {
      const centre = this.centreList[index];
      if (best[index] < MIN_SCORE || (kinds && !kinds.has(centre.kind))) continue;
      hits.push({ centre, score: roundScore(best[index]) });
    }
    hits.sort(
      (a, b) =>
        b.score - a.score ||
        KIND_RANK[a.centre.kind] - KIND_RANK[b.centre.kind] ||
        (a.centre.code < b.centre.code ? -1 : a.centre.code > b.centre.code ? 1 : 0),
    );
    return hits.slice(0, limit);
  }

  /**
   * Provinces for the province step of a drill-down: provinces matching the query, then the provinces of
   * matching districts (someone who types "หางดง" gets เชียงใหม่), best first.
   */
  suggestProvinces(query: string, limit = 5): CentreHit[] {
    if (!(limit > 0)) return [];
    const scores = new Map<string, CentreHit>();
    for (const hit of this.search(query, { limit: 50, kinds: ['province', 'district'] })) {
      const province = hit.centre.kind === 'province' ? hit.centre : this.provinceCentreOf(hit.centre);
      if (!province) continue;
      const score = hit.centre.kind === 'province' ? hit.score : roundScore(hit.score * DISTRICT_TO_PROVINCE_FACTOR);
      const known = scores.get(province.code);
      if (!known || known.score < score) scores.set(province.code, { centre: province, score });
    }
    return [...scores.values()]
      .sort((a, b) => b.score - a.score || (a.centre.code < b.centre.code ? -1 : 1))
      .slice(0, Math.floor(limit));
  }

  /**
   * "Choose for me": the centre for a place described in free text ("หมู่ 3 ต.สันทราย อ.สันทราย
   * จ.เชียงใหม่", "near Hang Dong market, Chiang Mai"). The district centre when a district is confidently
   * found (one in the province the text names, if it names one), else the province centre when a province
   * is, else undefined. Tambon, village and road names are ignored; see LOCATION_THRESHOLDS.
   */
  chooseForLocation(placeText: string): Centre | undefined {
    const runs = parseLocation(placeText);
    const matches = this.prune(runs.flatMap((run, index) => this.matchRun(run, index)));
    // "อ.เมือง" names the capital district of whichever province the text names; "อ.เมืองยาง" and "Nong
    // Muang district" name a district of their own and do not count.
    const mueangLabelled = runs.some(
      (run, index) =>
        run.label === 'district' &&
        this.anchoredUnitIsMueang(run) &&
        !matches.some((match) => match.run === index && match.labelled === 'district'),
    );
    const { context, free, margin } = LOCATION_THRESHOLDS;

    const districtMatches = matches.filter((match) => this.centreList[match.centre].kind === 'district');
    const supports = (district: LocationMatch, province: LocationMatch) =>
      this.provinceIndexOf(district.centre) === province.centre && district.score >= context && compatible(district, province);

    const provinceCandidates: Ranked[] = [];
    for (const match of matches) {
      if (this.centreList[match.centre].kind !== 'province') continue;
      const labelled = match.labelled === 'province';
      const corroborated = mueangLabelled || districtMatches.some((district) => supports(district, match));
      const accepted =
        (labelled && match.score >= context) ||
        (!match.key.weak && match.score >= free) ||
        (match.key.weak && match.exact && corroborated);
      if (accepted) provinceCandidates.push({ centre: match.centre, score: match.score, labelled, corroborated, match });
    }
    const province = pickBest(provinceCandidates);

    if (province !== undefined && province !== 'ambiguous' && province.match) {
      const named = province.match;
      const inProvince: Ranked[] = districtMatches
        .filter((district) => supports(district, named))
        .map((district) => ({ centre: district.centre, score: district.score, labelled: district.labelled === 'district', corroborated: true }));
      const capital = this.capitalOf.get(province.centre);
      if (mueangLabelled && capital !== undefined) inProvince.push({ centre: capital, score: 1, labelled: true, corroborated: true });
      const district = pickBest(inProvince);
      if (district === undefined || district === 'ambiguous') return this.centreList[province.centre];
      return this.centreList[district.centre];
    }

    const districtCandidates: Ranked[] = districtMatches
      .filter((match) => (match.labelled === 'district' && match.score >= context) || (!match.key.weak && match.score >= free))
      .map((match) => ({ centre: match.centre, score: match.score, labelled: match.labelled === 'district', corroborated: false }));
    const district = pickBest(districtCandidates);
    if (district === undefined) return undefined;
    if (district !== 'ambiguous') return this.centreList[district.centre];
    // Several equally good districts (บางไทร and บางซ้าย are both "Bang Sai"): if they share a province,
    // that province's centre is still a confident choice.
    const top = [...districtCandidates].sort(compareRanked)[0];
    const tied = districtCandidates.filter((candidate) => candidate.labelled === top.labelled && top.score - candidate.score < margin);
    const provinces = new Set(tied.map((candidate) => this.provinceIndexOf(candidate.centre)));
    const [only] = provinces;
    return provinces.size === 1 && only !== undefined ? this.centreList[only] : undefined;
  }

  // -------------------------------------------------------------------------------------------------------

  private keyTextsOf(index: number): string[] {
    const centre = this.centreList[index];
    const names = [centre.areaNameTh, centre.areaNameEn, ...(KIND_ALIASES[centre.kind] ?? [])];
    if (centre.kind === 'province') names.push(...(PROVINCE_ALIASES[centre.code] ?? []));
    if (centre.kind === 'district') names.push(...(DISTRICT_ALIASES[centre.code] ?? []));
    const province = this.provinceIndexOf(index);
    if (province !== undefined && this.capitalOf.get(province) === index) {
      // "เมืองโคราช", "Mueang Ayutthaya": the capital district under any name of its province.
      for (const keyId of this.keysByCentre[province]) {
        const provinceKey = this.keys[keyId].text;
        names.push(THAI_CHAR.test(provinceKey) ? `เมือง${provinceKey}` : `mueang ${provinceKey}`);
      }
    }
    const texts = new Set<string>();
    for (const name of names) {
      const text = cleanTokens(name, Number.POSITIVE_INFINITY).join('');
      if (text.length >= 2) texts.add(text);
    }
    return [...texts];
  }

  private makeKey(index: number, text: string, grams: Int32Array): Key {
    const centre = this.centreList[index];
    const thai = THAI_CHAR.test(text);
    const short = text.length <= 3 || (centre.kind === 'district' && !thai && text.length <= 4);
    const province = this.provinceIndexOf(index);
    const sameAsProvince =
      centre.kind === 'district' &&
      province !== undefined &&
      this.keysByCentre[province].some((keyId) => this.keys[keyId].text === text);
    return { centre: index, text, grams, weak: short || COMMON_WORD_NAMES.has(text), sameAsProvince };
  }

  private provinceIndexOf(index: number): number | undefined {
    const centre = this.centreList[index];
    if (centre.kind === 'province') return index;
    return centre.provinceCode === undefined ? undefined : this.provinceIndex.get(centre.provinceCode);
  }

  private provinceCentreOf(centre: Centre): Centre | undefined {
    if (centre.provinceCode === undefined) return undefined;
    const index = this.provinceIndex.get(centre.provinceCode);
    return index === undefined ? undefined : this.centreList[index];
  }

  private reading(text: string, cache?: Map<string, Reading>): Reading {
    const cached = cache?.get(text);
    if (cached) return cached;
    const grams = gramsOf(text);
    const ids: number[] = [];
    for (const gram of grams) {
      const id = this.gramIds.get(gram);
      if (id !== undefined) ids.push(id);
    }
    const reading: Reading = { text, ids, gramCount: grams.length };
    cache?.set(text, reading);
    return reading;
  }

  // Calls `visit` once for every key sharing an n-gram with the reading, with the number shared.
  private collect(reading: Reading, postings: readonly Int32Array[], visit: (keyId: number, shared: number) => void): void {
    const shared = this.sharedCounts;
    const touched = this.touched;
    let count = 0;
    for (const id of reading.ids) {
      const list = postings[id];
      for (let i = 0; i < list.length; i += 1) {
        const keyId = list[i];
        if (shared[keyId] === 0) touched[count++] = keyId;
        shared[keyId] += 1;
      }
    }
    for (let i = 0; i < count; i += 1) {
      const keyId = touched[i];
      const n = shared[keyId];
      shared[keyId] = 0;
      visit(keyId, n);
    }
  }

  private directSimilarity(reading: Reading, key: Key): number {
    let shared = 0;
    reading.idSet ??= new Set(reading.ids);
    const ids = reading.idSet;
    for (const id of key.grams) if (ids.has(id)) shared += 1;
    return similarity(reading, key, shared);
  }

  // Ways to read a query as "district, province": at each space (both orders), and around each province
  // name found inside run-on text ("หางดงเชียงใหม่").
  private splits(tokens: readonly string[], joined: string): Array<[string, string]> {
    const pairs = new Map<string, [string, string]>();
    const add = (district: string, province: string) => {
      if (district.length >= 2) pairs.set(`${district}\u0000${province}`, [district, province]);
    };
    if (tokens.length >= 2 && tokens.length <= MAX_SPLIT_TOKENS) {
      for (let i = 1; i < tokens.length; i += 1) {
        const left = tokens.slice(0, i).join('');
        const right = tokens.slice(i).join('');
        add(left, right);
        add(right, left);
      }
    }
    for (const index of this.provinceIndex.values()) {
      for (const keyId of this.keysByCentre[index]) {
        const text = this.keys[keyId].text;
        if (text.length >= 3 && joined.length > text.length && joined.includes(text)) add(joined.replace(text, ''), text);
      }
    }
    return [...pairs.values()];
  }

  // Scores the districts of the provinces that `provincePart` names against `districtPart`.
  private scoreSplit(districtPart: string, provincePart: string, readings: Map<string, Reading>): void {
    const provinceReading = this.reading(provincePart, readings);
    const provinceScores = new Map<number, number>();
    this.collect(provinceReading, this.provincePostings, (keyId, shared) => {
      const key = this.keys[keyId];
      const score = similarity(provinceReading, key, shared);
      if (score >= SPLIT_PROVINCE_MIN && score > (provinceScores.get(key.centre) ?? 0)) provinceScores.set(key.centre, score);
    });
    if (provinceScores.size === 0) return;
    const districtReading = this.reading(districtPart, readings);
    const isMueang = MUEANG_WORDS.has(districtPart);
    const provinces = [...provinceScores].sort((a, b) => b[1] - a[1]).slice(0, SPLIT_MAX_PROVINCES);
    for (const [province, provinceScore] of provinces) {
      for (const district of this.districtsByProvince.get(province) ?? []) {
        let districtScore = isMueang && this.capitalOf.get(province) === district ? 1 : 0;
        for (const keyId of this.keysByCentre[district]) {
          districtScore = Math.max(districtScore, this.directSimilarity(districtReading, this.keys[keyId]));
        }
        if (districtScore < SPLIT_DISTRICT_MIN) continue;
        // Both parts must match, so the scores multiply: a misspelt province costs as much as a misspelt district.
        const score = districtScore * provinceScore;
        if (score > this.best[district]) this.best[district] = score;
      }
    }
  }

  private anchoredUnitIsMueang(run: Run): boolean {
    const { bounds, text } = run;
    const unit =
      run.anchor === 'end' ? text.slice(bounds[bounds.length - 2], bounds[bounds.length - 1]) : text.slice(bounds[0], bounds[1]);
    return MUEANG_WORDS.has(unit);
  }

  // Province and district names in one run: exact anywhere sensible, fuzzy on whole-word windows.
  private matchRun(run: Run, runIndex: number): LocationMatch[] {
    const { text, bounds } = run;
    const isBoundary = new Set(bounds);
    const matches: LocationMatch[] = [];
    // Spans as start * SPAN + end: numbers, not strings, to keep allocation down.
    const exactSpans = new Set<number>();
    const labelFor = (start: number, end: number): LabelKind | undefined => {
      if (!run.label) return undefined;
      return (run.anchor === 'start' && start === 0) || (run.anchor === 'end' && end === text.length) ? run.label : undefined;
    };
    const add = (keyId: number, score: number, start: number, end: number, exact: boolean) => {
      const key = this.keys[keyId];
      const kind = this.centreList[key.centre].kind;
      if (kind !== 'province' && kind !== 'district') return;
      const labelled = labelFor(start, end);
      if (key.sameAsProvince && labelled !== 'district') return;
      matches.push({ centre: key.centre, key, score, run: runIndex, start, end, exact, labelled });
    };

    for (let start = 0; start + 2 <= text.length; start += 1) {
      const candidates = this.keysByFirstTwo.get(text.slice(start, start + 2));
      if (!candidates) continue;
      for (const keyId of candidates) {
        const key = this.keys[keyId];
        if (!text.startsWith(key.text, start)) continue;
        const end = start + key.text.length;
        // Thai is written without spaces, so a long Thai name counts inside a word ICU did not split;
        // Latin names and short or common names must be whole words.
        const aligned = isBoundary.has(start) && isBoundary.has(end);
        if (!aligned && (key.weak || key.text.length < 5 || !THAI_CHAR.test(key.text))) continue;
        add(keyId, 1, start, end, true);
        exactSpans.add(start * SPAN + end);
      }
    }

    const units = bounds.length - 1;
    for (let i = 0; i < units; i += 1) {
      for (let j = i + 1; j <= Math.min(units, i + MAX_WINDOW_UNITS); j += 1) {
        const start = bounds[i];
        const end = bounds[j];
        if (end - start > this.longestKey + 2) break;
        if (end - start < MIN_FUZZY_LOCATION_CHARS || exactSpans.has(start * SPAN + end)) continue;
        const window = this.reading(text.slice(start, end));
        // "เมือง" on its own is the word for town, not a misspelt Khu Mueang; after a label it means the capital.
        if (MUEANG_WORDS.has(window.text)) continue;
        this.collect(window, this.postings, (keyId, shared) => {
          const key = this.keys[keyId];
          if (shared < 2 || Math.abs(key.text.length - window.text.length) > 2) return;
          const score = locationSimilarity(window.text, key);
          if (score >= LOCATION_THRESHOLDS.context) add(keyId, score, start, end, false);
        });
      }
    }
    return matches;
  }

  // Drops names that a longer exact name of another place explains: เชียงใหม่ inside ศรีเชียงใหม่ (a district
  // of Nong Khai), ตาก inside ตากใบ, นครศรี inside พระนครศรีอยุธยา, and fuzzy matches that borrow letters from an
  // exact name ("to Chiang Mai" is not a misspelt Si Chiang Mai). A province and its own district may overlap:
  // one confirms the other.
  private prune(matches: readonly LocationMatch[]): LocationMatch[] {
    const exact = matches.filter((match) => match.exact);
    const related = (a: LocationMatch, b: LocationMatch) =>
      a.centre === b.centre || this.provinceIndexOf(a.centre) === b.centre || this.provinceIndexOf(b.centre) === a.centre;
    return matches.filter(
      (match) =>
        !exact.some(
          (other) =>
            other.run === match.run &&
            !related(other, match) &&
            (match.exact
              ? other.start <= match.start && match.end <= other.end && other.end - other.start > match.end - match.start
              : other.start < match.end && match.start < other.end),
        ),
    );
  }
}
