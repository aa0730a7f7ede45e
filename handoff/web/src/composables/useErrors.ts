import { useI18n } from 'vue-i18n';
import { ApiError } from '../api/client';
import { PASSWORD_PROBLEM_TEXT } from '../logic/passwords';

/**
 * What an officer reads when a call fails: the app's own words for the service's error codes and details (the
 * conflict, the rule broken, when to try again). A message is never parsed. The codes the service used before
 * the contract (InvalidCredentials, AlreadyClaimed…) are still understood while both are in use.
 */
const BY_CODE: Record<string, string> = {
  Network: 'networkError',
  'invalid-credentials': 'invalidCredentials',
  InvalidCredentials: 'invalidCredentials',
  'rate-limited': 'tooManyAttempts',
  TooManyRequests: 'tooManyAttempts',
  'not-found': 'notFound',
  NotFound: 'notFound',
  AlreadyClaimed: 'alreadyClaimed',
  NotYours: 'notYours',
  UnknownCentre: 'unknownCentre',
  unauthenticated: 'sessionEnded',
  NotSignedIn: 'sessionEnded',
  'quota-exceeded': 'storageFull',
  StorageQuotaExceeded: 'storageFull',
  UsernameTaken: 'usernameTaken',
  OwnAccount: 'ownAccountRefused',
  forbidden: 'forbidden',
  'too-large': 'tooLarge',
  'unsupported-media-type': 'unsupportedMedia',
};

const CONFLICTS: Record<string, string> = {
  'already-claimed': 'alreadyClaimed',
  'not-yours': 'notYours',
  'own-account': 'ownAccountRefused',
  'username-taken': 'usernameTaken',
  'canned-id-taken': 'cannedIdTaken',
};

const BY_STATUS: Record<number, string> = { 429: 'tooManyAttempts', 403: 'forbidden', 413: 'tooLarge', 415: 'unsupportedMedia' };

export function useErrors() {
  const { t, locale } = useI18n();

  /**
   * `fieldNames` name the form's fields by the service's paths ('text.th.khrap'), so that a refusal says the field
   * as the officer sees it; a path the form does not name is said as it is.
   */
  function say(error: unknown, overrides: Record<string, string> = {}, fieldNames: Readonly<Record<string, string>> = {}): string {
    if (!(error instanceof ApiError)) return t('genericError');
    const details = error.details;
    const override = overrides[error.code] ?? (typeof details.conflict === 'string' ? overrides[details.conflict] : undefined);
    if (override) return t(override);
    if (error.code === 'conflict' && typeof details.conflict === 'string' && CONFLICTS[details.conflict]) return t(CONFLICTS[details.conflict]);
    if (error.code === 'unknown-centre' && Array.isArray(details.codes)) return t('unknownCentres', { codes: details.codes.join(', ') });
    if (error.code === 'locked-out' && typeof details.until === 'string') {
      const until = new Intl.DateTimeFormat(locale.value === 'en' ? 'en-GB' : 'th-TH', { timeZone: 'Asia/Bangkok', timeStyle: 'short' }).format(new Date(details.until));
      return t('lockedOutUntil', { time: until });
    }
    if (error.code === 'validation' && typeof details.rule === 'string') {
      if (details.rule in PASSWORD_PROBLEM_TEXT) return t(PASSWORD_PROBLEM_TEXT[details.rule as keyof typeof PASSWORD_PROBLEM_TEXT]);
      if (details.rule === 'wrong-password') return t('passwordCurrentWrong');
      if (details.rule === 'centres-required') return t('centresRequired');
      const field = String(details.field ?? '');
      // A text that must have at least one character is one that must be filled in.
      const rule = details.rule === 'too-short' && details.limit === 1 ? 'required' : details.rule;
      return t('fieldRefused', { field: fieldNames[field] ?? field, rule: t(`rules.${rule}`, { limit: String(details.limit ?? '') }) });
    }
    const key = BY_CODE[error.code];
    if (key) return t(key);
    const byStatus = BY_STATUS[error.status];
    if (byStatus) return t(byStatus);
    return error.status === 400 ? `${t('badRequest')} (${error.code})` : `${t('genericError')} (${error.code})`;
  }

  return { say };
}
