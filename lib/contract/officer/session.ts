import { z } from 'zod';
import { MAX_DISPLAY_NAME_LENGTH, POLITE_ENDINGS, ROLES } from '../../officers/accountRules';
import { MAX_PASSWORD_LENGTH } from '../../officers/passwordRules';

/** Sessions: sign in and out, the page's reload, the officer's own password and settings. */

export const role = z.enum(ROLES);
export const politeEnding = z.enum(POLITE_ENDINGS);

/** An officer account as the API shows it. */
export const officer = z.strictObject({
  id: z.string(),
  username: z.string(),
  displayName: z.string().max(MAX_DISPLAY_NAME_LENGTH),
  role,
  centres: z.array(z.string()),
  mustChangePassword: z.boolean(),
  disabled: z.boolean(),
  /** ค่ะ or ครับ for canned answers; absent until the officer chooses. */
  politeEnding: politeEnding.optional(),
});
export type OfficerView = z.infer<typeof officer>;

/** `all` (admins) or the centre codes the officer may see and act on. */
export const scope = z.union([z.literal('all'), z.array(z.string())]);
export type Scope = z.infer<typeof scope>;

/** `POST /session` */
export const signInRequest = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().trim().min(1).max(MAX_PASSWORD_LENGTH),
});
export type SignInRequest = z.infer<typeof signInRequest>;

/** `POST /session`, `GET /session` */
export const sessionResponse = z.strictObject({ officer, csrfToken: z.string(), scope });
export type SessionResponse = z.infer<typeof sessionResponse>;

/** `POST /password` → 204 */
export const passwordChangeRequest = z.object({
  current: z.string().trim().min(1).max(MAX_PASSWORD_LENGTH),
  next: z.string().trim().min(1).max(MAX_PASSWORD_LENGTH),
});
export type PasswordChangeRequest = z.infer<typeof passwordChangeRequest>;

/** `PATCH /settings`: the officer's own settings. */
export const settingsRequest = z.object({ politeEnding });
export type SettingsRequest = z.infer<typeof settingsRequest>;
export const settingsResponse = z.strictObject({ officer });
export type SettingsResponse = z.infer<typeof settingsResponse>;
