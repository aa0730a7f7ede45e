import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PAGE_CSP } from '../../bot/web/pageRoutes';
import {
  Chat,
  computed,
  contrastRatio,
  DESKTOP,
  focusRing,
  launchChromium,
  loadedSarabunWeights,
  openChat,
  openContext,
  type PageWatch,
  screenshot,
  type Service,
  startService,
  watchPage,
  WEBCHAT,
} from './support/harness';

/** The chat page itself: what it loads, its language and text size, and that both are remembered. */

let browser: Browser;
let service: Service;
let context: BrowserContext;
let page: Page;
let watch: PageWatch;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

async function open(options = DESKTOP): Promise<Chat> {
  service = await startService();
  context = await openContext(browser, options);
  page = await context.newPage();
  watch = watchPage(page, service.baseUrl);
  return new Chat(page);
}

afterEach(async () => {
  await context?.close();
  await service?.close();
});

function expectNothingWrong() {
  expect(watch.consoleErrors).toEqual([]);
  expect(watch.failedRequests).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
}

test('the page loads from this origin only, without errors, in Thai, greets, and links the privacy notice', async () => {
  const chat = await open();
  const [response] = await Promise.all([page.waitForResponse((r) => new URL(r.url()).pathname === '/'), openChat(page, service.baseUrl)]);
  expect(response.headers()['content-security-policy']).toBe(PAGE_CSP);
  expect(response.headers()['x-content-type-options']).toBe('nosniff');

  // The page starts the conversation in its language: the bot greets in it, with the menu, and asks no language.
  await chat.botSays(service.text('th', 'welcome'));
  await chat.botSays(service.text('th', 'menu.prompt'));
  await expect(chat.bubbles(service.text('en', 'welcome')).count()).resolves.toBe(0);
  await expect(chat.bubbles(service.text('th', 'language.choose')).count()).resolves.toBe(0);
  await page.locator(WEBCHAT.sendBox).waitFor();

  expect(await page.getAttribute('html', 'lang')).toBe('th');
  await expect(page.title()).resolves.toBe('ผู้ช่วยออนไลน์ศูนย์ดำรงธรรม');
  expect(await page.locator('h1').innerText()).toBe('ผู้ช่วยออนไลน์ศูนย์ดำรงธรรม');
  const privacy = page.getByRole('link', { name: 'ความเป็นส่วนตัว' });
  expect(await privacy.getAttribute('href')).toBe('/privacy');

  // Every control says what it is, and which choice is on.
  const language = page.getByRole('group', { name: 'ภาษาของหน้านี้' });
  expect(await language.getByRole('button', { name: 'ไทย' }).getAttribute('aria-pressed')).toBe('true');
  expect(await language.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('false');
  const sizes = page.getByRole('group', { name: 'ขนาดตัวอักษร' });
  for (const name of ['ตัวอักษรเล็ก', 'ตัวอักษรกลาง', 'ตัวอักษรใหญ่', 'ตัวอักษรใหญ่พิเศษ']) await expect(sizes.getByRole('button', { name, exact: true }).count()).resolves.toBe(1);
  expect(await sizes.getByRole('button', { name: 'ตัวอักษรกลาง' }).getAttribute('aria-pressed')).toBe('true');
  await expect(page.getByRole('button', { name: 'เริ่มแชตใหม่' }).count()).resolves.toBe(1);
  expect(await page.locator(WEBCHAT.fileInput).getAttribute('accept')).toBe('image/*');

  // Sarabun, from this service, for Thai and for Latin text.
  expect(await loadedSarabunWeights(page)).toEqual(expect.arrayContaining(['400']));
  // The page's build names each face by its content (name-<hash>.woff2), under the page's own /assets/.
  const face = (subset: string) => expect.stringMatching(new RegExp(`^${service.baseUrl}/assets/sarabun-${subset}-400-normal-[A-Za-z0-9_-]{8}\\.woff2$`));
  expect(watch.requested).toEqual(expect.arrayContaining([face('thai'), face('latin')]));
  expect(await computed(page, WEBCHAT.bubbleText, 'font-family')).toMatch(/^Sarabun, "Noto Sans Thai", "Leelawadee UI", Tahoma/);

  // Keyboard focus is visible, on the blue header as anywhere.
  await page.keyboard.press('Tab');
  const firstStop = await focusRing(page);
  expect(firstStop.text).toBe('ความเป็นส่วนตัว');
  expect(firstStop.outlineStyle).toBe('solid');
  expect(parseFloat(firstStop.outlineWidth)).toBeGreaterThanOrEqual(2);
  await page.keyboard.press('Tab');
  expect(await focusRing(page)).toMatchObject({ text: 'ไทย', outlineStyle: 'solid' });
  await screenshot(page, '01-welcome-thai-keyboard-focus');

  // Text against its background, at WCAG AA (4.5:1).
  const barBackground = await computed(page, '.bar', 'background-color');
  expect(contrastRatio(await computed(page, '.bar__title', 'color'), barBackground)).toBeGreaterThanOrEqual(4.5);
  expect(contrastRatio(await computed(page, '.bar__link', 'color'), barBackground)).toBeGreaterThanOrEqual(4.5);
  expect(contrastRatio(await computed(page, '.toggle[aria-pressed="true"]', 'color'), await computed(page, '.toggle[aria-pressed="true"]', 'background-color'))).toBeGreaterThanOrEqual(4.5);
  expect(contrastRatio(await computed(page, WEBCHAT.bubbleText, 'color'), await computed(page, WEBCHAT.bubble, 'background-color'))).toBeGreaterThanOrEqual(4.5);

  await screenshot(page, '01-welcome-thai');
  expectNothingWrong();

  await privacy.click();
  await page.waitForURL(`${service.baseUrl}/privacy`);
  expect(await page.locator('h1').innerText()).toBe(service.text('th', 'privacy.title'));
});

test('a browser set to English gets the page, Web Chat and the greeting in English, and the bot answers in English', async () => {
  const chat = await open({ ...DESKTOP, locale: 'en-US' });
  await openChat(page, service.baseUrl);
  await chat.botSays(service.text('en', 'welcome'));
  expect(await page.getAttribute('html', 'lang')).toBe('en');
  expect(await page.locator('h1').innerText()).toBe('Damrongdham Center online assistant');
  expect(await page.getByRole('link', { name: 'Privacy' }).getAttribute('href')).toBe('/privacy?lang=en');
  // The bot greets in the page's language only, with the menu, and does not ask for a language.
  await chat.botSays(service.text('en', 'menu.prompt'));
  await expect(chat.bubbles(service.text('th', 'welcome')).count()).resolves.toBe(0);
  await expect(chat.bubbles(service.text('en', 'language.choose')).count()).resolves.toBe(0);
  // Nothing the citizen typed says English: the page's start did, and the next answer follows it.
  const before = await chat.activityCount();
  await chat.send('😀');
  const answer = page.locator(WEBCHAT.activity).nth(before + 1);
  await answer.waitFor();
  // (The menu's language button is named in the other language, as a switch is.)
  const answered = (await answer.innerText()).replace(service.text('en', 'menu.language'), '');
  expect(answered).toMatch(/[A-Za-z]{3}/);
  expect(answered).not.toMatch(/[\u0E00-\u0E7F]/);
  expectNothingWrong();
});

test('English and extra large text re-label the page, reach the bot and Web Chat, and survive a reload', async () => {
  const chat = await open();
  await openChat(page, service.baseUrl);
  await chat.botSays(service.text('th', 'welcome'));
  const sendBox = page.locator(WEBCHAT.sendBox);
  const thaiPlaceholder = await sendBox.getAttribute('placeholder');
  const welcome = page.locator(WEBCHAT.bubbleText).first();
  const mediumSize = parseFloat(await computed(page, WEBCHAT.bubbleText, 'font-size'));
  const mediumHeight = (await welcome.boundingBox())?.height ?? 0;

  await page.getByRole('group', { name: 'ภาษาของหน้านี้' }).getByRole('button', { name: 'English' }).click();
  await chat.botSays(service.text('en', 'language.set'));
  expect(await page.getAttribute('html', 'lang')).toBe('en');
  await expect(page.title()).resolves.toBe('Damrongdham Center online assistant');
  expect(await page.locator('h1').innerText()).toBe('Damrongdham Center online assistant');
  expect(await page.getByRole('link', { name: 'Privacy' }).getAttribute('href')).toBe('/privacy?lang=en');
  expect(await page.getByRole('button', { name: 'New chat' }).count()).toBe(1);
  // Web Chat's own words follow the page's language.
  const englishPlaceholder = await sendBox.getAttribute('placeholder');
  expect(englishPlaceholder).not.toBe(thaiPlaceholder);
  expect(englishPlaceholder).toMatch(/^[A-Za-z ]+$/);

  await page.getByRole('group', { name: 'Text size' }).getByRole('button', { name: 'Extra large text' }).click();
  await expect(page.getByRole('button', { name: 'Extra large text' }).getAttribute('aria-pressed')).resolves.toBe('true');
  const largeSize = parseFloat(await computed(page, WEBCHAT.bubbleText, 'font-size'));
  const largeHeight = (await welcome.boundingBox())?.height ?? 0;
  expect(largeSize).toBeGreaterThanOrEqual(mediumSize * 1.35);
  expect(largeHeight).toBeGreaterThan(mediumHeight * 1.3);
  await screenshot(page, '02-english-extra-large');

  await page.reload();
  await chat.botSays(service.text('en', 'language.set'));
  expect(await page.getAttribute('html', 'lang')).toBe('en');
  expect(await page.locator('h1').innerText()).toBe('Damrongdham Center online assistant');
  expect(await sendBox.getAttribute('placeholder')).toBe(englishPlaceholder);
  expect(await page.getByRole('button', { name: 'Extra large text' }).getAttribute('aria-pressed')).toBe('true');
  expect(parseFloat(await computed(page, WEBCHAT.bubbleText, 'font-size'))).toBe(largeSize);
  await screenshot(page, '03-english-extra-large-reloaded');
  expectNothingWrong();
});

test('when the service cannot start a chat, the page says so in its language and tries again on request', async () => {
  const chat = await open();
  let refuse = true;
  await page.route('**/api/directline/token', (route) =>
    refuse ? route.fulfill({ status: 429, contentType: 'application/json', body: '{"error":{"code":"TooManyRequests","message":"slow down"}}' }) : route.continue(),
  );
  await page.goto(service.baseUrl);
  const status = page.locator('#status');
  expect(await status.getAttribute('role')).toBe('status');
  await status.filter({ hasText: 'มีผู้เริ่มแชตจากเครือข่ายนี้พร้อมกันมากเกินไป' }).waitFor();
  await screenshot(page, '12-busy-retry');
  refuse = false;
  await status.getByRole('button', { name: 'ลองอีกครั้ง' }).click();
  await chat.botSays(service.text('th', 'welcome'));
  await expect(status.innerText()).resolves.toBe('');
  // The refusal is the only error the page met.
  expect(watch.failedRequests).toEqual([expect.stringMatching(/^429 POST .*\/api\/directline\/token$/)]);
  expect(watch.consoleErrors.filter((message) => !/status of 429/.test(message))).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
});
