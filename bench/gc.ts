import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full garbage collection, between measured blocks: the garbage one service left behind is collected before
 * the other's block starts instead of during it. `npm run bench` runs node without --expose-gc, so the flag is
 * set here and the function taken from a fresh context, where V8 then defines it.
 */
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

export function collectGarbage(): void {
  gc();
}
