import type { AddressInfo } from 'node:net';
import { type App, createApp } from '../../bot/app';
import { loadConfig } from '../../lib/config';
import { loadSecrets } from '../../lib/secrets';
import { openStore } from '../../lib/store';
import { ensureIndexes } from '../../lib/store/indexes';
import { SERVICE_INDEXES } from '../../bot/indexes';
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
  /** Listens on a loopback port (an ephemeral one unless given) and returns the base URL. */
  listen(port?: number): Promise<string>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  now?: () => number;
  /**
   * An existing data dir to open instead of a fresh temp dir, e.g. the dir of an app that was closed, to test a
   * restart. The caller owns it: close() leaves it in place.
   */
  dataDir?: string;
  /** How often officers' sockets re-check their sessions (the service's default is 30 s). */
  officerStreamRecheckMs?: number;
}

/** The whole service, built as bot/index.ts builds it, on an embedded store in a temp dir. */
export async function buildTestApp(env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const temp = options.dataDir === undefined ? makeTempDir() : { dir: options.dataDir, cleanup: () => undefined };
  const config = loadConfig({ DATA_DIR: temp.dir, SHUTDOWN_TIMEOUT_MS: '2000', ...env });
  const logs = captureLogs();
  const store = await openStore({ dataDir: config.dataDir });
  await ensureIndexes(store, SERVICE_INDEXES);
  const secrets = loadSecrets(config.dataDir, {});
  const app = await createApp({
    config,
    logger: logs.logger,
    store,
    secrets,
    ...(options.now ? { now: options.now } : {}),
    ...(options.officerStreamRecheckMs !== undefined ? { officerStreamRecheckMs: options.officerStreamRecheckMs } : {}),
  });
  const connector = new RecordingConnector('test');
  app.adapter.registerConnector(connector);
  return {
    app,
    store,
    logs,
    connector,
    dataDir: temp.dir,
    listen: (port = 0) => new Promise((resolve) => {
      app.server.listen(port, '127.0.0.1', () => {
        const bound = (app.server.server.address() as AddressInfo).port;
        resolve(`http://127.0.0.1:${bound}`);
      });
    }),
    close: async () => {
      await app.close();
      temp.cleanup();
    },
  };
}
