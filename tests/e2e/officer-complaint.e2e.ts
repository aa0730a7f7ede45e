import type { Page } from 'playwright-core';
import { MAX_ATTACHMENTS } from '../../lib/complaints/fields';
import { generateTrackingNumber } from '../../lib/complaints/trackingNumber';
import { type Chat, screenshot, WEBCHAT } from './support/harness';
import { deskSuite, focused, type OfficerDesk, seriousAxeViolations } from './support/desk';
import { eventually, OFFICER_PASSWORD, openCitizen, shot, TUESDAY_10 } from './support/officer';

/**
 * A citizen who filed a complaint asks for an officer of that complaint's centre: the officer sees the
 * complaint (number and subject) in the queue and the conversation's header, its record beside the
 * conversation, changes its status with a note the citizen is told, finds it again by its tracking number typed
 * loosely, and transfers the conversation to another centre found by name.
 */

const TRACKING_NUMBER = /DD-\d{4}-[0-9A-Z]{7}/;
const CHIANG_MAI = 'ศูนย์ดำรงธรรมจังหวัดเชียงใหม่';
const LAMPHUN = 'ศูนย์ดำรงธรรมจังหวัดลำพูน';

const suite = deskSuite({ start: TUESDAY_10, officers: [{ username: 'somsri', displayName: 'สมศรี ใจงาม', role: 'officer', centres: ['50'] }] });
let citizenPage: Page;
let officer: OfficerDesk;
let officerPage: Page;

beforeAll(async () => {
  citizenPage = await (await suite.context()).newPage();
  officer = await suite.desk();
  officerPage = officer.page;
});

/** Files a named complaint to Chiang Mai's centre through the chat page, as a citizen does; returns its number. */
async function fileComplaint(chat: Chat): Promise<string> {
  const t = (key: string, vars?: Readonly<Record<string, string | number>>) => suite.service.text('th', key, vars);
  const utilities = suite.service.test.app.content.category('utilities');
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
  await chat.send('ประมาณ 3 เดือนก่อน');
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
  const { service } = suite;
  const t = (key: string, vars?: Readonly<Record<string, string | number>>) => service.text('th', key, vars);
  await officer.open();
  await officer.signInToQueue('somsri', OFFICER_PASSWORD);

  const chat = await openCitizen(citizenPage, service);
  const number = await fileComplaint(chat);

  // Asking for an officer now offers the complaint's centre first.
  await chat.send('คุยกับเจ้าหน้าที่');
  await chat.botSays(t('handoff.centre.prompt'));
  await chat.tapCardButton(t('handoff.centre.ofComplaint', { centre: CHIANG_MAI, number }));
  await chat.botSays(t('handoff.queued', { centre: CHIANG_MAI, position: 1, estimate: t('handoff.estimate.unknown') }));

  // The queue names the complaint; so does the conversation's header.
  const item = officer.liveItems().first();
  await item.getByText(number).waitFor();
  await officer.openItem(item);
  await officerPage.getByRole('banner').or(officerPage.getByRole('article')).getByRole('link', { name: number }).first().waitFor();
  // The complaint record is there, with its fields and timeline.
  const record = officerPage.getByRole('region', { name: 'เรื่องร้องเรียนของการสนทนานี้' });
  await record.waitFor();
  const recordText = await record.innerText();
  // Dates as precise as the citizen was: "ประมาณ 3 เดือนก่อน" on 24 November 2569 is about August, beside their words.
  for (const field of [`เรื่องร้องเรียน ${number}`, 'รับเรื่องแล้ว', 'ไฟส่องสว่างในซอยดับทั้งซอย', 'กลางคืนมืดมาก', 'ซอยวัดเกต', 'มาลี ดีงาม', '0891234567', `${CHIANG_MAI} (50)`, 'ประมาณ สิงหาคม 2569 (“ประมาณ 3 เดือนก่อน”)', 'โดยผู้ร้องเรียน']) {
    expect(recordText).toContain(field);
  }
  const timeline = record.getByRole('region', { name: 'ความคืบหน้า' }).getByRole('listitem');
  await expect(timeline.count()).resolves.toBe(1);
  await expect(seriousAxeViolations(officerPage)).resolves.toEqual([]);

  // A status change with a note: saved, shown in the timeline, and told to the citizen on the chat page.
  const note = 'ประสานการไฟฟ้าส่วนภูมิภาคแล้ว จะเข้าซ่อมภายในวันพฤหัสบดีนี้ค่ะ';
  await record.getByLabel('สถานะใหม่').selectOption({ label: 'อยู่ระหว่างดำเนินการ' });
  await record.getByLabel('ข้อความถึงผู้ร้องเรียน').fill(note);
  await record.getByRole('button', { name: 'บันทึกและแจ้งผู้ร้องเรียน' }).click();
  await eventually(() => timeline.count(), (count) => count === 2, 'the second timeline entry');
  const last = await timeline.last().innerText();
  for (const shown of ['อยู่ระหว่างดำเนินการ', note, 'โดยเจ้าหน้าที่']) expect(last).toContain(shown);
  await record.getByRole('status').filter({ hasText: 'บันทึกสถานะแล้ว และแจ้งผู้ร้องเรียนแล้ว' }).waitFor();
  await chat.botSays(t('complaint.statusChanged', { number, status: t('status.in_progress') }));
  await chat.botSays(note);
  await shot(officerPage, '12-complaint-status');
  await screenshot(citizenPage, 'officer-citizen-06-status-told');

  // The complaint's link in the conversation's header, followed by keyboard: the complaint opens with the focus on
  // its heading, not lost to the page.
  await officerPage.getByRole('article').getByRole('link', { name: number }).first().press('Enter');
  const complaintHeading = officerPage.getByRole('heading', { level: 2, name: `เรื่องร้องเรียน ${number}` });
  await complaintHeading.waitFor();
  await eventually(() => focused(complaintHeading), (yes) => yes, "the focus on the complaint's heading");

  // Found again by its number, typed in lower case with spaces and the year in Thai digits (the service's rule reads it).
  await officerPage.getByRole('link', { name: 'ค้นหาเรื่องร้องเรียน' }).click();
  const lookup = officerPage.getByLabel('เลขที่เรื่อง');
  await lookup.fill(` ${number.toLowerCase().replace(/-/g, ' - ').replace(/\d/g, (digit) => String.fromCharCode(0x0e50 + Number(digit)))} `);
  await lookup.press('Enter');
  await officerPage.getByRole('heading', { level: 2, name: `เรื่องร้องเรียน ${number}` }).waitFor();
  await expect(lookup.inputValue()).resolves.toBe(number);
  await expect(officerPage.getByRole('region', { name: 'ความคืบหน้า' }).getByRole('listitem').count()).resolves.toBe(2);
  await expect(seriousAxeViolations(officerPage)).resolves.toEqual([]);
  // One character mistyped: said at the field, and nothing is asked of the service.
  const mistyped = `${number.slice(0, -1)}${number.endsWith('A') ? 'B' : 'A'}`;
  await lookup.fill(mistyped);
  await lookup.press('Enter');
  await officerPage.getByRole('alert').filter({ hasText: 'เลขที่เรื่องนี้น่าจะพิมพ์ผิดหนึ่งตัว' }).waitFor();
  await expect(lookup.getAttribute('aria-invalid')).resolves.toBe('true');
  await expect(officerPage.getByRole('heading', { level: 2, name: `เรื่องร้องเรียน ${number}` }).count()).resolves.toBe(1);
  await expect(seriousAxeViolations(officerPage)).resolves.toEqual([]);
  // A number that could exist but is not in the officer's centres (or nowhere) is simply not found.
  const unknown = generateTrackingNumber(2569, () => 0);
  await lookup.fill(unknown);
  await lookup.press('Enter');
  await officerPage.getByRole('alert').filter({ hasText: 'ไม่พบเรื่องร้องเรียนเลขนี้' }).waitFor();
  await expect(lookup.getAttribute('aria-invalid')).resolves.toBeNull();

  // Back to the conversation; transferred to Lamphun's centre, found by typing its name.
  await officer.openItem(officer.liveItems().first());
  await officer.button('โอนไปศูนย์อื่น', 'Transfer to another centre').click();
  await officerPage.getByLabel('ค้นหาศูนย์ (ชื่อหรือรหัส)').fill('ลำพูน');
  await officerPage.getByRole('option', { name: `${LAMPHUN} (51)` }).click();
  await officerPage.getByRole('list', { name: 'ศูนย์ที่เลือก' }).getByText(`${LAMPHUN} (51)`).waitFor();
  await shot(officerPage, '13-transfer-search');
  await officer.button('โอน', 'Transfer').click();
  await chat.botSays(t('handoff.transferred', { centre: LAMPHUN }));
  // It left Chiang Mai's queue; the view says so and offers nothing more.
  await eventually(() => officer.allItems().count(), (count) => count === 0, 'the queue to empty');
  await officerPage.getByRole('definition').filter({ hasText: 'ไม่อยู่ในคิวของคุณแล้ว' }).waitFor();
  await expect(officer.button('รับเรื่อง', 'Claim').count()).resolves.toBe(0);
  await expect(officer.replyText().count()).resolves.toBe(0);
  // The history says where it went, and who sent it there.
  await officer.message('system', `สมศรี ใจงาม โอนเรื่องจาก${CHIANG_MAI} (50) ไปยัง${LAMPHUN} (51)`).waitFor();
  await shot(officerPage, '14-transferred');

  expect(officer.problems().consoleErrors.filter((line) => !/status of 404/.test(line))).toEqual([]);
  expect(officer.problems().failedRequests).toEqual([`404 GET ${service.baseUrl}/api/officer/complaints/${unknown}`]);
  expect(officer.problems().foreignRequests).toEqual([]);
});
