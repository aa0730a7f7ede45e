import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import { privacyMarkOf, SENSITIVE_ANSWER } from '../lib/privacy/marks';
import { redactAnswer, type SensitiveInput } from '../lib/privacy/sensitiveInput';
import type { SensitivePrompts } from '../lib/privacy/sensitivePrompts';
import { conversationKey } from './adapter';

/**
 * First in the turn pipeline, so that nothing after it keeps personal data it was not meant to. A citizen's
 * message is masked in the activity itself (the answer to a sensitive question, or a national ID typed
 * anywhere), and the answer as typed is left in turn state for the one step that asked for it. As the bot
 * sends, the sensitive question it asks (if any) is recorded before the citizen can see it, so that the
 * channel writes the answer down masked too.
 */
export class PrivacyMiddleware implements Middleware {
  constructor(private readonly prompts: SensitivePrompts) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { activity } = context;
    const key = conversationKey(activity);
    if (activity.type === ActivityTypes.Message && typeof activity.text === 'string') {
      const kept = redactAnswer(await this.prompts.pending(key), activity.text);
      if (kept !== activity.text) {
        context.turnState.set(SENSITIVE_ANSWER, activity.text);
        activity.text = kept;
      }
    }
    // Only a turn the citizen started can ask them something; a proactive message (an officer's reply, a
    // status change) arriving while a question is open leaves it open.
    if (activity.type === ActivityTypes.Message || activity.type === ActivityTypes.ConversationUpdate) {
      context.onSendActivities(async (_turn, activities, send) => {
        const messages = activities.filter((sent) => sent.type === ActivityTypes.Message);
        if (messages.length > 0) {
          const asking: SensitiveInput | undefined = privacyMarkOf(messages[messages.length - 1])?.expects;
          await this.prompts.asked(key, asking);
        }
        return send();
      });
    }
    await next();
  }
}
