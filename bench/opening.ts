import { CentreDirectory, CentreSearch } from '../lib/centres';
import { describesProblem, readOpening } from '../lib/complaints/opening';
import { formatRow, type LatencySummary, nowMs, summarise } from './stats';

// Benchmark of reading a citizen's first message as a complaint's draft (npm run bench -- nlu): the title, the
// place and its centre. Messages are generated from the bundled directory with a seeded generator.

const SEED = 2569;
const COUNT = 2000;
const WARM_UP = 200;

const THAI_PROBLEMS = ['ถนนหน้าบ้านพังเป็นหลุมใหญ่', 'ไฟส่องสว่างดับทั้งซอย', 'ท่อประปาแตกน้ำไหลนองถนน', 'ขยะไม่มีคนมาเก็บเป็นสัปดาห์', 'น้ำท่วมขังหน้าโรงเรียน'];
const THAI_AFTER = ['', ' มา 3 เดือนแล้วค่ะ', ' ตั้งแต่เมื่อวานครับ', ' ทำให้รถล้มไปสองคัน'];
const ENGLISH_PROBLEMS = ['The road in front of my house has a big pothole', 'The street lights are out on the whole lane', 'A water pipe burst and floods the road'];

interface Message {
  readonly text: string;
  readonly expected: string;
}

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

function messages(directory: CentreDirectory, random: () => number): Message[] {
  const districts = directory.centres().filter((centre) => centre.kind === 'district');
  const englishCount = new Map<string, number>();
  for (const centre of districts) englishCount.set(centre.areaNameEn, (englishCount.get(centre.areaNameEn) ?? 0) + 1);
  const made: Message[] = [];
  while (made.length < COUNT) {
    const district = pick(random, districts);
    const province = directory.provinceOf(district);
    if (!province) continue;
    if (made.length % 2 === 0) {
      made.push({ text: `${pick(random, THAI_PROBLEMS)}ที่ อ.${district.areaNameTh} จ.${province.areaNameTh}${pick(random, THAI_AFTER)}`, expected: district.code });
    } else if (englishCount.get(district.areaNameEn) === 1) {
      made.push({ text: `${pick(random, ENGLISH_PROBLEMS)} in ${district.areaNameEn}, ${province.areaNameEn}. Please send someone.`, expected: district.code });
    }
  }
  return made;
}

/** The worst kind a citizen can send: a 3,000-character story naming a place label in every sentence. */
function longStories(directory: CentreDirectory, random: () => number, count: number): string[] {
  const districts = directory.centres().filter((centre) => centre.kind === 'district');
  const stories: string[] = [];
  for (let i = 0; i < count; i += 1) {
    let story = '';
    while (story.length < 2900) story += `${pick(random, THAI_PROBLEMS)}ที่ ต.${pick(random, districts).areaNameTh} อ.${pick(random, districts).areaNameTh} มาหลายเดือนแล้ว\n`;
    stories.push(story.slice(0, 3000));
  }
  return stories;
}

const WIDTHS = [34, 8, 10, 10, 10, 10];

function time(texts: readonly string[], run: (text: string) => unknown): LatencySummary {
  const latencies: number[] = [];
  const started = nowMs();
  for (const text of texts) {
    const before = nowMs();
    run(text);
    latencies.push(nowMs() - before);
  }
  return summarise(latencies, nowMs() - started);
}

function print(label: string, summary: LatencySummary): void {
  console.log(formatRow([label, summary.count, summary.perSecond, summary.p50, summary.p99, summary.max], WIDTHS));
}

/**
 * Times readOpening on 2,000 generated first messages (Thai and English, a problem and a labelled place, some
 * with time words after the place) and on 50 stories of 3,000 characters, and describesProblem, which runs on
 * every message no flow is waiting for. Reports how often the place's district centre was found.
 */
export async function runOpeningBench(): Promise<void> {
  const random = generator(SEED);
  const directory = CentreDirectory.fromBundledData();
  const search = new CentreSearch(directory);
  const locate = (text: string) => search.chooseForLocation(text);
  const probes = messages(directory, random);
  const stories = longStories(directory, random, 50);
  for (const probe of probes.slice(0, WARM_UP)) readOpening(probe.text, locate);

  console.log(formatRow(['operation', 'calls', 'per s', 'p50 ms', 'p99 ms', 'max ms'], WIDTHS));
  print('describesProblem', time(probes.map((probe) => probe.text), describesProblem));
  print('readOpening (first messages)', time(probes.map((probe) => probe.text), (text) => readOpening(text, locate)));
  print('readOpening (3,000-character stories)', time(stories, (text) => readOpening(text, locate)));
  const found = probes.filter((probe) => readOpening(probe.text, locate)?.centreCode === probe.expected).length;
  console.log(`  district centre found: ${found}/${probes.length} (${((100 * found) / probes.length).toFixed(1)}%)`);
}
