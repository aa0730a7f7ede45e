import type { ComplaintDraft } from '../../lib/complaints/types';
import { maskEmail } from '../../lib/privacy/sensitiveInput';
import { maskPhone } from '../../lib/thai/phone';
import type { Next } from '../loopDialog';
import type { ChoiceDef } from '../prompts/cardChoicePrompt';
import type { FieldPromptOptions } from '../prompts/fieldPrompt';
import { bilingual, type DialogServices } from '../services';
import { CONTACT_FIELDS, type ContactField, type FileComplaintState } from './state';
import { clearForEdit, editLabel } from './summary';

/*
 * Changing the contact details from the summary, one at a time: a wrong phone number does not cost the name,
 * e-mail and ID given with it. The detail chosen is asked again with what was given before, masked, and kept
 * unless the citizen types a new one.
 */

/** Which contact detail to change: each one alone, or (for tip-offs) anonymity instead. */
export function contactFieldChoices(services: DialogServices, draft: ComplaintDraft): ChoiceDef[] {
  const labels: Record<ContactField, string> = { name: 'field.name', phone: 'field.phone', email: 'field.email', nationalId: 'field.nationalId' };
  const anonymousAllowed = draft.categoryId ? services.content.category(draft.categoryId)?.anonymousAllowed : false;
  return [
    ...CONTACT_FIELDS.map((field): ChoiceDef => ({ value: field, label: editLabel(services, labels[field]) })),
    ...(anonymousAllowed ? [{ value: 'anonymous', label: bilingual(services, 'complaint.contactMode.anonymous') }] : []),
  ];
}

/** The detail chosen is cleared, so that the flow asks it next, and kept aside as it was. */
export function chooseContactField(state: FileComplaintState, draft: ComplaintDraft, answer: string): Next<FileComplaintState> {
  if (answer === 'anonymous') {
    return { state: { ...state, choosingContact: false, draft: { ...clearForEdit(draft, 'contact'), contactMode: 'anonymous' } } };
  }
  const field = answer as ContactField;
  const changed: ComplaintDraft = { ...draft };
  delete changed[field];
  return { state: { ...state, choosingContact: false, draft: changed, previous: { [field]: draft[field] } } };
}

/** Asking again for a detail given before: its masked form is shown, and "keep as it is" (or "skip") keeps it. */
export function keepOffer(state: FileComplaintState, field: ContactField): Partial<FieldPromptOptions> {
  const before = state.previous?.[field];
  if (!before) return {};
  const current = field === 'name' ? (before as string)
    : field === 'phone' ? maskPhone(before as string)
      : field === 'email' ? maskEmail(before as string)
        : (before as { masked: string }).masked;
  return { textKey: `complaint.${field}.change`, vars: { current }, skipIntent: 'keep', skipLabelKey: 'complaint.contact.keep' };
}

/** A contact answer; "keep" (null, when something was given before) keeps what was given. */
export function contactAnswered(state: FileComplaintState, draft: ComplaintDraft, field: ContactField, answer: unknown): ComplaintDraft {
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
