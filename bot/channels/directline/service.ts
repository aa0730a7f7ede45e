import { createHash, randomBytes } from 'node:crypto';
import type { Activity, ChannelAccount, ResourceResponse } from 'botbuilder';
import type { DirectLineLog, LoggedActivity } from '../../../lib/directline/log';
import type { TokenSigner } from '../../../lib/directline/tokens';
import { officerAuthorOf } from '../../../lib/handoff/author';
import { forStorage, hasSecrets } from '../../../lib/privacy/marks';
import { redactAnswer } from '../../../lib/privacy/sensitiveInput';
import type { SensitivePrompts } from '../../../lib/privacy/sensitivePrompts';
import { type BotLogic, type ChannelAdapter, conversationKey } from '../../adapter';
import type { ChannelConnector } from '../connector';
import type { StreamHub } from './stream';
import { DIRECTLINE_CHANNEL } from '../../../lib/directline/channel';

/**
 * The bot's own Direct Line channel, between the HTTP routes and the adapter: conversations, the activity log
 * every client reads from (REST or stream), and the connector through which the bot's replies are logged and
 * streamed.
 */

export { DIRECTLINE_CHANNEL };
/** The `serviceUrl` of what the channel logs, and of turns that came with no client address. */
const SERVICE_URL = 'directline';
export const BOT_ACCOUNT = { id: 'damrongdham-bot', name: 'Damrongdham Bot', role: 'bot' } as const;
/**
 * An officer's reply is sent from the bot's side of the conversation under the officer's own name: its `from.id`
 * starts with this, which the chat page (bot/web/page/officerMessages.js) reads to show the name above the message.
 */
export const OFFICER_ACCOUNT_PREFIX = 'officer-';

/**
 * Who an outgoing activity is from: the officer who wrote it, or the bot. The officer's id is hashed: a stable
 * id per officer is all the citizen's client needs, and account ids are the officers' business.
 */
export function senderOf(activity: object): ChannelAccount {
  const officer = officerAuthorOf(activity);
  if (!officer) return { ...BOT_ACCOUNT };
  const id = createHash('sha256').update(officer.officerId).digest('base64url').slice(0, 16);
  return { id: `${OFFICER_ACCOUNT_PREFIX}${id}`, name: officer.displayName, role: 'bot' };
}

/** Conversation tokens live 30 minutes; clients refresh them every 15, as botframework-directlinejs does. */
export const TOKEN_LIFETIME_SECONDS = 30 * 60;
/** A stream URL must be used within this time; the socket then lives on its own. */
export const STREAM_TOKEN_LIFETIME_SECONDS = 5 * 60;
/** Links to uploaded photos stay valid as long as the complaint is worked on. */
export const FILE_TOKEN_LIFETIME_SECONDS = 180 * 24 * 60 * 60;

export function newConversationId(): string {
  return randomBytes(16).toString('base64url');
}

export function newUserId(): string {
  // Web Chat treats ids starting with dl_ as issued by the channel, not chosen by the page.
  return `dl_${randomBytes(12).toString('base64url')}`;
}

export interface DirectLineServiceDependencies {
  log: DirectLineLog;
  hub: StreamHub;
  signer: TokenSigner;
  adapter: ChannelAdapter;
  logic: BotLogic;
  /** Which sensitive question each conversation is waiting on: its answer is logged masked. */
  prompts: SensitivePrompts;
  now?: () => number;
}

export interface ConversationGrant {
  conversationId: string;
  token: string;
  expires_in: number;
}

export class DirectLineService {
  private readonly now: () => number;

  constructor(private readonly deps: DirectLineServiceDependencies) {
    this.now = deps.now ?? Date.now;
  }

  /** The connector the adapter sends the bot's activities through. */
  readonly connector: ChannelConnector = {
    channelId: DIRECTLINE_CHANNEL,
    send: async (activity: Partial<Activity>): Promise<ResourceResponse> => {
      const conversationId = activity.conversation?.id;
      if (!conversationId) throw new TypeError('An outgoing Direct Line activity needs a conversation');
      const timestamp = new Date(this.now()).toISOString();
      // Web Chat holds a reply back (for seconds) until it has seen the activity it replies to: a reply to what
      // the log never held (the join, an upload refused, a proactive turn) must not name one.
      const replyToId = activity.replyToId !== undefined && isLoggedIn(activity.replyToId, conversationId) ? activity.replyToId : undefined;
      const from = senderOf(activity);
      const envelope = (id: string) => ({ id, timestamp, from, replyToId });
      // A value shown once (a PIN) goes to the citizen's socket as sent and into the log hidden. A message with
      // nothing hidden is logged as it is: the log and the stream write it as JSON, which drops the marks and
      // undefined fields, so a JSON copy of it first (a reply's whole card, parsed and written once more) is not needed.
      const secrets = hasSecrets(activity);
      const asSent = secrets ? (id: string) => ({ ...toJson(activity), ...envelope(id) }) : undefined;
      const written = secrets ? forStorage(activity) : activity;
      const { activity: logged, seq } = await this.deps.log.append(conversationId, (id) => ({ ...written, ...envelope(id) }), asSent);
      this.deps.hub.publish(conversationId, asSent ? ({ ...asSent(logged.id), id: logged.id } as LoggedActivity) : logged, seq);
      return { id: logged.id };
    },
  };

  grant(userId: string, conversationId: string): ConversationGrant {
    return {
      conversationId,
      token: this.deps.signer.sign('conversation', { userId, conversationId }, TOKEN_LIFETIME_SECONDS),
      expires_in: TOKEN_LIFETIME_SECONDS,
    };
  }

  streamToken(userId: string, conversationId: string): string {
    return this.deps.signer.sign('stream', { userId, conversationId }, STREAM_TOKEN_LIFETIME_SECONDS);
  }

  fileToken(userId: string, conversationId: string, fileId: string): string {
    return this.deps.signer.sign('file', { userId, conversationId, fileId }, FILE_TOKEN_LIFETIME_SECONDS);
  }

  /**
   * Opens the conversation; the first time, the bot is told that the user joined (and greets them). The user
   * of an existing conversation cannot change. `serviceUrl`: the address the client reached the service at.
   */
  async start(conversationId: string, userId: string, locale?: string, serviceUrl = SERVICE_URL): Promise<{ created: boolean; owner: string }> {
    const { created, conversation } = await this.deps.log.open(conversationId, userId, locale);
    if (created) {
      await this.deps.adapter.processActivity(
        {
          type: 'conversationUpdate',
          id: `${conversationId}|join`,
          channelId: DIRECTLINE_CHANNEL,
          serviceUrl,
          timestamp: new Date(this.now()),
          ...(locale ? { locale } : {}),
          conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
          from: { id: userId, name: '', role: 'user' },
          recipient: { ...BOT_ACCOUNT },
          membersAdded: [{ ...BOT_ACCOUNT }, { id: userId, name: '', role: 'user' }],
        },
        this.deps.logic,
      );
    }
    return { created, owner: conversation.userId };
  }

  /**
   * A citizen's activity: logged first (so that every client of the conversation sees it, with its server id
   * and the client's own id), then handed to the bot. Resolves with the server id once the turn is done.
   * `serviceUrl`, the address the client reached the service at, is the turn's (links the bot makes use it,
   * lib/http/publicAddress.ts) and not the log's.
   */
  async receive(conversationId: string, userId: string, activity: Record<string, unknown>, serviceUrl = SERVICE_URL): Promise<string> {
    // The answer to a sensitive question is logged masked, and so echoed to the citizen's own client; the bot
    // gets it as typed (its privacy middleware masks it again for everything after the asking step).
    const typed = typeof activity.text === 'string' ? activity.text : undefined;
    const kept = typed === undefined ? undefined : redactAnswer(await this.deps.prompts.pending(conversationKey({ channelId: DIRECTLINE_CHANNEL, conversation: { id: conversationId } })), typed);
    const { activity: logged } = await this.appendAndPublish(conversationId, (id) => ({
      ...activity,
      ...(kept === undefined ? {} : { text: kept }),
      id,
      channelId: DIRECTLINE_CHANNEL,
      serviceUrl: 'directline',
      timestamp: new Date(this.now()).toISOString(),
      conversation: { id: conversationId },
      from: { id: userId, name: '', role: 'user' },
      recipient: { ...BOT_ACCOUNT },
    }));
    await this.deps.adapter.processActivity(
      { ...(logged as Partial<Activity>), ...(typed === undefined ? {} : { text: typed }), serviceUrl, timestamp: new Date(String(logged.timestamp)) },
      this.deps.logic,
    );
    return logged.id;
  }

  /**
   * Tells the bot of something the channel did in the conversation, which the citizen did not send (an upload
   * refused by a quota): an event turn, so the bot answers in the citizen's language, that is not logged.
   */
  async notify(conversationId: string, userId: string, event: { name: string; value: unknown; locale?: string }): Promise<void> {
    const at = this.now();
    await this.deps.adapter.processActivity(
      {
        type: 'event',
        name: event.name,
        value: event.value,
        id: `${conversationId}|${event.name}|${at}`,
        channelId: DIRECTLINE_CHANNEL,
        serviceUrl: 'directline',
        timestamp: new Date(at),
        ...(event.locale ? { locale: event.locale } : {}),
        conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
        from: { id: userId, name: '', role: 'user' },
        recipient: { ...BOT_ACCOUNT },
      },
      this.deps.logic,
    );
  }

  private async appendAndPublish(conversationId: string, build: (id: string) => Record<string, unknown>): Promise<{ activity: LoggedActivity }> {
    const { activity, seq } = await this.deps.log.append(conversationId, build);
    this.deps.hub.publish(conversationId, activity, seq);
    return { activity };
  }
}

/** Whether an id is that of an activity of the conversation's log (`<conversation>|0000042`). */
function isLoggedIn(id: string, conversationId: string): boolean {
  return id.startsWith(`${conversationId}|`) && /^\d{7}$/.test(id.slice(conversationId.length + 1));
}

/** Drops what JSON cannot carry (undefined, functions) and turns dates into ISO strings, as the wire would. */
function toJson(activity: Partial<Activity>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(activity)) as Record<string, unknown>;
}
