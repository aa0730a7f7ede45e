import { FaqMatcher } from '../lib/faq/matcher';
import faqSeed from '../lib/faq/seed/faq.json';
import type { FaqEntry, FaqLang } from '../lib/faq/types';
import { formatRow, nowMs, summarise } from './stats';

/**
 * `npm run bench -- faq`: FAQ matching on a 1,000-entry bank (the seed plus deterministic synthetic
 * variants), with 6,000 citizen-like queries in Thai and English. Prints the index build time and the
 * p50/p99/max latency of `FaqMatcher.match`, and how often a query lands on the topic it came from.
 */

const BANK_SIZE = 1_000;
const QUERIES = 6_000;
const WARMUP = 500;
const SEED = 0x5eed;

const SEED_ENTRIES = faqSeed as FaqEntry[];

// Words that make synthetic entries differ from each other the way a real bank's local entries would.
const PLACES_TH = [
  'เชียงใหม่', 'ขอนแก่น', 'นครราชสีมา', 'สงขลา', 'ภูเก็ต', 'อุดรธานี',
  'ชลบุรี', 'พิษณุโลก', 'สุราษฎร์ธานี', 'อุบลราชธานี', 'ลำปาง', 'นครศรีธรรมราช',
];
const PLACES_EN = [
  'Chiang Mai', 'Khon Kaen', 'Nakhon Ratchasima', 'Songkhla', 'Phuket', 'Udon Thani',
  'Chonburi', 'Phitsanulok', 'Surat Thani', 'Ubon Ratchathani', 'Lampang', 'Nakhon Si Thammarat',
];
const TOPICS_TH = [
  'โรงเรียน', 'ตลาดสด', 'โรงพยาบาล', 'วัด', 'สถานีขนส่ง', 'สวนสาธารณะ', 'ท่าเรือ', 'โรงงาน',
  'หมู่บ้านจัดสรร', 'ชายหาด', 'ป่าชุมชน', 'แม่น้ำ', 'ทางรถไฟ', 'สนามกีฬา', 'ห้องสมุด', 'อุทยาน',
];
const TOPICS_EN = [
  'school', 'fresh market', 'hospital', 'temple', 'bus terminal', 'public park', 'pier', 'factory',
  'housing estate', 'beach', 'community forest', 'river', 'railway', 'stadium', 'library', 'national park',
];
const PARTICLES_TH = ['ครับ', 'ค่ะ', 'คะ', 'หน่อยค่ะ', 'นะคะ', 'ได้ไหมครับ', 'จ้า'];
const PREFIXES_TH = ['อยากทราบว่า', 'สอบถามค่ะ ', 'ขอถามหน่อย ', 'รบกวนถามว่า', ''];
const PREFIXES_EN = ['hi, ', 'excuse me, ', 'i want to know ', 'quick question: ', ''];
const OFF_TOPIC = [
  'ราคาทองวันนี้', 'สวัสดีครับ', "what's the weather", 'hello', 'ผลบอลเมื่อคืน', 'order pizza', '🙏🙏🙏', '<b>hi</b>',
];

/** A small deterministic generator (mulberry32): the same bank and queries on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)];
}

/**
 * The seed bank followed by synthetic variants up to `size` entries: each variant asks a seed question about
 * a particular place and facility, in both languages, so that the index holds `size` distinct entries.
 */
export function syntheticBank(size: number, seed = SEED): FaqEntry[] {
  const next = random(seed);
  const bank: FaqEntry[] = [...SEED_ENTRIES];
  for (let i = 0; bank.length < size; i += 1) {
    const base = SEED_ENTRIES[i % SEED_ENTRIES.length];
    const place = Math.floor(next() * PLACES_TH.length);
    const topic = Math.floor(next() * TOPICS_TH.length);
    const localise = (lang: FaqLang, question: string): string =>
      lang === 'th'
        ? `${question} ${TOPICS_TH[topic]}จังหวัด${PLACES_TH[place]}`
        : `${question} (${TOPICS_EN[topic]}, ${PLACES_EN[place]})`;
    bank.push({
      ...base,
      id: `${base.id}-v${i}`,
      questions: {
        th: base.questions.th.map((question) => localise('th', question)),
        en: base.questions.en.map((question) => localise('en', question)),
      },
    });
  }
  return bank;
}

/** A one-letter typo in one longer word: a swap, a drop or a doubled letter. */
function typo(next: () => number, text: string): string {
  const words = text.split(' ');
  const candidates = words.map((word, index) => ({ word, index })).filter(({ word }) => /^[a-z]{5,}$/i.test(word));
  if (candidates.length === 0) return text;
  const { word, index } = pick(next, candidates);
  const at = 1 + Math.floor(next() * (word.length - 2));
  const kind = Math.floor(next() * 3);
  words[index] =
    kind === 0
      ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2)
      : kind === 1
        ? word.slice(0, at) + word.slice(at + 1)
        : word.slice(0, at) + word[at] + word.slice(at);
  return words.join(' ');
}

export interface BenchQuery {
  text: string;
  lang: FaqLang;
  /** The seed entry the query was made from, or undefined for off-topic text. */
  topic: string | undefined;
}

/** Citizen-like queries made from the bank's questions: particles, prefixes, no spaces, lower case, typos. */
export function syntheticQueries(bank: readonly FaqEntry[], count: number, seed = SEED + 1): BenchQuery[] {
  const next = random(seed);
  const queries: BenchQuery[] = [];
  while (queries.length < count) {
    if (next() < 0.05) {
      queries.push({ text: pick(next, OFF_TOPIC), lang: next() < 0.5 ? 'th' : 'en', topic: undefined });
      continue;
    }
    const entry = pick(next, bank);
    const topic = entry.id.replace(/-v\d+$/, '');
    if (next() < 0.5) {
      const question = pick(next, entry.questions.th).replace(/[?？]/g, '');
      const squeezed = next() < 0.5 ? question.replace(/ /g, '') : question;
      queries.push({ text: `${pick(next, PREFIXES_TH)}${squeezed}${pick(next, PARTICLES_TH)}`, lang: 'th', topic });
    } else {
      const question = pick(next, entry.questions.en).toLowerCase().replace(/[?.!]/g, '');
      const words = question.split(' ');
      // Drop one word now and then, as people do.
      if (words.length > 4 && next() < 0.3) words.splice(Math.floor(next() * words.length), 1);
      const text = `${pick(next, PREFIXES_EN)}${words.join(' ')}`;
      queries.push({ text: next() < 0.4 ? typo(next, text) : text, lang: 'en', topic });
    }
  }
  return queries;
}

export async function runFaqBench(): Promise<void> {
  const bank = syntheticBank(BANK_SIZE);
  const queries = syntheticQueries(bank, QUERIES);

  const buildStarted = nowMs();
  const matcher = new FaqMatcher(bank);
  const buildMs = nowMs() - buildStarted;

  for (const query of queries.slice(0, WARMUP)) matcher.match(query.text, query.lang);

  const latencies: number[] = [];
  const kinds = { confident: 0, weak: 0, none: 0 };
  let onTopic = 0;
  let onTopicConfident = 0;
  let offTopic = 0;
  let offTopicAnswered = 0;
  const started = nowMs();
  for (const query of queries) {
    const before = nowMs();
    const match = matcher.match(query.text, query.lang);
    latencies.push(nowMs() - before);
    kinds[match.kind] += 1;
    if (query.topic === undefined) {
      offTopic += 1;
      if (match.kind === 'confident') offTopicAnswered += 1;
    } else {
      onTopic += 1;
      if (match.kind === 'confident' && match.entry.id.replace(/-v\d+$/, '') === query.topic) onTopicConfident += 1;
    }
  }
  const summary = summarise(latencies, nowMs() - started);

  const widths = [28, 10];
  console.log(`bank: ${bank.length} entries (${SEED_ENTRIES.length} seed), ${queries.length} queries, ${WARMUP} warm-up`);
  console.log(formatRow(['index build (ms)', buildMs], widths));
  console.log(formatRow(['match p50 (ms)', summary.p50.toFixed(3)], widths));
  console.log(formatRow(['match p99 (ms)', summary.p99.toFixed(3)], widths));
  console.log(formatRow(['match max (ms)', summary.max.toFixed(3)], widths));
  console.log(formatRow(['matches per second', Math.round(summary.perSecond)], widths));
  console.log(formatRow(['confident / weak / none', `${kinds.confident} / ${kinds.weak} / ${kinds.none}`], widths));
  console.log(formatRow(['on-topic answered right', `${((100 * onTopicConfident) / onTopic).toFixed(1)}%`], widths));
  console.log(formatRow(['off-topic answered', `${offTopicAnswered} of ${offTopic}`], widths));
}
