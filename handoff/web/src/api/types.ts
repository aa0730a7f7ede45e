/**
 * The officer API's bodies as the app reads them: the types of the shared contract (lib/contract/officer), the
 * schemas the service validates with. Imported as types only, so that the schemas stay out of the bundle.
 */
import type {
  AuditEntryView,
  BilingualText,
  Calendar,
  CannedAnswerView,
  CentreView,
  Complaint as ComplaintView,
  Message as MessageView,
  Note as NoteView,
  OfficeHoursResponse,
  OfficerView,
  QueueItem as QueueItemView,
  Role as RoleCode,
  SessionResponse,
  StreamFrame as StreamFrameView,
} from '../../../../lib/contract/officer';

export type Lang = 'th' | 'en';
export type Bilingual = BilingualText;
export type Role = RoleCode;
export type Officer = OfficerView;
export type Session = SessionResponse;
export type QueueItem = QueueItemView;
export type Message = MessageView;
export type Note = NoteView;
export type Attachment = { contentType?: string; url?: string; name?: string; kind?: 'image' | 'link' };
export type Complaint = ComplaintView;
export type ComplaintStatus = Complaint['status'];
export type Centre = CentreView;
export type CannedAnswer = CannedAnswerView;
export type OpeningSpan = Calendar['weekly'][number][number];
export type Holiday = Calendar['holidays'][number];
export type OfficeCalendar = Calendar;
export type OfficeHoursState = OfficeHoursResponse;
export type AuditEntry = AuditEntryView;
export type StreamFrame = StreamFrameView;
