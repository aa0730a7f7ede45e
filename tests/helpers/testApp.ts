import type { AddressInfo } from 'node:net';
import { type App, createApp } from '../../bot/app';
import { loadConfig } from '../../lib/config';
import { loadSecrets } from '../../lib/secrets';
import { openStore } from '../../lib/store';
import { ensureIndexes } from '../../lib/store/indexes';
import type { Store } from '../../lib/store/types';
import { type CapturedLogs, captureLogs } from './logCapture';
import { RecordingConnector } from './recordingConnector';
import { makeTempDir } from './tempDir';

export interface TestApp {
  app: App;
  store: Store;
  logs: CapturedLogs;
  connector: RecordingConnector;
  dataDir: string;
  /** Listens on an ephemeral loopback port and returns the base URL. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

/** The whole service, built as bot/index.ts builds it, on an embedded store in a temp dir. */
export async function buildTestApp(env: Record<string, string> = {}, options: { now?: () => number } = {}): Promise<TestApp> {
  const temp = makeTempDir();
  const config = loadConfig({ DATA_DIR: temp.dir, SHUTDOWN_TIMEOUT_MS: '2000', ...env });
  const logs = captureLogs();
  const store = await openStore({ dataDir: config.dataDir });
  await ensureIndexes(store);
  const secrets = loadSecrets(config.dataDir, {});
  const app = await createApp({ config, logger: logs.logger, store, secrets, ...(options.now ? { now: options.now } : {}) });
  const connector = new RecordingConnector('test');
  app.adapter.registerConnector(connector);
  return {
    app,
    store,
    logs,
    connector,
    dataDir: temp.dir,
    listen: () => new Promise((resolve) => {
      app.server.listen(0, '127.0.0.1', () => {
        const { port } = app.server.server.address() as AddressInfo;
        resolve(`http://127.0.0.1:${port}`);
      });
    }),
    close: async () => {
      await app.close();
      temp.cleanup();
    },
  };
}
