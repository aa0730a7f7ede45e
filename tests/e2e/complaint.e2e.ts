import { MAX_ATTACHMENTS } from '../../lib/complaints/fields';
import { formatDate } from '../../lib/thai/dates';
import { COMPLAINTS_COLLECTION } from '../../lib/complaints/service';
import type { ComplaintDocument } from '../../lib/complaints/types';
import { chatSuite, expectNothingWrong, openGreeted } from './support/citizen';
import { type Chat, drawJpeg, imageState, screenshot, shown, WEBCHAT } from './support/harness';

/** A citizen files a whole complaint through the page, photo included, and gets a receipt. */

const TRACKING_NUMBER = /DD-\d{4}-[0-9A-Z]{7}/;
/** Typed into the description: it must arrive as text, and never become markup on the page. */
const MARKUP = '<img src=x onerror=alert(1)>';
/** The example: a problem, told with its place, as the first thing the citizen writes. */
const FIRST_SENTENCE = 'ถนนหน้าบ้านพังเป็นหลุมใหญ่ที่ อ.หางดง เชียงใหม่';

/**
 * A bot text of several lines: Web Chat shows each line as a paragraph, with nothing between them in the text
 * the browser reports, so each line is looked for in the same bubble.
 */
async function botSaysLines(chat: Chat, text: string): Promise<void> {
  let bubble = chat.page.locator(WEBCHAT.bubble);
  for (const line of text.split('\n').filter((part) => part.trim() !== '')) bubble = bubble.filter({ hasText: shown(line) });
  await bubble.last().waitFor({ state: 'visible' });
}

const suite = chatSuite();

test('a complaint told in the first sentence: centre, draft and more words, photo, date, contact, consent, send: a receipt', async () => {
  const { page, service } = suite;
  const t = (key: string, vars?: Readonly<Record<string, string | number>>) => service.text('th', key, vars);
  const utilities = service.test.app.content.category('utilities');
  if (!utilities) throw new Error('The seed has no "utilities" category');

  // The page starts the conversation in its language: a welcome and the menu in Thai, and no language question.
  const { chat } = await openGreeted(page, service);
  await expect(chat.bubbles(t('language.choose')).count()).resolves.toBe(0);

  // The problem, told at once: the category is guessed, the place's centre offered, nothing asked twice.
  await chat.send(FIRST_SENTENCE);
  await chat.botSays(t('complaint.category.guessed', { category: utilities.label.th }));
  await chat.botSays(t('complaint.destination.confirm', { name: 'ศูนย์ดำรงธรรมอำเภอหางดง' }));
  await chat.tapCardButton(t('common.yes'));
  await botSaysLines(chat, t('complaint.review.prompt', { subject: FIRST_SENTENCE, description: FIRST_SENTENCE }));
  const more = `รถจักรยานยนต์ล้มไปแล้วสองคัน ${MARKUP}`;
  await chat.send(more);
  await botSaysLines(chat, t('complaint.review.prompt', { subject: FIRST_SENTENCE, description: `${FIRST_SENTENCE}\n\n${more}` }));
  await screenshot(page, '04a-complaint-draft');
  await chat.tapSuggested(t('complaint.review.keep'));
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

  // The place was in the first sentence: when is the next question.
  await chat.send(t('common.done'));
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
  // When it happened: as understood, with the weekday, beside the citizen's own words.
  await chat.botSays(t('complaint.when.shown.said', { understood: formatDate('2026-11-23', 'th', { weekday: true, time: '14:00' }), said: 'เมื่อวาน บ่ายสองโมง' }));
  await screenshot(page, '05-complaint-summary');

  await chat.tapCardButton(t('complaint.summary.confirm'));
  await chat.botSays(t('receipt.title'));
  const receipt = await chat.bubbles(t('receipt.title')).last().innerText();
  const trackingNumber = TRACKING_NUMBER.exec(receipt)?.[0];
  expect(trackingNumber).toBeDefined();
  expect(receipt).toContain('ศูนย์ดำรงธรรมอำเภอหางดง');
  await chat.botSays(t('menu.anythingElse'));
  await screenshot(page, '06-complaint-receipt');

  // What the page showed is what the service saved.
  const saved = await service.test.store.collection<ComplaintDocument>(COMPLAINTS_COLLECTION).find({}).toArray();
  expect(saved).toHaveLength(1);
  expect(saved[0]).toMatchObject({
    _id: trackingNumber,
    categoryId: 'utilities',
    destination: { kind: 'centre', code: '5015' },
    subject: FIRST_SENTENCE,
    description: `${FIRST_SENTENCE}\n\n${more}`,
    contact: { anonymous: false, phone: '0812345678' },
    incident: { place: 'อ.หางดง เชียงใหม่', date: '2026-11-23', time: '14:00', said: 'เมื่อวาน บ่ายสองโมง' },
    attachments: [{ kind: 'image', contentType: 'image/jpeg', url: photoUrl.toString() }],
  });
  expect(saved[0].description).toContain(MARKUP);

  // The markup stayed text: shown as typed, never an element (its broken image would also be a failed request).
  await expect(chat.bubbles(MARKUP).count()).resolves.toBeGreaterThan(0);
  await expect(page.locator('img[src="x"]').count()).resolves.toBe(0);
  expectNothingWrong(suite.watch);
});
