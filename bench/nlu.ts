import { runCentresBench } from './centres';
import { runFaqBench } from './faq';

/**
 * `npm run bench -- nlu`: the language work done on every citizen message, which must stay far below a
 * turn's budget — question matching over a 1,000-question bank and centre search over the 956 centres.
 * Goal: p99 under 2 ms for each.
 */
export async function runNluBench(): Promise<void> {
  await runFaqBench();
  console.log('');
  await runCentresBench();
}
