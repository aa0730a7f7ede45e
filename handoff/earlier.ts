import type { Activity, TurnContext } from 'botbuilder';
import { conversationKey } from '../lib/conversationKey';
import type { TranscriptAttachment, TranscriptMessage } from '../lib/handoff/transcript';
import { forStorage } from '../lib/privacy/marks';
import { transcriptAttachment } from './attachments';

/**
 * What an officer is shown of a conversation from before its handoff: the citizen's messages and the bot's answers
 * in the turns the bot had, so that the officer knows what the citizen was told. Nothing is written for it while
 * the bot talks: when the citizen asks for an officer, it is read from where the channel already keeps the
 * conversation (the Direct Line activity log) and copied into the officers' transcript. A channel without such a
 * log can give only what the turn of the request itself had (see TurnMessages).
 */

export type EarlierMessage = Omit<TranscriptMessage, '_id' | 'conversationKey'>;

/** How many earlier messages the officer is shown, at most, and how much of each one's text. */
export const EARLIER_MESSAGES = 30;
const MAX_TEXT = 1000;

/** Where a channel's earlier messages are read from. */
export interface EarlierMessagesSource {
  /**
   * The conversation's messages from turns the bot had, oldest first, at most EARLIER_MESSAGES; with `since` (the
   * end of the conversation's previous handoff, whose messages the transcript already holds), only later ones.
   */
  read(context: TurnContext, since: number | undefined): Promise<EarlierMessage[]>;
}

/** A source that must see each of the bot's turns as it happens, because its channel keeps no log to read back. */
export interface WatchingSource extends EarlierMessagesSource {
  watch(context: TurnContext): void;
}

/**
 * What an activity says, for the transcript: its text (bounded), or its card's plain-text fallback, and its files;
 * values the citizen was shown once (a PIN) hidden.
 */
export function describeActivity(sent: object): Pick<EarlierMessage, 'text' | 'attachments'> {
  const activity = forStorage(sent) as Partial<Activity>;
  const card = activity.attachments?.find((attachment) => attachment.contentType === 'application/vnd.microsoft.card.adaptive');
  const fallback = (card?.content as { fallbackText?: unknown } | undefined)?.fallbackText;
  const text = activity.text ?? (typeof fallback === 'string' ? fallback : undefined);
  const key = conversationKey(activity);
  const files: TranscriptAttachment[] = (activity.attachments ?? [])
    .filter((attachment) => attachment.contentType !== 'application/vnd.microsoft.card.adaptive' && typeof attachment.contentType === 'string')
    .map((attachment) => transcriptAttachment(key, attachment));
  return { ...(text !== undefined ? { text: text.slice(0, MAX_TEXT) } : {}), ...(files.length > 0 ? { attachments: files } : {}) };
}

/** The earlier messages of every channel: read from its log where it keeps one, otherwise from the request's turn. */
export class EarlierMessages {
  constructor(
    private readonly logged: Readonly<Record<string, EarlierMessagesSource>>,
    private readonly unlogged: WatchingSource,
  ) {}

  /** Called for each message turn the bot has: on a channel without a log, its messages are kept for the turn. */
  watch(context: TurnContext): void {
    if (!this.hasLog(context)) this.unlogged.watch(context);
  }

  read(context: TurnContext, since: number | undefined): Promise<EarlierMessage[]> {
    return (this.hasLog(context) ? this.logged[context.activity.channelId] : this.unlogged).read(context, since);
  }

  private hasLog(context: TurnContext): boolean {
    return Object.hasOwn(this.logged, context.activity.channelId);
  }
}
