import type { Activity, ConversationReference } from 'botbuilder';
import { describeErrorForLog } from '../lib/errors';
import type { Logger } from '../lib/logger';

/**
 * Proactive delivery: what an officer writes reaches the citizen on their own channel, outside any turn the
 * citizen started, through `continueConversationAsync` and the same connectors the bot replies with. On Web
 * Chat the message is logged, so a citizen who closed the page sees it when they come back.
 *
 * The activities keep their marks on the way (the officer who wrote a reply, lib/handoff/author.ts; values shown
 * once, lib/privacy/marks.ts): the turn copies each activity with Object.assign, which keeps symbol keys, and the
 * connector reads them.
 */

export interface ProactiveAdapter {
  continueConversationAsync(
    botAppId: string,
    reference: Partial<ConversationReference>,
    logic: (context: { sendActivity(activity: Partial<Activity>): Promise<unknown> }) => Promise<void>,
  ): Promise<void>;
}

export type DeliveryOutcome = { delivered: true } | { delivered: false; failure: string };

export class Deliverer {
  constructor(private readonly adapter: ProactiveAdapter, private readonly logger: Logger) {}

  /** Sends the activities in order; a failure is reported by code, never thrown, so nothing is silently lost. */
  async deliver(reference: Record<string, unknown>, activities: ReadonlyArray<Partial<Activity>>): Promise<DeliveryOutcome> {
    // Errors inside a turn go to the adapter's turn error handler, not to us: the logic catches its own.
    let failure: unknown;
    try {
      // Without the id of the message the reference was taken from: what is sent now replies to nothing the citizen
      // said (botbuilder would name that message as the one answered), so that a channel's log tells these
      // messages from the bot's replies in a citizen's turn (handoff/directLineHistory.ts).
      const { activityId: _answered, ...unanswered } = reference as Partial<ConversationReference>;
      await this.adapter.continueConversationAsync('', unanswered, async (context) => {
        try {
          for (const activity of activities) await context.sendActivity(activity);
        } catch (error) {
          failure = error;
        }
      });
    } catch (error) {
      failure = error;
    }
    if (failure === undefined) return { delivered: true };
    const described = describeErrorForLog(failure);
    this.logger.warn({ err: described }, 'proactive delivery failed');
    return { delivered: false, failure: String(described.code ?? described.name ?? 'unknown') };
  }
}
