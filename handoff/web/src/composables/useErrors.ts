import { useI18n } from 'vue-i18n';
import { ApiError } from '../api/client';
import { PASSWORD_PROBLEM_TEXT } from '../logic/passwords';

/**
 * What an officer reads when a call fails: the app's own words for the service's error codes. The code and its
 * details decide; a message is never parsed.
 */
const BY_CODE: Record<string, string> = {
  Network: 'networkError',
  InvalidCredentials: 'invalidCredentials',
  TooManyRequests: 'tooManyAttempts',
  NotFound: 'notFound',
  AlreadyClaimed: 'alreadyClaimed',
  NotYours: 'notYours',
  UnknownCentre: 'unknownCentre',
  NotSignedIn: 'sessionEnded',
  StorageQuotaExceeded: 'storageFull',
  UsernameTaken: 'usernameTaken',
  OwnAccount: 'ownAccountRefused',
};

const BY_STATUS: Record<number, string> = { 429: 'tooManyAttempts', 403: 'forbidden', 413: 'tooLarge', 415: 'unsupportedMedia' };

export function useErrors() {
  const { t } = useI18n();

  function say(error: unknown, overrides: Record<string, string> = {}): string {
    if (!(error instanceof ApiError)) return t('genericError');
    const key = overrides[error.code] ?? BY_CODE[error.code];
    if (key) return t(key);
    const rule = error.details.rule;
    if (typeof rule === 'string' && rule in PASSWORD_PROBLEM_TEXT) return t(PASSWORD_PROBLEM_TEXT[rule as keyof typeof PASSWORD_PROBLEM_TEXT]);
    const byStatus = BY_STATUS[error.status];
    if (byStatus) return t(byStatus);
    return error.status === 400 ? `${t('badRequest')} (${error.code})` : `${t('genericError')} (${error.code})`;
  }

  return { say };
}
