import { ConversationState, type TurnContext, UserState } from 'botbuilder';
import type { Server } from 'restify';
import type { Config } from '../lib/config';
import { describeErrorForLog } from '../lib/errors';
import { CentreDirectory, CentreSearch } from '../lib/centres';
import { ComplaintService } from '../lib/complaints/service';
import { DirectLineLog } from '../lib/directline/log';
import { TokenSigner } from '../lib/directline/tokens';
import { FileStore } from '../lib/files/fileStore';
import { fileLink } from '../lib/files/links';
import { FileRetention } from '../lib/files/retention';
import { AuditLog } from '../lib/audit';
import { HandoffRepository } from '../lib/handoff/handoffs';
import { Transcript } from '../lib/handoff/transcript';
import { OfficerAccounts } from '../lib/officers/accounts';
import { SessionStore } from '../lib/officers/sessions';
// The directory's index by name: a build left from before handoff/api.ts became a directory still has dist/handoff/api.js.
import { officerApiRoutes } from '../handoff/api/index';
import { officerErrors } from '../handoff/api/errors';
import { officerPageRoutes } from '../handoff/web/routes';
import { Deliverer } from '../handoff/delivery';
import { handoffGateway } from '../handoff/gateway';
import { OfficerHub } from '../handoff/hub';
import { HandoffMiddleware, QUESTION_ASIDE_PROPERTY } from '../handoff/middleware';
import { DirectLineHistory } from '../handoff/directLineHistory';
import { EarlierMessages } from '../handoff/earlier';
import { TurnMessages } from '../handoff/turnMessages';
import { HandoffService } from '../handoff/service';
import { ContentService } from '../lib/content/service';
import type { Texts } from '../lib/content/texts';
import { FaqService } from '../lib/faq/service';
import { IntentRecognizer } from '../lib/intents/recognizer';
import type { Logger } from '../lib/logger';
import type { Secrets } from '../lib/secrets';
import { StoreBotStorage } from '../lib/store/botStorage';
import type { Store } from '../lib/store/types';
import { MainDialog } from '../dialogs/mainDialog';
import { ChannelAdapter, conversationKey, newTurnLock } from './adapter';
import { DamrongdhamBot } from './bot';
import { azureRoutes, createAzureAdapter } from './channels/azure';
import { directLineRoutes } from './channels/directline/routes';
import { DIRECTLINE_CHANNEL, DirectLineService } from './channels/directline/service';
import { StreamHub } from './channels/directline/stream';
import { PublicAddress } from '../lib/http/publicAddress';
import { chatTokenRoutes } from './web/chatToken';
import { pageRoutes } from './web/pageRoutes';
import { createTurnErrorHandler, TurnFailureTracker } from './errorHandler';
import { PrivacyMiddleware } from './privacy';
import { SensitivePrompts } from '../lib/privacy/sensitivePrompts';
import { HandoffNotes } from '../lib/handoff/notes';
import { purgeExpired } from '../lib/privacy/retention';
import { LanguageMiddleware, LanguagePreferences } from './language';
import { createServer, type RouteModule } from './server';
import { privacyLink, privacyRoutes } from './web/privacy';

const RETENTION_PURGE_INTERVAL_MS = 6 * 60 * 60 * 1000;
/** How often idle live chats are closed and long waits offered to become questions. */
const HANDOFF_SWEEP_INTERVAL_MS = 30 * 1000;
/** How soon an admin's content change made on another instance reaches this one. */
const CONTENT_REFRESH_INTERVAL_MS = 30 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface AppDependencies {
  config: Config;
  logger: Logger;
  store: Store;
  secrets: Secrets;
  /** The clock; tests pass their own. */
  now?: () => number;
  /** How often an officer's open socket re-checks its session (default 30 s); tests shorten it. */
  officerStreamRecheckMs?: number;
}

export interface App {
  server: Server;
  adapter: ChannelAdapter;
  bot: DamrongdhamBot;
  directLine: DirectLineService;
  texts: Texts;
  content: ContentService;
  complaints: ComplaintService;
  handoffs: HandoffService;
  officers: OfficerAccounts;
  /** Starts periodic work (the retention purge, content refresh). index.ts calls it; tests that do not need it leave it off. */
  startBackgroundJobs(): void;
  /** Deletes what is kept longer than the retention settings allow (run every six hours by the background jobs). */
  purgeRetained(): Promise<void>;
  /** Stops taking requests and turns, lets running turns finish (up to the configured timeout), closes the store. */
  close(): Promise<void>;
}

/**
 * Composition: builds services, dialogs, the bot, the adapters and the server from an open store.
 * No listening and no process handling here, so tests build the whole service in-process.
 */
export async function createApp(deps: AppDependencies): Promise<App> {
  const { config, logger, store, secrets } = deps;
  const now = deps.now ?? Date.now;
  const storage = new StoreBotStorage(store);
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const content = await ContentService.open(store, undefined, now);
  const texts: Texts = content;
  const language = new LanguagePreferences(userState);
  const tracker = new TurnFailureTracker();
  const directory = CentreDirectory.fromBundledData();
  const complaints = new ComplaintService(store, { hashingKey: secrets.hashingKey, now });
  const intents = new IntentRecognizer(() => content.intents(), () => content.categories());

  const address = new PublicAddress(config.publicUrlConfigured ? config.publicUrl : undefined, config.trustProxy ? config.trustProxyHops : 0, config.publicUrl);
  const turnLock = newTurnLock();
  const adapter = new ChannelAdapter(turnLock);
  const sensitivePrompts = new SensitivePrompts(store, now);
  const privacy = new PrivacyMiddleware(sensitivePrompts);

  // Officer handoff: the queue, the transcript, the officers' realtime hub, proactive delivery.
  const officerHub = new OfficerHub({ ...(deps.officerStreamRecheckMs !== undefined ? { recheckEveryMs: deps.officerStreamRecheckMs } : {}) });
  const audit = new AuditLog(store, now);
  const officers = new OfficerAccounts(store, now);
  const sessions = new SessionStore(store, now);
  const directLineLog = new DirectLineLog(store, now);
  // What officers see of the bot's earlier answers: read back from the Direct Line log when a handoff starts.
  const earlier = new EarlierMessages({ [DIRECTLINE_CHANNEL]: new DirectLineHistory(directLineLog) }, new TurnMessages(now));
  const deliverer = new Deliverer(adapter, logger);
  const handoffRepo = new HandoffRepository(store, now);
  const transcript = new Transcript(store, now);
  const notes = new HandoffNotes(store, now);
  const centreSearch = new CentreSearch(directory);
  const handoffs = new HandoffService({
    repo: handoffRepo,
    transcript,
    texts,
    calendar: () => content.officeHours(),
    directory,
    hub: officerHub,
    deliverer,
    audit,
    officerName: (officerId) => officers.displayName(officerId),
    complaintSummary: async (number) => {
      const complaint = await complaints.get(number);
      return complaint ? { number: complaint._id, subject: complaint.subject } : undefined;
    },
    staffed: (centreCode) => officers.staffs(centreCode, directory),
    now,
    offerAfterMs: config.handoffOfferMinutes * 60_000,
    idleAfterMs: config.handoffIdleMinutes * 60_000,
  });

  const dialog = new MainDialog({
    texts,
    language,
    content,
    intents,
    centres: { directory, search: centreSearch },
    faq: new FaqService(content, store, now),
    complaints,
    handoff: handoffGateway(handoffs, earlier),
    now,
    privacyUrl: (context) => privacyLink(address.forConversation(context.activity), language.current(context)),
  });
  const bot = new DamrongdhamBot({
    conversationState,
    userState,
    dialog,
    texts,
    language,
    onTurnSucceeded: (context: TurnContext) => tracker.recordSuccess(conversationKey(context.activity)),
  });
  const logic = (context: TurnContext) => bot.run(context);
  const onTurnError = createTurnErrorHandler({ logger, texts, conversationState, tracker });

  const handoffMiddleware = new HandoffMiddleware(handoffs, earlier, intents, texts, {
    language: (context) => language.current(context),
    typedRequest: (context) => dialog.typedRequest(context),
    aside: conversationState.createProperty<boolean>(QUESTION_ASIDE_PROPERTY),
  });
  adapter.use(privacy).use(new LanguageMiddleware(language)).use(handoffMiddleware);
  adapter.onTurnError = onTurnError;

  const signer = new TokenSigner(secrets.tokenSigningKey, now);
  const hub = new StreamHub(directLineLog, logger);
  const directLine = new DirectLineService({ log: directLineLog, hub, signer, adapter, logic, prompts: sensitivePrompts, now });
  adapter.registerConnector(directLine.connector);

  const files = new FileStore(store, config.uploads, now);
  const routes: RouteModule[] = [
    privacyRoutes(content),
    directLineRoutes({ service: directLine, log: directLineLog, hub, files, signer, secret: secrets.directLineSecret, address, logger, limits: config.rateLimits, now }),
    chatTokenRoutes({ service: directLine, log: directLineLog, signer, address, limit: config.rateLimits.chatTokens, now }),
    pageRoutes(),
    officerPageRoutes(),
    officerApiRoutes({
      accounts: officers,
      sessions,
      handoffs,
      notes,
      complaints,
      content,
      directory,
      centreSearch,
      files,
      hub: officerHub,
      deliverer,
      audit,
      address,
      // A photo an officer sends goes to the citizen: on the address the citizen uses, not the officer's.
      fileUrl: (req, conversationId, fileId, citizen) =>
        fileLink(citizen ? address.forConversation(citizen, req) : address.httpBase(req), conversationId, fileId, directLine.fileToken('officer', conversationId, fileId)),
      now,
    }),
  ];
  if (config.azure) {
    const cloudAdapter = createAzureAdapter(config.azure);
    cloudAdapter.use(privacy).use(new LanguageMiddleware(language)).use(handoffMiddleware);
    cloudAdapter.onTurnError = onTurnError;
    routes.push(azureRoutes(cloudAdapter, logic, turnLock));
  }

  let shuttingDown = false;
  const server = createServer({ logger, store, lifecycle: { isShuttingDown: () => shuttingDown }, routes, hashingKey: secrets.hashingKey, errorDialects: [officerErrors] });

  let purgeTimer: NodeJS.Timeout | undefined;
  let handoffTimer: NodeJS.Timeout | undefined;
  const sweepHandoffs = async () => {
    try {
      await handoffs.sweep();
      await sessions.purgeExpired();
    } catch (error) {
      logger.error({ err: describeErrorForLog(error) }, 'handoff sweep failed');
    }
  };
  let contentTimer: NodeJS.Timeout | undefined;
  const refreshContent = async () => {
    try {
      if (await content.refreshIfChanged()) logger.info({ version: content.version }, 'content reloaded');
    } catch (error) {
      logger.error({ err: describeErrorForLog(error) }, 'content refresh failed');
    }
  };
  const purgeIdleState = async () => {
    try {
      const deleted = await storage.purgeIdleBefore(Date.now() - config.stateRetentionDays * DAY_MS);
      if (deleted > 0) logger.info({ deleted, retentionDays: config.stateRetentionDays }, 'idle bot state purged');
    } catch (error) {
      logger.error({ err: describeErrorForLog(error) }, 'idle bot state purge failed');
    }
  };
  let fileTimer: NodeJS.Timeout | undefined;
  const fileRetention = new FileRetention({ files, complaints, store, limits: config.uploads, now });
  const purgeUploadedFiles = async () => {
    try {
      const purged = await fileRetention.purge();
      if (purged.deleted > 0 || purged.keptWithComplaints > 0) logger.info({ ...purged }, 'uploaded files purged');
    } catch (error) {
      logger.error({ err: describeErrorForLog(error) }, 'uploaded file purge failed');
    }
  };
  const purgeConversations = async () => {
    try {
      const deleted = await purgeExpired(
        { directLineLog, transcript, notes, handoffs: handoffRepo, prompts: sensitivePrompts },
        { directLineDays: config.directLineRetentionDays, transcriptDays: config.transcriptRetentionDays },
        now(),
      );
      if (Object.values(deleted).some((count) => count > 0)) logger.info({ deleted }, 'expired conversations purged');
    } catch (error) {
      logger.error({ err: describeErrorForLog(error) }, 'conversation purge failed');
    }
  };
  const purgeRetained = async () => {
    await purgeIdleState();
    await purgeConversations();
  };
  const startBackgroundJobs = () => {
    if (purgeTimer) return;
    void purgeRetained();
    purgeTimer = setInterval(() => void purgeRetained(), RETENTION_PURGE_INTERVAL_MS);
    purgeTimer.unref();
    handoffTimer = setInterval(() => void sweepHandoffs(), HANDOFF_SWEEP_INTERVAL_MS);
    handoffTimer.unref();
    contentTimer = setInterval(() => void refreshContent(), CONTENT_REFRESH_INTERVAL_MS);
    contentTimer.unref();
    void purgeUploadedFiles();
    fileTimer = setInterval(() => void purgeUploadedFiles(), RETENTION_PURGE_INTERVAL_MS);
    fileTimer.unref();
  };

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      shuttingDown = true;
      clearInterval(purgeTimer);
      clearInterval(handoffTimer);
      clearInterval(contentTimer);
      clearInterval(fileTimer);
      adapter.stopAcceptingTurns();
      const httpClosed = new Promise<void>((resolve) => server.server.close(() => resolve()));
      server.server.closeIdleConnections();
      // Stream clients reconnect with their watermark once the service is back: nothing is lost.
      hub.close();
      officerHub.close();
      const drained = await adapter.drain(config.shutdownTimeoutMs);
      if (!drained) logger.warn({ activeTurns: adapter.activeTurns }, 'shutdown timeout: turns still running');
      server.server.closeAllConnections();
      await httpClosed;
      await store.close();
    })();
    return closing;
  };

  return { server, adapter, bot, directLine, texts, content, complaints, handoffs, officers, startBackgroundJobs, purgeRetained, close };
}
