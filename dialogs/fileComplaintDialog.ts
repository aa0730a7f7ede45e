import { type Activity, TurnContext } from 'botbuilder';
import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { cardMessage, textMessage } from '../cards/activity';
import { shownOnce, type Translate } from '../cards/card';
import { receiptCard } from '../cards/receipt';
import { summaryCard, type SummaryLine } from '../cards/summary';
import { describeDestination } from '../lib/centres';
import { checkEmail, checkText, TEXT_RULES, type TextField } from '../lib/complaints/fields';
import { readOpening, shorten } from '../lib/complaints/opening';
import { CONSENT_VERSION, missingFields } from '../lib/complaints/service';
import type { ComplaintDraft } from '../lib/complaints/types';
import { keptSaid, whenWithSaid } from '../lib/complaints/when';
import { isAppError } from '../lib/errors';
import type { Lang } from '../lib/i18n/language';
import { bangkokToday, formatDate, parseWhen, type WhenPrecision } from '../lib/thai/dates';
import { parseNationalId } from '../lib/thai/nationalId';
import { maskPhone, parsePhone } from '../lib/thai/phone';
import { markPrivacy, type ShownOnce } from '../lib/privacy/marks';
import { maskEmail } from '../lib/privacy/sensitiveInput';
import { AttachmentsDialog, ATTACHMENTS_DIALOG } from './attachmentsDialog';
import { DestinationDialog, DESTINATION_DIALOG, type DestinationResult } from './destinationDialog';
import type { ResumableFlow } from './interruptibleDialog';
import { LoopDialog, type Next } from './loopDialog';
import { CardChoicePrompt, type CardChoiceOptions, type ChoiceDef, type RenderInput } from './prompts/cardChoicePrompt';
import { type FieldParse, FieldPrompt, type FieldPromptOptions } from './prompts/fieldPrompt';
import { bilingual, type DialogServices, translator } from './services';

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
/** The draft description is shown back in full up to this length, then cut at a word. */
const REVIEW_DESCRIPTION_MAX = 600;

/** Fields the summary can change, and the draft fields each one clears so the flow asks them again. */
const EDITABLE = ['categoryId', 'destination', 'subject', 'description', 'attachments', 'place', 'when', 'contact'] as const;
type Editable = (typeof EDITABLE)[number];

/** The contact details the summary can change one at a time. */
const CONTACT_FIELDS = ['name', 'phone', 'email', 'nationalId'] as const;
type ContactField = (typeof CONTACT_FIELDS)[number];
type ContactDetails = Partial<Pick<ComplaintDraft, ContactField>>;

const FIELD_LABEL_KEYS: Record<Editable, string> = {
  categoryId: 'field.category',
  destination: 'field.destination',
  subject: 'field.subject',
  description: 'field.description',
  attachments: 'field.attachments',
  place: 'field.place',
  when: 'field.when',
  contact: 'field.contact',
};

export interface FileComplaintOptions {
  /** A category guessed from the citizen's first message ("อยากร้องเรียนเรื่องถนนพัง"). */
  categoryId?: string;
  /**
   * The citizen's first message, when it may describe the problem: it becomes the draft description, with a
   * title suggested from it and the centre its place points to, all shown to confirm (lib/complaints/opening.ts).
   */
  opening?: string;
}

export interface FileComplaintState {
  draft: ComplaintDraft;
  /** The question now pending: a draft field, 'review', 'contactField', or 'summary'. */
  asking?: string;
  introduced?: boolean;
  /** From the first message: a title to confirm with the description, and a centre to confirm. */
  suggested?: { subject?: string; centreCode?: string };
  /** Set when the citizen chose, at the summary, to change their contact details: which one is asked next. */
  choosingContact?: boolean;
  /** A contact detail asked again from the summary, as given before: kept unless the citizen types a new one. */
  previous?: ContactDetails;
}

/** What the flow ends with: the tracking number, or nothing when cancelled. */
export interface FileComplaintResult {
  filed?: string;
}

function clearForEdit(draft: ComplaintDraft, field: Editable): ComplaintDraft {
  const next: ComplaintDraft = { ...draft, incident: { ...draft.incident } };
  switch (field) {
    case 'categoryId':
      delete next.categoryId;
      break;
    case 'destination':
      delete next.destination;
      break;
    case 'subject':
      delete next.subject;
      break;
    case 'description':
      delete next.description;
      break;
    case 'attachments':
      next.attachments = [];
      delete next.attachmentsDone;
      break;
    case 'place':
      delete next.incident?.place;
      break;
    case 'when':
      delete next.incident?.date;
      delete next.incident?.time;
      delete next.incident?.approximate;
      delete next.incident?.precision;
      delete next.incident?.said;
      delete next.incident?.unknownDate;
      break;
    case 'contact':
      delete next.contactMode;
      delete next.name;
      delete next.phone;
      delete next.email;
      delete next.nationalId;
      break;
  }
  return next;
}

/** When it happened, as the "when" question reads it: the date understood and the citizen's words for it. */
interface UnderstoodWhen {
  date: string;
  time?: string;
  approximate: boolean;
  precision?: WhenPrecision;
  said?: string;
}

function textParser(field: TextField, retryKey: string): (text: string) => FieldParse {
  return (text) => {
    const checked = checkText(field, text);
    if (checked.ok) return { ok: true, value: checked.value };
    return { ok: false, retryKey, vars: { min: checked.min, max: checked.max, length: checked.length } };
  };
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
    this.addDialog(new CardChoicePrompt(SUMMARY, services, (input) => this.renderSummary(input)));
    // Any text is an answer here (more detail); only "keep" (its button, "yes", "done") is not.
    this.addDialog(new FieldPrompt(REVIEW, services, (text) => ({ ok: true, value: text })));
    for (const field of Object.keys(TEXT_PROMPTS) as TextField[]) {
      this.addDialog(new FieldPrompt(TEXT_PROMPTS[field], services, textParser(field, `complaint.${field}.retry`)));
    }
    this.addDialog(new FieldPrompt(WHEN, services, (text) => this.parseWhen(text)));
    this.addDialog(new FieldPrompt(PHONE, services, (text) => {
      const phone = parsePhone(text);
      return phone.ok ? { ok: true, value: phone.national } : { ok: false, retryKey: `complaint.phone.retry.${phone.reason}` };
    }));
    this.addDialog(new FieldPrompt(EMAIL, services, (text) => {
      const email = checkEmail(text);
      return email.ok ? { ok: true, value: email.value } : { ok: false, retryKey: 'complaint.email.retry' };
    }));
    this.addDialog(new FieldPrompt(NATIONAL_ID, services, (text) => {
      const id = parseNationalId(text);
      if (!id.ok) return { ok: false, retryKey: `complaint.nationalId.retry.${id.reason}` };
      // The full number is hashed here and dropped: only its masked form and keyed hash are kept.
      return { ok: true, value: { masked: id.masked, hash: services.complaints.hash('national-id', id.digits) } };
    }));
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
      return this.promptFor(step, CHOICE, { textKey: 'complaint.contactEdit.prompt', items: this.contactFieldChoices(state.draft) });
    }
    const field = this.nextField(state.draft);
    if (field === 'subject' && state.suggested?.subject) {
      state.asking = 'review';
      return this.promptFor(step, REVIEW, {
        textKey: 'complaint.review.prompt',
        vars: { subject: state.suggested.subject, description: shorten(state.draft.description ?? '', REVIEW_DESCRIPTION_MAX) },
        skipIntent: 'keep',
        skipLabelKey: 'complaint.review.keep',
        // A photo sent now: its turn is the next question, and the citizen is told so.
        emptyRetryKey: 'complaint.review.photoNext',
      });
    }
    state.asking = field ?? 'summary';
    switch (field) {
      case undefined:
        return this.promptFor(step, SUMMARY, this.summaryOptions(state.draft));
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
          ...(field === 'name' ? this.keepOffer(state, 'name') : {}),
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
        return this.promptFor(step, PHONE, { textKey: 'complaint.phone.prompt', emptyRetryKey: 'complaint.phone.retry.empty', sensitive: 'phone', ...this.keepOffer(state, 'phone') });
      case 'email':
        return this.promptFor(step, EMAIL, { textKey: 'complaint.email.prompt', skipIntent: 'skip', skipLabelKey: 'common.skip', sensitive: 'email', ...this.keepOffer(state, 'email') });
      case 'nationalId':
        return this.promptFor(step, NATIONAL_ID, {
          textKey: 'complaint.nationalId.prompt',
          skipIntent: 'skip',
          skipLabelKey: 'common.skip',
          emptyRetryKey: 'complaint.nationalId.retry.empty',
          sensitive: 'nationalId',
          ...this.keepOffer(state, 'nationalId'),
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
        return this.handleReview(step, state, draft, answer === null ? null : String(answer));
      case 'contactField':
        return this.handleContactField(state, draft, String(answer));
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
        const when = answer as UnderstoodWhen | null;
        draft.incident = when
          ? {
              place: draft.incident?.place,
              date: when.date,
              ...(when.time ? { time: when.time } : {}),
              ...(when.approximate ? { approximate: true } : {}),
              ...(when.precision ? { precision: when.precision } : {}),
              ...(when.said ? { said: when.said } : {}),
            }
          : { place: draft.incident?.place, unknownDate: true };
        return next();
      }
      case 'contactMode':
        draft.contactMode = answer === 'anonymous' ? 'anonymous' : 'named';
        return next();
      case 'name':
      case 'phone':
      case 'email':
      case 'nationalId':
        return { state: { ...state, draft: this.contactAnswered(state, draft, state.asking, answer), previous: undefined } };
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

  /**
   * The first message's draft, shown back as plain text: "keep" (or "yes", "done") takes the suggested title, which
   * the summary can still change; anything else typed is more detail, added to the description, and the draft is
   * shown again. Typed numbers are words here, never the choice of a button.
   */
  private async handleReview(step: WaterfallStepContext, state: FileComplaintState, draft: ComplaintDraft, typed: string | null): Promise<Next<FileComplaintState>> {
    const { subject, ...rest } = state.suggested ?? {};
    const { intents } = this.services;
    if (typed === null || intents.is(typed, 'yes') || intents.is(typed, 'done')) return { state: { ...state, draft: { ...draft, subject }, suggested: rest } };
    // Emoji or punctuation alone add nothing to read: the draft is shown again as it was.
    if (!/[\p{L}\p{N}]/u.test(typed)) return { state: { ...state, draft } };
    const checked = checkText('description', `${draft.description ?? ''}\n\n${typed}`);
    if (!checked.ok) {
      await step.context.sendActivity(textMessage(this.t(step.context)('complaint.description.retry', { min: checked.min, max: checked.max, length: checked.length })));
      return { state: { ...state, draft } };
    }
    return { state: { ...state, draft: { ...draft, description: checked.value } } };
  }

  /** Which contact detail to change: each one alone, or (for tip-offs) anonymity instead. */
  private contactFieldChoices(draft: ComplaintDraft): ChoiceDef[] {
    const labels: Record<ContactField, string> = { name: 'field.name', phone: 'field.phone', email: 'field.email', nationalId: 'field.nationalId' };
    const anonymousAllowed = draft.categoryId ? this.services.content.category(draft.categoryId)?.anonymousAllowed : false;
    return [
      ...CONTACT_FIELDS.map((field): ChoiceDef => ({ value: field, label: this.editLabel(labels[field]) })),
      ...(anonymousAllowed ? [{ value: 'anonymous', label: bilingual(this.services, 'complaint.contactMode.anonymous') }] : []),
    ];
  }

  private handleContactField(state: FileComplaintState, draft: ComplaintDraft, answer: string): Next<FileComplaintState> {
    if (answer === 'anonymous') {
      return { state: { ...state, choosingContact: false, draft: { ...clearForEdit(draft, 'contact'), contactMode: 'anonymous' } } };
    }
    const field = answer as ContactField;
    const changed: ComplaintDraft = { ...draft };
    delete changed[field];
    return { state: { ...state, choosingContact: false, draft: changed, previous: { [field]: draft[field] } } };
  }

  /** Asking again for a detail given before: its masked form is shown, and "keep as it is" (or "skip") keeps it. */
  private keepOffer(state: FileComplaintState, field: ContactField): Partial<FieldPromptOptions> {
    const before = state.previous?.[field];
    if (!before) return {};
    const current = field === 'name' ? (before as string)
      : field === 'phone' ? maskPhone(before as string)
        : field === 'email' ? maskEmail(before as string)
          : (before as { masked: string }).masked;
    return { textKey: `complaint.${field}.change`, vars: { current }, skipIntent: 'keep', skipLabelKey: 'complaint.contact.keep' };
  }

  /** A contact answer; "keep" (null, when something was given before) keeps what was given. */
  private contactAnswered(state: FileComplaintState, draft: ComplaintDraft, field: ContactField, answer: unknown): ComplaintDraft {
    const previous = state.previous ?? {};
    const next: ComplaintDraft = { ...draft };
    switch (field) {
      case 'name':
      case 'phone':
        next[field] = answer === null && previous[field] ? previous[field] : String(answer);
        break;
      case 'email':
        next.email = answer === null ? (previous.email ?? null) : String(answer);
        break;
      case 'nationalId':
        next.nationalId = answer === null ? (previous.nationalId ?? null) : (answer as { masked: string; hash: string });
        break;
    }
    return next;
  }

  /** "แก้ไขหัวข้อ" / "Change title": a button of the summary or of the contact choice. */
  private editLabel(fieldKey: string): { th: string; en: string } {
    return {
      th: this.services.texts.get('th', 'complaint.summary.edit', { field: this.services.texts.get('th', fieldKey) }),
      en: this.services.texts.get('en', 'complaint.summary.edit', { field: lowerFirst(this.services.texts.get('en', fieldKey)) }),
    };
  }

  private summaryOptions(draft: ComplaintDraft): CardChoiceOptions {
    const editable = EDITABLE.map((field): ChoiceDef => ({ value: `edit:${field}`, label: this.editLabel(FIELD_LABEL_KEYS[field]) }));
    return {
      textKey: 'complaint.summary.prompt',
      items: [
        { value: 'confirm', label: bilingual(this.services, 'complaint.summary.confirm') },
        ...editable,
        { value: 'cancel', label: bilingual(this.services, 'complaint.summary.cancel') },
      ],
      data: draft,
    };
  }

  private renderSummary({ lang, t, options, labels }: RenderInput): Partial<Activity> {
    const draft = options.data as ComplaintDraft;
    const labelOf = (value: string) => labels[options.items.findIndex((choice) => choice.value === value)];
    const lines = this.summaryLines(draft, lang, t).map((line) => ({ ...line, editLabel: labelOf(`edit:${line.field}`) }));
    // The citizen sees their phone and e-mail to check them; the copies written down keep them masked.
    const secrets: ShownOnce[] = [
      ...(draft.phone ? shownOnce(parsePhoneDisplay(draft.phone), maskPhone(draft.phone)) : []),
      ...(draft.email ? shownOnce(draft.email, maskEmail(draft.email)) : []),
    ];
    return markPrivacy(cardMessage(summaryCard(lang, t, lines, labelOf('confirm'), labelOf('cancel'))), { secrets });
  }

  private summaryLines(draft: ComplaintDraft, lang: Lang, t: Translate): SummaryLine[] {
    const none = t('common.none');
    const category = draft.categoryId ? this.services.content.category(draft.categoryId) : undefined;
    const attachments = draft.attachments ?? [];
    const images = attachments.filter((attachment) => attachment.kind === 'image').length;
    const incident = draft.incident ?? {};
    const when = whenWithSaid(incident, lang, t);
    const contact = draft.contactMode === 'anonymous'
      ? t('complaint.summary.anonymous')
      : [draft.name, draft.phone ? parsePhoneDisplay(draft.phone) : undefined, draft.email ?? undefined, draft.nationalId?.masked]
        .filter((part): part is string => Boolean(part))
        .join(', ');
    const lines: Array<[Editable, string]> = [
      ['categoryId', category ? category.label[lang] : none],
      ['destination', draft.destination ? describeDestination(draft.destination, lang) : none],
      ['subject', draft.subject ?? none],
      ['description', draft.description ?? none],
      ['attachments', attachments.length === 0 ? none : t('complaint.summary.attachments', { images, links: attachments.length - images })],
      ['place', incident.place ?? none],
      ['when', when],
      ['contact', contact || none],
    ];
    return lines.map(([field, value]) => ({ field, label: t(FIELD_LABEL_KEYS[field]), value }));
  }

  private parseWhen(text: string): FieldParse {
    const result = parseWhen(text, this.guessLang(text), new Date(this.services.now()));
    if (result.ok) {
      const said = keptSaid(text);
      const value: UnderstoodWhen = {
        date: result.date,
        ...(result.time ? { time: result.time } : {}),
        approximate: result.approximate,
        ...(result.precision ? { precision: result.precision } : {}),
        ...(said ? { said } : {}),
      };
      return { ok: true, value };
    }
    const retryKey = result.reason === 'future' ? 'complaint.when.future' : result.reason === 'too-old' ? 'complaint.when.tooOld' : 'complaint.when.retry';
    return { ok: false, retryKey };
  }

  /** Dates are read in the script they are written in, whatever the conversation's language. */
  private guessLang(text: string): Lang {
    return /[\u0E00-\u0E7F]/.test(text) ? 'th' : 'en';
  }

  private lang(context: TurnContext): Lang {
    return this.services.language.current(context);
  }

  private t(context: TurnContext): Translate {
    return translator(this.services, context);
  }
}

/** "Change title", "Change national ID": a label in a sentence, its acronyms kept. */
function lowerFirst(label: string): string {
  return /^\p{Lu}(?!\p{Lu})/u.test(label) ? `${label[0].toLowerCase()}${label.slice(1)}` : label;
}

function parsePhoneDisplay(national: string): string {
  const parsed = parsePhone(national);
  return parsed.ok ? parsed.display : national;
}
