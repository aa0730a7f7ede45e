import { ActivityTypes, type TurnContext } from 'botbuilder';
import { ComponentDialog, type DialogContext, type DialogTurnResult, Dialog, DialogTurnStatus } from 'botbuilder-dialogs';
import { cardMessage, textMessage } from '../cards/activity';
import { menuCard, menuLabel, MENU_ITEMS } from '../cards/menu';
import { QUESTION_VALUE_KEY, STEP_VALUE_KEY, valueOf } from '../cards/valueActions';
import { recognizeLanguageSwitch } from '../lib/i18n/language';
import { type Readiness, recognizeRequest, type Request } from '../lib/intents/requests';
import { normalizeText } from '../lib/thai/text';
import { type AnswerPress, FaqAnswers } from './faqAnswers';
import { type PendingQuestion, pendingQuestion } from './prompts/pendingQuestion';
import { type DialogServices, requireServices, translator } from './services';

/** What a citizen can ask for. The flows are the root's; this base only knows what each is for. */
export type FlowRequest =
  | { flow: 'file'; categoryId?: string }
  | { flow: 'track'; number?: string }
  | { flow: 'faq'; question?: string }
  | { flow: 'officer'; reason?: string };

/** How the root's first dialog is begun again by "start over": with the flow to begin at once. */
export interface RootStart {
  restart?: string;
}

/** A flow left alone this long greets the citizen on return and offers to continue or start over. */
export const RESUME_AFTER_MS = 30 * 60 * 1000;

interface RootState {
  lastActivityAt?: number;
  awaitingResume?: boolean;
}

/** What a flow tells the root about itself, for the resume question. */
export interface ResumableFlow {
  /** A short description of the work in progress ("the broken road"), or undefined when nothing is worth resuming. */
  describeProgress(instanceState: unknown, lang: 'th' | 'en'): string | undefined;
}

/** How a request reached the root: typed words, or a button pressed for it. */
type Asked = 'typed' | 'pressed';

/**
 * Base of the root dialog: what a citizen may say at any point is handled here, once, before the active
 * flow sees the message — switching language, cancel, menu, help, officer, start over, the main menu's own
 * buttons, and the buttons of answers (feedback, next steps), whenever they are pressed.
 *
 * No question traps a citizen. A message that is not an answer to the pending question is taken for what it
 * is: a request for another flow (begun on top of a complaint being filed, whose draft waits; in place of any
 * other flow), or a question, answered before the pending question is asked again. How readily a message
 * counts as a request depends on the question (see AnswerKind): at a choice, anything that is not an option;
 * in a free-text field (a title, a description), only commands and a clear request for a human. A button from
 * an older card says that its step is done and asks the current question again. A citizen returning to a flow
 * after a long silence is asked whether to continue.
 */
export abstract class InterruptibleDialog extends ComponentDialog {
  protected readonly services: DialogServices;
  protected readonly answers: FaqAnswers;

  protected constructor(dialogId: string, services: DialogServices) {
    super(dialogId);
    this.services = requireServices(services, dialogId);
    this.answers = new FaqAnswers(this.services);
  }

  /** The dialog (and its options) that serves a request; the subclass knows the flows. */
  protected abstract flowDialog(request: FlowRequest): { id: string; options?: object };

  /** The flows that can be resumed, by dialog id. */
  protected abstract resumableFlows(): ReadonlyMap<string, ResumableFlow>;

  protected beginFlow(dc: DialogContext, request: FlowRequest): Promise<DialogTurnResult> {
    const { id, options } = this.flowDialog(request);
    return dc.beginDialog(id, options);
  }

  protected override async onBeginDialog(innerDc: DialogContext, options?: object): Promise<DialogTurnResult> {
    // Buttons of earlier answers and cards work with nothing in progress too.
    if (innerDc.context.activity.type === ActivityTypes.Message) {
      const pressed = await this.pressed(innerDc, undefined);
      if (pressed) return pressed;
    }
    return super.onBeginDialog(innerDc, options);
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    if (innerDc.context.activity.type !== ActivityTypes.Message) return super.onContinueDialog(innerDc);
    const state = (innerDc.parent?.activeDialog?.state ?? {}) as RootState;
    const now = this.services.now();
    const resumed = await this.resume(innerDc, state, now);
    state.lastActivityAt = now;
    if (resumed) return resumed;
    return (await this.interrupt(innerDc, state)) ?? super.onContinueDialog(innerDc);
  }

  private async resume(innerDc: DialogContext, state: RootState, now: number): Promise<DialogTurnResult | undefined> {
    const text = innerDc.context.activity.text ?? '';
    const lang = this.services.language.current(innerDc.context);
    const t = translator(this.services, innerDc.context);
    if (state.awaitingResume) {
      state.awaitingResume = false;
      const said = normalizeText(text);
      const is = (key: string) => said === normalizeText(this.services.texts.get('th', key)) || said === normalizeText(this.services.texts.get('en', key));
      if (is('resume.continue')) {
        await innerDc.repromptDialog();
        return Dialog.EndOfTurn;
      }
      if (is('resume.startOver')) return this.startOver(innerDc);
      // A greeting while the draft waits is not its answer: it gets the menu again, the draft still kept.
      if (this.services.intents.command(text, ['greeting']) === 'greeting') {
        const kept = await this.showMenuKeepingDraft(innerDc, state);
        if (kept) return kept;
      }
      // Anything else is taken as it comes: an answer to the pending question, or a command.
      return undefined;
    }
    const active = innerDc.activeDialog;
    const flow = active ? this.resumableFlows().get(active.id) : undefined;
    if (!active || !flow || state.lastActivityAt === undefined || now - state.lastActivityAt < RESUME_AFTER_MS) return undefined;
    const about = flow.describeProgress(active.state, lang);
    if (about === undefined) return undefined;
    state.awaitingResume = true;
    await innerDc.context.sendActivity(
      textMessage(t('resume.prompt', { about: about || t('resume.aboutUntitled') }), [t('resume.continue'), t('resume.startOver'), t('complaint.summary.cancel')]),
    );
    return Dialog.EndOfTurn;
  }

  /** A complaint under way is not thrown away for a look at the menu: it waits, as after a long silence. */
  private async showMenuKeepingDraft(innerDc: DialogContext, state: RootState): Promise<DialogTurnResult | undefined> {
    const { context } = innerDc;
    const lang = this.services.language.current(context);
    const t = translator(this.services, context);
    const active = innerDc.activeDialog;
    const about = active ? this.resumableFlows().get(active.id)?.describeProgress(active.state, lang) : undefined;
    if (about === undefined) return undefined;
    state.awaitingResume = true;
    await context.sendActivity(cardMessage(menuCard(lang, t)));
    await context.sendActivity(
      textMessage(t('menu.draftKept', { about: about || t('resume.aboutUntitled') }), [t('resume.continue'), t('resume.startOver'), t('complaint.summary.cancel')]),
    );
    return Dialog.EndOfTurn;
  }

  private async interrupt(innerDc: DialogContext, state: RootState): Promise<DialogTurnResult | undefined> {
    const { context } = innerDc;
    const text = context.activity.text;
    const lang = recognizeLanguageSwitch(text);
    if (lang) {
      await this.services.language.choose(context, lang);
      await context.sendActivity(textMessage(this.services.texts.get(lang, 'language.set')));
      await innerDc.repromptDialog();
      return Dialog.EndOfTurn;
    }
    const t = translator(this.services, context);
    switch (this.services.intents.command(text, ['cancel', 'menu', 'help', 'officer', 'startOver'])) {
      case 'cancel':
        await innerDc.cancelAllDialogs();
        await context.sendActivity(textMessage(t('cancel.done'), MENU_ITEMS.map((item) => menuLabel(item, t))));
        return { status: DialogTurnStatus.complete };
      case 'menu': {
        const kept = await this.showMenuKeepingDraft(innerDc, state);
        if (kept) return kept;
        await innerDc.cancelAllDialogs();
        await context.sendActivity(cardMessage(menuCard(this.services.language.current(context), t)));
        return { status: DialogTurnStatus.complete };
      }
      case 'help':
        await context.sendActivity(textMessage(t('help.general')));
        await innerDc.repromptDialog();
        return Dialog.EndOfTurn;
      case 'officer':
        // On top of a complaint being filed: when the officer is done, the draft is still there.
        return this.request(innerDc, { flow: 'officer' }, 'pressed');
      case 'startOver':
        return this.startOver(innerDc);
      default:
        break;
    }
    const pending = pendingQuestion(innerDc);
    const pressed = await this.pressed(innerDc, pending);
    if (pressed) return pressed;
    // The main menu's buttons work from anywhere, an old menu card's included.
    const item = this.menuItem(text);
    if (item) return this.request(innerDc, { flow: item }, 'pressed');
    return this.requestInstead(innerDc, pending);
  }

  /**
   * Buttons that carry a value: an answer's feedback and next steps, a question the bank offered, and any
   * button of an older card, which says its step is done (unless its words are a request, taken as such).
   */
  private async pressed(innerDc: DialogContext, pending: PendingQuestion | undefined): Promise<DialogTurnResult | undefined> {
    const { context } = innerDc;
    const value = valueOf(context.activity);
    if (!value) return undefined;
    const press = this.answers.readPress(value);
    if (press) return this.answerPress(innerDc, press);
    const step = value[STEP_VALUE_KEY];
    if (typeof step !== 'string' || step === pending?.askId) return undefined;
    // The same question asked again (after "not found", say): its earlier card's buttons still answer it.
    if (pending && value[QUESTION_VALUE_KEY] === pending.questionId && (await pending.prompt.takes(context, pending.options))) return undefined;
    const text = context.activity.text ?? '';
    if (this.menuItem(text) || this.recognize(context, text, 'explicit')) return undefined;
    const t = translator(this.services, context);
    if (!innerDc.activeDialog) {
      await context.sendActivity(textMessage(t('flow.staleIdle'), MENU_ITEMS.map((item) => menuLabel(item, t))));
      return { status: DialogTurnStatus.complete };
    }
    await context.sendActivity(textMessage(t('flow.stale')));
    await innerDc.repromptDialog();
    return Dialog.EndOfTurn;
  }

  private async answerPress(innerDc: DialogContext, press: AnswerPress): Promise<DialogTurnResult | undefined> {
    const { context } = innerDc;
    switch (press.kind) {
      case 'feedback':
        await this.answers.recordFeedback(context, press);
        return this.backToQuestion(innerDc, false);
      case 'entry': {
        const entry = this.answers.entry(press.entryId);
        if (entry) await this.answers.answerEntry(context, entry);
        return this.backToQuestion(innerDc, true);
      }
      case 'next':
        switch (press.flow) {
          case 'file':
            return this.request(innerDc, { flow: 'file', ...(press.categoryId ? { categoryId: press.categoryId } : {}) }, 'pressed');
          case 'officer': {
            // Officers see which answer the citizen read before asking for them.
            const entry = press.entryId ? this.answers.entry(press.entryId) : undefined;
            const reason = entry?.questions[this.services.language.current(context)][0];
            return this.request(innerDc, { flow: 'officer', ...(reason ? { reason } : {}) }, 'pressed');
          }
          case 'faq':
            return this.request(innerDc, { flow: 'faq' }, 'pressed');
        }
    }
  }

  /** A message that does not answer the pending question, taken as the request or question it is. */
  private async requestInstead(innerDc: DialogContext, pending: PendingQuestion | undefined): Promise<DialogTurnResult | undefined> {
    const { context } = innerDc;
    const text = context.activity.text ?? '';
    const human = (): Promise<DialogTurnResult | undefined> => this.request(innerDc, { flow: 'officer', reason: text }, 'typed');
    // Waiting on something other than a question of ours (photos): only a clear request for a human.
    if (!pending) return this.services.intents.asksForHuman(text) ? human() : undefined;
    if (pending.kind === 'sensitive') return undefined;
    if (await pending.prompt.takes(context, pending.options)) {
      // A valid answer; in a free-text field, only a clear request for a human outranks it.
      return pending.kind === 'field' && this.services.intents.asksForHuman(text) ? human() : undefined;
    }
    const found = this.recognize(context, text, pending.kind === 'search' ? 'explicit' : 'any');
    if (!found) return this.services.intents.asksForHuman(text) ? human() : undefined;
    switch (found.kind) {
      case 'question': {
        // The question flow takes questions at its own prompt.
        if (innerDc.activeDialog?.id === this.flowDialog({ flow: 'faq' }).id) return undefined;
        await this.answers.respond(context, text);
        return this.backToQuestion(innerDc, true);
      }
      case 'faq':
        return this.request(innerDc, { flow: 'faq' }, 'typed');
      case 'file':
        return this.request(innerDc, { flow: 'file', ...(found.categoryId ? { categoryId: found.categoryId } : {}) }, 'typed');
      case 'track':
        return this.request(innerDc, { flow: 'track', ...(found.number ? { number: found.number } : {}) }, 'typed');
      case 'officer':
        return human();
    }
  }

  /**
   * Starts the flow a request is for. A complaint being filed stays underneath, its draft intact, and its
   * question is asked again when the new flow ends; any other flow is replaced. Typed words for the flow already
   * under way are left to its question; a button pressed for it asks that question again.
   */
  private async request(innerDc: DialogContext, request: FlowRequest, asked: Asked): Promise<DialogTurnResult | undefined> {
    const { id, options } = this.flowDialog(request);
    const top = innerDc.activeDialog?.id;
    if (!top) return innerDc.beginDialog(id, options);
    if (top === id) {
      if (asked === 'typed') return undefined;
      await innerDc.repromptDialog();
      return Dialog.EndOfTurn;
    }
    // The flow asked for waits underneath (a complaint under a question about tracking): back to it.
    if (innerDc.stack.some((instance) => instance.id === id)) return innerDc.endDialog();
    if (this.resumableFlows().has(top)) return innerDc.beginDialog(id, options);
    return innerDc.replaceDialog(id, options);
  }

  /** After an answer given on the side: the question that was pending is asked again, if there is one. */
  private async backToQuestion(innerDc: DialogContext, withLeadIn: boolean): Promise<DialogTurnResult> {
    if (!innerDc.activeDialog) return { status: DialogTurnStatus.complete };
    if (withLeadIn) await innerDc.context.sendActivity(textMessage(translator(this.services, innerDc.context)('flow.back')));
    await innerDc.repromptDialog();
    return Dialog.EndOfTurn;
  }

  /**
   * What a message typed where any words are taken (a question being left for officers) is, if it is a request in
   * its own right: by the rule of the free-text fields that take free words (the question field, a place to
   * search for): words that name a flow, a tracking number, or a question answered with confidence.
   */
  typedRequest(context: TurnContext): Request['kind'] | undefined {
    return this.recognize(context, context.activity.text ?? '', 'explicit')?.kind;
  }

  private recognize(context: TurnContext, text: string, readiness: Readiness): Request | undefined {
    const lang = this.services.language.current(context);
    return recognizeRequest(text, this.services.intents, (question) => this.answers.answerability(question, lang), readiness);
  }

  /** A pressed menu button (or its text typed out), in either language. */
  private menuItem(text: string | undefined): 'file' | 'track' | 'faq' | undefined {
    const normalized = normalizeText(text ?? '');
    if (normalized === '') return undefined;
    return (['file', 'track', 'faq'] as const).find((item) =>
      [this.services.texts.get('th', `menu.${item}`), this.services.texts.get('en', `menu.${item}`)].map(normalizeText).includes(normalized),
    );
  }

  private async startOver(innerDc: DialogContext): Promise<DialogTurnResult> {
    const activeId = innerDc.activeDialog?.id;
    await innerDc.cancelAllDialogs();
    if (!activeId || !this.resumableFlows().has(activeId)) return { status: DialogTurnStatus.complete };
    // The flow begins again under the root's own first dialog, so that its end is followed as any flow's is
    // ("anything else?" after a receipt), not left with nothing beneath it.
    return innerDc.beginDialog(this.initialDialogId, { restart: activeId } satisfies RootStart);
  }
}
