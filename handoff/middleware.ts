import { ActivityTypes, type Middleware, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { conversationKey } from '../lib/conversationKey';
import type { Texts } from '../lib/content/texts';
import type { HandoffDocument } from '../lib/handoff/handoffs';
import { botOwns } from '../lib/handoff/stateMachine';
import { type Lang, recognizeLanguageSwitch } from '../lib/i18n/language';
import type { IntentRecognizer } from '../lib/intents/recognizer';
import { normalizeText } from '../lib/thai/text';
import type { EarlierMessages } from './earlier';
import { isSilenced } from './gateway';
import type { HandoffService } from './service';
import { textMessage } from '../cards/activity';

/** The conversation state property behind CitizenTurn.aside. */
export const QUESTION_ASIDE_PROPERTY = 'questionAside';

/** What the gate needs of the bot's side of the turn. */
export interface CitizenTurn {
  /** The language settled for this turn (bot/language.ts): replies follow a switch made since the request. */
  language(context: TurnContext): Lang;
  /**
   * What a message typed where free words are taken is, if it is a request in its own right: decided by the
   * root dialog with the rule of its free-text fields (dialogs/interruptibleDialog.ts, typedRequest).
   */
  typedRequest(context: TurnContext): 'file' | 'track' | 'officer' | 'faq' | 'question' | undefined;
  /**
   * Conversation state: the citizen went on with the bot while their question waits for officers. Kept until the
   * question is no longer waiting, so that the flow they began is not cut off by the gate at its next answer.
   */
  aside: StatePropertyAccessor<boolean>;
}

/**
 * The handoff gate in the turn pipeline. While a conversation waits for or is owned by an officer, the bot
 * stays silent: every citizen message (images and links included) goes to the officers, and a waiting citizen
 * is told where they stand. Otherwise the turn goes on to the bot; on a channel without a log of its own, the
 * turn's messages are kept in its memory, for a request for an officer in this very turn (handoff/earlier.ts).
 *
 * A question left for officers is not a live chat: while it waits, a clear request ("ติดตามเรื่อง", "how do I
 * track my complaint") or a language switch goes to the bot, and the question stays in the queue; what else the
 * citizen writes is taken as more of their question.
 */
export class HandoffMiddleware implements Middleware {
  constructor(
    private readonly service: HandoffService,
    private readonly earlier: EarlierMessages,
    private readonly intents: IntentRecognizer,
    private readonly texts: Texts,
    private readonly citizen: CitizenTurn,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { activity } = context;
    if (activity.type !== ActivityTypes.Message) {
      await next();
      return;
    }
    const stored = await this.service.get(conversationKey(activity));
    // Replies in this turn are in the turn's language: the citizen may have switched since asking.
    const handoff = stored ? { ...stored, lang: this.citizen.language(context) } : null;
    if (handoff && !botOwns(handoff.state)) {
      if (handoff.state === 'queued' && handoff.kind === 'question' && (await this.goesToBot(context, handoff))) {
        await this.toBot(context, next);
        return;
      }
      if (handoff.state === 'queued' && (await this.waitingAnswer(context, handoff))) return;
      // The words that leave any flow leave an officer's conversation too: nobody is trapped in one.
      if (handoff.state === 'live' && this.intents.command(activity.text, ['cancel', 'menu', 'startOver']) && (await this.service.leave(context, handoff))) return;
      await this.service.citizenMessage(context, handoff);
      return;
    }
    // Gone back to the bot: a question left later starts afresh.
    if (handoff && (await this.citizen.aside.get(context, false))) await this.citizen.aside.delete(context);
    await this.toBot(context, next);
  }

  /**
   * Whether a message while a question waits is for the bot: the citizen already went on with the bot, or it is a
   * language switch or a clear request (not a request for an officer, which is what they already have; not the
   * words that withdraw the question or ask how to leave, answered by the gate). The first time, the citizen is
   * told that their question stays.
   */
  private async goesToBot(context: TurnContext, handoff: HandoffDocument): Promise<boolean> {
    if (await this.citizen.aside.get(context, false)) return true;
    const text = context.activity.text ?? '';
    if (this.intents.command(text, ['cancel', 'menu', 'startOver'])) return false;
    const request = this.citizen.typedRequest(context);
    if (!recognizeLanguageSwitch(text) && (request === undefined || request === 'officer')) return false;
    await this.citizen.aside.set(context, true);
    await context.sendActivity(textMessage(this.texts.get(recognizeLanguageSwitch(text) ?? handoff.lang, 'handoff.question.kept')));
    return true;
  }

  private async toBot(context: TurnContext, next: () => Promise<void>): Promise<void> {
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
