import holidaySeed from '../../../lib/handoff/seed/th-holidays-2026-2027.json';
import { GOVERNMENT_WEEK, holidaysFromSeed, OfficeHours, parseCalendar, readCalendar } from '../../../lib/handoff/officeHours';

/** An instant given in Bangkok wall-clock time. */
const bangkok = (iso: string) => Date.parse(`${iso}+07:00`);

const hours = new OfficeHours({ weekly: GOVERNMENT_WEEK, holidays: holidaysFromSeed(holidaySeed) });

describe('office hours, Asia/Bangkok, Mon–Fri 08:30–16:30 less Thai government holidays', () => {
  test.each([
    ['a Monday morning', '2026-11-23T09:00:00', true],
    ['Monday 08:29', '2026-11-23T08:29:00', false],
    ['Monday 08:30', '2026-11-23T08:30:00', true],
    ['Monday 16:29', '2026-11-23T16:29:59', true],
    ['Monday 16:30', '2026-11-23T16:30:00', false],
    ['a Friday evening', '2026-11-27T19:00:00', false],
    ['a Saturday noon', '2026-11-28T12:00:00', false],
    ['Chakri Day (a Monday)', '2026-04-06T10:00:00', false],
    ['the working day after Coronation Day', '2026-05-05T10:00:00', true],
    ['a substitution day (Monday 7 December 2026)', '2026-12-07T10:00:00', false],
    ['King\'s Birthday, 5 December 2026 (a Saturday)', '2026-12-05T10:00:00', false],
    ['New Year\'s Eve', '2026-12-31T10:00:00', false],
  ])('%s → %s', (_label, at, open) => {
    expect(hours.isOpen(bangkok(at))).toBe(open);
  });

  test.each([
    ['a Friday evening → Monday 08:30', '2026-11-27T19:00:00', '2026-11-30T08:30:00'],
    ['Saturday → Monday 08:30', '2026-11-28T10:00:00', '2026-11-30T08:30:00'],
    ['early on a working day → that day 08:30', '2026-11-24T06:00:00', '2026-11-24T08:30:00'],
    ['over New Year → the first working day of 2027', '2026-12-30T18:00:00', '2027-01-04T08:30:00'],
    ['over Songkran 2026 → Thursday 16 April', '2026-04-13T09:00:00', '2026-04-16T08:30:00'],
  ])('next opening: %s', (_label, at, next) => {
    expect(hours.nextOpening(bangkok(at))).toBe(bangkok(next));
  });

  const WORKDAY = [{ start: '08:30', end: '16:30' }];
  test.each([
    ['a Friday evening: the day\'s hours are over', '2026-11-27T19:00:00', { kind: 'hours', date: '2026-11-27', spans: WORKDAY, phase: 'after' }],
    ['early on a working day: not yet begun', '2026-11-24T06:00:00', { kind: 'hours', date: '2026-11-24', spans: WORKDAY, phase: 'before' }],
    ['during the hours', '2026-11-24T10:00:00', { kind: 'hours', date: '2026-11-24', spans: WORKDAY, phase: 'open' }],
    ['a Saturday: no hours', '2026-11-28T12:00:00', { kind: 'noHours', date: '2026-11-28' }],
    ['a holiday, with its name', '2026-04-06T10:00:00', { kind: 'holiday', date: '2026-04-06', holiday: expect.objectContaining({ nameTh: 'วันจักรี', nameEn: 'Chakri Day' }) }],
    ['just after midnight, Bangkok time, on a holiday', '2026-12-10T00:05:00', { kind: 'holiday', date: '2026-12-10', holiday: expect.objectContaining({ nameEn: 'Constitution Day' }) }],
  ])('the day at: %s', (_label, at, day) => {
    expect(hours.dayAt(bangkok(at))).toEqual(day);
  });

  test('the day at a lunch break is between its spans, whatever order they were entered in', () => {
    const split = new OfficeHours({ weekly: [[], [{ start: '13:00', end: '16:30' }, { start: '08:30', end: '12:00' }], [], [], [], [], []], holidays: [] });
    expect(split.dayAt(bangkok('2026-11-23T12:30:00'))).toEqual({
      kind: 'hours',
      date: '2026-11-23',
      spans: [{ start: '08:30', end: '12:00' }, { start: '13:00', end: '16:30' }],
      phase: 'between',
    });
  });

  test('when open, the next opening is now, and it closes at 16:30', () => {
    const at = bangkok('2026-11-23T10:15:00');
    expect(hours.nextOpening(at)).toBe(at);
    expect(hours.closesAt(at)).toBe(bangkok('2026-11-23T16:30:00'));
    expect(hours.closesAt(bangkok('2026-11-23T17:00:00'))).toBeUndefined();
  });

  test('does not depend on the machine\'s time zone: all arithmetic is in Bangkok time', () => {
    // 01:30 UTC is 08:30 in Bangkok on the same date.
    expect(hours.isOpen(Date.UTC(2026, 10, 23, 1, 30))).toBe(true);
    expect(hours.isOpen(Date.UTC(2026, 10, 23, 1, 29))).toBe(false);
  });

  test('names the holiday, and knows which dates are still estimates', () => {
    expect(hours.holidayOn(bangkok('2026-04-13T12:00:00'))).toMatchObject({ nameEn: 'Songkran', estimate: false });
    const estimates = holidaysFromSeed(holidaySeed).filter((holiday) => holiday.estimate).map((holiday) => holiday.date);
    expect(estimates.length).toBeGreaterThan(0);
    expect(estimates.every((date) => date.startsWith('2027'))).toBe(true);
  });

  test('a calendar with no openings has no next opening; a malformed one is refused', () => {
    const closed = new OfficeHours({ weekly: [[], [], [], [], [], [], []], holidays: [] });
    expect(closed.nextOpening(bangkok('2026-11-23T09:00:00'))).toBeUndefined();
    expect(() => new OfficeHours({ weekly: [[], [{ start: '17:00', end: '08:00' }], [], [], [], [], []], holidays: [] })).toThrow(/ends before it starts/);
    expect(() => new OfficeHours({ weekly: [[]], holidays: [] })).toThrow(/7 days/);
    expect(() => new OfficeHours({ weekly: GOVERNMENT_WEEK, holidays: [{ date: 'soon', nameTh: '', nameEn: '', estimate: false }] })).toThrow(/Not a date/);
  });

  test('a centre that also opens on Saturday mornings', () => {
    const saturday = new OfficeHours({ weekly: [...GOVERNMENT_WEEK.slice(0, 6), [{ start: '09:00', end: '12:00' }]], holidays: [] });
    expect(saturday.isOpen(bangkok('2026-11-28T10:00:00'))).toBe(true);
    expect(saturday.nextOpening(bangkok('2026-11-27T19:00:00'))).toBe(bangkok('2026-11-28T09:00:00'));
  });
});

describe('a calendar from untrusted input (the rule the service enforces and the officer app checks its form with)', () => {
  const week = [[], [{ start: '08:30', end: '16:30' }], [], [], [], [], []];
  const named = (date: string) => ({ date, nameTh: 'วันหยุด', nameEn: 'Holiday' });

  test('finds every problem, each at its field, and gives no calendar', () => {
    const input = {
      weekly: [[], [{ start: '16:30', end: '08:30' }], [{ start: '24:00', end: '25:00' }], [{ start: '08:00', end: '09:00' }, { start: '09:00', end: '10:00' }, { start: '10:00', end: '11:00' }, { start: '11:00', end: '12:00' }, { start: '13:00', end: '14:00' }], [], [], []],
      holidays: [named('2026-12-05'), { date: '2026-12-05', nameTh: ' ', nameEn: 'x'.repeat(201) }, named('2026-02-30')],
    };
    const { calendar, problems } = readCalendar(input);
    expect(calendar).toBeUndefined();
    expect(problems.map((problem) => problem.problem)).toEqual([
      { field: 'weekly.1.0.end', rule: 'ends-before-start' },
      { field: 'weekly.2.0.start', rule: 'format' },
      { field: 'weekly.3', rule: 'too-many', limit: 4 },
      { field: 'holidays.1.date', rule: 'duplicate' },
      { field: 'holidays.1.nameTh', rule: 'required' },
      { field: 'holidays.1.nameEn', rule: 'too-long', limit: 200 },
      { field: 'holidays.2.date', rule: 'not-a-date' },
    ]);
    // The service refuses with the first.
    expect(() => parseCalendar(input)).toThrow('Opening 16:30–08:30 ends before it starts');
  });

  test('a week without an opening is refused; a good calendar comes back trimmed, sorted and with nothing else', () => {
    expect(readCalendar({ weekly: [[], [], [], [], [], [], []], holidays: [] }).problems.map((problem) => problem.problem)).toEqual([{ field: 'weekly', rule: 'no-opening' }]);
    const { calendar, problems } = readCalendar({ weekly: week, holidays: [{ ...named('2026-12-10'), extra: 1 }, { ...named('2026-12-05'), nameTh: ' วันหยุด ', estimate: true }] });
    expect(problems).toEqual([]);
    expect(calendar).toEqual({ weekly: week, holidays: [{ ...named('2026-12-05'), estimate: true }, { ...named('2026-12-10'), estimate: false }] });
  });
});
