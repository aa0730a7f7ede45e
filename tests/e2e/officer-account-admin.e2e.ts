import type { Locator, Page } from 'playwright-core';
import { focusRing } from './support/harness';
import { deskSuite, focused, type OfficerDesk, seriousAxeViolations } from './support/desk';
import { OFFICER_PASSWORD, shot, storedAccount, TUESDAY_10 } from './support/officer';

/**
 * Admins change accounts in the officer app: a name and centres (found by search) with the
 * keyboard, the officer's own app following at once; the admin's own account keeps its role and stays enabled;
 * an officer disabled (signed out at once) and enabled again; a new one-time password after a question, shown
 * once.
 */

const CHIANG_MAI = 'ศูนย์ดำรงธรรมจังหวัดเชียงใหม่';
const LAMPHUN = 'ศูนย์ดำรงธรรมจังหวัดลำพูน';
const NEW_PASSWORD = 'Sticky-Rice-Mango-Lamphun';

const suite = deskSuite({
  start: TUESDAY_10,
  officers: [
    { username: 'somsri', displayName: 'สมศรี ใจงาม', role: 'officer', centres: ['50'] },
    { username: 'kanya', displayName: 'กัญญา ศรีสุข', role: 'officer', centres: ['51'] },
    { username: 'wilai', displayName: 'วิไล ผู้ดูแล', role: 'admin', centres: [] },
  ],
});

async function signedIn(username: string, password = OFFICER_PASSWORD): Promise<OfficerDesk> {
  const app = await suite.desk();
  await app.open();
  await app.signInToQueue(username, password);
  return app;
}

const accountsTable = (page: Page) => page.getByRole('table', { name: /^(บัญชีเจ้าหน้าที่|Officer accounts)$/ });
const row = (page: Page, username: string) => accountsTable(page).getByRole('row').filter({ has: page.getByRole('cell', { name: username, exact: true }) });
const rowText = async (page: Page, username: string) => (await row(page, username).innerText()).replace(/\s+/g, ' ').trim();
const editor = (page: Page, username: string) => page.getByRole('form', { name: new RegExp(`^(แก้ไขบัญชี|Edit the account) ${username}$`) });
const notice = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text });

/** The admin, on the Accounts screen. */
async function adminOnAccounts(): Promise<OfficerDesk> {
  const admin = await signedIn('wilai');
  await admin.page.getByRole('link', { name: 'บัญชีเจ้าหน้าที่' }).click();
  await accountsTable(admin.page).waitFor();
  return admin;
}

/** Opens the editor of an account with the keyboard: its Edit button, then Enter; the focus lands in the name. */
async function editWithKeyboard(admin: OfficerDesk, username: string, label = 'แก้ไข'): Promise<Locator> {
  const page = admin.page;
  await page.getByRole('button', { name: `${label} ${username}`, exact: true }).focus();
  await page.keyboard.press('Enter');
  const form = editor(page, username);
  await form.waitFor();
  await expect(focused(form.getByLabel(/^(ชื่อที่แสดง|Display name)$/))).resolves.toBe(true);
  return form;
}

/** Replaces what the focused field holds, with the keyboard. */
async function retype(admin: OfficerDesk, text: string): Promise<void> {
  await admin.page.keyboard.press('Control+A');
  await admin.page.keyboard.type(text);
}

/** The centre picker's search field (a combobox, as the role's select is too). */
function centreSearch(form: Locator): Locator {
  return form.getByRole('combobox', { name: /^(ศูนย์|Centres)$/ });
}

/** A centre found by typing in the picker and chosen from its results. */
async function chooseCentre(form: Locator, typed: string, name: string): Promise<void> {
  await centreSearch(form).fill(typed);
  await form.getByRole('option', { name }).click();
}

test("an admin changes an officer's name and centres with the keyboard; the officer's app follows; the admin's own row keeps its role and stays enabled", async () => {
  const { service } = suite;
  const officer = await signedIn('somsri');
  await officer.page.getByText(`ศูนย์ที่รับผิดชอบ: ${CHIANG_MAI} (50)`, { exact: true }).waitFor();

  const admin = await adminOnAccounts();
  const page = admin.page;
  // Every row: its state, and an Edit button whose name says which account.
  await expect(rowText(page, 'somsri')).resolves.toBe(`somsri สมศรี ใจงาม เจ้าหน้าที่ ${CHIANG_MAI} (50) ตั้งแล้ว ใช้งานได้ แก้ไข`);
  await expect(accountsTable(page).getByRole('columnheader').allInnerTexts()).resolves.toEqual(['ชื่อผู้ใช้', 'ชื่อที่แสดง', 'บทบาท', 'ศูนย์', 'รหัสผ่าน', 'สถานะบัญชี', 'จัดการ']);
  await expect(page.getByRole('button', { name: /^แก้ไข / }).count()).resolves.toBe(3);

  // The admin's own row: the name may change, the role and whether the account is enabled may not.
  const own = await editWithKeyboard(admin, 'wilai');
  await own.getByText('นี่คือบัญชีของคุณ', { exact: false }).waitFor();
  await expect(own.getByLabel('บทบาท').count()).resolves.toBe(0);
  await expect(centreSearch(own).count()).resolves.toBe(0);
  await expect(own.getByRole('checkbox').count()).resolves.toBe(0);
  await expect(page.getByRole('button', { name: 'ตั้งรหัสผ่านครั้งเดียวใหม่' }).count()).resolves.toBe(0);
  await expect(own.getByLabel('ชื่อที่แสดง').inputValue()).resolves.toBe('วิไล ผู้ดูแล');
  await retype(admin, 'วิไล ผู้ดูแลระบบ');
  await page.keyboard.press('Enter');
  await notice(page, 'บันทึกการแก้ไขบัญชี wilai แล้ว').waitFor();
  await page.getByRole('banner').getByText('วิไล ผู้ดูแลระบบ · ผู้ดูแลระบบ', { exact: true }).waitFor();
  await expect(storedAccount(service, 'wilai')).resolves.toMatchObject({ displayName: 'วิไล ผู้ดูแลระบบ', role: 'admin', disabled: false });

  // somsri's account, by keyboard: the name, then the centres found by search.
  const form = await editWithKeyboard(admin, 'somsri');
  await expect(page.getByRole('button', { name: 'แก้ไข somsri' }).getAttribute('aria-expanded')).resolves.toBe('true');
  await expect(form.getByLabel('บทบาท').inputValue()).resolves.toBe('officer');
  await expect(form.getByRole('list', { name: 'ศูนย์ที่เลือก' }).innerText()).resolves.toContain(`${CHIANG_MAI} (50)`);
  await expect(form.getByLabel('ใช้งานได้').isChecked()).resolves.toBe(true);
  await expect(seriousAxeViolations(page)).resolves.toEqual([]);
  await retype(admin, 'สมศรี ใจดี');
  // A centre that does not exist is explained in words, and cannot be chosen.
  await centreSearch(form).fill('9999');
  await form.getByText('ไม่มีศูนย์รหัส 9999').waitFor();
  await centreSearch(form).fill('');
  // No centre at all is refused in the page.
  await form.getByRole('button', { name: `เอาออก: ${CHIANG_MAI} (50)` }).click();
  await form.getByLabel('ชื่อที่แสดง').press('Enter');
  await form.getByRole('alert').filter({ hasText: 'เจ้าหน้าที่และหัวหน้างานต้องมีศูนย์อย่างน้อยหนึ่งศูนย์' }).waitFor();
  await chooseCentre(form, '50', `${CHIANG_MAI} (50)`);
  await chooseCentre(form, 'ลำพูน', `${LAMPHUN} (51)`);
  await shot(page, '18-account-edit');
  await form.getByLabel('ชื่อที่แสดง').press('Enter');

  const saved = notice(page, 'บันทึกการแก้ไขบัญชี somsri แล้ว');
  await saved.waitFor();
  await expect(focused(saved)).resolves.toBe(true);
  await expect(form.count()).resolves.toBe(0);
  await expect(rowText(page, 'somsri')).resolves.toBe(`somsri สมศรี ใจดี เจ้าหน้าที่ ${CHIANG_MAI} (50), ${LAMPHUN} (51) ตั้งแล้ว ใช้งานได้ แก้ไข`);
  await expect(storedAccount(service, 'somsri')).resolves.toMatchObject({ displayName: 'สมศรี ใจดี', role: 'officer', centres: ['50', '51'], disabled: false });
  // The table is the service's: a fresh load reads the same.
  await page.reload();
  await row(page, 'somsri').waitFor();
  await expect(rowText(page, 'somsri')).resolves.toBe(`somsri สมศรี ใจดี เจ้าหน้าที่ ${CHIANG_MAI} (50), ${LAMPHUN} (51) ตั้งแล้ว ใช้งานได้ แก้ไข`);
  await shot(page, '19-account-saved');

  // The officer's stream was closed for the new scope: their app reconnects and shows both centres, with their new name.
  await officer.page.getByText(`ศูนย์ที่รับผิดชอบ: ${CHIANG_MAI} (50), ${LAMPHUN} (51)`, { exact: true }).waitFor();
  await officer.page.getByRole('banner').getByText('สมศรี ใจดี · เจ้าหน้าที่', { exact: true }).waitFor();
  await officer.streamOpen();

  // Escape closes the editor and gives the focus back to the row's Edit button, with its focus ring.
  await editWithKeyboard(admin, 'kanya');
  await page.keyboard.press('Escape');
  await expect(editor(page, 'kanya').count()).resolves.toBe(0);
  await expect(focusRing(page)).resolves.toMatchObject({ text: 'แก้ไข', outlineStyle: 'solid' });
  await expect(focused(page.getByRole('button', { name: 'แก้ไข kanya', exact: true }))).resolves.toBe(true);
  // Nothing changed: Save says so rather than sending.
  const kanya = await editWithKeyboard(admin, 'kanya');
  await page.keyboard.press('Enter');
  await kanya.getByRole('alert').filter({ hasText: 'ยังไม่ได้แก้ไขอะไร' }).waitFor();
  // What is typed survives a change of the page's language; Escape then drops it unsaved.
  await kanya.getByLabel('ชื่อที่แสดง').focus();
  await retype(admin, 'กัญญา ยังไม่บันทึก');
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(editor(page, 'kanya').getByLabel('Display name').inputValue()).resolves.toBe('กัญญา ยังไม่บันทึก');
  await page.getByRole('button', { name: 'ไทย' }).click();
  await kanya.getByLabel('ชื่อที่แสดง').focus();
  await page.keyboard.press('Escape');
  await expect(kanya.count()).resolves.toBe(0);
  await expect(rowText(page, 'kanya')).resolves.toBe(`kanya กัญญา ศรีสุข เจ้าหน้าที่ ${LAMPHUN} (51) ตั้งแล้ว ใช้งานได้ แก้ไข`);
  await expect(storedAccount(service, 'kanya')).resolves.toMatchObject({ displayName: 'กัญญา ศรีสุข' });

  expect(admin.problems()).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [] });
  expect(officer.problems().consoleErrors).toEqual([]);
  expect(officer.problems().failedRequests).toEqual([]);
});

test('an admin disables an officer who is signed in: signed out at once, refused at sign-in; enabled again, they sign in', async () => {
  const { service } = suite;
  const officer = await signedIn('somsri');
  const admin = await adminOnAccounts();
  const page = admin.page;

  const form = await editWithKeyboard(admin, 'somsri');
  await form.getByLabel('ใช้งานได้').focus();
  await page.keyboard.press('Space');
  await expect(form.getByLabel('ใช้งานได้').isChecked()).resolves.toBe(false);
  await form.getByRole('button', { name: 'บันทึกการแก้ไข' }).click();
  await notice(page, 'ปิดใช้งานบัญชี somsri แล้ว เจ้าหน้าที่คนนี้ถูกออกจากระบบแล้ว').waitFor();
  await expect(rowText(page, 'somsri')).resolves.toMatch(/ ตั้งแล้ว ปิดใช้งาน แก้ไข$/);
  await expect(storedAccount(service, 'somsri')).resolves.toMatchObject({ disabled: true });
  await shot(page, '20-account-disabled');

  // The officer's stream is closed and their session ended: their app goes back to the sign-in screen, emptied.
  await officer.page.getByRole('form', { name: 'เข้าสู่ระบบเจ้าหน้าที่' }).waitFor();
  await officer.page.getByRole('alert').filter({ hasText: 'หมดเวลาการใช้งาน กรุณาเข้าสู่ระบบอีกครั้ง' }).waitFor();
  await expect(officer.queueHeading().count()).resolves.toBe(0);
  await expect(officer.page.locator('body').innerText()).resolves.not.toContain(CHIANG_MAI);
  await expect(officer.page.request.get(`${service.baseUrl}/api/officer/queue`).then((answer) => answer.status())).resolves.toBe(401);
  // Signing in again is refused, as for a wrong password.
  await officer.signIn('somsri', OFFICER_PASSWORD);
  await officer.page.getByRole('alert').filter({ hasText: 'ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง' }).waitFor();
  await shot(officer.page, '21-disabled-officer-refused');

  // Enabled again: the box ticked, saved; the officer signs in.
  const again = await editWithKeyboard(admin, 'somsri');
  await expect(again.getByLabel('ใช้งานได้').isChecked()).resolves.toBe(false);
  await again.getByLabel('ใช้งานได้').check();
  await again.getByRole('button', { name: 'บันทึกการแก้ไข' }).click();
  await notice(page, 'เปิดใช้งานบัญชี somsri แล้ว').waitFor();
  await expect(rowText(page, 'somsri')).resolves.toMatch(/ ตั้งแล้ว ใช้งานได้ แก้ไข$/);
  await expect(storedAccount(service, 'somsri')).resolves.toMatchObject({ disabled: false });
  await officer.signInToQueue('somsri', OFFICER_PASSWORD);
  await officer.page.getByText(`ศูนย์ที่รับผิดชอบ: ${CHIANG_MAI} (50), ${LAMPHUN} (51)`, { exact: true }).waitFor();

  expect(admin.problems()).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [] });
  // The officer's app met the ended session (the session check, answered 401) and the refused sign-in.
  expect(officer.problems().failedRequests.filter((line) => !line.startsWith('401 GET '))).toEqual([`401 POST ${service.baseUrl}/api/officer/session`]);
});

test('an admin gives an officer a new one-time password, after confirming: shown once, in English too; the officer must choose a new password', async () => {
  const { service } = suite;
  const officer = await signedIn('kanya');
  const admin = await adminOnAccounts();
  const page = admin.page;
  // The page in English: every new word has its English.
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(accountsTable(page).getByRole('columnheader').allInnerTexts()).resolves.toEqual(['Username', 'Display name', 'Role', 'Centres', 'Password', 'Account', 'Actions']);
  await expect(rowText(page, 'kanya')).resolves.toBe('kanya กัญญา ศรีสุข Officer Lamphun Provincial Damrongdham Center (51) Set Enabled Edit');

  const form = await editWithKeyboard(admin, 'kanya', 'Edit');
  await expect(form.getByLabel('Account enabled').isChecked()).resolves.toBe(true);
  // Asked first; Cancel (or Escape) changes nothing and gives the focus back.
  const reset = page.getByRole('button', { name: 'New one-time password' });
  await reset.click();
  await page.getByText('Give kanya a new one-time password? Their current password stops working and they are signed out everywhere at once.', { exact: true }).waitFor();
  const confirm = page.getByRole('button', { name: 'Yes, make a new one-time password' });
  await expect(focused(confirm)).resolves.toBe(true);
  await expect(seriousAxeViolations(page)).resolves.toEqual([]);
  await shot(page, '22-account-reset-confirm');
  await page.keyboard.press('Escape');
  await expect(confirm.count()).resolves.toBe(0);
  await expect(focused(reset)).resolves.toBe(true);
  await expect(form.count()).resolves.toBe(1);
  await expect(storedAccount(service, 'kanya')).resolves.toMatchObject({ mustChangePassword: false });

  // With the keyboard: Enter opens the question, Enter confirms.
  await page.keyboard.press('Enter');
  await expect(focused(confirm)).resolves.toBe(true);
  await page.keyboard.press('Enter');
  const oneTime = page.getByRole('region', { name: 'New one-time password for kanya' });
  await oneTime.waitFor();
  const password = await oneTime.getByRole('code').innerText();
  expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
  await expect(focused(oneTime)).resolves.toBe(true);
  await expect(oneTime.innerText()).resolves.toContain('the officer must set a new password at their next sign-in');
  await expect(form.count()).resolves.toBe(0);
  await expect(rowText(page, 'kanya')).resolves.toBe('kanya กัญญา ศรีสุข Officer Lamphun Provincial Damrongdham Center (51) One-time password not yet changed Enabled Edit');
  await expect(storedAccount(service, 'kanya')).resolves.toMatchObject({ mustChangePassword: true, disabled: false });
  await shot(page, '23-account-new-one-time-password');
  // The same in Thai.
  await page.getByRole('button', { name: 'ไทย' }).click();
  const thai = page.getByRole('region', { name: 'รหัสผ่านครั้งเดียวใหม่ของ kanya' });
  await expect(thai.innerText()).resolves.toContain('เจ้าหน้าที่ต้องตั้งรหัสผ่านใหม่เมื่อเข้าสู่ระบบครั้งถัดไป');
  // Shown once: gone when the admin leaves the screen.
  await page.getByRole('link', { name: 'เวลาทำการ', exact: true }).click();
  await page.getByRole('link', { name: 'บัญชีเจ้าหน้าที่' }).click();
  await row(page, 'kanya').waitFor();
  await expect(thai.count()).resolves.toBe(0);
  await expect(page.locator('body').innerText()).resolves.not.toContain(password);

  // kanya was signed out; the old password no longer works; the new one does, and a password of her own is asked for first.
  await officer.page.getByRole('form', { name: 'เข้าสู่ระบบเจ้าหน้าที่' }).waitFor();
  await officer.signIn('kanya', OFFICER_PASSWORD);
  await officer.page.getByRole('alert').filter({ hasText: 'ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง' }).waitFor();
  await officer.signIn('kanya', password);
  await officer.page.getByText('บัญชีนี้ใช้รหัสผ่านครั้งเดียว กรุณาตั้งรหัสผ่านใหม่ก่อนเริ่มงาน', { exact: true }).waitFor();
  await officer.page.getByLabel('รหัสผ่านปัจจุบัน').fill(password);
  await officer.page.getByLabel('รหัสผ่านใหม่', { exact: true }).fill(NEW_PASSWORD);
  await officer.page.getByLabel('พิมพ์รหัสผ่านใหม่อีกครั้ง').fill(NEW_PASSWORD);
  await officer.page.getByRole('button', { name: 'บันทึกรหัสผ่าน' }).click();
  await officer.queueHeading().waitFor();
  await officer.streamOpen();
  await expect(storedAccount(service, 'kanya')).resolves.toMatchObject({ mustChangePassword: false });

  expect(admin.problems()).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [] });
  expect(officer.problems().failedRequests.filter((line) => !line.startsWith('401 GET '))).toEqual([`401 POST ${service.baseUrl}/api/officer/session`]);
});
