import { CentreDirectory, CentreSearch } from '../lib/centres';
import { parseWhen } from '../lib/thai/dates';
import { warmUpDateReader } from '../lib/thai/when/warmUp';
import { nowMs } from './stats';

/**
 * `npm run bench -- worst`: the slowest inputs we know of for the language work that reads free text (the date
 * reader, centre search, the place chooser), each well past its length limit or built to make matching
 * backtrack. The tests check what these inputs give; how long they take is measured here. Goal: each under
 * 100 ms, far below a turn's budget, so that no message can stall the service.
 */
const DATE_TEXTS = [
  'x'.repeat(10_000),
  '12 '.repeat(3334),
  'เมื่อวาน '.repeat(1250),
  '12 '.repeat(66),
  '1/'.repeat(100),
  'ม.ค. '.repeat(40),
  'yesterday '.repeat(20),
];
const SEARCH_TEXTS = [
  'x'.repeat(10_000),
  'เชียงใหม่'.repeat(2_000),
  'Hang Dong '.repeat(1_000),
  '😀'.repeat(5_000),
  Array.from({ length: 10_000 }, (_, i) => String.fromCharCode(0x0e01 + (i % 90))).join(''),
];
const PLACE_TEXTS = [`${'ถนนพังมาก '.repeat(500)} อ.หางดง จ.เชียงใหม่`, 'หมู่ 3 '.repeat(2_000)];
const ROUNDS = 5;

function slowest(run: () => void): number {
  let worst = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    const started = nowMs();
    run();
    worst = Math.max(worst, nowMs() - started);
  }
  return worst;
}

function report(name: string, texts: readonly string[], run: (text: string) => void): void {
  const times = texts.map((text) => slowest(() => run(text)));
  const worst = Math.max(...times);
  console.log(`${name.padEnd(22)} ${texts.length} inputs, slowest ${worst.toFixed(1)} ms ${worst < 100 ? '(goal met)' : '(over the 100 ms goal)'}`);
}

export async function runWorstInputsBench(): Promise<void> {
  const now = new Date(Date.UTC(2026, 0, 5, 3));
  const search = new CentreSearch(CentreDirectory.fromBundledData());
  // The date recognizer builds its patterns on first use; the service does this before it listens (warmUp.ts).
  const started = nowMs();
  warmUpDateReader(now);
  console.log(`${'date reader warm-up'.padEnd(22)} ${(nowMs() - started).toFixed(1)} ms (once, at the service's start; not timed below)`);
  report('date reader (th, en)', DATE_TEXTS, (text) => {
    parseWhen(text, 'th', now);
    parseWhen(text, 'en', now);
  });
  report('centre search', SEARCH_TEXTS, (text) => search.search(text));
  report('place chooser', PLACE_TEXTS, (text) => search.chooseForLocation(text));
}
