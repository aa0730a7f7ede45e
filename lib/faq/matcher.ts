/**
 * Finds the FAQ entry a citizen is asking about, or says honestly that it is not sure (a few candidates to
 * offer) or that nothing fits.
 */
import { Bm25Index, type Bm25Params } from './bm25';
import seedSynonyms from './seed/synonyms.json';
import { FaqTokenizer, type SynonymTable } from './tokenize';
import { FAQ_LANGS, type FaqEntry, type FaqLang } from './types';

/**
 * The outcome of a match: one answer to give, up to three to offer (best first), or none. Scores are the
 * similarity described under `FaqThresholds`, from 0 to 1, rounded to three decimals.
 */
export type FaqMatch =
  | { kind: 'confident'; entry: FaqEntry; score: number }
  | { kind: 'weak'; candidates: Array<{ entry: FaqEntry; score: number }> }
  | { kind: 'none' };

/**
 * When a match counts. Both measures run from 0 to 1:
 * - the best entry's *similarity*: roughly, the share of the message's information (the idf mass of its
 *   tokens, unknown words included) that the entry explains, discounted when the entry's best phrasing has
 *   much the message does not mention (see the design notes below);
 * - the *margin*: how far the best entry's similarity leads the runner-up's, relative to the best.
 * Besides these, a confident answer needs evidence: the words it matched must together be more specific than
 * a word half the entries use. "complaint" or "ร้องเรียน" alone is in most questions and gets choices.
 */
export interface FaqThresholds {
  /** Similarity needed to answer outright. */
  confident: number;
  /** Lead over the runner-up needed to answer outright. */
  margin: number;
  /** Similarity below which nothing is offered at all. */
  weak: number;
}

/**
 * Chosen on the tuning paraphrases in tests/lib/faq (the held-out table there was not used to choose them).
 * Paraphrases that name their topic score 0.4–1.0 with the runner-up far behind. Greetings score 0 (no
 * word the bank knows); a message with one bank word among unknown ones scores about 0.25–0.35 ("how is the
 * weather in my province" 0.28, "ผลบอลเมื่อคืน", last night's football results, 0.31 through "ผล", result):
 * at most a weak match. A margin of 0.15 turns near ties (personal data or complainant protection; a lost ID
 * card or the documents to bring) into a choice for the citizen rather than a guess.
 */
export const DEFAULT_THRESHOLDS: FaqThresholds = { confident: 0.35, margin: 0.15, weak: 0.25 };

/** Tuning knobs; the defaults are what the tests were tuned with. */
export interface FaqMatcherOptions {
  synonyms?: SynonymTable;
  bm25?: Partial<Bm25Params>;
  thresholds?: Partial<FaqThresholds>;
}

/*
 * Design notes. Each choice below was measured against its alternative on the paraphrase tables.
 *
 * Documents: every question phrasing and every keyword of an entry is its own short BM25 document, and
 * document frequency counts entries, not documents (see Bm25Index). One document per entry (all phrasings
 * and keywords together) answered fewer paraphrases outright and gave some confident wrong answers. Answers
 * are not indexed: with answer text in the index, words that only answers use became "known", and four
 * paraphrases turned into confident wrong answers.
 *
 * Entry score = score of its best document × √(share of that document's idf mass the message matched)
 *             + ½ × idf of the message tokens that only the entry's other phrasings or keywords match.
 * The square-root factor lets "can i file online" prefer "Can I complain online?" over "I want to report an
 * online gambling website"; the second term lets "อยากได้ทนายฟรี" reach the legal-aid entry, whose phrasings
 * say "ทนาย" in one place and "ฟรี" in another.
 *
 * Similarity = entry score / idf mass of the message's distinct tokens, capped at 1. Unknown tokens count
 * at the idf of a word no entry has, so that messages the bank does not understand score low; unknown bare
 * numbers ("20 percent", "3 days") do not count.
 *
 * BM25: k1 = 1.2 as usual; b = 0.5 rather than 0.75, because every document is short and a phrasing's
 * length says little about its relevance.
 */
const DEFAULT_BM25: Bm25Params = { k1: 1.2, b: 0.5 };
const DOC_COVERAGE_EXPONENT = 0.5;
const SPREAD_WEIGHT = 0.5;
const CANDIDATES = 3;
// The idf of a word that half the entries use: ln 2, whatever the size of the bank. (In a bank of two entries
// nothing is that specific, so nothing is answered outright; a real bank is larger.)
const MIN_EVIDENCE = Math.LN2;

const THAI_SCRIPT = /[\u0E00-\u0E7F]/;
const LATIN_LETTER = /[A-Za-z]/;
const DIGITS = /^[0-9]+$/;

interface LanguageIndex {
  bm25: Bm25Index;
  /** The entry each document belongs to. */
  docEntry: Uint32Array;
}

interface Ranked {
  result: FaqMatch;
  similarity: number;
}

/** Matches free text against a question bank. Build once; `match` is synchronous, fast and never throws. */
export class FaqMatcher {
  private readonly entries: readonly FaqEntry[];
  private readonly tokenizer: FaqTokenizer;
  private readonly indexes: Record<FaqLang, LanguageIndex>;
  private readonly thresholds: FaqThresholds;
  // Per-query scratch: best score per entry and the entries touched.
  private readonly entryBest: Float64Array;
  private readonly entryBestMask: Uint32Array;
  private readonly entryUnionMask: Uint32Array;
  private readonly entryTouched: Uint32Array;

  constructor(entries: readonly FaqEntry[], options: FaqMatcherOptions = {}) {
    this.entries = entries;
    this.thresholds = { ...DEFAULT_THRESHOLDS, ...options.thresholds };
    this.tokenizer = new FaqTokenizer(options.synonyms ?? seedSynonyms, bankText(entries));
    const bm25 = { ...DEFAULT_BM25, ...options.bm25 };
    this.indexes = {
      th: this.buildIndex('th', bm25),
      en: this.buildIndex('en', bm25),
    };
    this.entryBest = new Float64Array(entries.length);
    this.entryBestMask = new Uint32Array(entries.length);
    this.entryUnionMask = new Uint32Array(entries.length);
    this.entryTouched = new Uint32Array(entries.length);
  }

  /**
   * The entry `text` asks about. `lang` is the conversation's language; if the text is written in the other
   * language's script and the conversation's index finds no confident answer, the other index is tried too.
   */
  match(text: string, lang: FaqLang): FaqMatch {
    if (typeof text !== 'string') return { kind: 'none' };
    const tokens = this.tokenizer.tokenize(text);
    if (tokens.length === 0) return { kind: 'none' };
    const primary: FaqLang = lang === 'en' ? 'en' : 'th';
    const first = this.rank(tokens, primary);
    if (first.result.kind === 'confident') return first.result;
    const other: FaqLang = primary === 'th' ? 'en' : 'th';
    if (!writtenIn(text, other)) return first.result;
    const second = this.rank(tokens, other);
    return better(second, first) ? second.result : first.result;
  }

  private buildIndex(lang: FaqLang, params: Bm25Params): LanguageIndex {
    const docs: string[][] = [];
    const owners: number[] = [];
    this.entries.forEach((entry, index) => {
      // Keywords that are synonyms of each other tokenize alike: one document each is enough.
      const seen = new Set<string>();
      // Entries edited by an admin arrive from the store: a missing list must cost that entry, not the bot.
      for (const text of [...listOf(entry.questions?.[lang]), ...listOf(entry.keywords?.[lang])]) {
        const tokens = this.tokenizer.tokenize(text);
        const key = tokens.join(' ');
        if (tokens.length === 0 || seen.has(key)) continue;
        seen.add(key);
        docs.push(tokens);
        owners.push(index);
      }
    });
    const docEntry = Uint32Array.from(owners);
    return { bm25: new Bm25Index(docs, params, docEntry), docEntry };
  }

  private rank(tokens: readonly string[], lang: FaqLang): Ranked {
    const { bm25, docEntry } = this.indexes[lang];
    const { entryBest, entryBestMask, entryUnionMask, entryTouched } = this;
    const distinct = [...new Set(tokens)];
    let touchedCount = 0;
    bm25.forEachScore(distinct, (doc, bm25Score, matchedIdf, mask) => {
      const score = bm25Score * Math.pow(matchedIdf / bm25.docMass(doc), DOC_COVERAGE_EXPONENT);
      const entry = docEntry[doc];
      if (entryBest[entry] === 0) {
        entryTouched[touchedCount] = entry;
        touchedCount += 1;
      }
      if (score > entryBest[entry]) {
        entryBest[entry] = score;
        entryBestMask[entry] = mask;
      }
      entryUnionMask[entry] |= mask;
    });

    const termIdf = distinct.slice(0, 32).map((term) => bm25.idf(term));
    const maskIdf = (mask: number): number => {
      let sum = 0;
      for (let bit = 0; bit < termIdf.length; bit += 1) if (mask & (1 << bit)) sum += termIdf[bit];
      return sum;
    };

    // The best few entries, by insertion into a short sorted list; ties go to the entry listed first.
    const top: Array<{ entry: number; score: number; mask: number }> = [];
    for (let i = 0; i < touchedCount; i += 1) {
      const entry = entryTouched[i];
      // Query terms that the entry's other phrasings or keywords explain count too, at a discount.
      const mask = entryUnionMask[entry];
      const extra = mask & ~entryBestMask[entry];
      const score = entryBest[entry] + (extra === 0 ? 0 : SPREAD_WEIGHT * maskIdf(extra));
      entryBest[entry] = 0;
      entryBestMask[entry] = 0;
      entryUnionMask[entry] = 0;
      if (top.length === CANDIDATES && score <= top[CANDIDATES - 1].score) continue;
      let at = top.findIndex((held) => score > held.score || (score === held.score && entry < held.entry));
      if (at < 0) at = top.length;
      top.splice(at, 0, { entry, score, mask });
      if (top.length > CANDIDATES) top.pop();
    }
    if (top.length === 0) return { result: { kind: 'none' }, similarity: 0 };

    const similarity = Math.min(1, top[0].score / queryMass(distinct, bm25));
    const margin = (top[0].score - (top[1]?.score ?? 0)) / top[0].score;
    const evidence = maskIdf(top[0].mask);
    if (similarity >= this.thresholds.confident && margin >= this.thresholds.margin && evidence > MIN_EVIDENCE) {
      return { result: { kind: 'confident', entry: this.entries[top[0].entry], score: round(similarity) }, similarity };
    }
    if (similarity >= this.thresholds.weak) {
      const candidates = top.map(({ entry, score }) => ({
        entry: this.entries[entry],
        score: round((similarity * score) / top[0].score),
      }));
      return { result: { kind: 'weak', candidates }, similarity };
    }
    return { result: { kind: 'none' }, similarity };
  }
}

/** The idf mass of the message: about what a document of average length matching every token once scores. */
function queryMass(tokens: readonly string[], bm25: Bm25Index): number {
  let mass = 0;
  for (const token of tokens) {
    // An unknown number ("20 percent", "3 days") says nothing about which question this is.
    if (bm25.has(token) || !DIGITS.test(token)) mass += bm25.idf(token);
  }
  return mass;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function bankText(entries: readonly FaqEntry[]): string[] {
  const texts: string[] = [];
  for (const entry of entries) {
    for (const lang of FAQ_LANGS) texts.push(...listOf(entry.questions?.[lang]), ...listOf(entry.keywords?.[lang]));
  }
  return texts;
}

function listOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function writtenIn(text: string, lang: FaqLang): boolean {
  return lang === 'th' ? THAI_SCRIPT.test(text) : !THAI_SCRIPT.test(text) && LATIN_LETTER.test(text);
}

const RANK: Record<FaqMatch['kind'], number> = { confident: 2, weak: 1, none: 0 };

function better(x: Ranked, y: Ranked): boolean {
  const byKind = RANK[x.result.kind] - RANK[y.result.kind];
  return byKind !== 0 ? byKind > 0 : x.similarity > y.similarity;
}
