/**
 * Thai-language helpers: text normalisation, phone numbers, national IDs, and dates on the Bangkok calendar.
 */

export { normalizeText, segmentWords, toAsciiDigits } from './text';
export { maskPhone, parsePhone } from './phone';
export type { PhoneFailureReason, PhoneResult } from './phone';
export { maskNationalId, parseNationalId } from './nationalId';
export type { NationalIdFailureReason, NationalIdResult } from './nationalId';
export { bangkokToday, buddhistYear, formatDate, formatDateTime, parseWhen } from './dates';
export type { FormatDateOptions, WhenFailureReason, WhenResult } from './dates';
