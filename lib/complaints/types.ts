import type { Destination } from '../centres/directory';
import type { Bilingual } from '../content/types';
import type { Lang } from '../i18n/language';
import type { WhenPrecision } from '../thai/when/result';

export const COMPLAINT_STATUSES = ['received', 'forwarded', 'in_progress', 'resolved', 'closed', 'rejected'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/**
 * The complaint desk's stages (issue: the complaint desk). `status` above is their predecessor and goes once every
 * reader has moved to `stage`; the allowed moves between stages live in one pure table (stages.ts).
 */
export const COMPLAINT_STAGES = [
  'received',
  'accepted',
  'not_accepted',
  'in_progress',
  'forwarded',
  'awaiting_agency',
  'concluded',
] as const;
export type ComplaintStage = (typeof COMPLAINT_STAGES)[number];

/** How a concluded complaint ended. */
export const CONCLUSION_RESULTS = ['resolved', 'partly_resolved', 'cannot_resolve', 'withdrawn', 'merged'] as const;
export type ConclusionResult = (typeof CONCLUSION_RESULTS)[number];

/** Who a note on a move is for: the citizen (sent on their channel, in their language) or officers only. */
export type NoteAudience = 'citizen' | 'internal';

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

  // The complaint desk's fields. Optional until every writer sets them; documents filed before the desk are
  // brought up to date by the desk's migration.
  /** Where the complaint stands on the desk. */
  stage?: ComplaintStage;
  /** Set with the move to `concluded`. */
  result?: ConclusionResult;
  /** The tracking number a merged complaint joined. */
  mergedInto?: string;
  /** Raised by every change an officer makes; a change sent with an older version is refused (409). */
  version?: number;
  /**
   * The centre that handles it: the chosen centre, or the one above it for a complaint about officials (around
   * the accused), or after a transfer. Scope and the list are by this code, never by `destination`.
   */
  centreCode?: string;
  /** The officer who has taken or been given it. */
  assigneeId?: string;
  /** When the service level's working days end (epoch ms), counted on the official calendar. */
  dueAt?: number;
  /** Set while an officer's question waits for the citizen: the service-level clock is paused from `since`. */
  awaitingCitizen?: { since: number; questionId: string };
  /** Set when an overdue complaint was raised to the level above (who was told, when). */
  escalation?: { at: number; toCentreCode: string; level: 'province' | 'ministry' };
  /** What the list searches by, written with the complaint: never personal data in clear. */
  search?: {
    /** Thai-segmented, normalised words of the title and description. */
    words: string[];
    /** Keyed hash of the filer's phone (exact match only). */
    phoneHash?: string;
    /** The filer's name, normalised for a partial match; absent for anonymous complaints. */
    name?: string;
  };
}
