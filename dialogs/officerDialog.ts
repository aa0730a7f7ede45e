import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { textMessage } from '../cards/activity';
import { type DialogServices, requireServices, translator } from './services';

export const OFFICER_DIALOG = 'officer';

/**
 * "Talk to an officer". Until live handoff is in place, the citizen is told plainly how to reach an officer
 * now: the 1567 hotline, day and night, or a centre in office hours.
 */
export class OfficerDialog extends Dialog {
  private readonly services: DialogServices;

  constructor(services: DialogServices) {
    super(OFFICER_DIALOG);
    this.services = requireServices(services, OFFICER_DIALOG);
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    await dc.context.sendActivity(textMessage(translator(this.services, dc.context)('officer.unavailable')));
    return dc.endDialog();
  }
}
