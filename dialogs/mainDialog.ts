import { type DialogTurnResult, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { cardMessage, textMessage } from '../cards/activity';
import { menuCard, menuLabel, MENU_ITEMS } from '../cards/menu';
import { describesProblem } from '../lib/complaints/opening';
import { recognizeLanguageSwitch } from '../lib/i18n/language';
import { likeliestFlows } from '../lib/intents/likeliest';
import { normalizeText } from '../lib/thai/text';
import { FaqDialog, FAQ_DIALOG, type FaqOptions, offeredNextSteps } from './faqDialog';
import { FileComplaintDialog, FILE_COMPLAINT_DIALOG, type FileComplaintOptions } from './fileComplaintDialog';
import { type FlowRequest, InterruptibleDialog, type ResumableFlow, type RootStart } from './interruptibleDialog';
import { OfficerDialog, OFFICER_DIALOG, type OfficerOptions } from './officerDialog';
import { bilingual, type DialogServices, translator } from './services';
import { TrackDialog, TRACK_DIALOG, type TrackOptions } from './trackDialog';

export const MAIN_DIALOG = 'mainDialog';
const MAIN_WATERFALL = 'mainWaterfall';

/**
 * The root dialog: every message that no flow is waiting for starts here and is routed — a menu choice, a
 * tracking number, a sentence that names what the citizen wants ("อยากร้องเรียนเรื่องถนนพัง"), a question the
 * bank can answer — or answered with the menu. When a flow ends, the citizen is asked if there is anything else.
 */
export class MainDialog extends InterruptibleDialog {
  private readonly fileComplaint: FileComplaintDialog;

  constructor(services: DialogServices) {
    super(MAIN_DIALOG, services);
    this.fileComplaint = new FileComplaintDialog(services);
    this.addDialog(new WaterfallDialog(MAIN_WATERFALL, [this.routeStep.bind(this), this.afterFlowStep.bind(this)]));
    this.addDialog(this.fileComplaint);
    this.addDialog(new TrackDialog(services));
    this.addDialog(new FaqDialog(services));
    this.addDialog(new OfficerDialog(services));
    this.initialDialogId = MAIN_WATERFALL;
  }

  protected resumableFlows(): ReadonlyMap<string, ResumableFlow> {
    return new Map([[FILE_COMPLAINT_DIALOG, this.fileComplaint]]);
  }

  protected flowDialog(request: FlowRequest): { id: string; options?: object } {
    switch (request.flow) {
      case 'file':
        return { id: FILE_COMPLAINT_DIALOG, options: { categoryId: request.categoryId } satisfies FileComplaintOptions };
      case 'track':
        return { id: TRACK_DIALOG, options: { number: request.number } satisfies TrackOptions };
      case 'faq':
        return { id: FAQ_DIALOG, options: { question: request.question } satisfies FaqOptions };
      case 'officer':
        return { id: OFFICER_DIALOG, options: { reason: request.reason } satisfies OfficerOptions };
    }
  }

  private async routeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { context } = step;
    const restart = (step.options as RootStart | undefined)?.restart;
    if (restart) return step.beginDialog(restart);
    const text = (context.activity.text ?? '').trim();
    const t = translator(this.services, context);
    const lang = recognizeLanguageSwitch(text);
    if (lang) {
      await this.services.language.choose(context, lang);
      await context.sendActivity(textMessage(this.services.texts.get(lang, 'language.set')));
      return this.showMenu(step);
    }
    // Commands with nothing in progress: said plainly, then the menu.
    const command = this.services.intents.command(text, ['cancel', 'help', 'startOver']);
    if (command === 'cancel' || command === 'startOver') return this.showMenu(step, t('cancel.nothing'));
    if (command === 'help') return this.showMenu(step, t('help.general'));

    const menuChoice = this.menuChoice(text);
    if (menuChoice === 'language') {
      const other = this.services.language.current(context) === 'th' ? 'en' : 'th';
      await this.services.language.choose(context, other);
      await context.sendActivity(textMessage(this.services.texts.get(other, 'language.set')));
      return this.showMenu(step);
    }
    if (menuChoice) return this.beginFlow(step, { flow: menuChoice });

    const route = this.services.intents.route(text);
    // "ร้องเรียนต้องเสียเงินไหม" names filing but asks about it: the question bank answers first, if it can.
    if ((route.kind === 'file' || (route.kind === 'track' && !route.number)) && this.services.intents.isQuestion(text)) {
      if (this.answers.answerability(text, this.services.language.current(context)) !== 'none') return step.beginDialog(FAQ_DIALOG, { question: text } satisfies FaqOptions);
    }
    switch (route.kind) {
      case 'file':
        return step.beginDialog(FILE_COMPLAINT_DIALOG, { categoryId: route.categoryId, opening: text } satisfies FileComplaintOptions);
      case 'track':
        return step.beginDialog(TRACK_DIALOG, { number: route.number } satisfies TrackOptions);
      case 'faq':
        return step.beginDialog(FAQ_DIALOG);
      case 'officer':
        return step.beginDialog(OFFICER_DIALOG, { reason: text } satisfies OfficerOptions);
      case 'menu':
      case 'greeting':
        return this.showMenu(step);
      case 'unknown':
        break;
    }
    // "ถนนหน้าบ้านพังเป็นหลุมใหญ่ที่ อ.หางดง เชียงใหม่": a statement of a problem the categories know is a complaint
    // being told, and it becomes the draft, unless the question bank has a sure answer for it.
    const current = this.services.language.current(context);
    const problemCategory = this.services.intents.isQuestion(text) ? undefined : this.services.intents.guessCategory(normalizeText(text));
    if (problemCategory && describesProblem(text) && this.answers.answerability(text, current) !== 'confident') {
      return step.beginDialog(FILE_COMPLAINT_DIALOG, { categoryId: problemCategory, opening: text } satisfies FileComplaintOptions);
    }
    if (text !== '' && this.answers.answerability(text, current) !== 'none') {
      return step.beginDialog(FAQ_DIALOG, { question: text } satisfies FaqOptions);
    }
    // A plain sentence and the three likeliest ways on, not the whole menu again.
    const likeliest = likeliestFlows(text, this.services.intents).map((flow) => menuLabel(flow, t));
    await context.sendActivity(textMessage(t('menu.notUnderstood'), likeliest));
    return step.endDialog();
  }

  private async afterFlowStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const t = translator(this.services, step.context);
    if (!offeredNextSteps(step.result)) await step.context.sendActivity(textMessage(t('menu.anythingElse'), MENU_ITEMS.map((item) => menuLabel(item, t))));
    return step.endDialog(step.result);
  }

  private async showMenu(step: WaterfallStepContext, intro?: string): Promise<DialogTurnResult> {
    const t = translator(this.services, step.context);
    const lang = this.services.language.current(step.context);
    await step.context.sendActivity(cardMessage(menuCard(lang, t, intro)));
    return step.endDialog();
  }

  /** A pressed menu button (or its text typed out), in either language. */
  private menuChoice(text: string): (typeof MENU_ITEMS)[number] | undefined {
    if (text === '' || text.length > 60) return undefined;
    return MENU_ITEMS.find((item) => {
      const labels = bilingual(this.services, `menu.${item}`);
      return labels.th === text || labels.en === text;
    });
  }
}
