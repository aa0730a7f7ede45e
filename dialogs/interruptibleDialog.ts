import { ActivityTypes } from 'botbuilder';
import { ComponentDialog, type DialogContext, type DialogTurnResult, Dialog, DialogTurnStatus } from 'botbuilder-dialogs';
import { cardMessage, textMessage } from '../cards/activity';
import { menuCard, menuLabel, MENU_ITEMS } from '../cards/menu';
import { recognizeLanguageSwitch } from '../lib/i18n/language';
import { normalizeText } from '../lib/thai/text';
import { type DialogServices, requireServices, translator } from './services';

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

/**
 * Base of the root dialog: what a citizen may say at any point is handled here, once, before the active
 * flow sees the message — switching language, cancel, menu, help, officer, start over, and the main menu's
 * own buttons. A citizen returning to a flow after a long silence is asked whether to continue.
 */
export abstract class InterruptibleDialog extends ComponentDialog {
  protected readonly services: DialogServices;

  protected constructor(dialogId: string, services: DialogServices) {
    super(dialogId);
    this.services = requireServices(services, dialogId);
  }

  /** Begins a flow chosen from the menu or by free text; the subclass knows the flows. */
  protected abstract beginFlow(dc: DialogContext, flow: 'file' | 'track' | 'faq' | 'officer'): Promise<DialogTurnResult>;

  /** The flows that can be resumed, by dialog id. */
  protected abstract resumableFlows(): ReadonlyMap<string, ResumableFlow>;

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    if (innerDc.context.activity.type !== ActivityTypes.Message) return super.onContinueDialog(innerDc);
    const state = (innerDc.parent?.activeDialog?.state ?? {}) as RootState;
    const now = this.services.now();
    const resumed = await this.resume(innerDc, state, now);
    state.lastActivityAt = now;
    if (resumed) return resumed;
    return (await this.interrupt(innerDc)) ?? super.onContinueDialog(innerDc);
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

  private async interrupt(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
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
      case 'menu':
        await innerDc.cancelAllDialogs();
        await context.sendActivity(cardMessage(menuCard(this.services.language.current(context), t)));
        return { status: DialogTurnStatus.complete };
      case 'help':
        await context.sendActivity(textMessage(t('help.general')));
        await innerDc.repromptDialog();
        return Dialog.EndOfTurn;
      case 'officer':
        // On top of the flow: when the officer is done, the flow (a half-filed complaint) is still there.
        return this.beginFlow(innerDc, 'officer');
      case 'startOver':
        return this.startOver(innerDc);
      default:
        break;
    }
    // The main menu's buttons work from anywhere: an old menu card pressed mid-flow switches flows.
    const normalized = normalizeText(text ?? '');
    for (const item of ['file', 'track', 'faq'] as const) {
      const labels = [this.services.texts.get('th', `menu.${item}`), this.services.texts.get('en', `menu.${item}`)].map(normalizeText);
      if (normalized !== '' && labels.includes(normalized)) {
        const abandoning = innerDc.activeDialog && this.resumableFlows().has(innerDc.activeDialog.id);
        await innerDc.cancelAllDialogs();
        if (abandoning) await context.sendActivity(textMessage(t('cancel.done')));
        return this.beginFlow(innerDc, item);
      }
    }
    return undefined;
  }

  private async startOver(innerDc: DialogContext): Promise<DialogTurnResult> {
    const activeId = innerDc.activeDialog?.id;
    await innerDc.cancelAllDialogs();
    return activeId && this.resumableFlows().has(activeId) ? innerDc.beginDialog(activeId) : { status: DialogTurnStatus.complete };
  }
}
