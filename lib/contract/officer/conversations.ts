import { z } from 'zod';
import { HANDOFF_STATES } from '../../handoff/stateMachine';
import { MAX_CENTRE_CODE_LENGTH } from '../../officers/accountRules';
import { bilingual, epochMs, lang, optionalTypedText, typedText } from './common';
import { complaint } from './complaints';
import { MAX_NOTE_LENGTH, MAX_REPLY_LENGTH } from './textLimits';

/** The queue and conversations: items, the history, claim, reply, internal notes, transfer, close. */

/* The limits are the app's too: they live without a schema (textLimits.ts), so that it counts without zod. */
export { MAX_NOTE_LENGTH, MAX_REPLY_LENGTH } from './textLimits';

export const handoffState = z.enum(HANDOFF_STATES);
export const handoffKind = z.enum(['live', 'question']);

/** The complaint a conversation is about (being filed, or asked about), so the queue names it. */
export const complaintSummary = z.strictObject({ number: z.string(), subject: z.string() });
export type ComplaintSummary = z.infer<typeof complaintSummary>;

/** The note the transferring officer left for the receiving centre. */
export const transferNote = z.strictObject({
  text: z.string(),
  at: epochMs,
  from: z.string(),
  officerId: z.string(),
  officerName: z.string().optional(),
});
export type TransferNote = z.infer<typeof transferNote>;

export const queueItem = z.strictObject({
  /** Opaque: use it as is in URLs. */
  id: z.string(),
  state: handoffState,
  kind: handoffKind,
  centreCode: z.string(),
  centreName: bilingual,
  channelId: z.string(),
  lang,
  /** The citizen's own words: render as text. */
  reason: z.string(),
  requestedAt: epochMs,
  queuedAt: epochMs,
  lastActivityAt: epochMs,
  officerId: z.string().optional(),
  officerName: z.string().optional(),
  complaintId: z.string().optional(),
  complaint: complaintSummary.optional(),
  answeredAt: epochMs.optional(),
  transferNote: transferNote.optional(),
});
export type QueueItem = z.infer<typeof queueItem>;

export const attachment = z.strictObject({ contentType: z.string(), url: z.string().optional(), name: z.string().optional() });

export const message = z.strictObject({
  id: z.string(),
  at: epochMs,
  speaker: z.enum(['citizen', 'bot', 'officer', 'system']),
  officerName: z.string().optional(),
  text: z.string().optional(),
  attachments: z.array(attachment).optional(),
  delivery: z.enum(['delivered', 'pending', 'undeliverable']).optional(),
  failure: z.string().optional(),
});
export type Message = z.infer<typeof message>;

/** An internal note: officers only, never sent to the citizen. */
export const note = z.strictObject({
  id: z.string(),
  at: epochMs,
  officerId: z.string(),
  officerName: z.string().optional(),
  text: z.string(),
  /** Written with a transfer, for the receiving centre. */
  transfer: z.strictObject({ from: z.string(), to: z.string() }).optional(),
});
export type Note = z.infer<typeof note>;

/** `GET /queue` */
export const queueResponse = z.strictObject({ items: z.array(queueItem) });
export type QueueResponse = z.infer<typeof queueResponse>;

/** `GET /conversations/:id` */
export const conversationResponse = z.strictObject({
  item: queueItem,
  messages: z.array(message),
  notes: z.array(note),
  complaint: complaint.optional(),
});
export type ConversationResponse = z.infer<typeof conversationResponse>;

/** `POST /conversations/:id/claim`, `/transfer`, `/close` */
export const itemResponse = z.strictObject({ item: queueItem });
export type ItemResponse = z.infer<typeof itemResponse>;

/** `POST /conversations/:id/messages` as JSON (a photo goes as multipart/form-data with a `text` field). */
export const replyRequest = z
  .object({
    text: optionalTypedText(MAX_REPLY_LENGTH),
    link: z.string().max(2000).optional(),
  })
  .refine((value) => value.text !== undefined || value.link !== undefined, { path: ['text'], params: { rule: 'required' } });
export type ReplyRequest = z.infer<typeof replyRequest>;

/** The fields of a photo reply (multipart/form-data): one `file` part, an image, and this optional caption. */
export const photoReplyFields = z.object({ text: optionalTypedText(MAX_REPLY_LENGTH) });

export const replyResponse = z.strictObject({ message });
export type ReplyResponse = z.infer<typeof replyResponse>;

/** `POST /conversations/:id/transfer` */
export const transferRequest = z.object({
  centreCode: typedText(MAX_CENTRE_CODE_LENGTH),
  /** For the receiving centre. */
  note: optionalTypedText(MAX_NOTE_LENGTH),
});
export type TransferRequest = z.infer<typeof transferRequest>;

/** `POST /conversations/:id/notes` */
export const noteRequest = z.object({ text: typedText(MAX_NOTE_LENGTH) });
export type NoteRequest = z.infer<typeof noteRequest>;
export const noteResponse = z.strictObject({ note });
export type NoteResponse = z.infer<typeof noteResponse>;
