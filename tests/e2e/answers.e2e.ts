import { FAQ_FEEDBACK_COLLECTION } from '../../lib/faq/service';
import { chatSuite, expectNothingWrong, openGreeted } from './support/citizen';
import { screenshot, shown, WEBCHAT } from './support/harness';

/**
 * In Web Chat itself: an answer's buttons work after the citizen has moved on, a question about one centre is
 * answered for it, and a button pressed on an older card says that its step is done.
 */

const suite = chatSuite();

test('answers lead on, feedback is optional, and an old button is told apart', async () => {
  const { page, service } = suite;
  const t = (key: string, vars?: Readonly<Record<string, string | number>>) => service.text('th', key, vars);
  const fees = service.test.app.content.faqEntries().find((entry) => entry.id === 'fees');
  if (!fees) throw new Error('The seed has no "fees" answer');

  // The page starts the conversation in Thai: the welcome and the menu, no language question.
  const { chat } = await openGreeted(page, service);

  // An answer, then another question straight away: answered, not "please choose from the list".
  await chat.send('ร้องเรียนต้องเสียเงินไหม');
  await chat.botSays(fees.answer.th);
  await chat.send('ศูนย์ดำรงธรรมเชียงใหม่อยู่ที่ไหน');
  await chat.botSays('ศาลากลางจังหวัดเชียงใหม่');
  const map = page.locator(`${WEBCHAT.cardButton}`).filter({ hasText: t('centre.card.map') }).last();
  await map.waitFor({ state: 'visible' });
  await screenshot(page, '20-answers-centre');

  // The first answer's "did this help?" still works, shown as the citizen's own words, and is counted once.
  await page.locator(WEBCHAT.cardButton).filter({ hasText: t('faq.helpful.yes') }).first().click();
  await chat.botSays(t('faq.thanks'));
  await page.locator(WEBCHAT.userBubble).filter({ hasText: shown(t('faq.helpful.yes')) }).last().waitFor({ state: 'visible' });
  const feedback = await service.test.store.collection<{ _id: string; entryId: string; helpful: boolean }>(FAQ_FEEDBACK_COLLECTION).find({}).toArray();
  expect(feedback).toEqual([expect.objectContaining({ entryId: 'fees', helpful: true })]);

  // A category chosen, then a button of the same card again: that step is done, and the current question returns.
  await chat.tapCardButton(t('menu.file'));
  await chat.botSays(t('complaint.category.prompt'));
  const land = service.test.app.content.category('land');
  const consumer = service.test.app.content.category('consumer');
  if (!land || !consumer) throw new Error('The seed lacks the land or consumer category');
  await chat.tapCardButton(land.label.th);
  await chat.botSays(t('complaint.destination.prompt'));
  await chat.tapCardButton(consumer.label.th);
  await chat.botSays(t('flow.stale'));
  await expect(chat.bubbles(t('complaint.destination.prompt')).count()).resolves.toBe(2);
  await screenshot(page, '21-answers-old-button');

  expectNothingWrong(suite.watch);
});
