import { z } from 'zod';
import { CENTRE_KINDS } from '../../centres/kinds';
import { bilingual } from './common';

/** The centre picker: a search by name or code, in Thai or English. */

export const MAX_CENTRE_QUERY_LENGTH = 100;
export const MAX_CENTRE_RESULTS = 50;

/** `GET /centres?q=&limit=`; without `q`, the whole directory (for names), and `limit` does not apply. */
export const centreSearchQuery = z.object({
  q: z.string().trim().min(1).max(MAX_CENTRE_QUERY_LENGTH).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_CENTRE_RESULTS).default(10),
});
export type CentreSearchQuery = z.infer<typeof centreSearchQuery>;

export const centre = z.strictObject({
  code: z.string(),
  kind: z.enum(CENTRE_KINDS),
  name: bilingual,
  /** A district's province. */
  provinceCode: z.string().optional(),
});
export type CentreView = z.infer<typeof centre>;

export const centreSearchResponse = z.strictObject({ centres: z.array(centre) });
export type CentreSearchResponse = z.infer<typeof centreSearchResponse>;
