/**
 * The officer API's bodies as the app reads them (docs/officer-api.md). These are the app's side of the
 * contract until the shared schemas (lib/contract/officer) are merged in; then they are z.infer types of those.
 */

export type Lang = 'th' | 'en';
export type Bilingual = { th: string; en: string };
export type Role = 'officer' | 'supervisor' | 'admin';

export interface Officer {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  centres: string[];
  mustChangePassword: boolean;
  disabled: boolean;
}

export interface Session {
  officer: Officer;
  csrfToken: string;
  scope: 'all' | string[];
}

export interface QueueItem {
  id: string;
  state: 'queued' | 'live' | 'closed' | 'bot';
  kind: 'live' | 'question';
  centreCode: string;
  centreName?: Bilingual;
  channelId: string;
  lang: Lang;
  reason?: string;
  requestedAt: string | number;
  queuedAt: string | number;
  lastActivityAt?: string | number;
  officerId?: string;
  officerName?: string;
  complaintId?: string;
  /** The complaint filed in this conversation, when there is one: its number and title (the citizen's subject). */
  complaint?: { number: string; title: string };
  answeredAt?: string | number;
}

export interface Attachment {
  contentType?: string;
  url?: string;
  name?: string;
  kind?: 'image' | 'link';
}

export interface Message {
  id: string;
  at: string | number;
  speaker: 'citizen' | 'bot' | 'officer' | 'system' | 'note';
  officerName?: string;
  text?: string;
  attachments?: Attachment[];
  delivery?: 'delivered' | 'undeliverable' | 'pending';
  failure?: string;
}

export type ComplaintStatus = 'received' | 'forwarded' | 'in_progress' | 'resolved' | 'closed' | 'rejected';

export interface Complaint {
  number: string;
  status: ComplaintStatus;
  categoryId: string;
  category?: Bilingual;
  destination?: { kind: string; code: string; name: Bilingual };
  subject?: string;
  description?: string;
  attachments?: Attachment[];
  incident?: { place?: string; date?: string; time?: string; approximate?: boolean; precision?: 'week' | 'month' | 'year'; said?: string };
  contact?: { anonymous: true } | { anonymous: false; name?: string; phone?: string; email?: string; nationalIdMasked?: string };
  lang?: Lang;
  createdAt?: string | number;
  updatedAt?: string | number;
  timeline?: Array<{ at: string | number; status: ComplaintStatus; note?: Bilingual; by?: string }>;
}

export interface Centre {
  code: string;
  kind?: string;
  name: Bilingual;
}

export interface CannedAnswer {
  id: string;
  title: Bilingual;
  text: Bilingual;
}

export interface OpeningSpan {
  start: string;
  end: string;
}

export interface Holiday {
  date: string;
  nameTh: string;
  nameEn: string;
  estimate: boolean;
}

export interface OfficeCalendar {
  weekly: OpeningSpan[][];
  holidays: Holiday[];
}

export interface OfficeHoursState {
  calendar: OfficeCalendar;
  openNow?: boolean;
  nextOpening?: number | null;
}

export interface AuditEntry {
  id: string;
  at: string | number;
  actor: string;
  actorName?: string;
  action: string;
  target?: string;
  conversation?: string;
  details?: Record<string, unknown>;
}

export type StreamFrame =
  | { type: 'queue'; item: QueueItem }
  | { type: 'removed'; id: string }
  | { type: 'message'; id: string; message: Message }
  | { type: 'ping' };
