import { type Activity, AutoSaveStateMiddleware, ConversationState, MemoryStorage, TestAdapter, UserState } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import { DamrongdhamBot } from '../../bot/bot';
import { HandoffMiddleware, QUESTION_ASIDE_PROPERTY } from '../../handoff/middleware';
import type { Dialog } from 'botbuilder-dialogs';
import { LanguageMiddleware, LanguagePreferences } from '../../bot/language';
import { MainDialog } from '../../dialogs/mainDialog';
import type { DialogServices } from '../../dialogs/services';
import { CentreDirectory, CentreSearch } from '../../lib/centres';
import { ComplaintService } from '../../lib/complaints/service';
import { ContentService } from '../../lib/content/service';
import { FaqService } from '../../lib/faq/service';
import { IntentRecognizer } from '../../lib/intents/recognizer';
import { openStore } from '../../lib/store';
import { ChannelAdapter } from '../../bot/adapter';
import { AuditLog } from '../../lib/audit';
import { HandoffRepository } from '../../lib/handoff/handoffs';
import { Transcript } from '../../lib/handoff/transcript';
import { Deliverer } from '../../handoff/delivery';
import { handoffGateway } from '../../handoff/gateway';
import { OfficerHub } from '../../handoff/hub';
import { EarlierMessages } from '../../handoff/earlier';
import { TurnMessages } from '../../handoff/turnMessages';
import { HandoffService } from '../../handoff/service';
import { OfficerAccounts } from '../../lib/officers/accounts';
import { createLogger } from '../../lib/logger';
import type { Store } from '../../lib/store/types';
import { makeTempDir } from './tempDir';

/** A fixed clock that tests move by hand: Monday 23 November 2026, 10:00 in Bangkok. */
export class TestClock {
  constructor(public ms = Date.UTC(2026, 10, 23, 3, 0, 0)) {}
  now = (): number => this.ms;
  advance(ms: number): void {
    this.ms += ms;
  }
}

/** Sends activities and reads the replies: a DialogTestClient, or the whole bot (Harness.citizen). */
export interface Conversation {
  sendActivity(activity: Partial<Activity> | string): Promise<Partial<Activity> | undefined>;
  getNextReply(): Partial<Activity> | undefined;
}

export interface Harness {
  services: DialogServices;
  handoffs: HandoffService;
  content: ContentService;
  complaints: ComplaintService;
  store: Store;
  clock: TestClock;
  /** A conversation with the root dialog, as one citizen on one channel. */
  client(dialog?: Dialog): DialogTestClient;
  /**
   * A conversation with the whole bot as the service runs it: the bot's own events (the chat page's language
   * switch), the language settled before the handoff gate, and the gate (a question left for officers).
   */
  citizen(): Conversation;
  close(): Promise<void>;
}

const DIRECTORY = CentreDirectory.fromBundledData();
const SEARCH = new CentreSearch(DIRECTORY);

/** Every dialog service, real, on an embedded store in a temp dir. */
export async function dialogHarness(): Promise<Harness> {
  const temp = makeTempDir();
  const store = await openStore({ dataDir: temp.dir });
  const clock = new TestClock();
  const officerHub = new OfficerHub();
  const content = await ContentService.open(store, undefined, clock.now);
  const userState = new UserState(new MemoryStorage());
  const language = new LanguagePreferences(userState);
  const complaints = new ComplaintService(store, { hashingKey: 'test-hashing-key-0123456789abcdef0123', now: clock.now });
  // The officer side is not exercised by dialog tests: replies to citizens would go through this adapter.
  const handoffs = new HandoffService({
    repo: new HandoffRepository(store, clock.now),
    transcript: new Transcript(store, clock.now),
    texts: content,
    calendar: () => content.officeHours(),
    directory: DIRECTORY,
    hub: officerHub,
    deliverer: new Deliverer(new ChannelAdapter(), createLogger('silent')),
    audit: new AuditLog(store, clock.now),
    officerName: async () => undefined,
    staffed: (centreCode) => new OfficerAccounts(store, clock.now).staffs(centreCode, DIRECTORY),
    now: clock.now,
  });
  const earlier = new EarlierMessages({}, new TurnMessages(clock.now));
  const services: DialogServices = {
    texts: content,
    language,
    content,
    intents: new IntentRecognizer(() => content.intents(), () => content.categories()),
    centres: { directory: DIRECTORY, search: SEARCH },
    faq: new FaqService(content, store, clock.now),
    complaints,
    handoff: handoffGateway(handoffs, earlier),
    now: clock.now,
    // Dialog tests have no HTTP request to take an address from: the service's (bot/app.ts) is tested over HTTP.
    privacyUrl: () => 'http://localhost:3978/privacy',
  };
  return {
    services,
    handoffs,
    content,
    complaints,
    store,
    clock,
    client: (dialog = new MainDialog(services)) =>
      new DialogTestClient('test', dialog, undefined, [new AutoSaveStateMiddleware(userState), new LanguageMiddleware(language)], new ConversationState(new MemoryStorage())),
    citizen: () => {
      const conversationState = new ConversationState(new MemoryStorage());
      const dialog = new MainDialog(services);
      const bot = new DamrongdhamBot({ conversationState, userState, dialog, texts: content, language });
      const adapter = new TestAdapter((context) => bot.run(context));
      adapter.use(new LanguageMiddleware(language)).use(new HandoffMiddleware(handoffs, earlier, services.intents, content, {
        language: (context) => language.current(context),
        typedRequest: (context) => dialog.typedRequest(context),
        aside: conversationState.createProperty<boolean>(QUESTION_ASIDE_PROPERTY),
      }));
      return {
        sendActivity: async (activity: Partial<Activity> | string) => {
          await adapter.receiveActivity(activity);
          return adapter.activeQueue.shift();
        },
        getNextReply: () => adapter.activeQueue.shift(),
      };
    },
    close: async () => {
      officerHub.close();
      await store.close();
      temp.cleanup();
    },
  };
}

/** What a reply says: its text, or its card's plain-text fallback. */
export function said(activity: Partial<Activity> | undefined): string {
  if (!activity) return '';
  const card = activity.attachments?.[0]?.content as { fallbackText?: string } | undefined;
  return [activity.text, card?.fallbackText].filter(Boolean).join('\n');
}

/** Sends one message and returns every reply of that turn. */
export async function turn(client: Conversation, input: string | Partial<Activity>): Promise<Array<Partial<Activity>>> {
  const activity: Partial<Activity> = typeof input === 'string' ? { type: 'message', text: input } : { type: 'message', ...input };
  const replies: Array<Partial<Activity>> = [];
  const first = await client.sendActivity(activity);
  if (first) replies.push(first);
  for (let next = client.getNextReply(); next; next = client.getNextReply()) replies.push(next);
  return replies;
}

/** Sends one message and returns all the turn's replies as one text. */
export async function say(client: Conversation, input: string | Partial<Activity>): Promise<string> {
  return (await turn(client, input)).map(said).join('\n---\n');
}

/** The button labels offered by the turn's replies: suggested actions and card buttons. */
export function offered(replies: Array<Partial<Activity>>): string[] {
  const labels: string[] = [];
  for (const reply of replies) {
    for (const action of reply.suggestedActions?.actions ?? []) labels.push(String(action.title));
    const card = reply.attachments?.[0]?.content as { actions?: Array<{ title: string }>; body?: Array<{ type: string; actions?: Array<{ title: string }> }> } | undefined;
    for (const element of card?.body ?? []) if (element.type === 'ActionSet') for (const action of element.actions ?? []) labels.push(action.title);
    for (const action of card?.actions ?? []) labels.push(action.title);
  }
  return labels;
}
