/**
 * The officer API's contract: every request and response body of /api/officer, as zod schemas with their
 * types. The service validates with them and builds its answers to them; the officer app types its API client
 * from them; tests check real answers against them. Browser-safe: nothing here (or imported from here) uses
 * node:*, botbuilder, restify or the store, so the app bundles it as it is.
 */

export * from './accounts';
export * from './audit';
export * from './canned';
export * from './centres';
export * from './common';
export * from './complaints';
export * from './conversations';
export * from './errors';
export * from './officeHours';
export * from './realtime';
export * from './session';

export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordLimit, passwordProblem, PASSWORD_PROBLEMS, type PasswordProblem } from '../../officers/passwordRules';
export { centresProblem, MAX_ACCOUNT_CENTRES, MAX_CENTRE_CODE_LENGTH, MAX_DISPLAY_NAME_LENGTH, MAX_USERNAME_LENGTH, POLITE_ENDINGS, ROLES, USERNAME_PATTERN, type PoliteEnding, type Role } from '../../officers/accountRules';
export { findTrackingNumber, parseTrackingNumber, type TrackingNumberParse } from '../../complaints/trackingNumber';

/** Where the API lives, and its session cookie's name. */
export const OFFICER_API = '/api/officer';
export const SESSION_COOKIE = 'ddb_officer';
/** The header that carries the session's CSRF token on every unsafe method. */
export const CSRF_HEADER = 'x-csrf-token';
