/**
 * What an officer account may hold: roles, the username's form, the display name's length, the centres an
 * account lists, and the officer's own polite ending. Browser-safe (no node:*): the officer app checks a form
 * with these before sending, and the service refuses with them (lib/officers/accounts.ts).
 */

export const ROLES = ['officer', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Lower case, as stored: 3–32 letters, digits, dots, dashes or underscores, starting with a letter or digit. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,31}$/;
export const MAX_USERNAME_LENGTH = 32;
export const MAX_DISPLAY_NAME_LENGTH = 100;
/** An account lists at most this many centres (a supervisor's are provinces: 76 at most). */
export const MAX_ACCOUNT_CENTRES = 100;
/** Centre codes are short ('10', '1001', 'MOI'). */
export const MAX_CENTRE_CODE_LENGTH = 16;

/**
 * The particle an officer ends Thai sentences with: ค่ะ (`kha`) or ครับ (`khrap`). Canned answers that are not
 * written neutrally come in both forms, and the officer's own setting chooses (lib/content/cannedText.ts).
 */
export const POLITE_ENDINGS = ['kha', 'khrap'] as const;
export type PoliteEnding = (typeof POLITE_ENDINGS)[number];

/** Why an account rule refuses a value, or undefined: 'centres-required' for an officer or supervisor without any. */
export function centresProblem(role: Role, centres: readonly string[]): 'centres-required' | undefined {
  return role !== 'admin' && centres.length === 0 ? 'centres-required' : undefined;
}
