import type { Browser, Page } from 'playwright-core';
import { MAX_ATTACHMENTS } from '../../lib/complaints/fields';
import { type Chat, launchChromium, screenshot, WEBCHAT } from './support/harness';
import {
  createOfficer,
  eventually,
  OFFICER_PASSWORD,
  OfficerApp,
  openCitizen,
  openContextFor,
  type OfficerService,
  shot,
  startOfficerService,
  TUESDAY_10,
} from './support/officer';

/**
 * A citizen who filed a complaint asks for an officer of that complaint's centre: the officer sees the
 * complaint record beside the conversation, changes its status with a note the citizen is told, finds it again
 * by its tracking number typed loosely, and transfers the conversation to another centre found by name.
 */

const TRACKING_NUMBER = /DD-\d{4}-[0-9A-Z]{7}/;
const CHIANG_MAI = 'ศูนย์ดำรงธรรมจังหวัดเชียงใหม่';
const LAMPHUN = 'ศูนย์ดำรงธรรมจังหวัดลำพูน';

let browser: Browser;
let service: OfficerService;
let citizenPage: Page;
let officerPage: Page;

beforeAll(async () => {
  browser = await launchChromium();
  service = await startOfficerService(TUESDAY_10);
  await createOfficer(service, { username: 'somsri', displayName: 'สมศรี ใจงาม', role: 'officer', centres: ['50'] });
  citizenPage = await (await openContextFor(browser, service)).newPage();
  officerPage = await (await openContextFor(browser, service)).newPage();
});
afterAll(async () => {
  await service?.close();
  await browser?.close();
});

/** Files a named complaint to Chiang Mai's centre through the chat page, as a citizen does; returns its number. */
async function fileComplaint(chat: Chat): Promise<string> {
  const t = (key: string, vars?: Readonly<Record<string, string | number>>) => service.text('th', key, vars);
  const utilities = service.test.app.content.category('utilities');
  if (!utilities) throw new Error('The seed has no "utilities" category');
  await chat.tapCardButton(t('menu.file'));
  await chat.botSays(t('complaint.category.prompt'));
  await chat.tapCardButton(utilities.label.th);
  await chat.botSays(t('complaint.destination.prompt'));
  await chat.send('เชียงใหม่');
  await chat.botSays(t('complaint.destination.confirm', { name: CHIANG_MAI }));
  await chat.tapCardButton(t('common.yes'));
  await chat.send('ไฟส่องสว่างในซอยดับทั้งซอย');
  await chat.send('ไฟดับมาสองสัปดาห์แล้ว กลางคืนมืดมาก เด็กนักเรียนเดินกลับบ้านลำบาก');
  await chat.botSays(t('complaint.attachments.prompt', { max: MAX_ATTACHMENTS }));
  await chat.send(t('common.done'));
  await chat.send('ซอยวัดเกต ต.วัดเกต อ.เมือง จ.เชียงใหม่');
  await chat.botSays(t('complaint.when.prompt'));
  await chat.send('เมื่อวาน');
  await chat.botSays(t('complaint.name.prompt'));
  await chat.send('มาลี ดีงาม');
  await chat.botSays(t('complaint.phone.prompt'));
  await chat.send('0891234567');
  await chat.botSays(t('complaint.email.prompt'));
  await chat.tapSuggested(t('common.skip'));
  await chat.botSays(t('complaint.nationalId.prompt'));
  await chat.tapSuggested(t('common.skip'));
  await chat.page.locator(WEBCHAT.cardButton).filter({ hasText: t('complaint.consent.decline') }).waitFor();
  await chat.tapCardButton(t('complaint.consent.agree'));
  await chat.botSays(t('complaint.summary.title'));
  await chat.tapCardButton(t('complaint.summary.confirm'));
  await chat.botSays(t('receipt.title'));
  const receipt = await chat.bubbles(t('receipt.title')).last().innerText();
  const number = TRACKING_NUMBER.exec(receipt)?.[0];
  if (!number) throw new Error(`No tracking number in the receipt: ${receipt}`);
  await chat.botSays(t('menu.anythingElse'));
  return number;
}

test("the complaint beside the conversation: its status changed with a note the citizen is told; found by number; transferred", async () => {
  const t = (key: string, vars?: Readonly<Record<string, string | number>>) => service.text('th', key, vars);
  const officer = new OfficerApp(officerPage, service.baseUrl);
  await officer.open();
  await officer.signInToQueue('somsri', OFFICER_PASSWORD);

  const chat = await openCitizen(citizenPage, service);
  const number = await fileComplaint(chat);

  // Asking for an officer now offers the complaint's centre first.
  await chat.send('คุยกับเจ้าหน้าที่');
  await chat.botSays(t('handoff.centre.prompt'));
  await chat.tapCardButton(t('handoff.centre.ofComplaint', { centre: CHIANG_MAI, number }));
  await chat.botSays(t('handoff.queued', { centre: CHIANG_MAI, position: 1, estimate: t('handoff.estimate.unknown') }));

  // The officer opens it: the complaint record is there, with its fields and timeline.
  await officer.openItem(officer.liveItems().first());
  const record = officerPage.locator('#conversation-complaint .complaint');
  await record.waitFor();
  const recordText = await record.innerText();
  // Dates as officers read them: "เมื่อวาน" (yesterday) was 23 November 2569.
  for (const field of [`เรื่องร้องเรียน ${number}`, 'รับเรื่องแล้ว', 'ไฟส่องสว่างในซอยดับทั้งซอย', 'กลางคืนมืดมาก', 'ซอยวัดเกต', 'มาลี ดีงาม', '0891234567', `${CHIANG_MAI} (50)`, '23 พ.ย. 2569', 'โดยผู้ร้องเรียน']) {
    expect(recordText).toContain(field);
  }
  await expect(record.locator('.timeline__entry').count()).resolves.toBe(1);

  // A status change with a note: saved, shown in the timeline, and told to the citizen on the chat page.
  const note = 'ประสานการไฟฟ้าส่วนภูมิภาคแล้ว จะเข้าซ่อมภายในวันพฤหัสบดีนี้ค่ะ';
  await record.getByLabel('สถานะใหม่').selectOption({ label: 'อยู่ระหว่างดำเนินการ' });
  await record.getByLabel('ข้อความถึงผู้ร้องเรียน').fill(note);
  await record.getByRole('button', { name: 'บันทึกและแจ้งผู้ร้องเรียน' }).click();
  const updated = officerPage.locator('#conversation-complaint .complaint');
  await eventually(() => updated.locator('.timeline__entry').count(), (count) => count === 2, 'the second timeline entry');
  await expect(updated.locator('.timeline__entry').last().innerText()).resolves.toContain('อยู่ระหว่างดำเนินการ');
  await expect(updated.locator('.timeline__entry').last().innerText()).resolves.toContain(note);
  await expect(updated.locator('.timeline__entry').last().innerText()).resolves.toContain('โดยเจ้าหน้าที่');
  await updated.locator('[data-status-done]').filter({ hasText: 'บันทึกสถานะแล้ว และแจ้งผู้ร้องเรียนแล้ว' }).waitFor();
  await chat.botSays(t('complaint.statusChanged', { number, status: t('status.in_progress') }));
  await chat.botSays(note);
  await shot(officerPage, '12-complaint-status');
  await screenshot(citizenPage, 'officer-citizen-06-status-told');

  // Found again by its number, typed in lower case with spaces.
  await officerPage.getByRole('link', { name: 'ค้นหาเรื่องร้องเรียน' }).click();
  await officerPage.getByLabel('เลขที่เรื่อง').fill(` ${number.toLowerCase().replace(/-/g, ' - ')} `);
  await officerPage.getByLabel('เลขที่เรื่อง').press('Enter');
  const found = officerPage.locator('#detail .complaint');
  await found.waitFor();
  await expect(found.locator('h2').innerText()).resolves.toBe(`เรื่องร้องเรียน ${number}`);
  await expect(found.locator('.timeline__entry').count()).resolves.toBe(2);
  // A number not in the officer's centres (or nowhere) is simply not found.
  await officerPage.getByLabel('เลขที่เรื่อง').fill('DD-2569-0000000');
  await officerPage.getByLabel('เลขที่เรื่อง').press('Enter');
  await officerPage.locator('#detail .form-error').filter({ hasText: 'ไม่พบเรื่องร้องเรียนเลขนี้' }).waitFor();

  // Back to the conversation; transferred to Lamphun's centre, found by typing its name.
  await officer.openItem(officer.liveItems().first());
  await officerPage.getByRole('button', { name: 'โอนไปศูนย์อื่น' }).click();
  await officerPage.getByLabel('ค้นหาศูนย์ (ชื่อหรือรหัส)').fill('ลำพูน');
  await officerPage.locator('.centre-result').filter({ hasText: `${LAMPHUN} (51)` }).click();
  await expect(officerPage.locator('#transfer-chosen').innerText()).resolves.toBe(`ศูนย์ที่เลือก: ${LAMPHUN} (51)`);
  await shot(officerPage, '13-transfer-search');
  await officerPage.locator('#transfer-submit').click();
  await chat.botSays(t('handoff.transferred', { centre: LAMPHUN }));
  // It left Chiang Mai's queue; the view says so and offers nothing more.
  await eventually(() => officer.allItems().count(), (count) => count === 0, 'the queue to empty');
  await officerPage.locator('#conversation-header').filter({ hasText: 'ไม่อยู่ในคิวของคุณแล้ว' }).waitFor();
  await expect(officerPage.locator('#claim-button, #reply-form').count()).resolves.toBe(0);
  // The history says where it went, and who sent it there.
  await officer.message('system', `สมศรี ใจงาม โอนเรื่องจาก${CHIANG_MAI} (50) ไปยัง${LAMPHUN} (51)`).waitFor();
  await shot(officerPage, '14-transferred');

  expect(officer.problems().consoleErrors.filter((line) => !/status of 404/.test(line))).toEqual([]);
  expect(officer.problems().failedRequests).toEqual([`404 GET ${service.baseUrl}/api/officer/complaints/DD-2569-0000000`]);
  expect(officer.problems().foreignRequests).toEqual([]);
});
