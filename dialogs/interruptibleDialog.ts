import { ActivityTypes } from 'botbuilder';
import { ComponentDialog, type DialogContext, type DialogTurnResult, Dialog } from 'botbuilder-dialogs';
import { recognizeLanguageSwitch } from '../lib/i18n/language';
import { type DialogServices, requireServices } from './services';

/**
 * Base of every flow: the things a citizen may say at any point are handled here, once, before the active
 * step sees the message. Today that is switching language ("English", "ภาษาไทย"): the switch is remembered
 * and the pending question is asked again in the new language.
 */
export abstract class InterruptibleDialog extends ComponentDialog {
  protected readonly services: DialogServices;

  protected constructor(dialogId: string, services: DialogServices) {
    super(dialogId);
    this.services = requireServices(services, dialogId);
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const interrupted = await this.interrupt(innerDc);
    return interrupted ?? super.onContinueDialog(innerDc);
  }

  private async interrupt(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const { activity } = innerDc.context;
    if (activity.type !== ActivityTypes.Message) return undefined;
    const lang = recognizeLanguageSwitch(activity.text);
    if (!lang) return undefined;
    await this.services.language.choose(innerDc.context, lang);
    await innerDc.context.sendActivity(this.services.texts.get(lang, 'language.set'));
    await innerDc.repromptDialog();
    return Dialog.EndOfTurn;
  }
}
