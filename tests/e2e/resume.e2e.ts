import { chatSuite, expectNothingWrong, openGreeted } from './support/citizen';
import { Chat, nextToken, screenshot, WEBCHAT } from './support/harness';

/** A returning browser sees its conversation again; "new chat" starts an empty one, which is then the one kept. */

const suite = chatSuite();

test('reloading resumes the same conversation with its history; new chat starts afresh and is resumed next time', async () => {
  const { page, service } = suite;
  const t = (key: string) => service.text('th', key);

  const { chat, token: first } = await openGreeted(page, service);
  expect(first.resumed).toBe(false);
  await chat.tapCardButton(t('menu.file'));
  await chat.botSays(t('complaint.category.prompt'));
  const before = await chat.activityCount();

  const [again] = await Promise.all([nextToken(page), page.reload()]);
  expect(again).toMatchObject({ resumed: true, conversationId: first.conversationId, userId: first.userId });
  // The whole transcript comes back, the citizen's own messages on their side.
  await chat.botSays(t('complaint.category.prompt'));
  await expect(page.locator(WEBCHAT.activity).count()).resolves.toBe(before);
  await expect(page.locator(WEBCHAT.userBubble).filter({ hasText: t('menu.file') }).count()).resolves.toBe(1);
  await chat.bubbles(t('welcome')).first().waitFor();
  // And the conversation goes on where it was: the category question is still the open one.
  await chat.tapCardButton(service.test.app.content.category('utilities')?.label.th ?? 'missing category');
  await chat.botSays(t('complaint.destination.prompt'));
  await screenshot(page, '07-resumed-after-reload');

  const confirm = new Promise<string>((resolve) => {
    page.once('dialog', (dialog) => {
      resolve(dialog.message());
      void dialog.accept();
    });
  });
  const [fresh] = await Promise.all([nextToken(page), page.getByRole('button', { name: 'เริ่มแชตใหม่' }).click()]);
  expect(await confirm).toMatch(/เริ่มการสนทนาใหม่/);
  expect(fresh.resumed).toBe(false);
  expect(fresh.conversationId).not.toBe(first.conversationId);
  // Started in the page's language again: welcomed with the menu, and no language question.
  await chat.botSays(t('welcome'));
  await chat.botSays(t('menu.prompt'));
  await expect(chat.bubbles(t('language.choose')).count()).resolves.toBe(0);
  await expect(chat.bubbles(t('complaint.category.prompt')).count()).resolves.toBe(0);
  await expect(page.locator(WEBCHAT.userBubble).count()).resolves.toBe(0);
  await screenshot(page, '08-new-chat');

  // The new conversation is now the browser's: a reload returns to it, not to the old one.
  const [later] = await Promise.all([nextToken(page), page.reload()]);
  expect(later).toMatchObject({ resumed: true, conversationId: fresh.conversationId });
  await chat.botSays(t('welcome'));
  await expect(page.locator(WEBCHAT.userBubble).count()).resolves.toBe(0);

  expectNothingWrong(suite.watch);
});

test('declining "new chat" keeps the conversation on screen', async () => {
  const { page } = suite;
  const chat = new Chat(page);
  const before = await chat.activityCount();
  const tokens: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/directline/token') tokens.push(request.url());
  });
  page.once('dialog', (dialog) => void dialog.dismiss());
  await page.getByRole('button', { name: 'เริ่มแชตใหม่' }).click();
  await page.waitForTimeout(500);
  expect(tokens).toEqual([]);
  await expect(chat.activityCount()).resolves.toBe(before);
});
