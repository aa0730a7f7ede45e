import type { Centre } from './directory';
import type { CentreIndex } from './centreIndex';
import { MUEANG_WORDS, THAI_CHAR } from './normalForm';
import { type LabelKind, parseLocation, type Run } from './placeText';
import { type Key, locationSimilarity, MIN_FUZZY_LOCATION_CHARS } from './similarity';

/*
 * "Choose for me": the centre for a place described in free text. The text is read as runs (placeText.ts); the
 * province and district names found in them are weighed, and a centre is chosen only when one is clearly best.
 */

/**
 * How sure `chooseForLocation` must be. `free`: a name found anywhere in the text. `context`: a name right
 * after a label (อ., จ., "district", "amphoe") or a district of the province the text also names.
 * `margin`: two different places scoring closer than this are ambiguous, and neither is chosen.
 */
export const LOCATION_THRESHOLDS = Object.freeze({ free: 0.8, context: 0.75, margin: 0.05 });

const MAX_WINDOW_UNITS = 5;
// Larger than any run: runs come from at most MAX_LOCATION_CHARS characters (placeText.ts).
const SPAN = 1024;

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

/** Chooses centres for free-text places over one directory's index. */
export class LocationChooser {
  constructor(private readonly index: CentreIndex) {}

  /** The centre for the place, or undefined: CentreSearch.chooseForLocation says how it is chosen. */
  choose(placeText: string): Centre | undefined {
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

    const districtMatches = matches.filter((match) => this.index.centreList[match.centre].kind === 'district');
    const supports = (district: LocationMatch, province: LocationMatch) =>
      this.index.provinceIndexOf(district.centre) === province.centre && district.score >= context && compatible(district, province);

    const provinceCandidates: Ranked[] = [];
    for (const match of matches) {
      if (this.index.centreList[match.centre].kind !== 'province') continue;
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
      const capital = this.index.capitalOf.get(province.centre);
      if (mueangLabelled && capital !== undefined) inProvince.push({ centre: capital, score: 1, labelled: true, corroborated: true });
      const district = pickBest(inProvince);
      if (district === undefined || district === 'ambiguous') return this.index.centreList[province.centre];
      return this.index.centreList[district.centre];
    }

    const districtCandidates: Ranked[] = districtMatches
      .filter((match) => (match.labelled === 'district' && match.score >= context) || (!match.key.weak && match.score >= free))
      .map((match) => ({ centre: match.centre, score: match.score, labelled: match.labelled === 'district', corroborated: false }));
    const district = pickBest(districtCandidates);
    if (district === undefined) return undefined;
    if (district !== 'ambiguous') return this.index.centreList[district.centre];
    // Several equally good districts (บางไทร and บางซ้าย are both "Bang Sai"): if they share a province,
    // that province's centre is still a confident choice.
    const top = [...districtCandidates].sort(compareRanked)[0];
    const tied = districtCandidates.filter((candidate) => candidate.labelled === top.labelled && top.score - candidate.score < margin);
    const provinces = new Set(tied.map((candidate) => this.index.provinceIndexOf(candidate.centre)));
    const [only] = provinces;
    return provinces.size === 1 && only !== undefined ? this.index.centreList[only] : undefined;
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
      const key = this.index.keys[keyId];
      const kind = this.index.centreList[key.centre].kind;
      if (kind !== 'province' && kind !== 'district') return;
      const labelled = labelFor(start, end);
      if (key.sameAsProvince && labelled !== 'district') return;
      matches.push({ centre: key.centre, key, score, run: runIndex, start, end, exact, labelled });
    };

    for (let start = 0; start + 2 <= text.length; start += 1) {
      const candidates = this.index.keysByFirstTwo.get(text.slice(start, start + 2));
      if (!candidates) continue;
      for (const keyId of candidates) {
        const key = this.index.keys[keyId];
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
        if (end - start > this.index.longestKey + 2) break;
        if (end - start < MIN_FUZZY_LOCATION_CHARS || exactSpans.has(start * SPAN + end)) continue;
        const window = this.index.reading(text.slice(start, end));
        // "เมือง" on its own is the word for town, not a misspelt Khu Mueang; after a label it means the capital.
        if (MUEANG_WORDS.has(window.text)) continue;
        this.index.collect(window, this.index.postings, (keyId, shared) => {
          const key = this.index.keys[keyId];
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
      a.centre === b.centre || this.index.provinceIndexOf(a.centre) === b.centre || this.index.provinceIndexOf(b.centre) === a.centre;
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
