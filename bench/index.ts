import { runDirectLineBench } from './directline';
import { runFilesBench } from './files';
import { runFirstLoadBench } from './firstLoad';
import { runNluBench } from './nlu';
import { runQueueBench } from './queue';
import { runRequestsBench } from './requests';
import { runSignInBench } from './signIn';
import { runStoreBench } from './store';
import { runTurnsBench } from './turns';
import { runWorstInputsBench } from './worstInputs';

/**
 * `npm run bench -- <name>`: load benchmarks, run on demand and never as part of `npm test`.
 * Without a name, all of them run.
 */
const BENCHES: Record<string, () => Promise<void>> = {
  turns: runTurnsBench,
  store: () => runStoreBench([]),
  nlu: runNluBench,
  requests: runRequestsBench,
  directline: runDirectLineBench,
  queue: runQueueBench,
  signin: runSignInBench,
  files: runFilesBench,
  firstload: runFirstLoadBench,
  worst: runWorstInputsBench,
};

async function main(): Promise<void> {
  const requested = process.argv.slice(2);
  const unknown = requested.filter((name) => !(name in BENCHES));
  if (unknown.length > 0) {
    console.error(`Unknown benchmark: ${unknown.join(', ')}. Known: ${Object.keys(BENCHES).join(', ')}`);
    process.exit(2);
  }
  for (const name of requested.length > 0 ? requested : Object.keys(BENCHES)) {
    console.log(`\n== ${name} ==`);
    await BENCHES[name]();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
