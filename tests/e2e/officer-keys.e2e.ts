import type { Page } from 'playwright-core';
import { deskSuite, focused, type OfficerDesk } from './support/desk';
import { askForChiangMai, eventually, OFFICER_PASSWORD, openCitizen, TUESDAY_10 } from './support/officer';

/**
 * The officer desk by keyboard alone: wherever a screen or panel changes, the focus lands somewhere that says
 * where the officer is (never on the page's body), the help overlay holds the focus while open and gives it back,
 * and Escape leaves the reply box so that the shortcuts work again.
 */

const suite = deskSuite({
  start: TUESDAY_10,
  officers: [{ username: 'somsri', displayName: 'สมศรี ใจงาม', role: 'officer', centres: ['50'] }],
});

let officer: OfficerDesk;
let page: Page;

beforeAll(async () => {
  officer = await suite.desk();
  page = officer.page;
});

/** Waits until the element with this id has the focus. */
async function focusComesTo(id: string): Promise<void> {
  await eventually(() => focused(page.locator(`#${id}`)), (yes) => yes, `the focus on #${id}`);
}

test('claim, reply, note and close by keyboard; the help overlay keeps the focus and gives it back', async () => {
  const { service } = suite;
  await officer.open();
  await officer.signInToQueue('somsri', OFFICER_PASSWORD);
  // Signed in: the queue's heading has the focus.
  await focusComesTo('queue-title');

  const chat = await openCitizen(await (await suite.context()).newPage(), service);
  await askForChiangMai(chat, service, 'ขอคุยกับเจ้าหน้าที่เรื่องไฟฟ้าดับ');
  await officer.liveItems().first().waitFor();

  // The help overlay: "?" opens it, Tab stays inside it, Escape closes it and the focus is back where it was.
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'แป้นลัด' });
  await help.waitFor();
  for (let press = 0; press < 4; press += 1) {
    await page.keyboard.press('Tab');
    await expect(help.locator(':focus').count()).resolves.toBe(1);
  }
  await page.keyboard.press('Escape');
  await help.waitFor({ state: 'detached' });
  await focusComesTo('queue-title');
  // Its button closes it as well, with the same return.
  await page.keyboard.press('?');
  await help.getByRole('button', { name: 'ปิด' }).click();
  await help.waitFor({ state: 'detached' });
  await focusComesTo('queue-title');

  // j opens the first item: the conversation's heading has the focus; c claims it and the reply box has it.
  await page.keyboard.press('j');
  await officer.conversationHeading().waitFor();
  await focusComesTo('conversation-title');
  await page.keyboard.press('c');
  await officer.replyText().waitFor();
  await focusComesTo('reply-text');
  // Typing there is text, never a shortcut; Escape leaves the box and the shortcuts work again.
  await page.keyboard.type('jkx');
  await expect(officer.replyText().inputValue()).resolves.toBe('jkx');
  await expect(page.locator('#close-panel').count()).resolves.toBe(0);
  await page.keyboard.press('Escape');
  await focusComesTo('conversation-title');
  await expect(officer.replyText().inputValue()).resolves.toBe('jkx');

  // An internal note: once added, the focus is back in the note box.
  const noteBox = page.getByLabel('บันทึกใหม่');
  await noteBox.fill('ประชาชนแจ้งว่าไฟดับทั้งซอย');
  await page.getByRole('button', { name: 'เพิ่มบันทึก' }).press('Enter');
  await page.getByText('ประชาชนแจ้งว่าไฟดับทั้งซอย', { exact: true }).waitFor();
  await focusComesTo('note-text');
  await expect(noteBox.inputValue()).resolves.toBe('');

  // x asks to close (its button has the focus); confirmed, the conversation leaves the queue and, with nothing
  // after it, the queue's heading has the focus.
  await page.locator('#conversation-title').focus();
  await page.keyboard.press('x');
  const yes = officer.button('ยืนยันปิดการสนทนา', 'Yes, close it');
  await yes.waitFor();
  await expect(focused(yes)).resolves.toBe(true);
  await page.keyboard.press('Enter');
  await page.getByRole('status').filter({ hasText: 'ปิดการสนทนาแล้ว' }).waitFor();
  await focusComesTo('queue-title');
});

