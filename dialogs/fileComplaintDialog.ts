import { TurnContext } from 'botbuilder';
import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { cardMessage, textMessage } from '../cards/activity';
import { shownOnce, type Translate } from '../cards/card';
import { receiptCard } from '../cards/receipt';
import { describeDestination } from '../lib/centres';
import { TEXT_RULES, type TextField } from '../lib/complaints/fields';
import { readOpening } from '../lib/complaints/opening';
import { CONSENT_VERSION, missingFields } from '../lib/complaints/service';
import type { ComplaintDraft } from '../lib/complaints/types';
import { isAppError } from '../lib/errors';
import type { Lang } from '../lib/i18n/language';
import { bangkokToday, formatDate } from '../lib/thai/dates';
import { markPrivacy } from '../lib/privacy/marks';
import { AttachmentsDialog, ATTACHMENTS_DIALOG } from './attachmentsDialog';
import { DestinationDialog, DESTINATION_DIALOG, type DestinationResult } from './destinationDialog';
import { chooseContactField, contactAnswered, contactFieldChoices, keepOffer } from './fileComplaint/contactEdit';
import { answerReview, reviewAnswer, reviewPromptOptions } from './fileComplaint/draftReview';
import { emailAnswer, incidentWhen, nationalIdParser, phoneAnswer, textParser, type UnderstoodWhen, whenParser } from './fileComplaint/fieldParsers';
import type { FileComplaintState } from './fileComplaint/state';
import { clearForEdit, type Editable, renderSummary, summaryOptions } from './fileComplaint/summary';
import type { ResumableFlow } from './interruptibleDialog';
import { LoopDialog, type Next } from './loopDialog';
import { CardChoicePrompt, type ChoiceDef } from './prompts/cardChoicePrompt';
import { FieldPrompt } from './prompts/fieldPrompt';
import { bilingual, type DialogServices, translator } from './services';

export type { FileComplaintState } from './fileComplaint/state';

export const FILE_COMPLAINT_DIALOG = 'fileComplaint';

const CHOICE = 'fileComplaint.choice';
const SUMMARY = 'fileComplaint.summary';
const REVIEW = 'fileComplaint.review';
const TEXT_PROMPTS: Record<TextField, string> = {
  subject: 'fileComplaint.subject',
  description: 'fileComplaint.description',
  place: 'fileComplaint.place',
  name: 'fileComplaint.name',
};
const WHEN = 'fileComplaint.when';
const PHONE = 'fileComplaint.phone';
const EMAIL = 'fileComplaint.email';
const NATIONAL_ID = 'fileComplaint.nationalId';
/** How the receipt's PIN is written down: shown to the citizen once, kept nowhere but as a keyed hash. */
const PIN_SHOWN_AS = '••••••';

export interface FileComplaintOptions {
  /** A category guessed from the citizen's first message ("อยากร้องเรียนเรื่องถนนพัง"). */
  categoryId?: string;
  /**
   * The citizen's first message, when it may describe the problem: it becomes the draft description, with a
   * title suggested from it and the centre its place points to, all shown to confirm (lib/complaints/opening.ts).
   */
  opening?: string;
}

/** What the flow ends with: the tracking number, or nothing when cancelled. */
export interface FileComplaintResult {
  filed?: string;
}

/**
 * Filing a complaint: category, where to file, what happened (title, description, photos and links), where and
 * when, contact details or anonymity (tip-offs only), consent, then a summary where any field can be changed
 * before the complaint is saved and a receipt given. The draft lives in dialog state: a citizen who goes
 * silent can come back and continue.
 */
export class FileComplaintDialog extends LoopDialog<FileComplaintState> implements ResumableFlow {
  constructor(services: DialogServices) {
    super(FILE_COMPLAINT_DIALOG, services);
    this.addDialog(new CardChoicePrompt(CHOICE, services));
    this.addDialog(new CardChoicePrompt(SUMMARY, services, (input) => renderSummary(services, input)));
    this.addDialog(new FieldPrompt(REVIEW, services, reviewAnswer));
    for (const field of Object.keys(TEXT_PROMPTS) as TextField[]) {
      this.addDialog(new FieldPrompt(TEXT_PROMPTS[field], services, textParser(field, `complaint.${field}.retry`)));
    }
    this.addDialog(new FieldPrompt(WHEN, services, whenParser(services)));
    this.addDialog(new FieldPrompt(PHONE, services, phoneAnswer));
    this.addDialog(new FieldPrompt(EMAIL, services, emailAnswer));
    this.addDialog(new FieldPrompt(NATIONAL_ID, services, nationalIdParser(services)));
    this.addDialog(new DestinationDialog(services));
    this.addDialog(new AttachmentsDialog(services));
  }

  /** For the resume question: the title if given, else the category, else nothing worth resuming. */
  describeProgress(instanceState: unknown, lang: Lang): string | undefined {
    const draft = LoopDialog.currentState<FileComplaintState>(instanceState)?.draft;
    if (!draft) return undefined;
    if (draft.subject) return draft.subject;
    const category = draft.categoryId ? this.services.content.category(draft.categoryId) : undefined;
    return category ? category.label[lang] : '';
  }

  protected initialState(options: unknown): FileComplaintState {
    const { categoryId, opening } = (options ?? {}) as FileComplaintOptions;
    const known = categoryId && this.services.content.category(categoryId) ? categoryId : undefined;
    const draft: ComplaintDraft = known ? { categoryId: known } : {};
    const read = opening ? readOpening(opening, (text) => this.services.centres.search.chooseForLocation(text)) : undefined;
    if (!read) return { draft };
    // What the citizen already said is not asked again: it is shown to confirm instead.
    return {
      draft: { ...draft, description: read.description, ...(read.place ? { incident: { place: read.place } } : {}) },
      suggested: { ...(read.subject ? { subject: read.subject } : {}), ...(read.centreCode ? { centreCode: read.centreCode } : {}) },
    };
  }

  protected async ask(step: WaterfallStepContext, state: FileComplaintState): Promise<DialogTurnResult> {
    const t = this.t(step.context);
    if (!state.introduced) {
      state.introduced = true;
      const category = state.draft.categoryId ? this.services.content.category(state.draft.categoryId) : undefined;
      const intro = t('complaint.intro');
      await step.context.sendActivity(textMessage(category ? `${intro}\n\n${t('complaint.category.guessed', { category: category.label[this.lang(step.context)] })}` : intro));
    }
    if (state.choosingContact) {
      state.asking = 'contactField';
      return this.promptFor(step, CHOICE, { textKey: 'complaint.contactEdit.prompt', items: contactFieldChoices(this.services, state.draft) });
    }
    const field = this.nextField(state.draft);
    if (field === 'subject' && state.suggested?.subject) {
      state.asking = 'review';
      return this.promptFor(step, REVIEW, reviewPromptOptions(state.suggested.subject, state.draft));
    }
    state.asking = field ?? 'summary';
    switch (field) {
      case undefined:
        return this.promptFor(step, SUMMARY, summaryOptions(this.services, state.draft));
      case 'categoryId':
        return this.promptFor(step, CHOICE, {
          textKey: 'complaint.category.prompt',
          retryKey: 'complaint.category.retry',
          categories: true,
          items: this.services.content.categories().map((category): ChoiceDef => ({ value: category.id, label: category.label, detail: category.description })),
        });
      case 'destination':
        return step.beginDialog(DESTINATION_DIALOG, {
          suggestedAgency: state.draft.categoryId ? this.services.content.category(state.draft.categoryId)?.suggestedAgency : undefined,
          place: state.draft.incident?.place,
          suggestedCentre: state.suggested?.centreCode,
        });
      case 'subject':
      case 'description':
      case 'place':
      case 'name': {
        const rule = TEXT_RULES[field];
        return this.promptFor(step, TEXT_PROMPTS[field], {
          textKey: `complaint.${field}.prompt`,
          vars: { min: rule.min, max: rule.max },
          ...(field === 'name' ? keepOffer(state, 'name') : {}),
        });
      }
      case 'attachments':
        return step.beginDialog(ATTACHMENTS_DIALOG, { attachments: state.draft.attachments ?? [] });
      case 'when':
        return this.promptFor(step, WHEN, { textKey: 'complaint.when.prompt', skipIntent: 'unknownDate', skipLabelKey: 'complaint.when.unknown' });
      case 'contactMode':
        return this.promptFor(step, CHOICE, {
          textKey: 'complaint.contactMode.prompt',
          items: [
            { value: 'anonymous', label: bilingual(this.services, 'complaint.contactMode.anonymous') },
            { value: 'named', label: bilingual(this.services, 'complaint.contactMode.named') },
          ],
        });
      case 'phone':
        return this.promptFor(step, PHONE, { textKey: 'complaint.phone.prompt', emptyRetryKey: 'complaint.phone.retry.empty', sensitive: 'phone', ...keepOffer(state, 'phone') });
      case 'email':
        return this.promptFor(step, EMAIL, { textKey: 'complaint.email.prompt', skipIntent: 'skip', skipLabelKey: 'common.skip', sensitive: 'email', ...keepOffer(state, 'email') });
      case 'nationalId':
        return this.promptFor(step, NATIONAL_ID, {
          textKey: 'complaint.nationalId.prompt',
          skipIntent: 'skip',
          skipLabelKey: 'common.skip',
          emptyRetryKey: 'complaint.nationalId.retry.empty',
          sensitive: 'nationalId',
          ...keepOffer(state, 'nationalId'),
        });
      case 'consent':
        return this.promptFor(step, CHOICE, {
          textKey: 'complaint.consent.prompt',
          vars: { privacyUrl: this.services.privacyUrl(step.context) },
          items: [
            { value: 'agree', label: bilingual(this.services, 'complaint.consent.agree') },
            { value: 'decline', label: bilingual(this.services, 'complaint.consent.decline') },
          ],
        });
      default:
        throw new Error(`No question for field ${field}`);
    }
  }

  protected async handle(step: WaterfallStepContext, state: FileComplaintState, answer: unknown): Promise<Next<FileComplaintState>> {
    const draft: ComplaintDraft = { ...state.draft, incident: { ...state.draft.incident } };
    const next = (): Next<FileComplaintState> => ({ state: { ...state, draft } });
    switch (state.asking) {
      case 'summary':
        return this.handleSummary(step, state, String(answer));
      case 'review':
        return answerReview(step, this.services, state, draft, answer === null ? null : String(answer));
      case 'contactField':
        return chooseContactField(state, draft, String(answer));
      case 'categoryId': {
        draft.categoryId = String(answer);
        // A category without anonymity cannot keep an anonymous choice made under a tip-off category.
        if (!this.services.content.category(draft.categoryId)?.anonymousAllowed && draft.contactMode === 'anonymous') delete draft.contactMode;
        return next();
      }
      case 'destination': {
        const result = answer as DestinationResult;
        draft.destination = result.destination;
        if (result.place && !draft.incident?.place) draft.incident = { ...draft.incident, place: result.place };
        // The first message's centre is offered once; a destination changed later is asked afresh.
        return { state: { ...state, draft, suggested: { ...state.suggested, centreCode: undefined } } };
      }
      case 'subject':
      case 'description':
        draft[state.asking] = String(answer);
        return next();
      case 'place':
        draft.incident = { ...draft.incident, place: String(answer) };
        return next();
      case 'attachments':
        draft.attachments = answer as ComplaintDraft['attachments'];
        draft.attachmentsDone = true;
        return next();
      case 'when': {
        draft.incident = incidentWhen(draft.incident, answer as UnderstoodWhen | null);
        return next();
      }
      case 'contactMode':
        draft.contactMode = answer === 'anonymous' ? 'anonymous' : 'named';
        return next();
      case 'name':
      case 'phone':
      case 'email':
      case 'nationalId':
        return { state: { ...state, draft: contactAnswered(state, draft, state.asking, answer), previous: undefined } };
      case 'consent':
        if (answer !== 'agree') {
          await step.context.sendActivity(textMessage(this.t(step.context)('complaint.consent.declined')));
          return { end: {} satisfies FileComplaintResult };
        }
        draft.consent = { version: CONSENT_VERSION, at: this.services.now() };
        return next();
      default:
        return next();
    }
  }

  /** The question to ask next: the first field the draft lacks. */
  private nextField(draft: ComplaintDraft): string | undefined {
    const category = draft.categoryId ? this.services.content.category(draft.categoryId) : undefined;
    return missingFields(draft, category?.anonymousAllowed ?? false)[0];
  }

  private async handleSummary(step: WaterfallStepContext, state: FileComplaintState, answer: string): Promise<Next<FileComplaintState>> {
    const t = this.t(step.context);
    if (answer === 'cancel') {
      await step.context.sendActivity(textMessage(t('cancel.done')));
      return { end: {} satisfies FileComplaintResult };
    }
    if (answer === 'edit:contact' && state.draft.contactMode !== 'anonymous') {
      // One detail at a time: a wrong phone number does not cost the name, e-mail and ID given with it.
      return { state: { ...state, choosingContact: true } };
    }
    if (answer.startsWith('edit:')) {
      return { state: { ...state, draft: clearForEdit(state.draft, answer.slice('edit:'.length) as Editable) } };
    }
    const activity = step.context.activity;
    try {
      const filed = await this.services.complaints.file({
        draft: state.draft,
        channelId: activity.channelId,
        userId: activity.from.id,
        conversation: { ...TurnContext.getConversationReference(activity) } as Record<string, unknown>,
        lang: this.lang(step.context),
      });
      const lang = this.lang(step.context);
      const receipt = receiptCard(lang, t, {
        number: filed.complaint._id,
        destination: describeDestination(filed.complaint.destination, lang),
        receivedOn: formatDate(bangkokToday(new Date(filed.complaint.createdAt)), lang),
        ...(filed.pin ? { pin: filed.pin } : {}),
      });
      // The PIN is shown once, here: whatever writes this message down keeps it hidden.
      const message = cardMessage(receipt);
      await step.context.sendActivity(filed.pin ? markPrivacy(message, { secrets: shownOnce(filed.pin, PIN_SHOWN_AS) }) : message);
      return { end: { filed: filed.complaint._id } satisfies FileComplaintResult };
    } catch (error) {
      if (!isAppError(error) || error.status < 500) throw error;
      // The store did not take it: the draft stays, and the citizen can send again from the summary.
      await step.context.sendActivity(textMessage(t('complaint.saveFailed')));
      return { state };
    }
  }

  private lang(context: TurnContext): Lang {
    return this.services.language.current(context);
  }

  private t(context: TurnContext): Translate {
    return translator(this.services, context);
  }
}
