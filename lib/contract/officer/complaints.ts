import { z } from 'zod';
import { COMPLAINT_STATUSES } from '../../complaints/types';
import { bilingual, epochMs, lang, typedText } from './common';
import { MAX_STATUS_NOTE_LENGTH } from './textLimits';

/** Complaint records and their status. */

export { MAX_STATUS_NOTE_LENGTH } from './textLimits';

export const complaintStatus = z.enum(COMPLAINT_STATUSES);

export const complaintAttachment = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('image'), url: z.string().optional(), contentType: z.string(), name: z.string().optional() }),
  z.strictObject({ kind: z.literal('link'), url: z.string() }),
]);

export const complaint = z.strictObject({
  number: z.string(),
  status: complaintStatus,
  categoryId: z.string(),
  category: bilingual,
  destination: z.strictObject({ kind: z.enum(['centre', 'agency']), code: z.string(), name: bilingual }),
  subject: z.string(),
  description: z.string(),
  attachments: z.array(complaintAttachment),
  incident: z.strictObject({
    place: z.string(),
    date: z.string().optional(),
    time: z.string().optional(),
    approximate: z.boolean().optional(),
    precision: z.enum(['week', 'month', 'year']).optional(),
    said: z.string().optional(),
  }),
  contact: z.discriminatedUnion('anonymous', [
    z.strictObject({ anonymous: z.literal(true) }),
    z.strictObject({
      anonymous: z.literal(false),
      name: z.string(),
      phone: z.string(),
      email: z.string().optional(),
      nationalIdMasked: z.string().optional(),
    }),
  ]),
  lang,
  createdAt: epochMs,
  updatedAt: epochMs,
  timeline: z.array(
    z.strictObject({
      at: epochMs,
      status: complaintStatus,
      note: bilingual.optional(),
      by: z.enum(['citizen', 'system', 'officer', 'agency']),
    }),
  ),
});
export type Complaint = z.infer<typeof complaint>;

/** `GET /complaints/:number` */
export const complaintResponse = z.strictObject({ complaint });
export type ComplaintResponse = z.infer<typeof complaintResponse>;

/** `POST /complaints/:number/status` */
export const statusChangeRequest = z.object({ status: complaintStatus, note: typedText(MAX_STATUS_NOTE_LENGTH) });
export type StatusChangeRequest = z.infer<typeof statusChangeRequest>;
export const statusChangeResponse = z.strictObject({ complaint, notified: z.boolean() });
export type StatusChangeResponse = z.infer<typeof statusChangeResponse>;
