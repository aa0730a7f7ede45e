import type { Browser, BrowserContext, Page } from 'playwright-core';
import { MAX_ATTACHMENTS, TEXT_RULES } from '../../lib/complaints/fields';
import { COMPLAINTS_COLLECTION } from '../../lib/complaints/service';
import type { ComplaintDocument } from '../../lib/complaints/types';
import {
  Chat,
  DESKTOP,
  drawJpeg,
  imageState,
  launchChromium,
  openChat,
  openContext,
  type PageWatch,
  screenshot,
  type Service,
  startService,
  watchPage,
  WEBCHAT,
} from './support/harness';

/** A citizen files a whole complaint through the page, photo included, and gets a receipt. */

const TRACKING_NUMBER = /DD-\d{4}-[0-9A-Z]{7}/;
/** Typed into the description: it must arrive as text, and never become markup on the page. */
const MARKUP = '<img src=x onerror=alert(1)>';

/** A field's length limits, as the prompts mention them. */
function limits(rule: { min: number; max: number }) {
  return { min: rule.min, max: rule.max };
}

let browser: Browser;
let service: Service;
let context: BrowserContext;
let page: Page;
let watch: PageWatch;

beforeAll(async () => {
  browser = await launchChromium();
  service = await startService();
  context = await openContext(browser, DESKTOP);
  page = await context.newPage();
  watch = watchPage(page, service.baseUrl);
});
afterAll(async () => {
  await context?.close();
  await service?.close();
  await browser?.close();
});

test('menu, category, centre, title, description, photo, place, date, contact, consent, send: a receipt', async () => {
  const chat = new Chat(page);
  const t = (key: string, vars?: Readonly<Record<string, string | number>>) => service.text('th', key, vars);
  const utilities = service.test.app.content.category('utilities');
  if (!utilities) throw new Error('The seed has no "utilities" category');

  await openChat(page, service.baseUrl);
  await chat.botSays(t('welcome'));
  await chat.tapSuggested(t('language.option.th'));
  await chat.botSays(t('menu.prompt'));

  await chat.tapCardButton(t('menu.file'));
  await chat.botSays(t('complaint.category.prompt'));
  await chat.tapCardButton(utilities.label.th);
  await chat.botSays(t('complaint.destination.prompt'));

  await chat.send('เชียงใหม่');
  await chat.botSays(t('complaint.destination.confirm', { name: 'ศูนย์ดำรงธรรมจังหวัดเชียงใหม่' }));
  await chat.tapCardButton(t('common.yes'));
  await chat.botSays(t('complaint.subject.prompt', limits(TEXT_RULES.subject)));

  await chat.send('ถนนหน้าหมู่บ้านชำรุดเป็นหลุมลึก');
  await chat.botSays(t('complaint.description.prompt', limits(TEXT_RULES.description)));
  await chat.send(`ถนนเป็นหลุมลึกมาสามเดือน รถจักรยานยนต์ล้มไปแล้วสองคัน ${MARKUP}`);
  await chat.botSays(t('complaint.attachments.prompt', { max: MAX_ATTACHMENTS }));

  const photo = await drawJpeg(page, 320, 240);
  await chat.attachPhoto('หลุมบนถนน.jpg', photo);
  await chat.botSays(t('complaint.attachments.added', { count: 1, max: MAX_ATTACHMENTS }));
  // The citizen sees the photo they sent: the service's copy, served from this origin, fully loaded.
  const shownPhoto = page.locator(`${WEBCHAT.transcriptImage}[src*="/files/"]`).last();
  await shownPhoto.waitFor({ state: 'visible' });
  await expect(imageState(shownPhoto)).resolves.toEqual({ naturalWidth: 320, naturalHeight: 240, complete: true });
  const photoUrl = new URL((await shownPhoto.getAttribute('src')) ?? '');
  expect(photoUrl.origin).toBe(service.baseUrl);
  const served = await page.request.get(photoUrl.toString());
  expect(Buffer.from(await served.body()).equals(photo)).toBe(true);
  await screenshot(page, '04-complaint-photo');

  await chat.send(t('common.done'));
  await chat.botSays(t('complaint.place.prompt', limits(TEXT_RULES.place)));
  await chat.send('หมู่ 3 ต.สันทราย อ.สันทราย จ.เชียงใหม่');
  await chat.botSays(t('complaint.when.prompt'));
  await chat.send('เมื่อวาน บ่ายสองโมง');
  await chat.botSays(t('complaint.name.prompt'));
  await chat.send('สมชาย ใจดี');
  await chat.botSays(t('complaint.phone.prompt'));
  await chat.send('081-234-5678');
  await chat.botSays(t('complaint.email.prompt'));
  await chat.tapSuggested(t('common.skip'));
  await chat.botSays(t('complaint.nationalId.prompt'));
  await chat.tapSuggested(t('common.skip'));
  await page.locator(WEBCHAT.cardButton).filter({ hasText: t('complaint.consent.decline') }).waitFor();
  await chat.tapCardButton(t('complaint.consent.agree'));
  await chat.botSays(t('complaint.summary.title'));
  await screenshot(page, '05-complaint-summary');

  await chat.tapCardButton(t('complaint.summary.confirm'));
  await chat.botSays(t('receipt.title'));
  const receipt = await chat.bubbles(t('receipt.title')).last().innerText();
  const trackingNumber = TRACKING_NUMBER.exec(receipt)?.[0];
  expect(trackingNumber).toBeDefined();
  expect(receipt).toContain('ศูนย์ดำรงธรรมจังหวัดเชียงใหม่');
  await chat.botSays(t('menu.anythingElse'));
  await screenshot(page, '06-complaint-receipt');

  // What the page showed is what the service saved.
  const saved = await service.test.store.collection<ComplaintDocument>(COMPLAINTS_COLLECTION).find({}).toArray();
  expect(saved).toHaveLength(1);
  expect(saved[0]).toMatchObject({
    _id: trackingNumber,
    categoryId: 'utilities',
    destination: { kind: 'centre' },
    subject: 'ถนนหน้าหมู่บ้านชำรุดเป็นหลุมลึก',
    contact: { anonymous: false, phone: '0812345678' },
    incident: { date: '2026-11-23', time: '14:00' },
    attachments: [{ kind: 'image', contentType: 'image/jpeg', url: photoUrl.toString() }],
  });
  expect(saved[0].description).toContain(MARKUP);

  // The markup stayed text: shown as typed, never an element (its broken image would also be a failed request).
  await expect(chat.bubbles(MARKUP).count()).resolves.toBeGreaterThan(0);
  await expect(page.locator('img[src="x"]').count()).resolves.toBe(0);
  expect(watch.consoleErrors).toEqual([]);
  expect(watch.failedRequests).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
});
