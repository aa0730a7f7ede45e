import { bangkokToday, buddhistYear, formatDate, formatDateTime, formatMonth, formatWeek, formatYear, parseWhen } from '../../../lib/thai/dates';
import type { WhenResult } from '../../../lib/thai/dates';

// Fixed instants, with their Bangkok wall-clock time (UTC+7):
/** Monday 5 January 2026, 10:00 in Bangkok. */
const MON_5_JAN = new Date('2026-01-05T03:00:00Z');
/** Sunday 1 March 2026, 09:00 in Bangkok: yesterday is the last day of February. */
const SUN_1_MAR = new Date('2026-03-01T02:00:00Z');
/** Tuesday 31 March 2026, 12:00 in Bangkok: a month ago is clamped to 28 February. */
const TUE_31_MAR = new Date('2026-03-31T05:00:00Z');
/** Thursday 1 January 2026, 01:30 in Bangkok, while it is still 31 December in UTC and in New York. */
const NEW_YEAR_NIGHT = new Date('2025-12-31T18:30:00Z');

function on(date: string, time?: string, approximate = false): WhenResult {
  return time === undefined ? { ok: true, date, approximate } : { ok: true, date, time, approximate };
}
const about = (date: string): WhenResult => on(date, undefined, true);
/** A period the citizen named: its first day (a week's Monday), how precise, and whether it is an estimate. */
function named(precision: 'week' | 'month' | 'year', date: string, approximate = false): WhenResult {
  return { ok: true, date, approximate, precision };
}
const week = (date: string, approximate = false) => named('week', date, approximate);
const month = (date: string, approximate = false) => named('month', date, approximate);
const year = (date: string, approximate = false) => named('year', date, approximate);
const FUTURE: WhenResult = { ok: false, reason: 'future' };
const TOO_OLD: WhenResult = { ok: false, reason: 'too-old' };
const UNRECOGNISED: WhenResult = { ok: false, reason: 'unrecognised' };

describe('parseWhen, Thai, on Monday 5 January 2026 at 10:00', () => {
  test.each<[string, WhenResult]>([
    // Relative days, across the year boundary.
    ['วันนี้', on('2026-01-05')],
    ['เมื่อวาน', on('2026-01-04')],
    ['เมื่อวานนี้', on('2026-01-04')],
    ['วานนี้', on('2026-01-04')],
    ['เมื่อวานซืน', on('2026-01-03')],
    ['3 วันก่อน', on('2026-01-02')],
    ['เมื่อ 3 วันที่แล้ว', on('2026-01-02')],
    ['สามวันที่แล้ว', on('2026-01-02')],
    ['๗ วันก่อน', on('2025-12-29')],
    ['10 วันที่ผ่านมา', on('2025-12-26')],
    // Periods: the calendar week (Monday to Sunday), month or year; counted back, an estimate of one.
    ['สัปดาห์ที่แล้ว', week('2025-12-29')],
    ['อาทิตย์ที่แล้ว', week('2025-12-29')],
    ['เมื่ออาทิตย์ก่อน', week('2025-12-29')],
    ['สัปดาห์นี้', week('2026-01-05')],
    ['2 สัปดาห์ก่อน', week('2025-12-22', true)],
    ['เดือนที่แล้ว', month('2025-12-01')],
    ['เดือนก่อน', month('2025-12-01')],
    ['เดือนนี้', month('2026-01-01')],
    ['3 เดือนก่อน', month('2025-10-01', true)],
    ['ประมาณ 3 เดือนก่อน', month('2025-10-01', true)],
    ['สามเดือนที่แล้ว', month('2025-10-01', true)],
    ['ปีที่แล้ว', year('2025-01-01')],
    ['2 ปีก่อน', year('2024-01-01', true)],
    ['ปี 2567', year('2024-01-01')],
    ['พ.ศ. 2567', year('2024-01-01')],
    ['ปี 67', year('2024-01-01')],
    // Hedged: the date is the citizen's estimate; a time keeps the day exact.
    ['ประมาณ 3 วันก่อน', about('2026-01-02')],
    ['ราว ๆ วันที่ 20', about('2025-12-20')],
    ['น่าจะเมื่อวานซืน', about('2026-01-03')],
    ['ประมาณบ่ายสองเมื่อวาน', on('2026-01-04', '14:00')],
    ['2 ชั่วโมงก่อน', on('2026-01-05', '08:00')],
    ['30 นาทีที่แล้ว', on('2026-01-05', '09:30')],
    // Weekdays: the most recent one strictly before today (today is a Monday).
    ['เมื่อวันจันทร์', on('2025-12-29')],
    ['วันจันทร์ที่แล้ว', on('2025-12-29')],
    ['วันอังคาร', on('2025-12-30')],
    ['เมื่อวันพุธ', on('2025-12-31')],
    ['วันพฤหัส', on('2026-01-01')],
    ['วันพฤหัสบดีที่แล้ว', on('2026-01-01')],
    ['เมื่อวันศุกร์', on('2026-01-02')],
    ['วันเสาร์ที่แล้ว', on('2026-01-03')],
    ['วันอาทิตย์ที่แล้ว', on('2026-01-04')],
    ['เสาร์ที่แล้ว', on('2026-01-03')],
    // Day and month names, full, colloquial and abbreviated, with BE, CE and two-digit years.
    ['1 มกราคม 2569', on('2026-01-01')],
    ['วันที่ 1 มกราคม พ.ศ. 2569', on('2026-01-01')],
    ['1 ม.ค. 2569', on('2026-01-01')],
    ['๑ ม.ค. ๒๕๖๙', on('2026-01-01')],
    ['๒ มกรา ๖๙', on('2026-01-02')],
    ['1 ม.ค. ค.ศ. 2026', on('2026-01-01')],
    ['1 มกราคม 2026', on('2026-01-01')],
    ['25 ธ.ค. 68', on('2025-12-25')],
    ['25 ธ. ค. 2568', on('2025-12-25')],
    ['25 ธค 68', on('2025-12-25')],
    ['25ธ.ค.2568', on('2025-12-25')],
    ['25 ธันวา', on('2025-12-25')],
    ['3 ม.ค.', on('2026-01-03')],
    ['10 ตุลาคม 2567', on('2024-10-10')],
    ['14 ก.พ. 2568', on('2025-02-14')],
    ['13 เม.ย. 68', on('2025-04-13')],
    ['5 มิ.ย. 2568', on('2025-06-05')],
    ['28 ก.ค. 2568', on('2025-07-28')],
    ['12 ส.ค. 68', on('2025-08-12')],
    ['23 ต.ค. 2568', on('2025-10-23')],
    ['1 พ.ย. 2568', on('2025-11-01')],
    ['4 พ.ค. 2568', on('2025-05-04')],
    ['21 มี.ค. 2568', on('2025-03-21')],
    ['9 ก.ย. 2568', on('2025-09-09')],
    ['29 ก.พ.', on('2024-02-29')],
    // Numeric dates: day/month/year.
    ['1/1/2569', on('2026-01-01')],
    ['30-12-68', on('2025-12-30')],
    ['31.12.2025', on('2025-12-31')],
    ['๓๐/๑๒/๒๕๖๘', on('2025-12-30')],
    ['4/1', on('2026-01-04')],
    ['2568-12-25', on('2025-12-25')],
    // Day of the month alone, and a month alone (approximate: its first day).
    ['วันที่ 3', on('2026-01-03')],
    ['เมื่อวันที่ 20', on('2025-12-20')],
    ['เดือนธันวาคม', month('2025-12-01')],
    ['พ.ย. 2568', month('2025-11-01')],
    ['เดือน ม.ค.', month('2026-01-01')],
    ['ประมาณเดือนธันวาคม', month('2025-12-01', true)],
    ['เดือนที่แล้ว บ่ายสองโมง', month('2025-12-01')],
  ])('%s', (text, expected) => {
    expect(parseWhen(text, 'th', MON_5_JAN)).toEqual(expected);
  });
});

describe('parseWhen, Thai times of day, on Monday 5 January 2026 at 10:00', () => {
  test.each<[string, WhenResult]>([
    ['เมื่อวาน 14.30 น.', on('2026-01-04', '14:30')],
    ['เมื่อวาน เวลา 14:30', on('2026-01-04', '14:30')],
    ['31 ธันวาคม 2568 เวลา 14.30 น.', on('2025-12-31', '14:30')],
    ['๓๑ ธ.ค. ๒๕๖๘ ๐๙.๑๕ น.', on('2025-12-31', '09:15')],
    ['31/12/2568 23:59', on('2025-12-31', '23:59')],
    ['เมื่อวาน 9 นาฬิกา 15 นาที', on('2026-01-04', '09:15')],
    ['เมื่อวาน 16 น.', on('2026-01-04', '16:00')],
    ['เมื่อวานบ่ายสองโมง', on('2026-01-04', '14:00')],
    ['เมื่อวาน บ่าย 3 โมง', on('2026-01-04', '15:00')],
    ['เมื่อวานบ่ายสาม', on('2026-01-04', '15:00')],
    ['เมื่อวานบ่ายโมงครึ่ง', on('2026-01-04', '13:30')],
    ['เมื่อวานสามทุ่ม', on('2026-01-04', '21:00')],
    ['เมื่อวาน 3 ทุ่ม', on('2026-01-04', '21:00')],
    ['เมื่อวานทุ่มครึ่ง', on('2026-01-04', '19:30')],
    ['เมื่อวานห้าทุ่ม', on('2026-01-04', '23:00')],
    ['วันนี้ตีสอง', on('2026-01-05', '02:00')],
    ['ตี ๕', on('2026-01-05', '05:00')],
    ['เมื่อวานเที่ยง', on('2026-01-04', '12:00')],
    ['เมื่อวานเที่ยงคืน', on('2026-01-04', '00:00')],
    ['เมื่อวานหกทุ่ม', on('2026-01-04', '00:00')],
    ['วันนี้สิบโมงเช้า', on('2026-01-05', '10:00')],
    ['เมื่อวาน 6 โมงเย็น', on('2026-01-04', '18:00')],
    ['เมื่อวานสี่โมงเย็น', on('2026-01-04', '16:00')],
    ['เมื่อวานสองโมงเช้า', on('2026-01-04', '08:00')],
    ['เมื่อวานแปดโมงเช้า', on('2026-01-04', '08:00')],
    ['เมื่อวานแปดโมงครึ่ง', on('2026-01-04', '08:30')],
    ['เมื่อวานห้าโมง', on('2026-01-04', '17:00')],
    ['เมื่อวานสิบเอ็ดโมง', on('2026-01-04', '11:00')],
    ['เมื่อวานโมงเช้า', on('2026-01-04', '07:00')],
    ['3 ม.ค. 10 โมง', on('2026-01-03', '10:00')],
    ['3 ม.ค. 3pm', on('2026-01-03', '15:00')],
    // Last night: the small hours after midnight are today's date.
    ['เมื่อคืนตีสอง', on('2026-01-05', '02:00')],
    ['เมื่อคืนนี้สองทุ่มครึ่ง', on('2026-01-04', '20:30')],
    ['เมื่อคืน', on('2026-01-04')],
    // Words that only look like times.
    ['ถูกตีสองครั้งเมื่อวาน', on('2026-01-04')],
    ['เมื่อวานเจ้าหน้าที่ไม่เที่ยงธรรม', on('2026-01-04')],
    ['ทำงาน 8 ชั่วโมง เมื่อวานสิบโมง', on('2026-01-04', '10:00')],
  ])('%s', (text, expected) => {
    expect(parseWhen(text, 'th', MON_5_JAN)).toEqual(expected);
  });
});

describe('parseWhen, Thai, refusals on Monday 5 January 2026 at 10:00', () => {
  test.each<[string, WhenResult]>([
    ['พรุ่งนี้', FUTURE],
    ['มะรืนนี้', FUTURE],
    ['สัปดาห์หน้า', FUTURE],
    ['วันจันทร์หน้า', FUTURE],
    ['12 ม.ค. 2569', FUTURE],
    ['๑๒/๑/๖๙', FUTURE],
    ['1 ม.ค. 2570', FUTURE],
    ['วันนี้ 14:30', FUTURE],
    ['บ่ายสองโมง', FUTURE],
    // The bound is ten years to the day: 5 January 2016.
    ['5 ม.ค. 2559', on('2016-01-05')],
    ['4 ม.ค. 2559', TOO_OLD],
    ['1 ม.ค. 2550', TOO_OLD],
    ['1/1/2400', TOO_OLD],
    ['1/1/1999', TOO_OLD],
    ['1/1/0012', TOO_OLD],
    ['31 ก.พ. 2569', UNRECOGNISED],
    ['32/1/2569', UNRECOGNISED],
    ['1/13/2568', UNRECOGNISED],
    ['สวัสดีครับ', UNRECOGNISED],
    ['อยากร้องเรียนเรื่องถนน', UNRECOGNISED],
    ['ตุลาการ', UNRECOGNISED],
    ['นายสมคิด', UNRECOGNISED],
    ['ตอนบ่าย', UNRECOGNISED],
  ])('%s', (text, expected) => {
    expect(parseWhen(text, 'th', MON_5_JAN)).toEqual(expected);
  });
});

describe('parseWhen, Thai, across month and year boundaries', () => {
  test.each<[string, Date, WhenResult]>([
    ['เมื่อวาน', SUN_1_MAR, on('2026-02-28')],
    ['เมื่อวานซืน', SUN_1_MAR, on('2026-02-27')],
    ['เมื่อวันศุกร์', SUN_1_MAR, on('2026-02-27')],
    ['วันอาทิตย์', SUN_1_MAR, on('2026-02-22')],
    ['เดือนที่แล้ว', SUN_1_MAR, month('2026-02-01')],
    ['วันที่ 30', SUN_1_MAR, on('2026-01-30')],
    ['29 ก.พ.', SUN_1_MAR, on('2024-02-29')],
    ['เดือนที่แล้ว', TUE_31_MAR, month('2026-02-01')],
    ['1 เดือนก่อน', TUE_31_MAR, month('2026-02-01', true)],
    ['สัปดาห์ที่แล้ว', SUN_1_MAR, week('2026-02-16')],
    ['ปีที่แล้ว', NEW_YEAR_NIGHT, year('2025-01-01')],
    ['วันนี้', NEW_YEAR_NIGHT, on('2026-01-01')],
    ['เมื่อวาน', NEW_YEAR_NIGHT, on('2025-12-31')],
    ['ตีหนึ่ง', NEW_YEAR_NIGHT, on('2026-01-01', '01:00')],
    ['ตีหนึ่งครึ่ง', NEW_YEAR_NIGHT, on('2026-01-01', '01:30')],
    ['ตีสอง', NEW_YEAR_NIGHT, FUTURE],
    ['31 ธ.ค.', NEW_YEAR_NIGHT, on('2025-12-31')],
    ['1 ม.ค.', NEW_YEAR_NIGHT, on('2026-01-01')],
    ['2 ม.ค.', NEW_YEAR_NIGHT, on('2025-01-02')],
    ['1 ม.ค. 2569', NEW_YEAR_NIGHT, on('2026-01-01')],
  ])('%s', (text, now, expected) => {
    expect(parseWhen(text, 'th', now)).toEqual(expected);
  });
});

describe('parseWhen, English, on Monday 5 January 2026 at 10:00', () => {
  test.each<[string, WhenResult]>([
    ['today', on('2026-01-05')],
    ['Yesterday', on('2026-01-04')],
    ['it happened yesterday', on('2026-01-04')],
    ['the day before yesterday', on('2026-01-03')],
    ['3 days ago', on('2026-01-02')],
    ['๓ days ago', on('2026-01-02')],
    ['two days ago', on('2026-01-03')],
    ['last Monday', on('2025-12-29')],
    ['on Friday', on('2026-01-02')],
    ['last week', week('2025-12-29')],
    ['last month', month('2025-12-01')],
    ['last year', year('2025-01-01')],
    ['in 2024', year('2024-01-01')],
    ['in December', month('2025-12-01')],
    ['about three months ago', month('2025-10-01', true)],
    ['3 months ago', month('2025-10-01', true)],
    ['two weeks ago', week('2025-12-22', true)],
    ['a couple of years ago', year('2024-01-01', true)],
    ['a few days ago', about('2026-01-02')],
    ['about 3 days ago', about('2026-01-02')],
    ['around 20 December', about('2025-12-20')],
    // A part of a day names the day; the hour nobody said is not kept.
    ['last night', on('2026-01-04')],
    ['yesterday afternoon', on('2026-01-04')],
    ['2 January 2569', on('2026-01-02')],
    ['January 3, 2569', on('2026-01-03')],
    ['December 25, B.E. 2568', on('2025-12-25')],
    ['2 Jan 69', on('2026-01-02')],
    ['2 January 2026', on('2026-01-02')],
    ['Dec 25', on('2025-12-25')],
    ['25th of December', on('2025-12-25')],
    ['29 Feb', on('2024-02-29')],
    // Numeric dates are day/month/year, as in Thailand: 03/01/2026 is 3 January, not 3 March.
    ['03/01/2026', on('2026-01-03')],
    ['1/12/2025', on('2025-12-01')],
    ['02/01/2569', on('2026-01-02')],
    ['4/1/69', on('2026-01-04')],
    ['25/12/25', on('2025-12-25')],
    ['๒๕/๑๒/๒๕๖๘', on('2025-12-25')],
    ['2025-12-31', on('2025-12-31')],
    ['on 31/12/2568 at 3pm', on('2025-12-31', '15:00')],
    ['2 Jan 2026 at 10:30', on('2026-01-02', '10:30')],
    ['yesterday at 3pm', on('2026-01-04', '15:00')],
    ['yesterday 14.30', on('2026-01-04', '14:30')],
    ['3 days ago at 9pm', on('2026-01-02', '21:00')],
    ['last Friday at 5pm', on('2026-01-02', '17:00')],
    ['around noon yesterday', on('2026-01-04', '12:00')],
    ['2 hours ago', on('2026-01-05', '08:00')],
    ['at 9am', on('2026-01-05', '09:00')],
    ['now', on('2026-01-05', '10:00')],
    ['เมื่อวาน', on('2026-01-04')],
    ['12 ม.ค. 2568', on('2025-01-12')],
  ])('%s', (text, expected) => {
    expect(parseWhen(text, 'en', MON_5_JAN)).toEqual(expected);
  });
});

describe('parseWhen, English, refusals on Monday 5 January 2026 at 10:00', () => {
  test.each<[string, WhenResult]>([
    ['tomorrow', FUTURE],
    ['next week', FUTURE],
    ['12 January 2569', FUTURE],
    ['12 January 2027', FUTURE],
    ['12/01/2026', FUTURE],
    ['at 3pm', FUTURE],
    ['1 January 2015', TOO_OLD],
    ['in 2010', TOO_OLD],
    ['15 years ago', TOO_OLD],
    ['1 January 2500', TOO_OLD],
    ['31 Feb 2025', UNRECOGNISED],
    ['31/02/2025', UNRECOGNISED],
    ['hello', UNRECOGNISED],
    ['I want to complain about the road', UNRECOGNISED],
  ])('%s', (text, expected) => {
    expect(parseWhen(text, 'en', MON_5_JAN)).toEqual(expected);
  });
});

describe('parseWhen, English, across the year boundary at 01:30 on 1 January 2026', () => {
  test.each<[string, WhenResult]>([
    ['today', on('2026-01-01')],
    ['yesterday', on('2025-12-31')],
    ['yesterday at 11pm', on('2025-12-31', '23:00')],
    ['now', on('2026-01-01', '01:30')],
    ['an hour ago', on('2026-01-01', '00:30')],
    ['2 hours ago', on('2025-12-31', '23:30')],
    ['last Thursday', on('2025-12-25')],
    ['Dec 31', on('2025-12-31')],
    ['Jan 2', on('2025-01-02')],
    ['at 1am', on('2026-01-01', '01:00')],
    ['at 2am', FUTURE],
  ])('%s', (text, expected) => {
    expect(parseWhen(text, 'en', NEW_YEAR_NIGHT)).toEqual(expected);
  });
});

describe('parseWhen with digits only: the language breaks the tie, both readings agree', () => {
  test.each(['th', 'en'] as const)('%s', (lang) => {
    expect(parseWhen('31/12/2568 09.15', lang, MON_5_JAN)).toEqual(on('2025-12-31', '09:15'));
    expect(parseWhen('09.15', lang, MON_5_JAN)).toEqual(on('2026-01-05', '09:15'));
  });
});

/** Thursday 26 November 2026, 10:00 in Bangkok: Tuesday was two days ago, and the Tuesday before that nine. */
const THU_26_NOV = new Date('2026-11-26T03:00:00Z');

describe('parseWhen, "last Tuesday" said on a Thursday: the most recent Tuesday; "Tuesday last week" the one before', () => {
  test.each<[string, WhenResult]>([
    ['อังคารที่แล้ว', on('2026-11-24')],
    ['วันอังคารที่แล้ว', on('2026-11-24')],
    ['เมื่อวันอังคารที่ผ่านมา', on('2026-11-24')],
    ['วันอังคาร', on('2026-11-24')],
    ['วันอังคารสัปดาห์นี้', on('2026-11-24')],
    ['อังคารสัปดาห์ที่แล้ว', on('2026-11-17')],
    ['วันอังคารอาทิตย์ที่แล้ว', on('2026-11-17')],
    ['วันอังคารของสัปดาห์ที่แล้ว', on('2026-11-17')],
    ['สัปดาห์ที่แล้ว วันอังคาร', on('2026-11-17')],
    ['วันพฤหัสที่แล้ว', on('2026-11-19')],
    ['วันศุกร์ที่แล้ว', on('2026-11-20')],
    ['วันอาทิตย์ที่แล้ว', on('2026-11-22')],
    ['วันศุกร์สัปดาห์นี้', FUTURE],
    ['อังคารที่แล้ว บ่ายสามโมง', on('2026-11-24', '15:00')],
    ['last Tuesday', on('2026-11-24')],
    ['this past Tuesday', on('2026-11-24')],
    ['on Tuesday', on('2026-11-24')],
    ['last tues', on('2026-11-24')],
    ['Tuesday last week', on('2026-11-17')],
    ['last week on Tuesday', on('2026-11-17')],
    ["last week's Tuesday", on('2026-11-17')],
    ['Tuesday of last week', on('2026-11-17')],
    ['last Thursday', on('2026-11-19')],
    ['last Friday', on('2026-11-20')],
    ['last Tuesday at 3pm', on('2026-11-24', '15:00')],
    ['last month', month('2026-10-01')],
    ['last Monday', on('2026-11-23')],
  ])('%s', (text, expected) => {
    expect(parseWhen(text, /[a-z]/i.test(text) ? 'en' : 'th', THU_26_NOV)).toEqual(expected);
  });
});

describe('parseWhen on garbage returns quickly and never throws', () => {
  const garbage: readonly [string, string][] = [
    ['empty', ''],
    ['spaces', '   \n\t '],
    ['emoji', '😀😀😀'],
    ['flags', '🇹🇭'.repeat(5000)],
    ['HTML', '<script>alert(1)</script>'],
    ['empty tags', '<b></b><i></i>'],
    ['control characters', '\u0000\u0007\uFFFF\uD800'],
    ['zero-width', '\u200B\u200B'],
    ['punctuation', '?!.,;:/-'],
    ['10,000 letters', 'x'.repeat(10_000)],
    ['10,000 characters of numbers', '12 '.repeat(3334)],
    ['a date repeated past the length limit', 'เมื่อวาน '.repeat(1250)],
    ['201 characters', `เมื่อวาน${'x'.repeat(193)}`],
    ['SQL', "'; DROP TABLE complaints; --"],
  ];
  test.each(['th', 'en'] as const)('%s', (lang) => {
    for (const [, text] of garbage) {
      expect(parseWhen(text, lang, MON_5_JAN)).toEqual({ ok: false, reason: 'unrecognised' });
    }
  });

  // How long these take is measured by `npm run bench -- worst`, not here.
  test('the worst text under the length limit still gives an answer, never an exception', () => {
    for (const text of ['12 '.repeat(66), '1/'.repeat(100), 'ม.ค. '.repeat(40), 'yesterday '.repeat(20)]) {
      for (const lang of ['en', 'th'] as const) {
        expect(typeof parseWhen(text, lang, MON_5_JAN).ok).toBe('boolean');
      }
    }
  });

  test('an invalid now is a programming error', () => {
    expect(() => parseWhen('เมื่อวาน', 'th', new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('formatMonth, formatYear and formatWeek: periods as the summary shows them', () => {
  test.each<[string, 'th' | 'en', string]>([
    ['2026-09-01', 'th', 'กันยายน 2569'],
    ['2026-09-01', 'en', 'September 2026'],
    ['2026-12-31', 'th', 'ธันวาคม 2569'],
  ])('month of %s in %s', (date, lang, expected) => expect(formatMonth(date, lang)).toBe(expected));

  test.each<[string, 'th' | 'en', string]>([
    ['2024-01-01', 'th', '2567'],
    ['2024-01-01', 'en', '2024'],
  ])('year of %s in %s', (date, lang, expected) => expect(formatYear(date, lang)).toBe(expected));

  test.each<[string, 'th' | 'en', string]>([
    ['2026-11-16', 'th', '16–22 พฤศจิกายน 2569'],
    ['2026-11-16', 'en', '16–22 November 2026'],
    ['2026-11-30', 'th', '30 พฤศจิกายน – 6 ธันวาคม 2569'],
    ['2025-12-29', 'en', '29 December 2025 – 4 January 2026'],
    ['2025-12-29', 'th', '29 ธันวาคม 2568 – 4 มกราคม 2569'],
  ])('week from %s in %s', (date, lang, expected) => expect(formatWeek(date, lang)).toBe(expected));

  test('a malformed date is a programming error', () => {
    expect(() => formatMonth('2026-13-01', 'th')).toThrow(RangeError);
    expect(() => formatWeek('yesterday', 'en')).toThrow(RangeError);
  });
});

describe('formatDate', () => {
  test.each<[string, 'th' | 'en', { time?: string; weekday?: boolean } | undefined, string]>([
    ['2026-11-24', 'th', undefined, '24 พฤศจิกายน 2569'],
    ['2026-11-24', 'th', { time: '14:30' }, '24 พฤศจิกายน 2569 เวลา 14:30 น.'],
    ['2026-11-24', 'th', { weekday: true }, 'วันอังคารที่ 24 พฤศจิกายน 2569'],
    ['2026-11-24', 'th', { weekday: true, time: '09:05' }, 'วันอังคารที่ 24 พฤศจิกายน 2569 เวลา 09:05 น.'],
    ['2026-11-24', 'en', undefined, '24 November 2026'],
    ['2026-11-24', 'en', { time: '14:30' }, '24 November 2026, 14:30'],
    ['2026-11-24', 'en', { weekday: true }, 'Tuesday, 24 November 2026'],
    ['2026-11-24', 'en', { weekday: true, time: '00:00' }, 'Tuesday, 24 November 2026, 00:00'],
    ['2026-01-01', 'th', { weekday: true }, 'วันพฤหัสบดีที่ 1 มกราคม 2569'],
    ['2025-12-31', 'th', undefined, '31 ธันวาคม 2568'],
    ['2024-02-29', 'en', { weekday: true }, 'Thursday, 29 February 2024'],
  ])('%s %s %j → %s', (date, lang, options, expected) => {
    expect(formatDate(date, lang, options)).toBe(expected);
  });

  test.each<[number, string, string]>([
    [1, 'มกราคม', 'January'],
    [2, 'กุมภาพันธ์', 'February'],
    [3, 'มีนาคม', 'March'],
    [4, 'เมษายน', 'April'],
    [5, 'พฤษภาคม', 'May'],
    [6, 'มิถุนายน', 'June'],
    [7, 'กรกฎาคม', 'July'],
    [8, 'สิงหาคม', 'August'],
    [9, 'กันยายน', 'September'],
    [10, 'ตุลาคม', 'October'],
    [11, 'พฤศจิกายน', 'November'],
    [12, 'ธันวาคม', 'December'],
  ])('month %i', (month, thai, english) => {
    const date = `2026-${String(month).padStart(2, '0')}-15`;
    expect(formatDate(date, 'th')).toBe(`15 ${thai} 2569`);
    expect(formatDate(date, 'en')).toBe(`15 ${english} 2026`);
  });

  test.each<[string, string | undefined]>([
    ['2026-02-30', undefined],
    ['2026-13-01', undefined],
    ['26-1-1', undefined],
    ['', undefined],
    ['2026-11-24', '24:00'],
    ['2026-11-24', '9:30'],
    ['2026-11-24', '14:30:00'],
  ])('refuses %j with time %j', (date, time) => {
    expect(() => formatDate(date, 'th', { time })).toThrow(RangeError);
  });

  test('what parseWhen returns can be formatted', () => {
    const when = parseWhen('๓๑ ธ.ค. ๒๕๖๘ ๑๔.๓๐ น.', 'th', MON_5_JAN);
    if (!when.ok) throw new Error('expected a date');
    expect(formatDate(when.date, 'th', { time: when.time })).toBe('31 ธันวาคม 2568 เวลา 14:30 น.');
    expect(formatDate(when.date, 'en', { time: when.time })).toBe('31 December 2025, 14:30');
  });
});

describe('formatDateTime shows an instant in Bangkok time', () => {
  test.each<[number, 'th' | 'en', boolean, string]>([
    [Date.UTC(2026, 10, 24, 7, 30), 'th', false, '24 พฤศจิกายน 2569 เวลา 14:30 น.'],
    [Date.UTC(2026, 10, 24, 7, 30), 'en', false, '24 November 2026, 14:30'],
    [Date.UTC(2026, 10, 24, 7, 30), 'th', true, 'วันอังคารที่ 24 พฤศจิกายน 2569 เวลา 14:30 น.'],
    [Date.UTC(2026, 10, 24, 7, 30), 'en', true, 'Tuesday, 24 November 2026, 14:30'],
    [NEW_YEAR_NIGHT.getTime(), 'th', false, '1 มกราคม 2569 เวลา 01:30 น.'],
    [NEW_YEAR_NIGHT.getTime(), 'en', true, 'Thursday, 1 January 2026, 01:30'],
    [Date.UTC(2025, 11, 31, 16, 59, 59), 'en', false, '31 December 2025, 23:59'],
  ])('%i %s weekday=%s → %s', (epochMs, lang, weekday, expected) => {
    expect(formatDateTime(epochMs, lang, { weekday })).toBe(expected);
  });

  test('refuses an invalid instant', () => {
    expect(() => formatDateTime(Number.NaN, 'th')).toThrow(RangeError);
  });
});

describe('bangkokToday and buddhistYear', () => {
  test.each<[string, string, number]>([
    ['2025-12-31T16:59:59.999Z', '2025-12-31', 2568],
    ['2025-12-31T17:00:00Z', '2026-01-01', 2569],
    ['2026-06-15T12:00:00Z', '2026-06-15', 2569],
    ['2026-06-15T20:00:00Z', '2026-06-16', 2569],
    ['2024-02-28T17:00:00Z', '2024-02-29', 2567],
  ])('%s → %s, %i', (instant, today, year) => {
    expect(bangkokToday(new Date(instant))).toBe(today);
    expect(buddhistYear(new Date(instant))).toBe(year);
  });
});
