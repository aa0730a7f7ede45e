/**
 * What a new officer password must be: the service refuses anything else, and the officer app checks the same
 * before sending (it imports this module, which therefore needs nothing from Node).
 */

export const MIN_PASSWORD_LENGTH = 12;
/** Bounds the work one sign-in can cause: scrypt's cost grows with the input only a little, but a 10 MB body is still waste. */
export const MAX_PASSWORD_LENGTH = 256;

export type PasswordProblem = 'too-short' | 'too-long' | 'contains-username';

/** Why a new password is refused, or undefined when it is acceptable. */
export function passwordProblem(password: string, username: string): PasswordProblem | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return 'too-short';
  if (password.length > MAX_PASSWORD_LENGTH) return 'too-long';
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) return 'contains-username';
  return undefined;
}
