import { ConversationState, type TurnContext, UserState } from 'botbuilder';
import type { Server } from 'restify';
import type { Config } from '../lib/config';
import { describeErrorForLog } from '../lib/errors';
import { StaticTexts, type Texts } from '../lib/content/texts';
import { KeyedLock } from '../lib/keyedLock';
import type { Logger } from '../lib/logger';
import type { Secrets } from '../lib/secrets';
import { StoreBotStorage } from '../lib/store/botStorage';
import type { Store } from '../lib/store/types';
import { MainDialog } from '../dialogs/mainDialog';
import { ChannelAdapter, conversationKey } from './adapter';
import { DamrongdhamBot } from './bot';
import { azureRoutes, createAzureAdapter } from './channels/azure';
import { createTurnErrorHandler, TurnFailureTracker } from './errorHandler';
import { LanguageMiddleware, LanguagePreferences } from './language';
import { createServer, type RouteModule } from './server';

const RETENTION_PURGE_INTERVAL_MS = 6 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface AppDependencies {
  config: Config;
  logger: Logger;
  store: Store;
  secrets: Secrets;
}

export interface App {
  server: Server;
  adapter: ChannelAdapter;
  bot: DamrongdhamBot;
  texts: Texts;
  /** Starts periodic work (the retention purge). index.ts calls it; tests that do not need it leave it off. */
  startBackgroundJobs(): void;
  /** Stops taking requests and turns, lets running turns finish (up to the configured timeout), closes the store. */
  close(): Promise<void>;
}

/**
 * Composition: builds services, dialogs, the bot, the adapters and the server from an open store.
 * No listening and no process handling here, so tests build the whole service in-process.
 */
export function createApp(deps: AppDependencies): App {
  const { config, logger, store } = deps;
  const storage = new StoreBotStorage(store);
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const texts = new StaticTexts();
  const language = new LanguagePreferences(userState);
  const tracker = new TurnFailureTracker();

  const dialog = new MainDialog({ texts, language });
  const bot = new DamrongdhamBot({
    conversationState,
    userState,
    dialog,
    texts,
    onTurnSucceeded: (context: TurnContext) => tracker.recordSuccess(conversationKey(context.activity)),
  });
  const logic = (context: TurnContext) => bot.run(context);
  const onTurnError = createTurnErrorHandler({ logger, texts, conversationState, tracker });

  const turnLock = new KeyedLock();
  const adapter = new ChannelAdapter(turnLock);
  adapter.use(new LanguageMiddleware(language));
  adapter.onTurnError = onTurnError;

  const routes: RouteModule[] = [];
  if (config.azure) {
    const cloudAdapter = createAzureAdapter(config.azure);
    cloudAdapter.use(new LanguageMiddleware(language));
    cloudAdapter.onTurnError = onTurnError;
    routes.push(azureRoutes(cloudAdapter, logic, turnLock));
  }

  let shuttingDown = false;
  const server = createServer({ logger, store, lifecycle: { isShuttingDown: () => shuttingDown }, routes });

  let purgeTimer: NodeJS.Timeout | undefined;
  const purgeIdleState = async () => {
    try {
      const deleted = await storage.purgeIdleBefore(Date.now() - config.stateRetentionDays * DAY_MS);
      if (deleted > 0) logger.info({ deleted, retentionDays: config.stateRetentionDays }, 'idle bot state purged');
    } catch (error) {
      logger.error({ err: describeErrorForLog(error) }, 'idle bot state purge failed');
    }
  };
  const startBackgroundJobs = () => {
    if (purgeTimer) return;
    void purgeIdleState();
    purgeTimer = setInterval(() => void purgeIdleState(), RETENTION_PURGE_INTERVAL_MS);
    purgeTimer.unref();
  };

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      shuttingDown = true;
      clearInterval(purgeTimer);
      adapter.stopAcceptingTurns();
      const httpClosed = new Promise<void>((resolve) => server.server.close(() => resolve()));
      server.server.closeIdleConnections();
      const drained = await adapter.drain(config.shutdownTimeoutMs);
      if (!drained) logger.warn({ activeTurns: adapter.activeTurns }, 'shutdown timeout: turns still running');
      server.server.closeAllConnections();
      await httpClosed;
      await store.close();
    })();
    return closing;
  };

  return { server, adapter, bot, texts, startBackgroundJobs, close };
}
