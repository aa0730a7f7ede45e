import type { AuditEntry, Centre } from '../../handoff/web/src/api/types';
import { auditTarget, detailsSaid, shortKey } from '../../handoff/web/src/logic/audit';
import { readTrackingNumber } from '../../handoff/web/src/logic/complaints';
import { generateTrackingNumber } from '../../lib/complaints/trackingNumber';
import { searchCentres, unknownCode } from '../../handoff/web/src/logic/centres';
import { checkHours, parseSpans, splitHolidays } from '../../handoff/web/src/logic/hours';
import { commandFor } from '../../handoff/web/src/logic/keys';

/** The officer app's forms and lists: office hours as typed, the centre search, the audit log in words, the keyboard. */

test.each([
  ['08:30–16:30', { spans: [{ start: '08:30', end: '16:30' }] }],
  ['8.30-12.00, 13:00 — 16:30', { spans: [{ start: '08:30', end: '12:00' }, { start: '13:00', end: '16:30' }] }],
  ['', { spans: [] }],
  ['สิบโมงถึงบ่ายสาม', { problem: { key: 'errSpanFormat' } }],
  ['08:30', { problem: { key: 'errSpanFormat' } }],
])('a day typed as "%s"', (typed, parsed) => {
  expect(parseSpans(typed)).toEqual(parsed);
});

// Whether the openings read are good is the service's check (readCalendar), said at the day's field.
test.each([
  ['16:30–08:30', { key: 'errSpanOrder', vars: { span: '16:30–08:30' } }],
  ['24:00–25:00', { key: 'errSpanFormat' }],
  ['08:00–09:00, 10:00–11:00, 12:00–13:00, 14:00–15:00, 16:00–17:00', { key: 'errTooManySpans', vars: { max: 4 } }],
])('Monday typed as "%s"', (typed, problem) => {
  const weekly = ['', typed, '', '', '', '08:30–16:30', ''];
  expect(checkHours({ weekly, holidays: [] }).problems).toEqual([{ field: { day: 1 }, said: problem }]);
});

test('the office-hours form: each problem at its field; a good calendar as the service takes it', () => {
  const week = ['', '08:30–16:30', '08:30–16:30', '08:30–16:30', '08:30–16:30', '08:30–16:30', ''];
  const holiday = (key: number, date: string, nameTh = 'วันหยุด', nameEn = 'Holiday') => ({ key, date, nameTh, nameEn, estimate: false, added: false });
  const good = checkHours({ weekly: week, holidays: [holiday(1, '2026-12-07')] });
  expect(good.problems).toEqual([]);
  expect(good.calendar.weekly[1]).toEqual([{ start: '08:30', end: '16:30' }]);
  const bad = checkHours({ weekly: ['', '16:30–08:30', 'x', ...week.slice(3)], holidays: [holiday(1, '2026-12-05'), holiday(2, '2026-12-05', '', ''), holiday(3, '2026-02-30')] });
  expect(bad.problems.map((problem) => [problem.field, problem.said.key])).toEqual([
    [{ day: 1 }, 'errSpanOrder'],
    [{ day: 2 }, 'errSpanFormat'],
    [{ holiday: 2, name: 'date' }, 'errDateTwice'],
    [{ holiday: 2, name: 'nameTh' }, 'errNameTh'],
    [{ holiday: 2, name: 'nameEn' }, 'errNameEn'],
    [{ holiday: 3, name: 'date' }, 'errDate'],
  ]);
  expect(checkHours({ weekly: ['', '', '', '', '', '', ''], holidays: [] }).problems.map((problem) => problem.said.key)).toEqual(['errNoOpening']);
  // A day that cannot be read is what is wrong, not a week without openings.
  expect(checkHours({ weekly: ['', 'x', '', '', '', '', ''], holidays: [] }).problems.map((problem) => problem.said.key)).toEqual(['errSpanFormat']);
  const long = checkHours({ weekly: week, holidays: [holiday(1, '2026-12-07', 'ก'.repeat(201))] });
  expect(long.problems).toEqual([{ field: { holiday: 1, name: 'nameTh' }, said: { key: 'errNameLong', vars: { max: 200 } } }]);
  expect(splitHolidays([{ date: '2026-11-23' }, { date: '2026-11-24' }, { date: '', added: true }], '2026-11-24')).toEqual({ upcoming: [{ date: '2026-11-24' }, { date: '', added: true }], past: [{ date: '2026-11-23' }] });
});

const centres: Centre[] = [
  { code: '50', kind: 'province', name: { th: 'ศูนย์ดำรงธรรมจังหวัดเชียงใหม่', en: 'Chiang Mai Provincial Damrongdham Center' } },
  { code: '5015', kind: 'district', name: { th: 'ศูนย์ดำรงธรรมอำเภอหางดง', en: 'Hang Dong District Damrongdham Center' }, provinceCode: '50' },
  { code: '51', kind: 'province', name: { th: 'ศูนย์ดำรงธรรมจังหวัดลำพูน', en: 'Lamphun Provincial Damrongdham Center' } },
];

test('centres are found by name or code, Thai or English; a code nobody has is said to be unknown', () => {
  expect(searchCentres(centres, 'เชียงใหม่').map((centre) => centre.code)).toEqual(['50']);
  expect(searchCentres(centres, 'hang dong').map((centre) => centre.code)).toEqual(['5015']);
  expect(searchCentres(centres, '50').map((centre) => centre.code)).toEqual(['50', '5015']);
  expect(searchCentres(centres, 'damrongdham').map((centre) => centre.code)).toEqual(['50', '51', '5015']);
  expect(searchCentres(centres, '  ')).toEqual([]);
  expect(unknownCode(centres, '9999')).toBe('9999');
  expect(unknownCode(centres, '51')).toBeUndefined();
  expect(unknownCode(centres, 'ลำพูน')).toBeUndefined();
});

const names = { status: (code: string) => `<${code}>`, centre: (code: string) => `[${code}]`, field: (name: string) => name, role: (code: string) => code, ending: (code: string) => code };

test.each([
  ['complaint.status', { from: 'received', to: 'in_progress' }, [{ key: 'auditStatusChange', vars: { from: '<received>', to: '<in_progress>' } }]],
  ['content.officeHours', { holidays: { added: ['2026-12-07', '2026-12-08'], removed: ['2026-12-31'] }, weeklyChanged: false }, [{ key: 'auditHolidays', vars: { added: 2, removed: 1 } }]],
  ['handoff.transfer', { from: '50', to: '51', note: true }, [{ key: 'auditTransfer', vars: { from: '[50]', to: '[51]' } }, { key: 'auditWithNote' }]],
  ['handoff.claim', undefined, []],
])('the audit log says %s in words', (action, details, said) => {
  expect(detailsSaid({ id: '1', at: 1, actor: 'a', target: 't', action, details } as AuditEntry, names)).toEqual(said);
});

/** A number the service could have given: made by its own generator, so its check character is right. */
const NUMBER = generateTrackingNumber(2569, (max) => 7 % max);
const [, YEAR, CODE] = NUMBER.split('-');
const THAI_YEAR = YEAR.replace(/\d/g, (digit) => String.fromCharCode(0x0e50 + Number(digit)));
/** The same number with its last character changed: the check no longer matches. */
const MISTYPED = `${NUMBER.slice(0, -1)}${NUMBER.endsWith('A') ? 'B' : 'A'}`;

test.each([
  ['as written', NUMBER],
  ['in lower case, with spaces around', ` ${NUMBER.toLowerCase()} `],
  ['with spaces instead of dashes', `DD ${YEAR} ${CODE}`],
  ['with Thai digits in the year', `DD-${THAI_YEAR}-${CODE}`],
  ['without DD', `${YEAR}${CODE}`],
])('a tracking number typed %s is read as the service writes it', (_, typed) => {
  expect(readTrackingNumber(typed)).toEqual({ number: NUMBER });
  expect(auditTarget(typed)).toEqual({ target: NUMBER });
});

test('a mistyped tracking number is said to be mistyped; what is not one is said to be no number, and searched for in the log as typed', () => {
  expect(readTrackingNumber(MISTYPED)).toEqual({ problem: 'trackingNumberMistyped' });
  expect(auditTarget(` ${MISTYPED.toLowerCase()} `)).toEqual({ problem: 'trackingNumberMistyped' });
  expect(readTrackingNumber('DD-2569-7K3Q')).toEqual({ problem: 'trackingNumberFormat' });
  expect(readTrackingNumber('เรื่องถนน')).toEqual({ problem: 'trackingNumberFormat' });
  expect(auditTarget(' officeHours ')).toEqual({ target: 'officeHours' });
  expect(auditTarget(' canned:greeting ')).toEqual({ target: 'canned:greeting' });
});

test('shortcuts work only when the officer is not typing', () => {
  expect(commandFor({ key: 'j', ctrlKey: false, metaKey: false, altKey: false, typing: false })).toBe('next');
  expect(commandFor({ key: '?', ctrlKey: false, metaKey: false, altKey: false, typing: false })).toBe('help');
  expect(commandFor({ key: 'c', ctrlKey: false, metaKey: false, altKey: false, typing: true })).toBeUndefined();
  expect(commandFor({ key: 'c', ctrlKey: true, metaKey: false, altKey: false, typing: false })).toBeUndefined();
  expect(commandFor({ key: 'q', ctrlKey: false, metaKey: false, altKey: false, typing: false })).toBeUndefined();
});

test.each([
  ['a Direct Line key: channel and the start of the id', 'directline/d8YvpRODvsBRWEHTzxIEw', 'directline/d8YvpROD…'],
  ['a short id: whole', 'test/abc123', 'test/abc123'],
  ['no channel, a long id', 'd8YvpRODvsBRWEHTzxIEw', 'd8YvpROD…'],
])("the audit log's conversation key, shortened: %s", (_, key, shown) => {
  expect(shortKey(key)).toBe(shown);
});
