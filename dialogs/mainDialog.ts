import { WaterfallDialog, type WaterfallStepContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { recognizeLanguageSwitch } from '../lib/i18n/language';
import { InterruptibleDialog } from './interruptibleDialog';
import type { DialogServices } from './services';

export const MAIN_DIALOG = 'mainDialog';
const MAIN_WATERFALL = 'mainWaterfall';

/**
 * The root dialog: every message that no active flow is waiting for starts here. It understands a language
 * choice and otherwise tells the citizen how to reach the centre.
 */
export class MainDialog extends InterruptibleDialog {
  constructor(services: DialogServices) {
    super(MAIN_DIALOG, services);
    this.addDialog(new WaterfallDialog(MAIN_WATERFALL, [this.answerStep.bind(this)]));
    this.initialDialogId = MAIN_WATERFALL;
  }

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { texts, language } = this.services;
    const chosen = recognizeLanguageSwitch(step.context.activity.text);
    if (chosen) {
      await language.choose(step.context, chosen);
      await step.context.sendActivity(texts.get(chosen, 'language.set'));
      return step.endDialog();
    }
    await step.context.sendActivity(texts.get(language.current(step.context), 'help.services'));
    return step.endDialog();
  }
}
