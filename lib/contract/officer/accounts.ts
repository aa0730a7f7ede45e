import { z } from 'zod';
import { MAX_ACCOUNT_CENTRES, MAX_CENTRE_CODE_LENGTH, MAX_DISPLAY_NAME_LENGTH, MAX_USERNAME_LENGTH } from '../../officers/accountRules';
import { typedText } from './common';
import { officer, role } from './session';

/** Accounts, for admins. */

/** Centre codes as typed: blanks are dropped, each one must be a centre of the directory (else `unknown-centre`). */
const centreCodes = z.array(z.string().trim().max(MAX_CENTRE_CODE_LENGTH)).max(MAX_ACCOUNT_CENTRES);

/** `GET /officers` */
export const officersResponse = z.strictObject({ officers: z.array(officer) });
export type OfficersResponse = z.infer<typeof officersResponse>;

/** `POST /officers` */
export const createAccountRequest = z.object({
  username: typedText(MAX_USERNAME_LENGTH),
  displayName: typedText(MAX_DISPLAY_NAME_LENGTH),
  role,
  centres: centreCodes.default([]),
});
export type CreateAccountRequest = z.infer<typeof createAccountRequest>;

/** `POST /officers` (201) and `POST /officers/:id/password`: the one-time password is shown once. */
export const oneTimePasswordResponse = z.strictObject({ officer, password: z.string() });
export type OneTimePasswordResponse = z.infer<typeof oneTimePasswordResponse>;

/** `PATCH /officers/:id` */
export const updateAccountRequest = z.object({
  displayName: typedText(MAX_DISPLAY_NAME_LENGTH).optional(),
  role: role.optional(),
  centres: centreCodes.optional(),
  disabled: z.boolean().optional(),
});
export type UpdateAccountRequest = z.infer<typeof updateAccountRequest>;

export const accountResponse = z.strictObject({ officer });
export type AccountResponse = z.infer<typeof accountResponse>;
