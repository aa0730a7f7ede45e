import { checkEmail, checkText, type TextField } from '../../lib/complaints/fields';
import type { ComplaintDraft } from '../../lib/complaints/types';
import { keptSaid } from '../../lib/complaints/when';
import type { Lang } from '../../lib/i18n/language';
import { parseNationalId } from '../../lib/thai/nationalId';
import { parsePhone } from '../../lib/thai/phone';
import { parseWhen } from '../../lib/thai/when/parseWhen';
import type { WhenPrecision } from '../../lib/thai/when/result';
import type { FieldParse } from '../prompts/fieldPrompt';
import type { DialogServices } from '../services';

/*
 * How the complaint flow reads what the citizen types for each field (the parsers of its FieldPrompts): the value
 * kept in the draft, or the text key of a helpful retry.
 */

/** When it happened, as the "when" question reads it: the date understood and the citizen's words for it. */
export interface UnderstoodWhen {
  date: string;
  time?: string;
  approximate: boolean;
  precision?: WhenPrecision;
  said?: string;
}

export function textParser(field: TextField, retryKey: string): (text: string) => FieldParse {
  return (text) => {
    const checked = checkText(field, text);
    if (checked.ok) return { ok: true, value: checked.value };
    return { ok: false, retryKey, vars: { min: checked.min, max: checked.max, length: checked.length } };
  };
}

export function phoneAnswer(text: string): FieldParse {
  const phone = parsePhone(text);
  return phone.ok ? { ok: true, value: phone.national } : { ok: false, retryKey: `complaint.phone.retry.${phone.reason}` };
}

export function emailAnswer(text: string): FieldParse {
  const email = checkEmail(text);
  return email.ok ? { ok: true, value: email.value } : { ok: false, retryKey: 'complaint.email.retry' };
}

export function nationalIdParser(services: DialogServices): (text: string) => FieldParse {
  return (text) => {
    const id = parseNationalId(text);
    if (!id.ok) return { ok: false, retryKey: `complaint.nationalId.retry.${id.reason}` };
    // The full number is hashed here and dropped: only its masked form and keyed hash are kept.
    return { ok: true, value: { masked: id.masked, hash: services.complaints.hash('national-id', id.digits) } };
  };
}

/** The date (and time) of the incident, on the service's clock: not in the future, not too long ago. */
export function whenParser(services: DialogServices): (text: string) => FieldParse {
  return (text) => {
    const result = parseWhen(text, guessLang(text), new Date(services.now()));
    if (result.ok) {
      const said = keptSaid(text);
      const value: UnderstoodWhen = {
        date: result.date,
        ...(result.time ? { time: result.time } : {}),
        approximate: result.approximate,
        ...(result.precision ? { precision: result.precision } : {}),
        ...(said ? { said } : {}),
      };
      return { ok: true, value };
    }
    const retryKey = result.reason === 'future' ? 'complaint.when.future' : result.reason === 'too-old' ? 'complaint.when.tooOld' : 'complaint.when.retry';
    return { ok: false, retryKey };
  };
}

/** The incident with the "when" answer: the date understood, or unknown (null: the citizen does not know). */
export function incidentWhen(incident: ComplaintDraft['incident'], when: UnderstoodWhen | null): NonNullable<ComplaintDraft['incident']> {
  return when
    ? {
        place: incident?.place,
        date: when.date,
        ...(when.time ? { time: when.time } : {}),
        ...(when.approximate ? { approximate: true } : {}),
        ...(when.precision ? { precision: when.precision } : {}),
        ...(when.said ? { said: when.said } : {}),
      }
    : { place: incident?.place, unknownDate: true };
}

/** Dates are read in the script they are written in, whatever the conversation's language. */
function guessLang(text: string): Lang {
  return /[\u0E00-\u0E7F]/.test(text) ? 'th' : 'en';
}
