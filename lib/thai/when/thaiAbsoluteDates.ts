/**
 * Dates named in Thai words: a day and a month ("12 ม.ค. 69", "3 มกราคม 2569"), a month ("เดือนกันยายน"), a
 * year ("ปี 2567", "พ.ศ. 2567") or a day of the month alone ("วันที่ 3").
 */

import { addMonths, type CivilDate, daysInMonth } from '../bangkokCalendar';
import { type Era, resolveYear } from '../buddhistEra';
import { dated } from './absoluteDates';
import { blankOut, type Extracted, found, INVALID, type Parsed } from './candidates';

// An abbreviation such as ม.ค., ม. ค., มค. or มค; undotted, it must not run into a following Thai word
// (ม+ค also occurs inside names such as สมคิด).
function abbreviation(first: string, second: string): string {
  return `${first}\\s*\\.?\\s*${second}(?:\\s*\\.|(?![\\u0E01-\\u0E4E]))`;
}

// Full names, the colloquial short forms (มกรา, พฤศจิกา) and the official abbreviations.
const THAI_MONTHS: readonly string[] = [
  `${abbreviation('ม', 'ค')}|มกรา(?:คม)?`,
  `${abbreviation('ก', 'พ')}|กุมภา(?:พันธ์?)?`,
  `${abbreviation('มี', 'ค')}|มีนา(?:คม)?`,
  `${abbreviation('เม', 'ย')}|เมษา(?:ยน)?`,
  `${abbreviation('พ', 'ค')}|พฤษภา(?:คม)?`,
  `${abbreviation('มิ', 'ย')}|มิถุนา(?:ยน)?`,
  `${abbreviation('ก', 'ค')}|กรก[ฎฏ]า(?:คม)?`,
  `${abbreviation('ส', 'ค')}|สิงหา(?:คม)?`,
  `${abbreviation('ก', 'ย')}|กันยา(?:ยน)?`,
  `${abbreviation('ต', 'ค')}|ตุลา(?:คม)?`,
  `${abbreviation('พ', 'ย')}|พฤศจิกา(?:ยน)?`,
  `${abbreviation('ธ', 'ค')}|ธันวา(?:คม)?`,
];
const MONTH = `(?:${THAI_MONTHS.map((source, index) => `(?<m${index + 1}>${source})`).join('|')})`;
const ERA = '(?:พ\\s*\\.?\\s*ศ\\s*\\.?|ค\\s*\\.?\\s*ศ\\s*\\.?)';
// A two-digit number after the month is a year unless it reads as a time ("12 ม.ค. 10 โมง", "… 14.30").
const YEAR = `(?:\\s*(?:ปี\\s*)?(?<era>${ERA})?\\s*(?<year>\\d{4}|\\d{2})(?!\\d|[.:]\\d|\\s*(?:โมง|ทุ่ม|นาฬิกา|น\\.|นาที)))`;
const DAY_MONTH = new RegExp(`(?<![\\d.:/])(?<day>\\d{1,2})\\s*${MONTH}${YEAR}?`);
const MONTH_ONLY = new RegExp(`(?<prefix>เดือน\\s*)?${MONTH}${YEAR}?`, 'g');

function monthOf(groups: Record<string, string | undefined>): number {
  for (let month = 1; month <= 12; month += 1) if (groups[`m${month}`] !== undefined) return month;
  return 0;
}

function eraOf(groups: Record<string, string | undefined>): Era | undefined {
  if (groups.era === undefined) return undefined;
  return groups.era.startsWith('พ') ? 'BE' : 'CE';
}

export function extractThaiMonthDate(text: string, today: CivilDate): Extracted | undefined {
  const dayMonth = DAY_MONTH.exec(text);
  if (dayMonth?.groups) {
    const groups = dayMonth.groups;
    const year = groups.year === undefined ? undefined : resolveYear(groups.year, eraOf(groups), today);
    return {
      parsed: dated(year, monthOf(groups), Number(groups.day), today),
      rest: blankOut(text, dayMonth.index, dayMonth[0].length),
    };
  }
  // A month alone is taken only with เดือน or a year: the short forms also occur inside words (ตุลาการ).
  for (const match of text.matchAll(MONTH_ONLY)) {
    const groups = match.groups;
    if (!groups || (groups.prefix === undefined && groups.year === undefined)) continue;
    const year = groups.year === undefined ? undefined : resolveYear(groups.year, eraOf(groups), today);
    return {
      parsed: dated(year, monthOf(groups), 1, today, 'month'),
      rest: blankOut(text, match.index ?? 0, match[0].length),
    };
  }
  return undefined;
}

// A year alone: "ปี 2567", "พ.ศ. 2567", "ปี 67". The number must follow ปี or the era: "67 ปี" is an age.
const YEAR_ONLY = new RegExp(`(?:ปี\\s*(?:${ERA}\\s*)?|${ERA}\\s*)(?<year>\\d{4}|\\d{2})(?!\\d|[.:/]\\d)`);

export function extractThaiYear(text: string, today: CivilDate): Extracted | undefined {
  const match = YEAR_ONLY.exec(text);
  if (!match?.groups) return undefined;
  const era = /ค\s*\.?\s*ศ/.test(match[0]) ? 'CE' : /พ\s*\.?\s*ศ/.test(match[0]) ? 'BE' : undefined;
  return {
    parsed: dated(resolveYear(match.groups.year, era, today), 1, 1, today, 'year'),
    rest: blankOut(text, match.index, match[0].length),
  };
}

const DAY_OF_MONTH = /วันที่\s*(\d{1,2})(?!\d|[.:]\d)/;

// "วันที่ 3" with no month: the most recent 3rd that is not in the future.
export function extractDayOfMonth(text: string, today: CivilDate): Extracted | undefined {
  const match = DAY_OF_MONTH.exec(text);
  if (!match) return undefined;
  const day = Number(match[1]);
  let parsed: Parsed = INVALID;
  for (let back = 0; back < 12; back += 1) {
    const month = addMonths({ ...today, day: 1 }, -back);
    if (day >= 1 && day <= daysInMonth(month.year, month.month) && (back > 0 || day <= today.day)) {
      parsed = found({ ...month, day }, false);
      break;
    }
  }
  return { parsed, rest: blankOut(text, match.index, match[0].length) };
}
