import type { Activity } from 'botbuilder';
import { cardMessage } from '../../cards/activity';
import { shownOnce, type Translate } from '../../cards/card';
import { summaryCard, type SummaryLine } from '../../cards/summary';
import { describeDestination } from '../../lib/centres';
import type { ComplaintDraft } from '../../lib/complaints/types';
import { whenWithSaid } from '../../lib/complaints/when';
import type { Lang } from '../../lib/i18n/language';
import { markPrivacy, type ShownOnce } from '../../lib/privacy/marks';
import { maskEmail } from '../../lib/privacy/sensitiveInput';
import { maskPhone, parsePhone } from '../../lib/thai/phone';
import type { CardChoiceOptions, ChoiceDef, RenderInput } from '../prompts/cardChoicePrompt';
import { bilingual, type DialogServices } from '../services';

/** Fields the summary can change, and the draft fields each one clears so the flow asks them again. */
const EDITABLE = ['categoryId', 'destination', 'subject', 'description', 'attachments', 'place', 'when', 'contact'] as const;
export type Editable = (typeof EDITABLE)[number];

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

/** The draft without the field chosen at the summary, so that the flow asks it again. */
export function clearForEdit(draft: ComplaintDraft, field: Editable): ComplaintDraft {
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

/** "แก้ไขหัวข้อ" / "Change title": a button of the summary or of the contact choice. */
export function editLabel(services: DialogServices, fieldKey: string): { th: string; en: string } {
  return {
    th: services.texts.get('th', 'complaint.summary.edit', { field: services.texts.get('th', fieldKey) }),
    en: services.texts.get('en', 'complaint.summary.edit', { field: lowerFirst(services.texts.get('en', fieldKey)) }),
  };
}

/** The summary question: send, change any one field, or cancel; the draft goes along for the card. */
export function summaryOptions(services: DialogServices, draft: ComplaintDraft): CardChoiceOptions {
  const editable = EDITABLE.map((field): ChoiceDef => ({ value: `edit:${field}`, label: editLabel(services, FIELD_LABEL_KEYS[field]) }));
  return {
    textKey: 'complaint.summary.prompt',
    items: [
      { value: 'confirm', label: bilingual(services, 'complaint.summary.confirm') },
      ...editable,
      { value: 'cancel', label: bilingual(services, 'complaint.summary.cancel') },
    ],
    data: draft,
  };
}

/** The summary card, each line with its own "change" button. */
export function renderSummary(services: DialogServices, { lang, t, options, labels }: RenderInput): Partial<Activity> {
  const draft = options.data as ComplaintDraft;
  const labelOf = (value: string) => labels[options.items.findIndex((choice) => choice.value === value)];
  const lines = summaryLines(services, draft, lang, t).map((line) => ({ ...line, editLabel: labelOf(`edit:${line.field}`) }));
  // The citizen sees their phone and e-mail to check them; the copies written down keep them masked.
  const secrets: ShownOnce[] = [
    ...(draft.phone ? shownOnce(parsePhoneDisplay(draft.phone), maskPhone(draft.phone)) : []),
    ...(draft.email ? shownOnce(draft.email, maskEmail(draft.email)) : []),
  ];
  return markPrivacy(cardMessage(summaryCard(lang, t, lines, labelOf('confirm'), labelOf('cancel'))), { secrets });
}

function summaryLines(services: DialogServices, draft: ComplaintDraft, lang: Lang, t: Translate): SummaryLine[] {
  const none = t('common.none');
  const category = draft.categoryId ? services.content.category(draft.categoryId) : undefined;
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

/** "Change title", "Change national ID": a label in a sentence, its acronyms kept. */
function lowerFirst(label: string): string {
  return /^\p{Lu}(?!\p{Lu})/u.test(label) ? `${label[0].toLowerCase()}${label.slice(1)}` : label;
}

function parsePhoneDisplay(national: string): string {
  const parsed = parsePhone(national);
  return parsed.ok ? parsed.display : national;
}
