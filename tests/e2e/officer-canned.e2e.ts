import type { Locator, Page } from 'playwright-core';
import type { CannedAnswer } from '../../lib/content/cannedText';
import type { Chat } from './support/harness';
import { deskSuite, type OfficerDesk, seriousAxeViolations } from './support/desk';
import { askForChiangMai, eventually, OFFICER_PASSWORD, openCitizen, shot, storedAccount, TUESDAY_10 } from './support/officer';

/**
 * Canned answers as admins keep them (#/canned): one added with both polite forms, one written neutrally, one
 * edited, one removed, each as the service then holds it. Officers then use them in the reply box: the Thai
 * comes in the form of the officer's own polite ending (ค่ะ or ครับ, kept with their account), neutral wording
 * as written, and the citizen receives exactly what was inserted.
 */

/** The answer the admin adds in both forms, and what the edit changes in it. */
const DOCUMENTS = {
  title: { th: 'ขอสำเนาบัตรประชาชน', en: 'Copy of ID card' },
  kha: 'รบกวนส่งสำเนาบัตรประชาชนมาทางแชตนี้ได้เลยค่ะ',
  khrap: 'รบกวนส่งสำเนาบัตรประชาชนมาทางแชตนี้ได้เลยครับ',
  en: 'Please send a copy of your ID card in this chat.',
  editedKhrap: 'รบกวนส่งสำเนาบัตรประชาชนพร้อมลงชื่อรับรองสำเนามาทางแชตนี้ได้เลยครับ',
};
/** The answer written neutrally: no particle, fitting any officer. */
const WAIT = {
  title: { th: 'แจ้งระยะเวลา', en: 'How long it takes' },
  th: 'เจ้าหน้าที่จะติดต่อกลับภายใน 3 วันทำการ',
  en: 'An officer will get back to you within 3 working days.',
};

const suite = deskSuite({
  start: TUESDAY_10,
  officers: [
    { username: 'wilai', displayName: 'วิไล ผู้ดูแล', role: 'admin', centres: [] },
    { username: 'somchai', displayName: 'สมชาย ใจดี', role: 'officer', centres: ['50'] },
    { username: 'malee', displayName: 'มาลี ดีงาม', role: 'officer', centres: ['50'] },
  ],
});

/** An officer at work since before the admin changed anything: the app she has open must follow the changes. */
let malee: OfficerDesk;

async function signedIn(username: string): Promise<OfficerDesk> {
  const app = await suite.desk();
  await app.open();
  await app.signInToQueue(username, OFFICER_PASSWORD);
  return app;
}

function stored(id?: string): CannedAnswer | undefined {
  return suite.service.test.app.content.canned().find((answer) => answer.id === id);
}

function storedByTitle(title: string): CannedAnswer | undefined {
  return suite.service.test.app.content.canned().find((answer) => answer.title.th === title);
}

const form = (page: Page, name: string): Locator => page.getByRole('form', { name });
const field = (scope: Locator, name: string): Locator => scope.getByRole('textbox', { name, exact: true });
const notice = (page: Page, text: string): Locator => page.getByRole('status').filter({ hasText: text });
/** The answers' titles, as the admin's list shows them. */
const titles = (page: Page): Promise<string[]> => page.getByRole('list', { name: 'คำตอบสำเร็จรูป' }).getByRole('heading', { level: 3 }).allInnerTexts();

test('an admin adds an answer in both polite forms and one in neutral wording, edits one and removes another; the service holds each change', async () => {
  malee = await signedIn('malee');
  const admin = await signedIn('wilai');
  const page = admin.page;
  const seeded = suite.service.test.app.content.canned();
  await page.getByRole('link', { name: 'คำตอบสำเร็จรูป', exact: true }).click();
  await page.getByRole('heading', { level: 2, name: 'คำตอบสำเร็จรูป' }).waitFor();
  expect(new URL(page.url()).hash).toBe('#/canned');
  // Every answer officers can choose, by its title.
  await expect(titles(page)).resolves.toEqual(seeded.map((answer) => answer.title.th));
  await expect(seriousAxeViolations(page)).resolves.toEqual([]);

  // A new answer in both forms.
  await page.getByRole('button', { name: 'เพิ่มคำตอบสำเร็จรูป' }).click();
  const added = form(page, 'เพิ่มคำตอบสำเร็จรูป');
  await field(added, 'ชื่อ (ภาษาไทย)').fill(DOCUMENTS.title.th);
  await field(added, 'ชื่อ (ภาษาอังกฤษ)').fill(DOCUMENTS.title.en);
  await added.getByRole('radio', { name: 'สองแบบ: ลงท้าย “ค่ะ” และ “ครับ”' }).check();
  await field(added, 'ข้อความภาษาไทย (ค่ะ)').fill(DOCUMENTS.kha);
  // One form left empty: refused, said at its field in words, and nothing is kept.
  await field(added, 'ข้อความภาษาอังกฤษ').fill(DOCUMENTS.en);
  await added.getByRole('button', { name: 'บันทึกคำตอบ' }).click();
  await added.getByRole('alert').filter({ hasText: 'ข้อความภาษาไทย (ครับ)' }).waitFor();
  await expect(field(added, 'ข้อความภาษาไทย (ครับ)').getAttribute('aria-invalid')).resolves.toBe('true');
  expect(storedByTitle(DOCUMENTS.title.th)).toBeUndefined();
  await expect(seriousAxeViolations(page)).resolves.toEqual([]);
  await field(added, 'ข้อความภาษาไทย (ครับ)').fill(DOCUMENTS.khrap);
  await added.getByRole('button', { name: 'บันทึกคำตอบ' }).click();
  await notice(page, `บันทึก “${DOCUMENTS.title.th}” แล้ว`).waitFor();
  await added.waitFor({ state: 'detached' });
  const documents = storedByTitle(DOCUMENTS.title.th);
  expect(documents).toMatchObject({ title: DOCUMENTS.title, text: { form: 'polite', th: { kha: DOCUMENTS.kha, khrap: DOCUMENTS.khrap }, en: DOCUMENTS.en } });

  // Another, in neutral wording (the form's default).
  await page.getByRole('button', { name: 'เพิ่มคำตอบสำเร็จรูป' }).click();
  const neutral = form(page, 'เพิ่มคำตอบสำเร็จรูป');
  await expect(neutral.getByRole('radio', { name: 'แบบกลาง ๆ ไม่มีคำลงท้าย' }).isChecked()).resolves.toBe(true);
  await field(neutral, 'ชื่อ (ภาษาไทย)').fill(WAIT.title.th);
  await field(neutral, 'ชื่อ (ภาษาอังกฤษ)').fill(WAIT.title.en);
  await field(neutral, 'ข้อความภาษาไทย').fill(WAIT.th);
  await field(neutral, 'ข้อความภาษาอังกฤษ').fill(WAIT.en);
  await neutral.getByRole('button', { name: 'บันทึกคำตอบ' }).click();
  await notice(page, `บันทึก “${WAIT.title.th}” แล้ว`).waitFor();
  expect(storedByTitle(WAIT.title.th)).toMatchObject({ title: WAIT.title, text: { form: 'neutral', th: WAIT.th, en: WAIT.en } });

  // The first one edited: its ครับ form changed, the rest as it was.
  await page.getByRole('button', { name: `แก้ไข ${DOCUMENTS.title.th}` }).click();
  const edited = form(page, `แก้ไข “${DOCUMENTS.title.th}”`);
  await expect(field(edited, 'ข้อความภาษาไทย (ค่ะ)').inputValue()).resolves.toBe(DOCUMENTS.kha);
  await field(edited, 'ข้อความภาษาไทย (ครับ)').fill(DOCUMENTS.editedKhrap);
  await edited.getByRole('button', { name: 'บันทึกคำตอบ' }).click();
  await notice(page, `บันทึก “${DOCUMENTS.title.th}” แล้ว`).waitFor();
  expect(stored(documents?.id)).toEqual({ id: documents?.id, title: DOCUMENTS.title, text: { form: 'polite', th: { kha: DOCUMENTS.kha, khrap: DOCUMENTS.editedKhrap }, en: DOCUMENTS.en } });

  // A seeded answer removed, after asking.
  const removed = seeded.find((answer) => answer.id === 'more-info');
  if (!removed) throw new Error('The seed has no "more-info" canned answer');
  await page.getByRole('button', { name: `เอาออก ${removed.title.th}` }).click();
  await page.getByText(`เอาคำตอบ “${removed.title.th}” ออกจากรายการหรือไม่`).waitFor();
  await page.getByRole('button', { name: 'ยืนยัน เอาออก' }).click();
  await notice(page, `เอา “${removed.title.th}” ออกแล้ว`).waitFor();
  expect(stored('more-info')).toBeUndefined();
  await expect(titles(page)).resolves.toEqual([
    ...seeded.filter((answer) => answer.id !== 'more-info').map((answer) => answer.title.th),
    DOCUMENTS.title.th,
    WAIT.title.th,
  ]);
  await shot(page, '30-canned-answers');
  // The one refusal above, the service's 400 for the empty form, is all that went wrong.
  const problems = admin.problems();
  expect(problems.failedRequests).toEqual([`400 POST ${suite.service.baseUrl}/api/officer/canned`]);
  expect(problems.consoleErrors.filter((line) => !/status of 400/.test(line))).toEqual([]);
  expect(problems.foreignRequests).toEqual([]);
});

/** A citizen of Chiang Mai asking for an officer, and the officer (by their display name) who opens and claims that request. */
async function claimedBy(officer: OfficerDesk, name: string, reason: string): Promise<Chat> {
  const { service } = suite;
  const chat = await openCitizen(await (await suite.context()).newPage(), service);
  await askForChiangMai(chat, service, reason);
  const item = officer.liveItems().filter({ hasText: reason });
  await item.waitFor();
  await officer.openItem(item);
  await officer.claim();
  await chat.botSays(service.text('th', 'handoff.claimed', { officer: name }));
  return chat;
}

async function insert(officer: OfficerDesk, title: string): Promise<string> {
  await officer.page.getByLabel('คำตอบสำเร็จรูป', { exact: true }).selectOption({ label: title });
  await officer.button('ใส่ในช่องข้อความ', 'Put in the message box').click();
  return officer.replyText().inputValue();
}

async function sendInserted(officer: OfficerDesk, chat: Chat, text: string): Promise<void> {
  await officer.sendButton().click();
  await officer.message('officer', text).waitFor();
  await chat.botSays(text);
}

test('officers insert them in their own polite form: ครับ chosen in the reply box and kept with the account, ค่ะ for another officer, neutral wording as written; the citizen gets what was inserted', async () => {
  const { service } = suite;
  const somchai = await signedIn('somchai');
  const page = somchai.page;
  const chat = await claimedBy(somchai, 'สมชาย ใจดี', 'ขอคุยกับเจ้าหน้าที่เรื่องเอกสาร');
  const ending = page.getByLabel('คำลงท้ายของคุณ', { exact: true });
  // The list is the admin's: the added answers in, the removed one out.
  const choices = await page.getByLabel('คำตอบสำเร็จรูป', { exact: true }).locator('option').allInnerTexts();
  expect(choices).toEqual(expect.arrayContaining([DOCUMENTS.title.th, WAIT.title.th]));
  expect(choices).not.toContain('ขอข้อมูลเพิ่ม');
  // No ending chosen yet: the box asks for one.
  await expect(ending.locator('option:checked').innerText()).resolves.toBe('เลือกคำลงท้าย…');
  await expect(seriousAxeViolations(page)).resolves.toEqual([]);

  // ครับ chosen: kept with the account, and the answer comes in its ครับ form, as edited.
  await ending.selectOption({ label: 'ครับ' });
  await eventually(async () => (await storedAccount(service, 'somchai')).politeEnding, (value) => value === 'khrap', "somchai's polite ending to be kept");
  await expect(insert(somchai, DOCUMENTS.title.th)).resolves.toBe(DOCUMENTS.editedKhrap);
  await sendInserted(somchai, chat, DOCUMENTS.editedKhrap);
  // Neutral wording is the same for everyone.
  await expect(insert(somchai, WAIT.title.th)).resolves.toBe(WAIT.th);
  await sendInserted(somchai, chat, WAIT.th);
  await shot(page, '31-canned-khrap');

  // The page opened again (a reload, another day): the setting is still his.
  await page.reload();
  await somchai.conversationHeading().waitFor();
  await expect(ending.inputValue()).resolves.toBe('khrap');
  await expect(insert(somchai, DOCUMENTS.title.th)).resolves.toBe(DOCUMENTS.editedKhrap);
  await somchai.replyText().fill('');

  // Another officer of the same centre, whose app was open before the admin's changes: a conversation opened
  // brings her the list as it is now. She chooses ค่ะ: her answers come in that form; his setting is untouched.
  const herChat = await claimedBy(malee, 'มาลี ดีงาม', 'ขอคุยกับเจ้าหน้าที่เรื่องบัตร');
  await expect(malee.page.getByLabel('คำตอบสำเร็จรูป', { exact: true }).locator('option').allInnerTexts()).resolves.toEqual(choices);
  await malee.page.getByLabel('คำลงท้ายของคุณ', { exact: true }).selectOption({ label: 'ค่ะ' });
  await eventually(async () => (await storedAccount(service, 'malee')).politeEnding, (value) => value === 'kha', "malee's polite ending to be kept");
  await expect(insert(malee, DOCUMENTS.title.th)).resolves.toBe(DOCUMENTS.kha);
  await sendInserted(malee, herChat, DOCUMENTS.kha);
  await expect(insert(malee, WAIT.title.th)).resolves.toBe(WAIT.th);
  expect((await storedAccount(service, 'somchai')).politeEnding).toBe('khrap');

  // Changing one's mind: the next answer inserted follows the new choice.
  await malee.page.getByLabel('คำลงท้ายของคุณ', { exact: true }).selectOption({ label: 'ครับ' });
  await expect(insert(malee, DOCUMENTS.title.th)).resolves.toBe(DOCUMENTS.editedKhrap);
  await eventually(async () => (await storedAccount(service, 'malee')).politeEnding, (value) => value === 'khrap', "malee's new polite ending to be kept");

  // Citizens saw only what was inserted and sent, each from their own officer.
  await expect(chat.bubbles(DOCUMENTS.kha).count()).resolves.toBe(0);
  await expect(herChat.bubbles(DOCUMENTS.editedKhrap).count()).resolves.toBe(0);
  for (const app of [somchai, malee]) expect(app.problems()).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [] });
});
