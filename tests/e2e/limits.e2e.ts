import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import type { ChatTokenResponse } from '../../bot/web/chatToken';
import { buildTestApp, type TestApp } from '../helpers/testApp';
import { DESKTOP, launchChromium, nextToken, openChat, openContext, screenshot, SERVICE_START, watchPage, WEBCHAT } from './support/harness';

/**
 * A limit met on a shared address: the chat page says so in the citizen's language, with how long to wait, and a
 * "try again" that waits that long and then starts the chat. Here one new chat a browser's address may start at
 * once, then two a minute (RATE_LIMIT_CHAT_TOKENS=1/2), so the second is refused for 30 seconds.
 */

let browser: Browser;
let service: TestApp;
let baseUrl: string;
let context: BrowserContext;
let page: Page;
/** Time the service's clock has been moved on, beyond the real time that passed. */
let skipped = 0;

beforeAll(async () => {
  browser = await launchChromium();
  const began = Date.now();
  service = await buildTestApp({ RATE_LIMIT_CHAT_TOKENS: '1/2' }, { now: () => SERVICE_START + (Date.now() - began) + skipped });
  baseUrl = await service.listen();
  context = await openContext(browser, DESKTOP);
  page = await context.newPage();
});
afterAll(async () => {
  await context?.close();
  await service?.close();
  await browser?.close();
});

const isToken = (response: Response) => new URL(response.url()).pathname === '/api/directline/token';
const statusText = () => page.locator('#status').innerText();
const retryButton = () => page.locator('#status button');

test('a refused new chat is explained in the page\'s language, and "try again" works once the wait is over', async () => {
  const watch = watchPage(page, baseUrl);
  const first = await openChat(page, baseUrl);
  await page.locator(WEBCHAT.bubble).first().waitFor();

  // "New chat" once more from the same address: refused, and told so in Thai with the wait the service asked for.
  page.once('dialog', (dialog) => void dialog.accept());
  const [refused] = await Promise.all([page.waitForResponse(isToken), page.getByRole('button', { name: 'เริ่มแชตใหม่' }).click()]);
  expect(refused.status()).toBe(429);
  expect(refused.headers()['retry-after']).toBe('30');
  await page.locator('#status').filter({ hasText: 'ลองอีกครั้งได้ในอีก 30 วินาที' }).waitFor();
  expect(await statusText()).toMatch(/^มีผู้เริ่มแชตจากเครือข่ายนี้พร้อมกันมากเกินไป/);
  await expect(retryButton().isDisabled()).resolves.toBe(true);
  await expect(retryButton().innerText()).resolves.toBe('ลองอีกครั้ง');
  // The conversation on screen is not lost meanwhile.
  await expect(page.locator(WEBCHAT.bubble).count()).resolves.toBeGreaterThan(0);
  await screenshot(page, 'limit-01-busy-th');
  // One spelling of "chat" on the page, Web Chat's own labels (which screen readers read out) included.
  await expect(page.getByRole('group', { name: /^ประวัติการแชต/ }).count()).resolves.toBe(1);
  expect(await page.content()).not.toMatch(/\u0E41\u0E0A\u0E17/);

  // In English, when the citizen switches the page's language.
  await page.getByRole('group', { name: 'ภาษาของหน้านี้' }).getByRole('button', { name: 'English' }).click();
  await page.locator('#status').filter({ hasText: /^Too many chats were started from this network at once/ }).waitFor();
  expect(await statusText()).toMatch(/You can try again in (29|30) seconds\./);
  await expect(retryButton().innerText()).resolves.toBe('Try again');
  await expect(retryButton().isDisabled()).resolves.toBe(true);
  await screenshot(page, 'limit-02-busy-en');

  // Thirty seconds later on both clocks: the button can be pressed, and it starts a new chat (not the old one).
  skipped += 30_000;
  await page.clock.fastForward(30_000);
  await page.locator('#status button:enabled').waitFor();
  const [again] = await Promise.all([nextToken(page), retryButton().click()]);
  const fresh: ChatTokenResponse = again;
  expect(fresh.resumed).toBe(false);
  expect(fresh.conversationId).not.toBe(first.conversationId);
  await page.locator('#status:empty').waitFor({ state: 'attached' });
  // The new conversation's greeting, in a new transcript.
  await page.locator(WEBCHAT.bubble).first().waitFor();
  await screenshot(page, 'limit-03-retried');

  // The one refusal is the 429 the test caused (the browser itself logs it); nothing else failed, nothing threw.
  expect(watch.consoleErrors).toEqual(['Failed to load resource: the server responded with a status of 429 (Too Many Requests)']);
  expect(watch.failedRequests).toEqual([`429 POST ${baseUrl}/api/directline/token`]);
});
