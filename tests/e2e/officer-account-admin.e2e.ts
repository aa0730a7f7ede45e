import type { Browser } from 'playwright-core';
import { focusRing, launchChromium } from './support/harness';
import {
  accountRow,
  accountRowText,
  createOfficer,
  eventually,
  focusedId,
  OFFICER_PASSWORD,
  OfficerApp,
  openContextFor,
  type OfficerService,
  shot,
  startOfficerService,
  storedAccount,
  TUESDAY_10,
} from './support/officer';

/**
 * An admin manages accounts that already exist, from the Accounts screen: changes an officer's name and centres
 * (the officer's app, signed in elsewhere, follows), disables an account while its officer is signed in (they are
 * signed out at once and cannot sign in until it is enabled again), and gives an officer a new one-time password,
 * shown once. The admin's own account keeps its role and stays enabled. The edit flow works with the keyboard.
 */

const CHIANG_MAI = 'ศูนย์ดำรงธรรมจังหวัดเชียงใหม่';
const LAMPHUN = 'ศูนย์ดำรงธรรมจังหวัดลำพูน';
const NEW_PASSWORD = 'Sticky-Rice-Mango-Lamphun';

let browser: Browser;
let service: OfficerService;

beforeAll(async () => {
  browser = await launchChromium();
  service = await startOfficerService(TUESDAY_10);
  await createOfficer(service, { username: 'somsri', displayName: 'สมศรี ใจงาม', role: 'officer', centres: ['50'] });
  await createOfficer(service, { username: 'kanya', displayName: 'กัญญา ศรีสุข', role: 'officer', centres: ['51'] });
  await createOfficer(service, { username: 'wilai', displayName: 'วิไล ผู้ดูแล', role: 'admin', centres: [] });
});
afterAll(async () => {
  await service?.close();
  await browser?.close();
});

async function signedIn(username: string, password = OFFICER_PASSWORD): Promise<OfficerApp> {
  const app = new OfficerApp(await (await openContextFor(browser, service)).newPage(), service.baseUrl);
  await app.open();
  await app.signInToQueue(username, password);
  return app;
}

/** The admin, on the Accounts screen. */
async function adminOnAccounts(): Promise<OfficerApp> {
  const admin = await signedIn('wilai');
  await admin.page.getByRole('link', { name: 'บัญชีเจ้าหน้าที่' }).click();
  await admin.page.locator('#accounts-rows tr').first().waitFor();
  return admin;
}

/** Opens the editor of an account with the keyboard: its Edit button, then Enter. */
async function editWithKeyboard(admin: OfficerApp, username: string, label = 'แก้ไข'): Promise<void> {
  const page = admin.page;
  await page.getByRole('button', { name: `${label} ${username}`, exact: true }).focus();
  await page.keyboard.press('Enter');
  await page.locator(`#account-edit-form`).waitFor();
  await expect(focusedId(page)).resolves.toBe('edit-display-name');
}

/** Replaces what the focused field holds, with the keyboard. */
async function retype(admin: OfficerApp, text: string): Promise<void> {
  await admin.page.keyboard.press('Control+A');
  await admin.page.keyboard.type(text);
}

/** Console errors, less the browser's lines for the refusals a test asks for (it reports every 4xx answer). */
function unexpectedConsoleErrors(app: OfficerApp, statuses: number[]): string[] {
  const expected = new RegExp(`the server responded with a status of (${statuses.join('|')})`);
  return app.problems().consoleErrors.filter((line) => !expected.test(line));
}

test("an admin changes an officer's name and centres with the keyboard; the officer's app follows; the admin's own row keeps its role and stays enabled", async () => {
  const officer = await signedIn('somsri');
  await expect(officer.page.locator('#queue-scope').innerText()).resolves.toBe(`ศูนย์ที่รับผิดชอบ: ${CHIANG_MAI} (50)`);

  const admin = await adminOnAccounts();
  const page = admin.page;
  // Every row: its state, and an Edit button whose name says which account.
  await expect(accountRowText(page, 'somsri')).resolves.toBe(`somsri สมศรี ใจงาม เจ้าหน้าที่ ${CHIANG_MAI} (50) ตั้งแล้ว ใช้งานได้ แก้ไข`);
  await expect(page.locator('#accounts-table thead th').allInnerTexts()).resolves.toEqual(['ชื่อผู้ใช้', 'ชื่อที่แสดง', 'บทบาท', 'ศูนย์', 'รหัสผ่าน', 'สถานะบัญชี', 'จัดการ']);
  await expect(page.getByRole('button', { name: /^แก้ไข / }).count()).resolves.toBe(3);
  await expect(page.locator('.badge--disabled').count()).resolves.toBe(0);

  // The admin's own row: the name may change, the role and whether the account is enabled may not.
  await editWithKeyboard(admin, 'wilai');
  const editor = page.locator('#account-edit-form');
  await expect(editor.getByRole('heading').innerText()).resolves.toBe('แก้ไขบัญชี wilai');
  await expect(page.locator('#account-edit-own').innerText()).resolves.toContain('นี่คือบัญชีของคุณ');
  for (const control of ['#edit-role', '#edit-centres', '#edit-enabled', '#account-reset']) await expect(editor.locator(control).count()).resolves.toBe(0);
  await expect(editor.getByLabel('ชื่อที่แสดง').inputValue()).resolves.toBe('วิไล ผู้ดูแล');
  await retype(admin, 'วิไล ผู้ดูแลระบบ');
  await page.keyboard.press('Enter');
  await page.locator('#accounts-notice').filter({ hasText: 'บันทึกการแก้ไขบัญชี wilai แล้ว' }).waitFor();
  await expect(page.locator('#who').innerText()).resolves.toBe('วิไล ผู้ดูแลระบบ · ผู้ดูแลระบบ');
  await expect(storedAccount(service, 'wilai')).resolves.toMatchObject({ displayName: 'วิไล ผู้ดูแลระบบ', role: 'admin', disabled: false });

  // somsri's account, by keyboard: Enter on its Edit button, the name, Tab past the role to the centres, Enter.
  await editWithKeyboard(admin, 'somsri');
  await expect(page.getByRole('button', { name: 'แก้ไข somsri' }).getAttribute('aria-expanded')).resolves.toBe('true');
  await expect(editor.getByLabel('บทบาท').inputValue()).resolves.toBe('officer');
  await expect(editor.getByLabel('รหัสศูนย์').inputValue()).resolves.toBe('50');
  await expect(editor.getByLabel('ใช้งานได้').isChecked()).resolves.toBe(true);
  await retype(admin, 'สมศรี ใจดี');
  await page.keyboard.press('Tab');
  await expect(focusedId(page)).resolves.toBe('edit-role');
  await page.keyboard.press('Tab');
  await expect(focusedId(page)).resolves.toBe('edit-centres');
  // A centre that does not exist is refused by the service, in words.
  await retype(admin, '50, 9999');
  await page.keyboard.press('Enter');
  await page.locator('#account-edit-error').filter({ hasText: 'ไม่มีศูนย์รหัส 9999' }).waitFor();
  await expect(page.locator('#account-edit-error').getAttribute('role')).resolves.toBe('alert');
  // No centre at all is refused in the page.
  await page.locator('#edit-centres').focus();
  await retype(admin, ' ');
  await page.keyboard.press('Enter');
  await page.locator('#account-edit-error').filter({ hasText: 'เจ้าหน้าที่และหัวหน้างานต้องมีศูนย์อย่างน้อยหนึ่งศูนย์' }).waitFor();
  await expect(focusedId(page)).resolves.toBe('edit-centres');
  await retype(admin, '50, 51');
  await shot(page, '18-account-edit');
  await page.keyboard.press('Enter');

  await page.locator('#accounts-notice').filter({ hasText: 'บันทึกการแก้ไขบัญชี somsri แล้ว' }).waitFor();
  await expect(focusedId(page)).resolves.toBe('accounts-notice');
  await expect(page.locator('#account-edit-form').count()).resolves.toBe(0);
  await expect(accountRowText(page, 'somsri')).resolves.toBe(`somsri สมศรี ใจดี เจ้าหน้าที่ ${CHIANG_MAI} (50), ${LAMPHUN} (51) ตั้งแล้ว ใช้งานได้ แก้ไข`);
  await expect(storedAccount(service, 'somsri')).resolves.toMatchObject({ displayName: 'สมศรี ใจดี', role: 'officer', centres: ['50', '51'], disabled: false });
  // The table is the service's: a fresh load reads the same.
  await page.reload();
  await accountRow(page, 'somsri').waitFor();
  await expect(accountRowText(page, 'somsri')).resolves.toBe(`somsri สมศรี ใจดี เจ้าหน้าที่ ${CHIANG_MAI} (50), ${LAMPHUN} (51) ตั้งแล้ว ใช้งานได้ แก้ไข`);
  await shot(page, '19-account-saved');

  // The officer's stream was closed for the new scope: their app reconnects and shows both centres, with their new name.
  await officer.page.locator('#queue-scope').filter({ hasText: `ศูนย์ที่รับผิดชอบ: ${CHIANG_MAI} (50), ${LAMPHUN} (51)` }).waitFor();
  await expect(officer.page.locator('#who').innerText()).resolves.toBe('สมศรี ใจดี · เจ้าหน้าที่');
  await officer.streamOpen();

  // Escape closes the editor and gives the focus back to the row's Edit button, with its focus ring.
  await editWithKeyboard(admin, 'kanya');
  await page.keyboard.press('Escape');
  await expect(page.locator('#account-edit-form').count()).resolves.toBe(0);
  const ring = await focusRing(page);
  expect(ring).toMatchObject({ text: 'แก้ไข', outlineStyle: 'solid' });
  await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe('แก้ไข kanya');
  // Nothing changed: Save says so rather than sending.
  await editWithKeyboard(admin, 'kanya');
  await page.keyboard.press('Enter');
  await page.locator('#account-edit-error').filter({ hasText: 'ยังไม่ได้แก้ไขอะไร' }).waitFor();
  // What is typed survives a change of the page's language; Escape then drops it unsaved.
  await retype(admin, 'กัญญา ยังไม่บันทึก');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('#account-edit-form').getByRole('heading').innerText()).resolves.toBe('Edit the account kanya');
  await expect(page.locator('#account-edit-form').getByLabel('Display name').inputValue()).resolves.toBe('กัญญา ยังไม่บันทึก');
  await page.getByRole('button', { name: 'ไทย' }).click();
  await page.locator('#edit-display-name').focus();
  await page.keyboard.press('Escape');
  await expect(page.locator('#account-edit-form').count()).resolves.toBe(0);
  await expect(accountRowText(page, 'kanya')).resolves.toBe(`kanya กัญญา ศรีสุข เจ้าหน้าที่ ${LAMPHUN} (51) ตั้งแล้ว ใช้งานได้ แก้ไข`);
  await expect(storedAccount(service, 'kanya')).resolves.toMatchObject({ displayName: 'กัญญา ศรีสุข' });

  expect(unexpectedConsoleErrors(admin, [400])).toEqual([]);
  expect(admin.problems().failedRequests).toEqual([`400 PATCH ${service.baseUrl}/api/officer/officers/${(await storedAccount(service, 'somsri'))._id}`]);
  expect(officer.problems().consoleErrors).toEqual([]);
  expect(officer.problems().failedRequests).toEqual([]);
  expect([...admin.problems().foreignRequests, ...officer.problems().foreignRequests]).toEqual([]);
});

test('an admin disables an officer who is signed in: signed out at once, refused at sign-in; enabled again, they sign in', async () => {
  const officer = await signedIn('somsri');
  const admin = await adminOnAccounts();
  const page = admin.page;

  // By keyboard: the account enabled box is after the centres; Space unticks it, Tab reaches Save.
  await editWithKeyboard(admin, 'somsri');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(focusedId(page)).resolves.toBe('edit-enabled');
  await page.keyboard.press('Space');
  await expect(page.locator('#edit-enabled').isChecked()).resolves.toBe(false);
  await page.keyboard.press('Tab');
  await expect(focusedId(page)).resolves.toBe('account-edit-save');
  await page.keyboard.press('Enter');
  await page.locator('#accounts-notice').filter({ hasText: 'ปิดใช้งานบัญชี somsri แล้ว เจ้าหน้าที่คนนี้ถูกออกจากระบบแล้ว' }).waitFor();
  await expect(accountRowText(page, 'somsri')).resolves.toMatch(/ ตั้งแล้ว ปิดใช้งาน แก้ไข$/);
  await expect(accountRow(page, 'somsri').locator('.badge--disabled').innerText()).resolves.toBe('ปิดใช้งาน');
  await expect(storedAccount(service, 'somsri')).resolves.toMatchObject({ disabled: true });
  await shot(page, '20-account-disabled');

  // The officer's stream is closed and their session ended: their app goes back to the sign-in screen, emptied.
  await officer.page.locator('#signin-view').waitFor();
  await expect(officer.page.locator('#signin-error').innerText()).resolves.toBe('หมดเวลาการใช้งาน กรุณาเข้าสู่ระบบอีกครั้ง');
  await expect(officer.page.locator('#work-view').isHidden()).resolves.toBe(true);
  await expect(officer.page.locator('#detail').innerHTML()).resolves.toBe('');
  await expect(officer.page.request.get(`${service.baseUrl}/api/officer/queue`).then((answer) => answer.status())).resolves.toBe(401);
  // Signing in again is refused, as for a wrong password.
  await officer.signIn('somsri', OFFICER_PASSWORD);
  await officer.page.locator('#signin-error').filter({ hasText: 'ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง' }).waitFor();
  await shot(officer.page, '21-disabled-officer-refused');

  // Enabled again: the box ticked, saved; the officer signs in.
  await editWithKeyboard(admin, 'somsri');
  await expect(page.locator('#edit-enabled').isChecked()).resolves.toBe(false);
  await page.locator('#edit-enabled').check();
  await page.locator('#account-edit-save').click();
  await page.locator('#accounts-notice').filter({ hasText: 'เปิดใช้งานบัญชี somsri แล้ว' }).waitFor();
  await expect(accountRowText(page, 'somsri')).resolves.toMatch(/ ตั้งแล้ว ใช้งานได้ แก้ไข$/);
  await expect(accountRow(page, 'somsri').locator('.badge--disabled').count()).resolves.toBe(0);
  await expect(storedAccount(service, 'somsri')).resolves.toMatchObject({ disabled: false });
  await officer.signIn('somsri', OFFICER_PASSWORD);
  await officer.page.locator('#work-view').waitFor();
  await officer.streamOpen();
  await expect(officer.page.locator('#queue-scope').innerText()).resolves.toBe(`ศูนย์ที่รับผิดชอบ: ${CHIANG_MAI} (50), ${LAMPHUN} (51)`);

  expect(unexpectedConsoleErrors(admin, [])).toEqual([]);
  expect(admin.problems().failedRequests).toEqual([]);
  // The officer's app met the ended session (the session check, answered 401) and the refused sign-in.
  expect(unexpectedConsoleErrors(officer, [401])).toEqual([]);
  expect(officer.problems().failedRequests).toEqual([`401 POST ${service.baseUrl}/api/officer/session`]);
});

test('an admin gives an officer a new one-time password, after confirming: shown once, in English too; the officer must choose a new password', async () => {
  const officer = await signedIn('kanya');
  const admin = await adminOnAccounts();
  const page = admin.page;
  // The page in English: every new word has its English.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('#accounts-table thead th').allInnerTexts()).resolves.toEqual(['Username', 'Display name', 'Role', 'Centres', 'Password', 'Account', 'Actions']);
  await expect(accountRowText(page, 'kanya')).resolves.toBe('kanya กัญญา ศรีสุข Officer Lamphun Provincial Damrongdham Center (51) Set Enabled Edit');

  await editWithKeyboard(admin, 'kanya', 'Edit');
  await expect(page.locator('#account-edit-form').getByRole('heading').innerText()).resolves.toBe('Edit the account kanya');
  await expect(page.getByLabel('Account enabled').isChecked()).resolves.toBe(true);
  // Asked first; Cancel (or Escape) changes nothing and gives the focus back.
  await page.getByRole('button', { name: 'New one-time password' }).click();
  await expect(page.locator('#account-reset-question').innerText()).resolves.toBe(
    'Give kanya a new one-time password? Their current password stops working and they are signed out everywhere at once.',
  );
  await expect(focusedId(page)).resolves.toBe('account-reset-confirm');
  await shot(page, '22-account-reset-confirm');
  await page.keyboard.press('Escape');
  await expect(page.locator('#account-reset-panel').isHidden()).resolves.toBe(true);
  await expect(focusedId(page)).resolves.toBe('account-reset');
  await expect(page.locator('#account-edit-form').count()).resolves.toBe(1);
  await expect(storedAccount(service, 'kanya')).resolves.toMatchObject({ mustChangePassword: false });

  // With the keyboard: Enter opens the question, Enter confirms.
  await page.keyboard.press('Enter');
  await expect(focusedId(page)).resolves.toBe('account-reset-confirm');
  await page.keyboard.press('Enter');
  const oneTime = page.locator('#one-time-password');
  await oneTime.waitFor();
  const password = await oneTime.innerText();
  expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
  await expect(focusedId(page)).resolves.toBe('one-time');
  await expect(page.locator('#one-time').innerText()).resolves.toContain('New one-time password for kanya');
  await expect(page.locator('#one-time').innerText()).resolves.toContain('the officer must set a new password at their next sign-in');
  await expect(page.locator('#account-edit-form').count()).resolves.toBe(0);
  await expect(accountRowText(page, 'kanya')).resolves.toBe('kanya กัญญา ศรีสุข Officer Lamphun Provincial Damrongdham Center (51) One-time password not yet changed Enabled Edit');
  await expect(storedAccount(service, 'kanya')).resolves.toMatchObject({ mustChangePassword: true, disabled: false });
  await shot(page, '23-account-new-one-time-password');
  // The same in Thai.
  await page.getByRole('button', { name: 'ไทย' }).click();
  await expect(page.locator('#one-time').innerText()).resolves.toContain('รหัสผ่านครั้งเดียวใหม่ของ kanya');
  await expect(page.locator('#one-time').innerText()).resolves.toContain('เจ้าหน้าที่ต้องตั้งรหัสผ่านใหม่เมื่อเข้าสู่ระบบครั้งถัดไป');
  // Shown once: gone when the page is opened again.
  await page.reload();
  await accountRow(page, 'kanya').waitFor();
  await expect(page.locator('#one-time-password').count()).resolves.toBe(0);
  await expect(page.locator('body').innerText()).resolves.not.toContain(password);

  // kanya was signed out; the old password no longer works; the new one does, and a password of her own is asked for first.
  await officer.page.locator('#signin-view').waitFor();
  await officer.signIn('kanya', OFFICER_PASSWORD);
  await officer.page.locator('#signin-error').filter({ hasText: 'ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง' }).waitFor();
  await officer.signIn('kanya', password);
  await officer.page.locator('#password-view').waitFor();
  await expect(officer.page.locator('#password-intro').innerText()).resolves.toBe('บัญชีนี้ใช้รหัสผ่านครั้งเดียว กรุณาตั้งรหัสผ่านใหม่ก่อนเริ่มงาน');
  await officer.page.getByLabel('รหัสผ่านปัจจุบัน').fill(password);
  await officer.page.getByLabel('รหัสผ่านใหม่', { exact: true }).fill(NEW_PASSWORD);
  await officer.page.getByLabel('พิมพ์รหัสผ่านใหม่อีกครั้ง').fill(NEW_PASSWORD);
  await officer.page.locator('#password-form button[type="submit"]').click();
  await officer.page.locator('#work-view').waitFor();
  await officer.streamOpen();
  await expect(storedAccount(service, 'kanya')).resolves.toMatchObject({ mustChangePassword: false });

  expect(unexpectedConsoleErrors(admin, [])).toEqual([]);
  expect(admin.problems().failedRequests).toEqual([]);
  expect(unexpectedConsoleErrors(officer, [401])).toEqual([]);
  expect(officer.problems().failedRequests).toEqual([`401 POST ${service.baseUrl}/api/officer/session`]);
});

/* The page-side global the tests read. The project compiles for Node without the DOM library. */
declare const document: { readonly activeElement: { getAttribute(name: string): string | null } | null };
