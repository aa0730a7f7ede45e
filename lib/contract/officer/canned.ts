import { z } from 'zod';
import { CANNED_ID_PATTERN, MAX_CANNED_TEXT_LENGTH, MAX_CANNED_TITLE_LENGTH } from '../../content/cannedText';
import { typedText } from './common';

/** Canned answers: every officer reads them; admins create, edit and delete them. */

export { cannedReply, CANNED_ID_PATTERN, MAX_CANNED_ANSWERS, MAX_CANNED_TEXT_LENGTH, MAX_CANNED_TITLE_LENGTH } from '../../content/cannedText';

const cannedLine = typedText(MAX_CANNED_TEXT_LENGTH);

/** Neutral wording, or the Thai in both the ค่ะ and the ครับ form. */
export const cannedText = z.discriminatedUnion('form', [
  z.strictObject({ form: z.literal('neutral'), th: cannedLine, en: cannedLine }),
  z.strictObject({ form: z.literal('polite'), th: z.strictObject({ kha: cannedLine, khrap: cannedLine }), en: cannedLine }),
]);
export type CannedTextView = z.infer<typeof cannedText>;

export const cannedTitle = z.strictObject({ th: typedText(MAX_CANNED_TITLE_LENGTH), en: typedText(MAX_CANNED_TITLE_LENGTH) });

export const cannedAnswer = z.strictObject({ id: z.string(), title: cannedTitle, text: cannedText });
export type CannedAnswerView = z.infer<typeof cannedAnswer>;

/** `GET /canned` */
export const cannedListResponse = z.strictObject({ answers: z.array(cannedAnswer) });
export type CannedListResponse = z.infer<typeof cannedListResponse>;

/** `POST /canned` (admins); without an id, one is made. */
export const createCannedRequest = z.object({
  id: z.string().regex(CANNED_ID_PATTERN).optional(),
  title: cannedTitle,
  text: cannedText,
});
export type CreateCannedRequest = z.infer<typeof createCannedRequest>;

/** `PUT /canned/:id` (admins) */
export const updateCannedRequest = z.object({ title: cannedTitle, text: cannedText });
export type UpdateCannedRequest = z.infer<typeof updateCannedRequest>;

/** `POST /canned` (201), `PUT /canned/:id`; `DELETE /canned/:id` is 204. */
export const cannedResponse = z.strictObject({ answer: cannedAnswer });
export type CannedResponse = z.infer<typeof cannedResponse>;
