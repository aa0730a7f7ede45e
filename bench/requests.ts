import { CentreDirectory, CentreSearch } from '../lib/centres';
import { SEED_CONTENT } from '../lib/content/seed';
import { FaqMatcher } from '../lib/faq/matcher';
import { assessQuestion } from '../lib/faq/perCentre';
import type { FaqLang } from '../lib/faq/types';
import { IntentRecognizer } from '../lib/intents/recognizer';
import { type Answerability, type Readiness, recognizeRequest } from '../lib/intents/requests';
import { syntheticBank, syntheticQueries } from './faq';
import { formatRow, nowMs, summarise } from './stats';

/**
 * `npm run bench -- requests`: the work done on a message that is not an answer to the pending question, before
 * the bot decides what it is — a request, a question (matched against a 1,000-question bank, and a centre looked
 * for when it is about where a centre is), or nothing. It runs on such messages at every question, so it must
 * stay far below a turn's budget: goal p99 under 2 ms, and under 10 ms for a 5,000-character message.
 */

const BANK_SIZE = 1_000;
const QUERIES = 6_000;
const WARMUP = 500;
const LONG = 50;

const PLACE_QUESTIONS: Array<[string, FaqLang]> = [
  ['where is the Chiang Mai centre?', 'en'],
  ['ศูนย์ดำรงธรรมเชียงใหม่อยู่ที่ไหน', 'th'],
  ['เบอร์ศูนย์ดำรงธรรมอำเภอหางดง', 'th'],
  ['phone number of the Hang Dong centre', 'en'],
  ['ศูนย์ดำรงธรรมขอนแก่นเบอร์อะไรคะ', 'th'],
];
const REQUESTS: Array<[string, FaqLang]> = [
  ['ติดตามเรื่องที่แจ้งไว้', 'th'],
  ['I want to talk to a real person', 'en'],
  ['อยากร้องเรียนเรื่องถนนพัง', 'th'],
  ['😀🙏', 'th'],
];

export async function runRequestsBench(): Promise<void> {
  const bank = syntheticBank(BANK_SIZE);
  const matcher = new FaqMatcher(bank);
  const search = new CentreSearch(CentreDirectory.fromBundledData());
  const intents = new IntentRecognizer(() => SEED_CONTENT.intents, () => SEED_CONTENT.categories);
  const place = (text: string) => search.chooseForLocation(text);
  const recognize = (text: string, lang: FaqLang, readiness: Readiness) =>
    recognizeRequest(text, intents, (question): Answerability => {
      const assessment = assessQuestion(matcher.match(question, lang), question, place);
      return assessment.kind === 'centre' ? 'place' : assessment.kind;
    }, readiness);

  const messages: Array<[string, FaqLang]> = [
    ...syntheticQueries(bank, QUERIES).map((query): [string, FaqLang] => [query.text, query.lang]),
    ...Array.from({ length: 100 }, (_, index) => PLACE_QUESTIONS[index % PLACE_QUESTIONS.length]),
    ...Array.from({ length: 100 }, (_, index) => REQUESTS[index % REQUESTS.length]),
  ];
  for (const [text, lang] of messages.slice(0, WARMUP)) recognize(text, lang, 'any');

  const latencies: number[] = [];
  const kinds = new Map<string, number>();
  const started = nowMs();
  for (const [index, [text, lang]] of messages.entries()) {
    const before = nowMs();
    const found = recognize(text, lang, index % 2 === 0 ? 'any' : 'explicit');
    latencies.push(nowMs() - before);
    const kind = found?.kind ?? 'none';
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  const summary = summarise(latencies, nowMs() - started);

  // The worst case a citizen can send: the longest message a channel takes, with question words in it.
  const long: number[] = [];
  for (let i = 0; i < LONG; i += 1) {
    const text = `${'ถนนพังเป็นหลุมใหญ่ ศูนย์ดำรงธรรมอยู่ที่ไหน '.repeat(120)}${i}`.slice(0, 5000);
    const before = nowMs();
    recognize(text, 'th', 'any');
    long.push(nowMs() - before);
  }
  const longSummary = summarise(long, long.reduce((sum, ms) => sum + ms, 0));

  const widths = [30, 12];
  console.log(`bank: ${bank.length} entries, ${messages.length} messages, ${WARMUP} warm-up`);
  console.log(formatRow(['recognise p50 (ms)', summary.p50.toFixed(3)], widths));
  console.log(formatRow(['recognise p99 (ms)', summary.p99.toFixed(3)], widths));
  console.log(formatRow(['recognise max (ms)', summary.max.toFixed(3)], widths));
  console.log(formatRow(['5,000 characters p99 (ms)', longSummary.p99.toFixed(3)], widths));
  console.log(formatRow(['found', [...kinds].map(([kind, count]) => `${kind} ${count}`).join(', ')], widths));
}
