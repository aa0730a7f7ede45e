import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import { conversationKey } from '../lib/conversationKey';
import type { Texts } from '../lib/content/texts';
import { botOwns } from '../lib/handoff/stateMachine';
import type { IntentRecognizer } from '../lib/intents/recognizer';
import { normalizeText } from '../lib/thai/text';
import type { EarlierMessages } from './earlier';
import { isSilenced } from './gateway';
import type { HandoffService } from './service';
import { textMessage } from '../cards/activity';

/**
 * The handoff gate in the turn pipeline. While a conversation waits for or is owned by an officer, the bot
 * stays silent: every citizen message (images and links included) goes to the officers, and a waiting citizen
 * is told where they stand. Otherwise the turn goes on to the bot; on a channel without a log of its own, the
 * turn's messages are kept in its memory, for a request for an officer in this very turn (handoff/earlier.ts).
 */
export class HandoffMiddleware implements Middleware {
  constructor(
    private readonly service: HandoffService,
    private readonly earlier: EarlierMessages,
    private readonly intents: IntentRecognizer,
    private readonly texts: Texts,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { activity } = context;
    if (activity.type !== ActivityTypes.Message) {
      await next();
      return;
    }
    const handoff = await this.service.get(conversationKey(activity));
    if (handoff && !botOwns(handoff.state)) {
      if (handoff.state === 'queued' && (await this.waitingAnswer(context, handoff))) return;
      // The words that leave any flow leave an officer's conversation too: nobody is trapped in one.
      if (handoff.state === 'live' && this.intents.command(activity.text, ['cancel', 'menu', 'startOver']) && (await this.service.leave(context, handoff))) return;
      await this.service.citizenMessage(context, handoff);
      return;
    }
    context.onSendActivities(async (turn, activities, send) => {
      if (isSilenced(turn)) {
        // The citizen was just queued: what the bot would add now is dropped (see silenceRestOfTurn).
        const kept = activities.filter((activity) => activity.type !== ActivityTypes.Message);
        activities.splice(0, activities.length, ...kept);
        if (kept.length === 0) return [];
      }
      return send();
    });
    // After the silencing above, so that what is dropped is not kept either.
    this.earlier.watch(context);
    await next();
  }

  /** While waiting, the citizen may cancel, or answer the offer to leave a question instead. */
  private async waitingAnswer(context: TurnContext, handoff: NonNullable<Awaited<ReturnType<HandoffService['get']>>>): Promise<boolean> {
    const text = context.activity.text ?? '';
    if (this.intents.is(text, 'cancel')) return this.service.withdraw(context, handoff);
    // "เมนู" while waiting: what is typed now is added to the request, and how to leave is said.
    if (this.intents.command(text, ['menu', 'startOver'])) {
      await context.sendActivity(textMessage(this.texts.get(handoff.lang, 'handoff.waiting.howToLeave'), [this.texts.get(handoff.lang, 'handoff.waiting.leave')]));
      return true;
    }
    const said = normalizeText(text);
    const is = (key: string) => said !== '' && (said === normalizeText(this.texts.get('th', key)) || said === normalizeText(this.texts.get('en', key)));
    if (handoff.kind === 'live' && is('handoff.offer.leave')) {
      await this.service.leaveQuestion(context, handoff);
      return true;
    }
    if (handoff.kind === 'live' && is('handoff.offer.wait')) {
      const position = await this.service.position(handoff);
      await context.sendActivity(textMessage(this.texts.get(handoff.lang, 'handoff.offer.waiting', { position })));
      return true;
    }
    return false;
  }
}
