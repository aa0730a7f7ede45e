import { runCentresBench } from './centres';
import { runFaqBench } from './faq';
import { runOpeningBench } from './opening';

/**
 * `npm run bench -- nlu`: the language work done on every citizen message, which must stay far below a
 * turn's budget — question matching over a 1,000-question bank, centre search over the 956 centres, and
 * reading a first message as a complaint's draft. Goal: p99 under 2 ms for each.
 */
export async function runNluBench(): Promise<void> {
  await runFaqBench();
  console.log('');
  await runCentresBench();
  console.log('');
  await runOpeningBench();
}
