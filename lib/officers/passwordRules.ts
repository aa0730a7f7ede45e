/**
 * The rules a new officer password must meet. Browser-safe (no node:*): the officer app checks them before
 * sending with these same functions, and the service refuses with them (lib/officers/accounts.ts).
 */

export const MIN_PASSWORD_LENGTH = 12;
/** Bounds the work one sign-in can cause: scrypt's cost grows with the input only a little, but a 10 MB body is still waste. */
export const MAX_PASSWORD_LENGTH = 256;

export const PASSWORD_PROBLEMS = ['too-short', 'too-long', 'contains-username', 'same-as-before'] as const;
export type PasswordProblem = (typeof PASSWORD_PROBLEMS)[number];

/** Why a new password is refused, or undefined when it is acceptable (`same-as-before` needs the stored hash: the service's check). */
export function passwordProblem(password: string, username: string): Exclude<PasswordProblem, 'same-as-before'> | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return 'too-short';
  if (password.length > MAX_PASSWORD_LENGTH) return 'too-long';
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) return 'contains-username';
  return undefined;
}

/** The length a problem refers to, for the words an officer reads ("at least 12 characters"). */
export function passwordLimit(problem: PasswordProblem): number | undefined {
  if (problem === 'too-short') return MIN_PASSWORD_LENGTH;
  if (problem === 'too-long') return MAX_PASSWORD_LENGTH;
  return undefined;
}
