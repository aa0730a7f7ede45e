import type { Activity, ConversationState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import { conversationKey } from '../lib/conversationKey';
import type { TranscriptAttachment, TranscriptMessage } from '../lib/handoff/transcript';
import { forStorage } from '../lib/privacy/marks';
import { transcriptAttachment } from './attachments';

/**
 * The last messages of a conversation with the bot, kept in conversation state (which is saved every turn
 * anyway) rather than written to the transcript one by one: only when the citizen asks for an officer are
 * they copied into the officers' transcript, so that the officer sees what the bot already said.
 */

export type RecentMessage = Omit<TranscriptMessage, '_id' | 'conversationKey'>;

const KEEP = 30;
const MAX_TEXT = 1000;

export class RecentMessages {
  readonly accessor: StatePropertyAccessor<RecentMessage[]>;

  constructor(conversationState: ConversationState, private readonly now: () => number = Date.now) {
    this.accessor = conversationState.createProperty<RecentMessage[]>('recentMessages');
  }

  async read(context: TurnContext): Promise<RecentMessage[]> {
    return [...(await this.accessor.get(context, []))];
  }

  async add(context: TurnContext, message: Omit<RecentMessage, 'at'>): Promise<void> {
    const list = await this.accessor.get(context, []);
    list.push({ ...message, at: this.now(), ...(message.text !== undefined ? { text: message.text.slice(0, MAX_TEXT) } : {}) });
    if (list.length > KEEP) list.splice(0, list.length - KEEP);
    await this.accessor.set(context, list);
  }

  /**
   * What an activity says, for the transcript: its text, or its card's plain-text fallback, and its files;
   * values the citizen was shown once (a PIN) are hidden.
   */
  static describe(sent: Partial<Activity>): { text?: string; attachments?: TranscriptAttachment[] } {
    const activity = forStorage(sent) as Partial<Activity>;
    const card = activity.attachments?.find((attachment) => attachment.contentType === 'application/vnd.microsoft.card.adaptive');
    const fallback = (card?.content as { fallbackText?: unknown } | undefined)?.fallbackText;
    const text = activity.text ?? (typeof fallback === 'string' ? fallback : undefined);
    const key = conversationKey(activity);
    const files = (activity.attachments ?? [])
      .filter((attachment) => attachment.contentType !== 'application/vnd.microsoft.card.adaptive' && typeof attachment.contentType === 'string')
      .map((attachment) => transcriptAttachment(key, attachment));
    return { ...(text !== undefined ? { text } : {}), ...(files.length > 0 ? { attachments: files } : {}) };
  }
}
