import type { ComplaintDraft } from '../../lib/complaints/types';

/** The contact details the summary can change one at a time. */
export const CONTACT_FIELDS = ['name', 'phone', 'email', 'nationalId'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];
export type ContactDetails = Partial<Pick<ComplaintDraft, ContactField>>;

/** What the complaint flow keeps between turns (in dialog state: a citizen who goes silent can come back). */
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
