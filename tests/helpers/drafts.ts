import type { ComplaintDraft } from '../../lib/complaints/types';

/** A complete named complaint, as the filing flow would leave it. */
export const NAMED_DRAFT: ComplaintDraft = {
  categoryId: 'utilities',
  destination: { kind: 'centre', code: '50' },
  subject: 'ไฟส่องสว่างดับทั้งซอย',
  description: 'ไฟส่องสว่างในซอยดับมาสองสัปดาห์',
  attachments: [],
  attachmentsDone: true,
  incident: { place: 'ซอยวัดเกต', unknownDate: true },
  contactMode: 'named',
  name: 'สมชาย ใจดี',
  phone: '0812345678',
  email: null,
  nationalId: { masked: 'x-xxxx-xxxx0-70-8', hash: 'h' },
  consent: { version: 'pdpa-2026-1', at: 1 },
};

/** The same, filed anonymously under tip-offs. */
export const ANONYMOUS_DRAFT: ComplaintDraft = { ...NAMED_DRAFT, categoryId: 'tipoff', contactMode: 'anonymous', name: undefined, phone: undefined, nationalId: null };
