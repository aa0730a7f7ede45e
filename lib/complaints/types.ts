import type { Destination } from '../centres/directory';
import type { Bilingual } from '../content/types';
import type { Lang } from '../i18n/language';
import type { WhenPrecision } from '../thai/dates';

export const COMPLAINT_STATUSES = ['received', 'forwarded', 'in_progress', 'resolved', 'closed', 'rejected'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export type Attachment =
  | { kind: 'image'; url: string; contentType: string; name?: string }
  | { kind: 'link'; url: string };

/** Where and when it happened, as the citizen said it and as understood. */
export interface Incident {
  place: string;
  /** YYYY-MM-DD in Bangkok; absent when the citizen did not know. With a `precision`, the period's first day. */
  date?: string;
  time?: string;
  /** The date is the citizen's estimate ("ประมาณ 3 เดือนก่อน"). */
  approximate?: boolean;
  /** The citizen named a week, month or year, not a day; absent for a day. */
  precision?: WhenPrecision;
  /** When, in the citizen's words ("อังคารที่แล้ว"), as typed. */
  said?: string;
}

export type Contact =
  | { anonymous: true }
  | {
      anonymous: false;
      name: string;
      /** National format, digits only: 0812345678. */
      phone: string;
      email?: string;
      /** Only the last four digits are kept readable (x-xxxx-xxxx0-70-8). */
      nationalIdMasked?: string;
      /** Keyed hash of the full number, so an officer can check an ID the citizen shows without it being stored. */
      nationalIdHash?: string;
    };

/** What the citizen gives while filing; the complaint flow fills it field by field. */
export interface ComplaintDraft {
  categoryId?: string;
  destination?: Destination;
  subject?: string;
  description?: string;
  attachments?: Attachment[];
  /** True once the citizen said they have no (more) attachments. */
  attachmentsDone?: boolean;
  incident?: { place?: string; date?: string; time?: string; approximate?: boolean; precision?: WhenPrecision; said?: string; unknownDate?: boolean };
  contactMode?: 'anonymous' | 'named';
  name?: string;
  phone?: string;
  email?: string | null;
  nationalId?: { masked: string; hash: string } | null;
  consent?: { version: string; at: number } | null;
}

/** Who filed, pseudonymously: the channel and a keyed hash of the channel's user id. */
export interface Owner {
  channelId: string;
  userKey: string;
}

export interface TimelineEntry {
  at: number;
  status: ComplaintStatus;
  note?: Bilingual;
  by: 'citizen' | 'system' | 'officer' | 'agency';
  officerId?: string;
}

export interface ForwardingJob {
  target: Destination;
  state: 'pending' | 'sent' | 'failed';
  attempts: number;
  /** Sent with every attempt, so that a receiver that honours it never files the complaint twice. */
  idempotencyKey: string;
  createdAt: number;
}

export interface ComplaintDocument {
  /** The tracking number. */
  _id: string;
  status: ComplaintStatus;
  categoryId: string;
  destination: Destination;
  subject: string;
  description: string;
  attachments: Attachment[];
  incident: Incident;
  contact: Contact;
  /** Keyed hash of the check a citizen gives when tracking: the phone's last four digits, or the PIN. */
  verifier: string;
  verifierKind: 'phone' | 'pin';
  consent: { version: string; at: number };
  lang: Lang;
  owner: Owner;
  /** The channel's conversation reference, for telling the citizen about changes without being asked. */
  conversation: Record<string, unknown>;
  timeline: TimelineEntry[];
  /** Written with the complaint so that no filing is ever without its forwarding jobs (outbox). */
  forwarding: ForwardingJob[];
  /** 'pending' while any forwarding job waits: the forwarding worker's indexed query. */
  forwardingState: 'pending' | 'done';
  createdAt: number;
  updatedAt: number;
}
