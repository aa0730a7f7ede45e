import type { TurnContext } from 'botbuilder';
import type { DirectLineLog, LoggedActivity } from '../lib/directline/log';
import { describeActivity, EARLIER_MESSAGES, type EarlierMessage, type EarlierMessagesSource } from './earlier';

/**
 * The earlier messages of a Web Chat conversation, read back from its Direct Line activity log, which holds every
 * activity already, masked as the privacy rules require (the answer to a sensitive question as the citizen's own
 * client sees it, a PIN shown once hidden). What the bot had: the citizen's messages and the bot's replies to them
 * (a reply names the message it answers). Not the welcome, events, or what was sent outside a citizen's turn (an
 * officer's reply, a status change: handoff/delivery.ts sends those as replies to nothing).
 */

/**
 * Activities read back, at most: a turn logs the citizen's message and the bot's replies to it (one to three),
 * so this holds the last EARLIER_MESSAGES messages with room to spare.
 */
const WINDOW = 200;

export class DirectLineHistory implements EarlierMessagesSource {
  constructor(private readonly log: DirectLineLog) {}

  async read(context: TurnContext, since: number | undefined): Promise<EarlierMessage[]> {
    const activities = await this.log.latest(context.activity.conversation.id, { limit: WINDOW, ...(since !== undefined ? { after: since } : {}) });
    const citizens = new Set<string>();
    const messages: EarlierMessage[] = [];
    for (const activity of activities) {
      if (activity.type !== 'message') continue;
      if (roleOf(activity) === 'user') {
        citizens.add(activity.id);
        messages.push({ speaker: 'citizen', at: timeOf(activity), ...describeActivity(activity) });
      } else if (typeof activity.replyToId === 'string' && citizens.has(activity.replyToId)) {
        messages.push({ speaker: 'bot', at: timeOf(activity), ...describeActivity(activity) });
      }
    }
    return messages.slice(-EARLIER_MESSAGES);
  }
}

function roleOf(activity: LoggedActivity): unknown {
  return (activity.from as { role?: unknown } | undefined)?.role;
}

/** When the activity was logged (the log stamps every one). */
function timeOf(activity: LoggedActivity): number {
  return Date.parse(String(activity.timestamp));
}
