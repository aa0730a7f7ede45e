import { z } from 'zod';
import { LANGUAGES } from '../../i18n/language';

/** Pieces every resource of the officer API uses. */

/** A text in Thai and English. */
export const bilingual = z.strictObject({ th: z.string(), en: z.string() });
export type BilingualText = z.infer<typeof bilingual>;

export const lang = z.enum(LANGUAGES);

/** An instant as epoch milliseconds. */
export const epochMs = z.number().int().nonnegative();

/** A text an officer types: trimmed, then 1–max characters. */
export function typedText(max: number) {
  return z.string().trim().min(1).max(max);
}

/** The same, but it may be left out (or left blank: then it is absent). */
export function optionalTypedText(max: number) {
  return z.preprocess((value) => (value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value), z.string().trim().max(max).optional());
}
