/**
 * Finding a centre from what a citizen types: a province or district name in Thai or English, partial,
 * misspelt, with or without prefixes such as จ. or อำเภอ, and "choose for me" from a free-text place.
 *
 * Everything is compared in one normal form (normalForm.ts): folded Thai (tone marks dropped, ใ read as ไ),
 * lower-case Latin, prefixes and particles removed, spaces removed. Every centre has a few such keys: its Thai
 * and English area names plus a handful of aliases. An inverted index of character n-grams (centreIndex.ts)
 * narrows each query to the keys that share an n-gram with it; only those are scored (similarity.ts). Free-text
 * places are read and weighed in placeText.ts and locationChoice.ts.
 */
import { normalizeText } from '../thai/text';
import { CentreIndex } from './centreIndex';
import type { Centre, CentreDirectory, CentreKind } from './directory';
import { LocationChooser } from './locationChoice';
import { cleanTokens, MUEANG_WORDS } from './normalForm';
import { type Key, type Reading, similarity } from './similarity';

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
// Suggestions reached through a district rank below provinces matched by name.
const DISTRICT_TO_PROVINCE_FACTOR = 0.9;

const KIND_RANK: Readonly<Record<CentreKind, number>> = { central: 0, dopa: 1, province: 2, district: 3 };

function roundScore(score: number): number {
  return Math.round(Math.min(1, Math.max(0, score)) * 10000) / 10000;
}

/**
 * Search over the centres of a directory. All indexing is done by the constructor; searches allocate
 * little and touch only the keys that share an n-gram with the query.
 */
export class CentreSearch {
  private readonly index: CentreIndex;
  private readonly location: LocationChooser;
  // The best score of each centre in the search under way: reused, so that a search allocates little.
  private readonly best: Float64Array;

  constructor(directory: CentreDirectory) {
    this.index = new CentreIndex(directory);
    this.location = new LocationChooser(this.index);
    this.best = new Float64Array(this.index.centreList.length);
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

    const byCode = this.index.codeIndex.get(normalizeText(text));
    if (byCode !== undefined) best[byCode] = 1;

    const tokens = cleanTokens(text, MAX_QUERY_TOKENS);
    if (tokens.length > 0) {
      const readings = new Map<string, Reading>();
      const joined = tokens.join('');
      if (joined.length >= 2) {
        const whole = this.index.reading(joined, readings);
        this.index.collect(whole, this.index.postings, (keyId, shared) => {
          const key = this.index.keys[keyId];
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
      const centre = this.index.centreList[index];
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
      const province = hit.centre.kind === 'province' ? hit.centre : this.index.provinceCentreOf(hit.centre);
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
    return this.location.choose(placeText);
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
    for (const index of this.index.provinceIndex.values()) {
      for (const keyId of this.index.keysByCentre[index]) {
        const text = this.index.keys[keyId].text;
        if (text.length >= 3 && joined.length > text.length && joined.includes(text)) add(joined.replace(text, ''), text);
      }
    }
    return [...pairs.values()];
  }

  // Scores the districts of the provinces that `provincePart` names against `districtPart`.
  private scoreSplit(districtPart: string, provincePart: string, readings: Map<string, Reading>): void {
    const provinceReading = this.index.reading(provincePart, readings);
    const provinceScores = new Map<number, number>();
    this.index.collect(provinceReading, this.index.provincePostings, (keyId, shared) => {
      const key = this.index.keys[keyId];
      const score = similarity(provinceReading, key, shared);
      if (score >= SPLIT_PROVINCE_MIN && score > (provinceScores.get(key.centre) ?? 0)) provinceScores.set(key.centre, score);
    });
    if (provinceScores.size === 0) return;
    const districtReading = this.index.reading(districtPart, readings);
    const isMueang = MUEANG_WORDS.has(districtPart);
    const provinces = [...provinceScores].sort((a, b) => b[1] - a[1]).slice(0, SPLIT_MAX_PROVINCES);
    for (const [province, provinceScore] of provinces) {
      for (const district of this.index.districtsByProvince.get(province) ?? []) {
        let districtScore = isMueang && this.index.capitalOf.get(province) === district ? 1 : 0;
        for (const keyId of this.index.keysByCentre[district]) {
          districtScore = Math.max(districtScore, this.directSimilarity(districtReading, this.index.keys[keyId]));
        }
        if (districtScore < SPLIT_DISTRICT_MIN) continue;
        // Both parts must match, so the scores multiply: a misspelt province costs as much as a misspelt district.
        const score = districtScore * provinceScore;
        if (score > this.best[district]) this.best[district] = score;
      }
    }
  }
}
