import type { Page } from 'playwright-core';
import type { OfficeCalendar } from '../../lib/handoff/officeHours';
import { formatDateTime } from '../../lib/thai/dates';
import { focusRing } from './support/harness';
import { deskSuite, focused, type OfficerDesk, seriousAxeViolations } from './support/desk';
import { bangkok, focusedId, OFFICER_PASSWORD, shot, TUESDAY_10, typeDate } from './support/officer';
/**
 * The office hours screen: every officer reads whether officers are answering now, the weekly hours and the
 * holidays; an admin changes them (a holiday added for the next working day, Friday's hours), with the keyboard,
 * and the service answers citizens by the new calendar at once; mistakes are refused in the page, in words.
 */

/** Tuesday 24 November 2026, 18:00 in Bangkok: after hours, the next working day is Wednesday the 25th. */
const TUESDAY_18 = bangkok('2026-11-24T18:00:00');
const WEDNESDAY = '2026-11-25';

const suite = deskSuite({
  start: TUESDAY_10,
  officers: [
    { username: 'somsri', displayName: 'สมศรี ใจงาม', role: 'officer', centres: ['50'] },
    { username: 'wilai', displayName: 'วิไล ผู้ดูแล', role: 'admin', centres: [] },
  ],
});

function calendar(): OfficeCalendar {
  return suite.service.test.app.content.officeHours();
}

/** A table's body rows (those with cells) by the table's name, as their cells' texts, one space between cells. */
async function rowTexts(page: Page, table: string): Promise<string[]> {
  const rows = page.getByRole('table', { name: table }).getByRole('row').filter({ has: page.getByRole('cell') });
  return (await rows.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
}

async function signedIn(username: string): Promise<OfficerDesk> {
  const app = await suite.desk();
  await app.open();
  await app.signInToQueue(username, OFFICER_PASSWORD);
  return app;
}

const status = (page: Page) => page.getByRole('region', { name: /^(สถานะตอนนี้|Right now)$/ });
const upcoming = (page: Page) => page.getByRole('table', { name: /^(วันหยุดที่กำลังจะมาถึง|Upcoming holidays)$/ });
/** A text with its line breaks and runs of spaces as single spaces. */
const words = (text: string) => text.replace(/\s+/g, ' ').trim();
const saveButton = (page: Page) => page.getByRole('button', { name: /^(บันทึกเวลาทำการ|Save office hours)$/ });

test('an officer reads the office hours: open now, Monday to Friday 08:30–16:30, the holidays ahead; nothing to change', async () => {
  const { service } = suite;
  const officer = await signedIn('somsri');
  const page = officer.page;
  await page.getByRole('link', { name: 'เวลาทำการ', exact: true }).click();
  await status(page).waitFor();
  expect(new URL(page.url()).hash).toBe('#/hours');
  await expect(page.getByRole('link', { name: 'เวลาทำการ', exact: true }).getAttribute('aria-current')).resolves.toBe('page');
  // The heading has the focus, as on every screen the app opens.
  await expect(focusedId(page)).resolves.toBe('hours-title');

  // Tuesday 10:00: officers are answering.
  await expect(status(page).innerText()).resolves.toBe('เปิดทำการอยู่');
  await expect(seriousAxeViolations(page)).resolves.toEqual([]);

  // The week from Monday, as the service's calendar (Sunday first) has it.
  await expect(rowTexts(page, 'เวลาทำการแต่ละวัน')).resolves.toEqual([
    'วันจันทร์ 08:30–16:30',
    'วันอังคาร 08:30–16:30',
    'วันพุธ 08:30–16:30',
    'วันพฤหัสบดี 08:30–16:30',
    'วันศุกร์ 08:30–16:30',
    'วันเสาร์ ปิด',
    'วันอาทิตย์ ปิด',
  ]);

  // The holidays to come, soonest first; the past ones folded away.
  const seeded = calendar().holidays;
  const upcoming = seeded.filter((holiday) => holiday.date >= '2026-11-24');
  expect(upcoming.length).toBeGreaterThan(0);
  expect(upcoming.length).toBeLessThan(seeded.length);
  const shown = await rowTexts(page, 'วันหยุดที่กำลังจะมาถึง');
  expect(shown).toHaveLength(upcoming.length);
  expect(shown[0]).toBe("วันเสาร์ที่ 5 ธันวาคม 2569 วันพ่อแห่งชาติ King Bhumibol's Birthday / National Day / Father's Day");
  // An estimated date says so; a fixed one does not.
  const row = (date: string) => shown[upcoming.findIndex((holiday) => holiday.date === date)];
  expect(row('2027-02-21')).toContain('วันที่โดยประมาณ');
  expect(row('2027-01-01')).not.toContain('วันที่โดยประมาณ');
  const pastCount = seeded.length - upcoming.length;
  const pastTable = page.getByRole('table', { name: `วันหยุดที่ผ่านมาแล้ว (${pastCount} วัน)` });
  const past = pastTable.getByRole('row').filter({ hasText: 'วันปิยมหาราช' });
  await expect(past.isVisible()).resolves.toBe(false);
  // The fold's own line (the table inside it has the same words as its caption).
  const summary = page.getByText(`วันหยุดที่ผ่านมาแล้ว (${pastCount} วัน)`, { exact: true }).first();
  // Opened with the keyboard.
  await summary.focus();
  await page.keyboard.press('Enter');
  await past.waitFor({ state: 'visible' });

  // Read only: not one field, no save button, and the service refuses an officer's change anyway.
  const screen = page.getByRole('main');
  for (const role of ['textbox', 'combobox', 'checkbox', 'button'] as const) await expect(screen.getByRole(role).count()).resolves.toBe(0);
  await screen.getByText('เฉพาะผู้ดูแลระบบที่แก้ไขเวลาทำการและวันหยุดได้').waitFor();
  const { csrfToken } = (await (await page.request.get(`${service.baseUrl}/api/officer/session`)).json()) as { csrfToken: string };
  const refused = await page.request.put(`${service.baseUrl}/api/officer/office-hours`, { headers: { 'x-csrf-token': csrfToken }, data: { weekly: [[], [], [], [], [], [], []], holidays: [] } });
  expect(refused.status()).toBe(403);
  expect(calendar().holidays).toBe(seeded);
  await shot(page, '15-office-hours-officer');

  // In English, the same screen in English words and dates.
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await page.getByRole('link', { name: 'Office hours', exact: true }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Office hours' }).waitFor();
  await expect(status(page).innerText()).resolves.toBe('Open now');
  await expect(rowTexts(page, 'Weekly hours')).resolves.toEqual([
    'Monday 08:30–16:30',
    'Tuesday 08:30–16:30',
    'Wednesday 08:30–16:30',
    'Thursday 08:30–16:30',
    'Friday 08:30–16:30',
    'Saturday Closed',
    'Sunday Closed',
  ]);
  const english = await rowTexts(page, 'Upcoming holidays');
  expect(english[0]).toMatch(/^Saturday, 5 December 2026 /);
  expect(english[upcoming.findIndex((holiday) => holiday.date === '2027-02-21')]).toContain('Estimated date');
  await page.getByRole('button', { name: 'ไทย' }).click();
  await expect(status(page).innerText()).resolves.toBe('เปิดทำการอยู่');

  expect(officer.problems()).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [] });
});

test('left open across closing time, the screen says officers have gone and when they are back, without a reload', async () => {
  const { service } = suite;
  await service.moveClock(bangkok('2026-11-24T16:28:00'));
  const officer = await signedIn('somsri');
  const page = officer.page;
  await page.getByRole('link', { name: 'เวลาทำการ', exact: true }).click();
  await status(page).filter({ hasText: 'เปิดทำการอยู่' }).waitFor();

  const minutes = 4 * 60 * 1000;
  service.clock.set(service.clock.now() + minutes);
  await page.context().clock.fastForward(minutes);
  await status(page).filter({ hasText: 'ปิดทำการอยู่' }).waitFor();
  await expect(status(page).innerText().then(words)).resolves.toBe(`ปิดทำการอยู่ เปิดทำการครั้งถัดไป: ${formatDateTime(bangkok('2026-11-25T08:30:00'), 'th', { weekday: true })}`);
  expect(officer.problems()).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [] });
});

test('an admin, with the keyboard only, makes the next working day a holiday and shortens Friday; the service answers by it at once', async () => {
  const { service } = suite;
  await service.moveClock(TUESDAY_18);
  const before = calendar();
  // After hours: officers are next in on Wednesday morning.
  expect(service.test.app.handoffs.officeHours().nextOpening(service.clock.now())).toBe(bangkok(`${WEDNESDAY}T08:30:00`));

  const admin = await signedIn('wilai');
  const page = admin.page;
  await page.getByRole('link', { name: 'เวลาทำการ', exact: true }).focus();
  await page.keyboard.press('Enter');
  await saveButton(page).waitFor();
  await expect(seriousAxeViolations(page)).resolves.toEqual([]);
  // Written as the bot writes it for citizens (lib/thai/dates.ts): the weekday, the Buddhist-era year, the time.
  const wednesday = formatDateTime(bangkok(`${WEDNESDAY}T08:30:00`), 'th', { weekday: true });
  expect(wednesday).toBe('วันพุธที่ 25 พฤศจิกายน 2569 เวลา 08:30 น.');
  await expect(status(page).innerText().then(words)).resolves.toBe(`ปิดทำการอยู่ เปิดทำการครั้งถัดไป: ${wednesday}`);

  // Friday: from 08:30–16:30 to a lunch break and an earlier close.
  const friday = page.getByLabel('วันศุกร์', { exact: true });
  await expect(friday.inputValue()).resolves.toBe('08:30–16:30');
  await friday.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('08:30–12:00, 13:00-15:30');
  // The days run on from Monday to Sunday, then the holidays.
  await page.keyboard.press('Tab');
  await expect(focusedId(page)).resolves.toBe('hours-day-6');
  await page.keyboard.press('Tab');
  await expect(focusedId(page)).resolves.toBe('hours-day-0');
  await page.keyboard.press('Tab');
  await expect(focusedId(page)).resolves.toMatch(/^holiday-\d+-date$/);

  // A new holiday, added with Enter on the button: the focus lands in its date.
  await page.getByRole('button', { name: 'เพิ่มวันหยุด' }).focus();
  const ring = await focusRing(page);
  expect(ring).toMatchObject({ text: 'เพิ่มวันหยุด', outlineStyle: 'solid' });
  await page.keyboard.press('Enter');
  const added = upcoming(page).getByRole('row').last();
  const addedDate = added.getByLabel(/^วันที่ \(วันหยุดแถวที่ \d+\)$/);
  const dateId = await addedDate.getAttribute('id');
  await expect(focused(addedDate)).resolves.toBe(true);
  await typeDate(page, WEDNESDAY);
  await expect(addedDate.inputValue()).resolves.toBe(WEDNESDAY);
  // Out of the date (past its calendar button), into the names, the estimate box, the Remove button.
  for (let presses = 0; presses < 5 && (await focusedId(page)) === dateId; presses += 1) await page.keyboard.press('Tab');
  await expect(focusedId(page)).resolves.toMatch(/-nameTh$/);
  await page.keyboard.type('วันหยุดราชการเพิ่มเป็นกรณีพิเศษ');
  await page.keyboard.press('Tab');
  await expect(focusedId(page)).resolves.toMatch(/-nameEn$/);
  await page.keyboard.type('Additional special holiday');
  await page.keyboard.press('Tab');
  await expect(focusedId(page)).resolves.toMatch(/-estimate$/);
  await page.keyboard.press('Space');
  await expect(added.getByRole('checkbox').isChecked()).resolves.toBe(true);
  // Every field says which column and row it is (upcoming holidays are numbered first; the header is no row of them).
  const row = (await upcoming(page).getByRole('row').count()) - 1;
  await expect(page.getByLabel(`วันที่โดยประมาณ (วันหยุดแถวที่ ${row})`).isChecked()).resolves.toBe(true);
  await expect(page.getByLabel(`ชื่อภาษาอังกฤษ (วันหยุดแถวที่ ${row})`).inputValue()).resolves.toBe('Additional special holiday');
  await page.keyboard.press('Tab');
  await expect(focusRing(page)).resolves.toMatchObject({ text: 'ลบ', outlineStyle: 'solid' });
  // Then Add, the folded past holidays, and Save.
  await page.keyboard.press('Tab');
  await expect(focusedId(page)).resolves.toBe('holiday-add');
  await page.keyboard.press('Tab');
  await expect(focusedId(page)).resolves.toBe('past-holidays-summary');
  await page.keyboard.press('Tab');
  await expect(focused(saveButton(page))).resolves.toBe(true);
  await page.keyboard.press('Enter');

  // Saved: told in the page, which shows the calendar as the service now has it.
  const notice = page.getByRole('status').filter({ hasText: 'บันทึกเวลาทำการแล้ว' });
  await notice.waitFor();
  await expect(focused(notice)).resolves.toBe(true);
  const after = calendar();
  expect(after.weekly[5]).toEqual([
    { start: '08:30', end: '12:00' },
    { start: '13:00', end: '15:30' },
  ]);
  expect([0, 1, 2, 3, 4, 6].map((day) => after.weekly[day])).toEqual([0, 1, 2, 3, 4, 6].map((day) => before.weekly[day]));
  expect(after.holidays).toHaveLength(before.holidays.length + 1);
  expect(after.holidays).toContainEqual({ date: WEDNESDAY, nameTh: 'วันหยุดราชการเพิ่มเป็นกรณีพิเศษ', nameEn: 'Additional special holiday', estimate: true });
  expect(after.holidays.filter((holiday) => holiday.date !== WEDNESDAY)).toEqual(before.holidays);
  // Citizens asking now are told Thursday.
  const thursday = bangkok('2026-11-26T08:30:00');
  expect(service.test.app.handoffs.officeHours().nextOpening(service.clock.now())).toBe(thursday);
  await status(page).getByText(`เปิดทำการครั้งถัดไป: ${formatDateTime(thursday, 'th', { weekday: true })}`).waitFor();
  await expect(page.getByLabel('วันศุกร์', { exact: true }).inputValue()).resolves.toBe('08:30–12:00, 13:00–15:30');
  // The new holiday is now the first one to come, in the date order the service keeps.
  await expect(page.getByLabel('วันที่ (วันหยุดแถวที่ 1)').inputValue()).resolves.toBe(WEDNESDAY);
  await expect(page.getByLabel('ชื่อภาษาไทย (วันหยุดแถวที่ 1)').inputValue()).resolves.toBe('วันหยุดราชการเพิ่มเป็นกรณีพิเศษ');
  await expect(page.getByLabel('วันที่โดยประมาณ (วันหยุดแถวที่ 1)').isChecked()).resolves.toBe(true);
  const answer = (await (await page.request.get(`${service.baseUrl}/api/officer/office-hours`)).json()) as { calendar: OfficeCalendar; openNow: boolean; nextOpening: number };
  expect(answer).toEqual({ calendar: after, openNow: false, nextOpening: thursday });
  await shot(page, '16-office-hours-admin-saved');

  expect(admin.problems()).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [] });
});

test('mistakes are refused in the page, next to their fields and in words, and nothing is sent; a refusal by the service is shown too', async () => {
  const { service } = suite;
  const admin = await signedIn('wilai');
  const page = admin.page;
  const puts: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'PUT') puts.push(request.url());
  });
  await admin.open('#/hours');
  await saveButton(page).waitFor();
  const before = calendar();

  // Monday closing before it opens, Tuesday in words, a holiday on a date already listed and without names.
  await page.getByLabel('วันจันทร์', { exact: true }).fill('16:30–08:30');
  await page.getByLabel('วันอังคาร', { exact: true }).fill('สิบโมงถึงบ่ายสาม');
  await page.getByRole('button', { name: 'เพิ่มวันหยุด' }).click();
  const added = upcoming(page).getByRole('row').last();
  await added.getByLabel(/^วันที่ \(/).fill('2026-12-05');
  await saveButton(page).click();

  const summary = page.getByRole('main').getByRole('alert').filter({ has: page.getByRole('list') }).or(page.getByRole('main').getByRole('alert').filter({ hasText: 'ระบบไม่รับ' }));
  await summary.filter({ hasText: 'ยังไม่ได้บันทึก กรุณาแก้ไขรายการต่อไปนี้' }).waitFor();
  // Each problem next to its field (the field's own group in the form), and in the summary.
  const day = (name: string) => page.getByRole('group', { name: 'เวลาทำการแต่ละวัน' }).locator('div').filter({ has: page.getByLabel(name, { exact: true }) }).last();
  await expect(day('วันจันทร์').innerText()).resolves.toContain('ช่วง 16:30–08:30 เวลาเริ่มต้องมาก่อนเวลาสิ้นสุด');
  await expect(day('วันอังคาร').innerText()).resolves.toContain('เขียนแต่ละช่วงแบบ 08:30–16:30 (ชั่วโมง:นาที ตั้งแต่ 00:00 ถึง 23:59)');
  const cells = added.getByRole('cell');
  await expect(cells.nth(0).innerText()).resolves.toContain('วันที่นี้มีอยู่แล้วในรายการวันหยุด');
  await expect(cells.nth(1).innerText()).resolves.toContain('กรุณาใส่ชื่อวันหยุดภาษาไทย');
  await expect(cells.nth(2).innerText()).resolves.toContain('กรุณาใส่ชื่อวันหยุดภาษาอังกฤษ');
  await expect(summary.getByRole('listitem').count()).resolves.toBe(5);
  await expect(summary.innerText()).resolves.toContain('วันจันทร์: ช่วง 16:30–08:30 เวลาเริ่มต้องมาก่อนเวลาสิ้นสุด');
  // The fields are marked, and the first one has the focus.
  await expect(page.getByLabel('วันจันทร์', { exact: true }).getAttribute('aria-invalid')).resolves.toBe('true');
  await expect(focusedId(page)).resolves.toBe('hours-day-1');
  await shot(page, '17-office-hours-invalid');

  // In English, what was typed stays, and the problems are told in English.
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByLabel('Monday', { exact: true }).inputValue()).resolves.toBe('16:30–08:30');
  await expect(upcoming(page).getByRole('row').last().getByLabel(/^Date \(/).inputValue()).resolves.toBe('2026-12-05');
  await saveButton(page).click();
  await page.getByRole('group', { name: 'Weekly hours' }).getByText('In 16:30–08:30, the start must be before the end.', { exact: true }).waitFor();
  await expect(summary.innerText()).resolves.toContain('Not saved yet. Please correct the following:');
  await page.getByRole('button', { name: 'ไทย' }).click();

  // A week with no opening at all is refused too.
  for (const day of ['วันจันทร์', 'วันอังคาร', 'วันพุธ', 'วันพฤหัสบดี', 'วันศุกร์', 'วันเสาร์', 'วันอาทิตย์']) await page.getByLabel(day, { exact: true }).fill('');
  await upcoming(page).getByRole('row').last().getByRole('button', { name: /^ลบ \(วันหยุดแถวที่/ }).click();
  await saveButton(page).click();
  await day('วันจันทร์').getByText('ต้องมีเวลาทำการอย่างน้อยหนึ่งช่วงในสัปดาห์').waitFor();

  // None of it reached the service.
  expect(puts).toEqual([]);
  expect(calendar()).toBe(before);

  // Fixed, with Thai offices' "8.00-16.00" for Thursday; the service refuses it once (as it would a holiday another
  // admin had just listed): its reason is shown after the page's own sentence, and nothing is lost.
  for (const day of ['วันจันทร์', 'วันอังคาร', 'วันพุธ', 'วันศุกร์']) await page.getByLabel(day, { exact: true }).fill('08:30–16:30');
  await page.getByLabel('วันพฤหัสบดี', { exact: true }).fill('8.00-16.00');
  await page.route(`${service.baseUrl}/api/officer/office-hours`, (route) =>
    route.request().method() === 'PUT' ? route.fulfill({ status: 400, json: { error: { code: 'validation', message: '2026-12-05 is listed twice', details: { field: 'holidays.3.date', rule: 'duplicate' } } } }) : route.fallback(),
  );
  await saveButton(page).click();
  // The page's sentence, then the field and the rule from the error's details (its message is never shown or parsed).
  await summary.filter({ hasText: 'ระบบไม่รับเวลาทำการนี้: ระบบไม่รับข้อมูลช่อง holidays.3.date: ซ้ำกัน' }).waitFor();
  await expect(page.getByRole('status').filter({ hasText: 'บันทึกเวลาทำการแล้ว' }).count()).resolves.toBe(0);
  await expect(page.getByLabel('วันพฤหัสบดี', { exact: true }).inputValue()).resolves.toBe('8.00-16.00');
  expect(calendar()).toBe(before);
  await page.unroute(`${service.baseUrl}/api/officer/office-hours`);

  await saveButton(page).click();
  await page.getByRole('status').filter({ hasText: 'บันทึกเวลาทำการแล้ว' }).waitFor();
  await expect(summary.count()).resolves.toBe(0);
  const after = calendar();
  expect(after.weekly[4]).toEqual([{ start: '08:00', end: '16:00' }]);
  expect(after.weekly[5]).toEqual([{ start: '08:30', end: '16:30' }]);
  expect(after.holidays).toEqual(before.holidays);
  await expect(page.getByLabel('วันพฤหัสบดี', { exact: true }).inputValue()).resolves.toBe('08:00–16:00');
  expect(puts).toHaveLength(2);

  // Only the refusal staged above failed.
  const problems = admin.problems();
  expect(problems.failedRequests).toEqual([`400 PUT ${service.baseUrl}/api/officer/office-hours`]);
  expect(problems.consoleErrors.filter((line) => !/status of 400/.test(line))).toEqual([]);
  expect(problems.foreignRequests).toEqual([]);
});
