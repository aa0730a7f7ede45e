import { openStore } from '../../lib/store';
import type { Store } from '../../lib/store/types';
import { makeTempDir } from './tempDir';

/** A fresh embedded store in a temp dir; `close` closes it and removes the dir. */
export async function openTempStore(): Promise<{ store: Store; close: () => Promise<void> }> {
  const temp = makeTempDir();
  const store = await openStore({ dataDir: temp.dir });
  return {
    store,
    close: async () => {
      await store.close();
      temp.cleanup();
    },
  };
}
