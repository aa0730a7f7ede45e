import type { PasswordProblem } from '../../../../lib/officers/passwordRules';

/** The service's password rules, imported as they are: the app checks a new password before sending it. */
export { MIN_PASSWORD_LENGTH, passwordProblem } from '../../../../lib/officers/passwordRules';

/** Each refusal in the catalogues' words. */
export const PASSWORD_PROBLEM_TEXT: Record<PasswordProblem, string> = {
  'too-short': 'passwordTooShort',
  'too-long': 'passwordTooLong',
  'contains-username': 'passwordContainsUsername',
  'same-as-before': 'passwordSame',
};
