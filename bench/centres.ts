import { type Centre, CentreDirectory, CentreSearch } from '../lib/centres';
import { formatRow, type LatencySummary, nowMs, summarise } from './stats';

// Benchmark of centre search and "choose for me" (npm run bench -- centres); prints its figures, unlike lib/
// code. Queries are generated from the bundled directory with a seeded generator, so runs are comparable.

const SEED = 1567;
const WARM_UP = 500;

interface Probe {
  readonly category: string;
  readonly text: string;
  // The centre the text was made from; top-1 accuracy is reported against it where it is unambiguous.
  readonly expected?: string;
}

// Deterministic pseudo-random numbers (a linear congruential generator).
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

// One typing slip: two neighbouring letters swapped, one dropped, or one doubled.
function misspell(text: string, random: () => number): string {
  const letters = [...text];
  if (letters.length < 4) return text;
  const at = 1 + Math.floor(random() * (letters.length - 2));
  const slip = random();
  if (slip < 0.4 && letters[at] !== ' ' && letters[at + 1] !== ' ') [letters[at], letters[at + 1]] = [letters[at + 1], letters[at]];
  else if (slip < 0.7) letters.splice(at, 1);
  else letters.splice(at, 0, letters[at]);
  return letters.join('');
}

function prefix(text: string, share: number): string {
  const letters = [...text];
  return letters.slice(0, Math.max(2, Math.ceil(letters.length * share))).join('');
}

function searchProbes(directory: CentreDirectory, random: () => number): Probe[] {
  // Names used by more than one centre cannot have a single right answer.
  const count = new Map<string, number>();
  for (const centre of directory.centres()) {
    for (const name of [centre.areaNameTh, centre.areaNameEn]) count.set(name, (count.get(name) ?? 0) + 1);
  }
  const unique = (centre: Centre, name: string) => (count.get(name) === 1 ? centre.code : undefined);
  const probes: Probe[] = [];
  for (const centre of directory.centres()) {
    if (centre.kind !== 'province' && centre.kind !== 'district') continue;
    const th = centre.areaNameTh;
    const en = centre.areaNameEn;
    probes.push({ category: 'exact Thai', text: th, expected: unique(centre, th) });
    probes.push({ category: 'exact English', text: en.toLowerCase(), expected: unique(centre, en) });
    probes.push({ category: 'partial', text: prefix(random() < 0.5 ? th : en, 0.6) });
    probes.push({ category: 'misspelt English', text: misspell(en, random) });
    probes.push({ category: 'misspelt Thai', text: misspell(th, random) });
    const province = directory.provinceOf(centre);
    if (centre.kind === 'district' && province) {
      probes.push({ category: 'district + province', text: `อ.${th} จ.${province.areaNameTh}`, expected: centre.code });
      probes.push({ category: 'district + province', text: `${en} ${province.areaNameEn}`, expected: centre.code });
    } else {
      probes.push({ category: 'with prefix', text: `จังหวัด${th}`, expected: centre.code });
    }
  }
  for (let i = probes.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [probes[i], probes[j]] = [probes[j], probes[i]];
  }
  return probes;
}

function locationProbes(directory: CentreDirectory, random: () => number, count: number): Probe[] {
  const districts = directory.centres().filter((centre) => centre.kind === 'district');
  const englishCount = new Map<string, number>();
  for (const centre of directory.centres()) englishCount.set(centre.areaNameEn, (englishCount.get(centre.areaNameEn) ?? 0) + 1);
  const probes: Probe[] = [];
  for (let i = 0; i < count; i += 1) {
    const district = pick(random, districts);
    const province = directory.provinceOf(district);
    if (!province) continue;
    const tambon = pick(random, districts).areaNameTh;
    if (i % 2 === 0) {
      probes.push({
        category: 'Thai address',
        text: `${1 + Math.floor(random() * 20)}/3 หมู่ ${1 + Math.floor(random() * 12)} ต.${tambon} อ.${district.areaNameTh} จ.${province.areaNameTh}`,
        expected: district.code,
      });
    } else {
      probes.push({
        category: 'English description',
        text: `the road near ${district.areaNameEn} market, ${province.areaNameEn} is broken`,
        expected: englishCount.get(district.areaNameEn) === 1 ? district.code : undefined,
      });
    }
  }
  return probes;
}

function timed(probes: readonly Probe[], run: (text: string) => string | undefined) {
  const latencies: number[] = [];
  const correct = new Map<string, { right: number; total: number }>();
  const started = nowMs();
  for (const probe of probes) {
    const before = nowMs();
    const found = run(probe.text);
    latencies.push(nowMs() - before);
    if (probe.expected !== undefined) {
      const tally = correct.get(probe.category) ?? { right: 0, total: 0 };
      tally.total += 1;
      if (found === probe.expected) tally.right += 1;
      correct.set(probe.category, tally);
    }
  }
  return { summary: summarise(latencies, nowMs() - started), correct };
}

const WIDTHS = [28, 8, 10, 10, 10, 10];

function printSummary(label: string, summary: LatencySummary): void {
  console.log(formatRow([label, summary.count, summary.perSecond, summary.p50, summary.p99, summary.max], WIDTHS));
}

function printAccuracy(correct: ReadonlyMap<string, { right: number; total: number }>): void {
  for (const [category, { right, total }] of correct) {
    console.log(`  top-1 right, ${category}: ${right}/${total} (${((100 * right) / total).toFixed(1)}%)`);
  }
}

/**
 * `npm run bench -- centres`: builds the search index, then times at least 5,000 searches (Thai and English
 * names, partial, misspelt, district + province) and 2,000 "choose for me" calls on generated addresses.
 */
export async function runCentresBench(): Promise<void> {
  const random = generator(SEED);
  const buildStarted = nowMs();
  const directory = CentreDirectory.fromBundledData();
  const search = new CentreSearch(directory);
  console.log(`index built in ${(nowMs() - buildStarted).toFixed(1)} ms (${directory.centres().length} centres)`);

  const probes = searchProbes(directory, random);
  const places = locationProbes(directory, random, 2000);
  for (const probe of probes.slice(0, WARM_UP)) search.search(probe.text);
  for (const probe of places.slice(0, WARM_UP / 5)) search.chooseForLocation(probe.text);

  console.log(formatRow(['operation', 'calls', 'per s', 'p50 ms', 'p99 ms', 'max ms'], WIDTHS));
  const searches = timed(probes, (text) => search.search(text, { limit: 10 })[0]?.centre.code);
  printSummary('search (all queries)', searches.summary);
  for (const category of [...new Set(probes.map((probe) => probe.category))]) {
    const subset = probes.filter((probe) => probe.category === category);
    printSummary(`  ${category}`, timed(subset, (text) => search.search(text)[0]?.centre.code).summary);
  }
  const chosen = timed(places, (text) => search.chooseForLocation(text)?.code);
  printSummary('chooseForLocation', chosen.summary);
  printAccuracy(searches.correct);
  printAccuracy(chosen.correct);
}
