import { Bm25Index, DEFAULT_BM25_PARAMS } from '../../../lib/faq/bm25';

const DOCS = [
  ['hotline', 'number'],
  ['office', 'hours', 'open'],
  ['land', 'dispute', 'boundary', 'land'],
  ['hotline', 'hours'],
  ['drugs', 'tip', 'anonymous', 'village', 'dealer', 'night', 'motorbike', 'house'],
  [],
];

function reference(docs: string[][], query: string[], k1: number, b: number): number[] {
  const n = docs.length;
  const avg = docs.reduce((sum, doc) => sum + doc.length, 0) / n;
  return docs.map((doc) =>
    [...new Set(query)].reduce((sum, term) => {
      const df = docs.filter((d) => d.includes(term)).length;
      const tf = doc.filter((t) => t === term).length;
      if (tf === 0) return sum;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      return sum + (idf * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * doc.length) / avg));
    }, 0),
  );
}

describe('Bm25Index', () => {
  test.each([
    [['hotline'], DEFAULT_BM25_PARAMS],
    [['hours', 'open'], DEFAULT_BM25_PARAMS],
    [['land', 'land', 'boundary'], { k1: 2, b: 0.3 }],
    [['drugs', 'village', 'hours'], { k1: 0.5, b: 1 }],
    [['hotline', 'hours', 'land'], { k1: 1.2, b: 0 }],
  ])('scores %j as textbook BM25 with %j', (query, params) => {
    const index = new Bm25Index(DOCS, params);
    const expected = reference(DOCS, query, params.k1, params.b);
    const got = new Array<number>(DOCS.length).fill(0);
    index.forEachScore(query, (doc, score) => {
      got[doc] = score;
    });
    got.forEach((score, doc) => expect(score).toBeCloseTo(expected[doc], 10));
  });

  test.each([
    [['hotline', 'number'], [0, 3]],
    [['hours'], [3, 1]],
    [['land'], [2]],
    [['boundary', 'hours', 'open'], [1, 2, 3]],
    [['nothing', 'here'], []],
    [[], []],
  ])('search %j ranks %j', (query, ranking) => {
    expect(new Bm25Index(DOCS).search(query).map((hit) => hit.doc)).toEqual(ranking);
  });

  test('b penalises long documents and b = 0 does not', () => {
    const docs = [['drugs'], ['drugs', 'a', 'b', 'c', 'd', 'e', 'f', 'g']];
    const scores = (b: number) => new Bm25Index(docs, { b }).search(['drugs']).map((hit) => hit.score);
    const [shortScore, longScore] = scores(0.75);
    expect(shortScore).toBeGreaterThan(longScore);
    const [first, second] = scores(0);
    expect(first).toBeCloseTo(second, 12);
  });

  test('k1 saturates repeated terms', () => {
    const docs = [['land'], ['land', 'land', 'land', 'land'], ['other']];
    const ratio = (k1: number) => {
      const hits = new Bm25Index(docs, { k1, b: 0 }).search(['land']);
      return hits[0].score / hits[1].score;
    };
    expect(ratio(0.1)).toBeLessThan(1.1);
    expect(ratio(5)).toBeGreaterThan(2);
  });

  test('rarer terms weigh more and unseen terms get the highest idf', () => {
    const index = new Bm25Index(DOCS);
    expect(index.idf('land')).toBeGreaterThan(index.idf('hotline'));
    expect(index.idf('never-seen')).toBeGreaterThan(index.idf('land'));
    expect(index.has('land')).toBe(true);
    expect(index.has('never-seen')).toBe(false);
    expect(index.idf('hours')).toBeGreaterThan(0);
  });

  test('document frequency counts groups when documents are grouped', () => {
    // Five phrasings of one entry all say "debt"; one phrasing of another says "hours".
    const docs = [['debt'], ['debt', 'loan'], ['debt', 'shark'], ['debt'], ['debt', 'lender'], ['hours']];
    const grouped = new Bm25Index(docs, {}, [0, 0, 0, 0, 0, 1]);
    expect(grouped.idf('debt')).toBeCloseTo(grouped.idf('hours'), 12);
    const ungrouped = new Bm25Index(docs);
    expect(ungrouped.idf('debt')).toBeLessThan(ungrouped.idf('hours'));
  });

  test('reports matched idf, document mass and a term mask per document', () => {
    const index = new Bm25Index(DOCS);
    const seen = new Map<number, { matched: number; mask: number }>();
    index.forEachScore(['hours', 'open', 'hours', 'unknown'], (doc, _score, matched, mask) => seen.set(doc, { matched, mask }));
    expect([...seen.keys()].sort()).toEqual([1, 3]);
    expect(seen.get(1)).toEqual({ matched: index.idf('hours') + index.idf('open'), mask: 0b11 });
    expect(seen.get(3)).toEqual({ matched: index.idf('hours'), mask: 0b01 });
    expect(index.docMass(1)).toBeCloseTo(index.idf('office') + index.idf('hours') + index.idf('open'), 12);
    expect(index.docMass(5)).toBe(0);
    expect(index.docMass(99)).toBe(0);
  });

  test('the term mask covers the first 32 distinct terms', () => {
    const terms = Array.from({ length: 40 }, (_, i) => `t${i}`);
    const index = new Bm25Index([terms]);
    let mask = 0;
    index.forEachScore(terms, (_doc, _score, _matched, termMask) => {
      mask = termMask;
    });
    expect(mask >>> 0).toBe(0xffffffff);
  });

  test('queries do not leak into each other, even after a visitor throws', () => {
    const index = new Bm25Index(DOCS);
    const before = index.search(['hotline', 'hours']);
    expect(() =>
      index.forEachScore(['hotline', 'hours', 'land'], () => {
        throw new Error('visitor failed');
      }),
    ).toThrow('visitor failed');
    expect(index.search(['hotline', 'hours'])).toEqual(before);
    expect(index.search(['land']).map((hit) => hit.doc)).toEqual([2]);
  });

  test('limits results and copes with an empty index', () => {
    expect(new Bm25Index(DOCS).search(['hours', 'hotline', 'land'], 2)).toHaveLength(2);
    expect(new Bm25Index(DOCS).search(['hours'], 0)).toEqual([]);
    const empty = new Bm25Index([]);
    expect(empty.search(['anything'])).toEqual([]);
    expect(empty.docCount).toBe(0);
    expect([...empty.terms()]).toEqual([]);
  });
});
