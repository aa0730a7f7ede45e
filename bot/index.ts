import { loadConfig } from '../lib/config';
import { AppError, describeErrorForLog } from '../lib/errors';
import { createLogger } from '../lib/logger';
import { explicitSecrets, loadSecrets } from '../lib/secrets';
import { openStore } from '../lib/store';
import { storeHoldsData } from '../lib/store/holdsData';
import { ensureIndexes } from '../lib/store/indexes';
import { warmUpDateReader } from '../lib/thai/when/warmUp';
import { SERVICE_INDEXES } from './indexes';
import { createApp } from './app';
import { keepServingThroughUnexpectedErrors } from './processGuard';

/**
 * The service's entry point: load the configuration, open the store, build the app, listen, and shut down
 * gracefully on SIGTERM or SIGINT. Start-up problems end the process with one clear line and exit code 1;
 * once it serves, an unexpected error is logged and the process keeps serving.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const store = await openStore({ dataDir: config.dataDir, mongodbUri: config.mongodbUri });
  await ensureIndexes(store, SERVICE_INDEXES);
  const secrets = loadSecrets(config.dataDir, explicitSecrets(config), { storeHoldsData: await storeHoldsData(store) });
  const app = await createApp({ config, logger, store, secrets });
  const firstAdmin = await app.officers.createFirstAdmin();
  await new Promise<void>((resolve, reject) => {
    app.server.once('error', reject);
    app.server.listen(config.port, config.host, () => resolve());
  });
  // Installed once the service is up: a failure during start-up still stops it with a clear line.
  keepServingThroughUnexpectedErrors(logger);
  // The date reader's first use costs up to a second or two: paid now, once listening (so that start-up and
  // /healthz are not delayed), rather than by the first citizen who says when something happened. Any date
  // will do: the answers are discarded.
  setImmediate(() => warmUpDateReader(new Date()));
  const chatPage = `${config.publicUrl}/`;
  const officerApp = `${config.publicUrl}/officer`;
  logger.info({ config, url: config.publicUrl, chatPage, officerApp }, 'listening');
  if (firstAdmin) {
    // Printed once, on the terminal rather than into the JSON log: it is a password, and it must be changed at
    // the first sign-in.
    process.stderr.write(
      `\nFirst start: an admin account was created.\n  Chat page:   ${chatPage}\n  Officer app: ${officerApp}\n  Username:    ${firstAdmin.username}\n  One-time password: ${firstAdmin.password}\n  (You will be asked to choose a new password when you sign in. This is shown only once.)\n\n`,
    );
  }
  app.startBackgroundJobs();

  let signals = 0;
  const stop = (signal: NodeJS.Signals) => {
    signals += 1;
    if (signals > 1) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    logger.info({ signal }, 'shutting down');
    app.close().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: describeErrorForLog(error) }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  const reason = error instanceof AppError
    ? error.message
    : (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
      ? 'the port is already in use (set PORT to another port)'
      : 'unexpected error (details follow)';
  process.stderr.write(`damrongdham-bot: cannot start: ${reason}\n`);
  if (!(error instanceof AppError) && (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') {
    process.stderr.write(`${JSON.stringify(describeErrorForLog(error))}\n`);
  }
  process.exit(1);
});
