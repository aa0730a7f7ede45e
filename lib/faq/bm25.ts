/**
 * Okapi BM25 over documents that are already token lists. Built once; a query touches only the postings of
 * its own terms, so its cost grows with how common those terms are, not with the size of the bank.
 */

/** BM25's two knobs: `k1` saturates repeated terms, `b` scales the penalty for long documents (0 = none). */
export interface Bm25Params {
  k1: number;
  b: number;
}

/** A document's score for one query. */
export interface ScoredDoc {
  doc: number;
  score: number;
}

/** The usual defaults from the literature. */
export const DEFAULT_BM25_PARAMS: Bm25Params = { k1: 1.2, b: 0.75 };

interface Postings {
  docs: Uint32Array;
  /** The term-frequency part of BM25 per posting, precomputed: tf·(k1+1) / (tf + k1·(1 − b + b·len/avgLen)). */
  weights: Float64Array;
  idf: number;
}

/**
 * An immutable BM25 index. Document ids are positions in the array given to the constructor.
 *
 * Documents may be grouped (several phrasings of one FAQ entry): `groupOf[doc]` names each document's group,
 * and document frequency then counts groups, not documents. A word that all five phrasings of one entry use
 * is as specific as a word one entry uses once; counting it five times would wrongly make it look common.
 */
export class Bm25Index {
  readonly params: Bm25Params;
  readonly docCount: number;
  private readonly postings = new Map<string, Postings>();
  /** Per document, the summed idf of its distinct terms: what a query would have to match to cover it all. */
  private readonly masses: Float64Array;
  // Scratch space for a query, reused: per document the score, the idf matched, and the list of those touched.
  private readonly accumulator: Float64Array;
  private readonly matched: Float64Array;
  private readonly masks: Uint32Array;
  private readonly touched: Uint32Array;

  private readonly groupCount: number;

  constructor(
    docs: ReadonlyArray<ReadonlyArray<string>>,
    params: Partial<Bm25Params> = {},
    groupOf?: ArrayLike<number>,
  ) {
    this.params = { ...DEFAULT_BM25_PARAMS, ...params };
    const { k1, b } = this.params;
    this.docCount = docs.length;
    const group = (doc: number): number => (groupOf ? groupOf[doc] : doc);
    this.groupCount = groupOf ? new Set(Array.from(groupOf)).size : docs.length;
    this.accumulator = new Float64Array(docs.length);
    this.matched = new Float64Array(docs.length);
    this.masks = new Uint32Array(docs.length);
    this.touched = new Uint32Array(docs.length);
    this.masses = new Float64Array(docs.length);

    const totalLength = docs.reduce((sum, doc) => sum + doc.length, 0);
    const averageLength = docs.length > 0 && totalLength > 0 ? totalLength / docs.length : 1;

    const collected = new Map<string, { docs: number[]; weights: number[] }>();
    docs.forEach((doc, id) => {
      const frequencies = new Map<string, number>();
      for (const term of doc) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
      const lengthNorm = k1 * (1 - b + (b * doc.length) / averageLength);
      for (const [term, tf] of frequencies) {
        let list = collected.get(term);
        if (!list) {
          list = { docs: [], weights: [] };
          collected.set(term, list);
        }
        list.docs.push(id);
        list.weights.push((tf * (k1 + 1)) / (tf + lengthNorm));
      }
    });
    for (const [term, list] of collected) {
      const idf = this.idfFor(new Set(list.docs.map(group)).size);
      this.postings.set(term, { docs: Uint32Array.from(list.docs), weights: Float64Array.from(list.weights), idf });
      for (const doc of list.docs) this.masses[doc] += idf;
    }
  }

  /** The summed idf of the distinct terms of document `doc` (0 for an empty or unknown document). */
  docMass(doc: number): number {
    return this.masses[doc] ?? 0;
  }

  /** Whether any document contains `term`. */
  has(term: string): boolean {
    return this.postings.has(term);
  }

  /** The inverse document frequency of `term`; a term no document contains gets the highest possible value. */
  idf(term: string): number {
    return this.postings.get(term)?.idf ?? this.idfFor(0);
  }

  /** Every term of the index. */
  terms(): IterableIterator<string> {
    return this.postings.keys();
  }

  /**
   * Scores every document that shares a term with `query` (each distinct term counted once) and calls
   * `visit` for each, in no particular order, with
   * - its BM25 score (positive);
   * - the summed idf of the query terms it contains (compare with `docMass`: how much of the document the
   *   query covers);
   * - which query terms it contains, as a bit mask: bit i is the i-th distinct term of `query` in order of
   *   first appearance, for the first 32 distinct terms.
   */
  forEachScore(
    query: ReadonlyArray<string>,
    visit: (doc: number, score: number, matchedIdf: number, termMask: number) => void,
  ): void {
    const { accumulator, matched, masks, touched } = this;
    let touchedCount = 0;
    const distinct = [...new Set(query)];
    for (let t = 0; t < distinct.length; t += 1) {
      const postings = this.postings.get(distinct[t]);
      if (!postings) continue;
      const { docs, weights, idf } = postings;
      const bit = t < 32 ? (1 << t) >>> 0 : 0;
      for (let i = 0; i < docs.length; i += 1) {
        const doc = docs[i];
        if (accumulator[doc] === 0) {
          touched[touchedCount] = doc;
          touchedCount += 1;
        }
        accumulator[doc] += idf * weights[i];
        matched[doc] += idf;
        masks[doc] |= bit;
      }
    }
    let i = 0;
    try {
      for (; i < touchedCount; i += 1) {
        const doc = touched[i];
        const score = accumulator[doc];
        const matchedIdf = matched[doc];
        const mask = masks[doc];
        accumulator[doc] = 0;
        matched[doc] = 0;
        masks[doc] = 0;
        visit(doc, score, matchedIdf, mask);
      }
    } finally {
      // A throwing visitor must not leave stale sums behind for the next query.
      for (; i < touchedCount; i += 1) {
        accumulator[touched[i]] = 0;
        matched[touched[i]] = 0;
        masks[touched[i]] = 0;
      }
    }
  }

  /** The `limit` best documents for `query`, best first; ties go to the lower document id. */
  search(query: ReadonlyArray<string>, limit = 10): ScoredDoc[] {
    const hits: ScoredDoc[] = [];
    this.forEachScore(query, (doc, score) => hits.push({ doc, score }));
    hits.sort((x, y) => y.score - x.score || x.doc - y.doc);
    return hits.slice(0, Math.max(0, limit));
  }

  // The "plus one" form of BM25's idf: never negative, even for a term in more than half the documents.
  private idfFor(documentFrequency: number): number {
    return Math.log(1 + (this.groupCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
  }
}
