import { focusRing } from './support/harness';
import { deskSuite, focused, type OfficerDesk, seriousAxeViolations } from './support/desk';
import { eventually, shot, TUESDAY_10 } from './support/officer';

/**
 * The first admin signs in with the one-time password made at first start and must set a new one before
 * anything else; they create an officer account, whose one-time password is shown once and is gone when they
 * leave the screen; the new officer signs in with it, sets their own, and finds their centre's queue. All of it
 * with the keyboard.
 */

const ADMIN_PASSWORD = 'Khao-Soi-Chiang-Mai-2569';
const OFFICER_PASSWORD = 'Sticky-Rice-Mango-Lamphun';

const suite = deskSuite({ start: TUESDAY_10 });

async function submitWithKeyboard(app: OfficerDesk, label: string): Promise<void> {
  await app.page.getByLabel(label, { exact: true }).focus();
  await app.page.keyboard.press('Enter');
}

async function chooseCentre(app: OfficerDesk, form: ReturnType<OfficerDesk['page']['getByRole']>, typed: string, name: string): Promise<void> {
  await form.getByRole('combobox', { name: 'ศูนย์' }).fill(typed);
  await form.getByRole('option', { name }).click();
}

test('first admin: one-time password, a new one set first; an officer account made, its one-time password shown once and used', async () => {
  const { service } = suite;
  const first = await service.test.app.officers.createFirstAdmin();
  if (!first) throw new Error('An admin already exists');
  const app = await suite.desk();
  const page = app.page;
  await app.open();

  // The sign-in form, by keyboard: the username field has the focus; Tab reaches the button, with its focus ring.
  await page.getByRole('form', { name: 'เข้าสู่ระบบเจ้าหน้าที่' }).waitFor();
  await expect(seriousAxeViolations(page)).resolves.toEqual([]);
  await page.keyboard.type('admin');
  await expect(page.getByLabel('ชื่อผู้ใช้').inputValue()).resolves.toBe('admin');
  await page.keyboard.press('Tab');
  await page.keyboard.type('not the password');
  await expect(page.getByLabel('รหัสผ่าน', { exact: true }).inputValue()).resolves.toBe('not the password');
  await page.keyboard.press('Tab');
  const ring = await focusRing(page);
  expect(ring).toMatchObject({ text: 'เข้าสู่ระบบ', outlineStyle: 'solid' });
  expect(parseFloat(ring.outlineWidth)).toBeGreaterThanOrEqual(2);
  await page.keyboard.press('Enter');
  await page.getByRole('alert').filter({ hasText: 'ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง' }).waitFor();
  await shot(page, '08-signin-wrong-password');

  await page.getByLabel('รหัสผ่าน', { exact: true }).fill(first.password);
  await submitWithKeyboard(app, 'รหัสผ่าน');

  // A new password before anything else: no queue, no menu, and the API refuses it meanwhile.
  await page.getByRole('heading', { name: 'ตั้งรหัสผ่านใหม่' }).waitFor();
  await expect(app.queueHeading().count()).resolves.toBe(0);
  await expect(page.getByRole('navigation').count()).resolves.toBe(0);
  const queue = await page.request.get(`${service.baseUrl}/api/officer/queue`);
  expect(queue.status()).toBe(403);
  await expect(queue.json()).resolves.toMatchObject({ error: { code: 'password-change-required' } });
  await expect(seriousAxeViolations(page)).resolves.toEqual([]);
  await page.getByLabel('รหัสผ่านปัจจุบัน').fill(first.password);
  await page.getByLabel('รหัสผ่านใหม่', { exact: true }).fill('short');
  await page.getByLabel('พิมพ์รหัสผ่านใหม่อีกครั้ง').fill('short');
  await submitWithKeyboard(app, 'พิมพ์รหัสผ่านใหม่อีกครั้ง');
  await page.getByRole('alert').filter({ hasText: 'รหัสผ่านใหม่ต้องมีอย่างน้อย 12 ตัวอักษร' }).waitFor();
  await page.getByLabel('รหัสผ่านปัจจุบัน').fill(first.password);
  await page.getByLabel('รหัสผ่านใหม่', { exact: true }).fill(ADMIN_PASSWORD);
  await page.getByLabel('พิมพ์รหัสผ่านใหม่อีกครั้ง').fill(`${ADMIN_PASSWORD}!`);
  await submitWithKeyboard(app, 'พิมพ์รหัสผ่านใหม่อีกครั้ง');
  await page.getByRole('alert').filter({ hasText: 'รหัสผ่านใหม่ทั้งสองช่องไม่ตรงกัน' }).waitFor();
  await shot(page, '09-first-admin-new-password');
  await page.getByLabel('รหัสผ่านปัจจุบัน').fill(first.password);
  await page.getByLabel('รหัสผ่านใหม่', { exact: true }).fill(ADMIN_PASSWORD);
  await page.getByLabel('พิมพ์รหัสผ่านใหม่อีกครั้ง').fill(ADMIN_PASSWORD);
  await submitWithKeyboard(app, 'พิมพ์รหัสผ่านใหม่อีกครั้ง');
  await app.queueHeading().waitFor();
  // The password form is gone: the focus is on the queue's heading, not lost to the page.
  await eventually(() => focused(page.locator('#queue-title')), (yes) => yes, 'the focus on the queue');
  await app.streamOpen();
  await expect(app.scope().innerText()).resolves.toBe('ทุกศูนย์');

  // Accounts: the list, and a new officer for two centres found by search.
  await page.getByRole('link', { name: 'บัญชีเจ้าหน้าที่' }).click();
  const table = page.getByRole('table', { name: 'บัญชีเจ้าหน้าที่' });
  await table.waitFor();
  const rows = table.getByRole('row').filter({ has: page.getByRole('cell') });
  await expect(rows.count()).resolves.toBe(1);
  await expect(rows.first().innerText()).resolves.toMatch(/admin\s+Administrator\s+ผู้ดูแลระบบ\s+ทุกศูนย์\s+ตั้งแล้ว/);
  await expect(seriousAxeViolations(page)).resolves.toEqual([]);
  const form = page.getByRole('form', { name: 'เพิ่มบัญชีเจ้าหน้าที่' });
  await form.getByLabel('ชื่อผู้ใช้').fill('nittaya.k');
  await form.getByLabel('ชื่อที่แสดง').fill('นิตยา แก้วใส');
  await form.getByLabel('บทบาท').selectOption('officer');
  await chooseCentre(app, form, 'ลำพูน', 'ศูนย์ดำรงธรรมจังหวัดลำพูน (51)');
  // The second by the keyboard alone (a combobox): the arrows move the highlight, Enter picks it without sending
  // the form, the focus stays in the field; Escape closes the list.
  const search = form.getByRole('combobox', { name: 'ศูนย์' });
  await search.fill('5101');
  const district = form.getByRole('option', { name: 'ศูนย์ดำรงธรรมอำเภอเมืองลำพูน (5101)' });
  await district.waitFor();
  await expect(search.getAttribute('aria-expanded')).resolves.toBe('true');
  await search.press('ArrowDown');
  await expect(search.getAttribute('aria-activedescendant')).resolves.toBe(await district.getAttribute('id'));
  await expect(district.getAttribute('aria-selected')).resolves.toBe('true');
  await search.press('Enter');
  await form.getByRole('list', { name: 'ศูนย์ที่เลือก' }).getByText('ศูนย์ดำรงธรรมอำเภอเมืองลำพูน (5101)').waitFor();
  await expect(focused(search)).resolves.toBe(true);
  await expect(search.inputValue()).resolves.toBe('');
  await expect(page.getByRole('region', { name: 'รหัสผ่านครั้งเดียวของ nittaya.k' }).count()).resolves.toBe(0);
  await search.fill('ลำพูน');
  await form.getByRole('listbox').waitFor();
  await search.press('Escape');
  await form.getByRole('listbox').waitFor({ state: 'hidden' });
  await expect(search.getAttribute('aria-expanded')).resolves.toBe('false');
  await expect(focused(search)).resolves.toBe(true);
  await search.fill('');
  // A code that no centre has is explained in words.
  await form.getByRole('combobox', { name: 'ศูนย์' }).fill('9999');
  await form.getByText('ไม่มีศูนย์รหัส 9999').waitFor();
  await form.getByRole('combobox', { name: 'ศูนย์' }).fill('');
  await submitWithKeyboard(app, 'ชื่อที่แสดง');
  const oneTime = page.getByRole('region', { name: 'รหัสผ่านครั้งเดียวของ nittaya.k' });
  await oneTime.waitFor();
  const password = await oneTime.getByRole('code').innerText();
  expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
  await expect(rows.count()).resolves.toBe(2);
  await expect(rows.filter({ hasText: 'nittaya.k' }).innerText()).resolves.toMatch(
    /นิตยา แก้วใส\s+เจ้าหน้าที่\s+ศูนย์ดำรงธรรมจังหวัดลำพูน \(51\), ศูนย์ดำรงธรรมอำเภอเมืองลำพูน \(5101\)\s+ยังไม่ได้เปลี่ยนรหัสผ่านครั้งแรก/,
  );
  await shot(page, '10-accounts-one-time-password');
  // Shown once: gone when the admin leaves the screen and comes back.
  await page.getByRole('link', { name: 'คิวงาน', exact: true }).click();
  await page.getByRole('link', { name: 'บัญชีเจ้าหน้าที่' }).click();
  await table.waitFor();
  await expect(oneTime.count()).resolves.toBe(0);
  await expect(page.locator('body').innerText()).resolves.not.toContain(password);

  // A username already taken is refused in words.
  await form.getByLabel('ชื่อผู้ใช้').fill('nittaya.k');
  await form.getByLabel('ชื่อที่แสดง').fill('อีกคน');
  await chooseCentre(app, form, '51', 'ศูนย์ดำรงธรรมจังหวัดลำพูน (51)');
  await submitWithKeyboard(app, 'ชื่อที่แสดง');
  await form.getByRole('alert').filter({ hasText: 'มีชื่อผู้ใช้นี้อยู่แล้ว' }).waitFor();

  // Sign out; the new officer signs in with the one-time password and sets their own.
  await page.getByRole('button', { name: 'ออกจากระบบ' }).click();
  await page.getByRole('form', { name: 'เข้าสู่ระบบเจ้าหน้าที่' }).waitFor();
  // Nothing of the admin's screens stays behind in the page.
  await expect(page.getByRole('table').count()).resolves.toBe(0);
  await expect(page.locator('body').innerText()).resolves.not.toContain('nittaya.k');
  await expect(page.request.get(`${service.baseUrl}/api/officer/session`).then((answer) => answer.status())).resolves.toBe(401);
  await app.signIn('nittaya.k', password);
  await page.getByRole('heading', { name: 'ตั้งรหัสผ่านใหม่' }).waitFor();
  await page.getByLabel('รหัสผ่านปัจจุบัน').fill(password);
  await page.getByLabel('รหัสผ่านใหม่', { exact: true }).fill(OFFICER_PASSWORD);
  await page.getByLabel('พิมพ์รหัสผ่านใหม่อีกครั้ง').fill(OFFICER_PASSWORD);
  await submitWithKeyboard(app, 'พิมพ์รหัสผ่านใหม่อีกครั้ง');
  await app.queueHeading().waitFor();
  await eventually(() => focused(page.locator('#queue-title')), (yes) => yes, 'the focus on the queue');
  await app.page.getByText('ศูนย์ที่รับผิดชอบ: ศูนย์ดำรงธรรมจังหวัดลำพูน (51), ศูนย์ดำรงธรรมอำเภอเมืองลำพูน (5101)').waitFor();
  // Not an admin: no accounts screen in the menu, and the address alone shows no more than a refusal.
  await expect(page.getByRole('link', { name: 'บัญชีเจ้าหน้าที่' }).count()).resolves.toBe(0);
  await app.open('#/accounts');
  await page.getByRole('alert').filter({ hasText: 'คุณไม่มีสิทธิ์ทำรายการนี้' }).waitFor();
  await expect(page.request.get(`${service.baseUrl}/api/officer/officers`).then((answer) => answer.status())).resolves.toBe(403);
  await shot(page, '11-new-officer-queue');

  expect(app.problems().consoleErrors.filter((line) => !/status of (400|401|409)/.test(line))).toEqual([]);
  expect(app.problems().foreignRequests).toEqual([]);
});
