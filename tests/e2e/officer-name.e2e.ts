import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { contrastRatio, launchChromium, PHONE, screenshot, watchPage, WEBCHAT } from './support/harness';
import { askForChiangMai, createOfficer, eventually, OFFICER_PASSWORD, openCitizen, openContextFor, type OfficerService, startOfficerService, TUESDAY_10 } from './support/officer';
import { OfficerDesk } from './support/desk';

/**
 * A citizen on a phone talks with an officer: each officer reply shows the officer's display name and a
 * person's avatar above a bubble unlike the bot's, screen readers announce it with the officer's name (never
 * "bot said"), and the bot's own messages stay plain. The officer answers from the officer app in another
 * browser; the page is switched to English half-way, and reloaded at the end (the names come back from the log).
 */

const OFFICER_NAME = 'สมศรี ใจงาม';

let browser: Browser;
let service: OfficerService;
let officerContext: BrowserContext;
let citizenContext: BrowserContext;
let citizenPage: Page;

beforeAll(async () => {
  browser = await launchChromium();
  service = await startOfficerService(TUESDAY_10);
  await createOfficer(service, { username: 'somsri', displayName: OFFICER_NAME, role: 'officer', centres: ['50'] });
  officerContext = await openContextFor(browser, service);
  citizenContext = await browser.newContext(PHONE);
  await citizenContext.clock.install({ time: service.clock.now() });
  service.contexts.push(citizenContext);
  // What the page's live region announces, recorded as it appears: Web Chat removes each announcement soon after.
  await citizenContext.addInitScript(() => {
    const record = window as unknown as { __announced: string[] };
    record.__announced = [];
    new MutationObserver((changes) => {
      for (const change of changes) {
        for (const node of Array.from(change.addedNodes)) {
          const element = node as Element;
          if (element.nodeType !== 1) continue;
          const articles = element.matches('.webchat__live-region-activity') ? [element] : Array.from(element.querySelectorAll('.webchat__live-region-activity'));
          for (const article of articles) record.__announced.push((article.textContent ?? '').replace(/\s+/g, ' ').trim());
        }
      }
    }).observe(document, { childList: true, subtree: true });
  });
  citizenPage = await citizenContext.newPage();
});
afterAll(async () => {
  await service?.close();
  await browser?.close();
});

function announced(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __announced: string[] }).__announced);
}

/** Waits until the live region has announced the text (exactly, or matching the pattern). */
async function announcement(expected: string | RegExp): Promise<void> {
  const matches = (said: string) => (typeof expected === 'string' ? said === expected : expected.test(said));
  await eventually(() => announced(citizenPage), (all) => all.some(matches), `the announcement ${String(expected)}`);
}

/** The accessible names of the transcript's activities (what a screen reader says on each, moving through it). */
async function activityNames(page: Page): Promise<string[]> {
  const snapshot = await page.locator('.webchat__basic-transcript').ariaSnapshot();
  return Array.from(snapshot.matchAll(/^\s*- '?article "(.*)"'?:?$/gm), (match) => match[1]);
}

async function expectNameAboveBubble(message: Locator, name: string, role: string): Promise<void> {
  await expect(message.locator('.officer-message__name').innerText()).resolves.toBe(name);
  await expect(message.locator('.officer-message__role').innerText()).resolves.toBe(role);
  await expect(message.locator('svg.officer-message__avatar').isVisible()).resolves.toBe(true);
  // Above the bubble, the avatar in line with the bubble's edge: measured in one frame, as the transcript may be scrolling.
  const layout = await message.evaluate((element: Element, bubbleSelector: string) => {
    const box = (selector: string) => element.querySelector(selector)?.getBoundingClientRect();
    const sender = box('.officer-message__sender');
    const avatar = box('.officer-message__avatar');
    const bubble = box(bubbleSelector);
    return sender && avatar && bubble ? { senderBottom: sender.bottom, bubbleTop: bubble.top, avatarLeft: avatar.left, bubbleLeft: bubble.left } : undefined;
  }, WEBCHAT.bubble);
  expect(layout).toBeDefined();
  if (!layout) return;
  expect(layout.senderBottom).toBeLessThanOrEqual(layout.bubbleTop + 0.5);
  expect(Math.abs(layout.avatarLeft - layout.bubbleLeft)).toBeLessThanOrEqual(2);
}

test('an officer\'s replies carry their name and avatar, are announced with their name, and look unlike the bot\'s', async () => {
  const t = (key: string, vars?: Readonly<Record<string, string | number>>) => service.text('th', key, vars);
  const citizenWatch = watchPage(citizenPage, service.baseUrl);
  const chat = await openCitizen(citizenPage, service);
  await askForChiangMai(chat, service, 'ขอคุยกับเจ้าหน้าที่เรื่องถนนชำรุด');

  const officerPage = await officerContext.newPage();
  const officer = new OfficerDesk(officerPage, service.baseUrl);
  await officer.open();
  await officer.signInToQueue('somsri', OFFICER_PASSWORD);
  const item = officer.liveItems().first();
  await item.waitFor();
  await officer.openItem(item);
  await officer.claim();

  // The bot announces the officer by their display name; that message is the bot's, plain.
  await chat.botSays(t('handoff.claimed', { officer: OFFICER_NAME }));
  await officer.reply('สวัสดีค่ะ ดิฉันสมศรี ขอทราบจุดที่ถนนชำรุดด้วยค่ะ');
  const first = citizenPage.locator('.officer-message').filter({ hasText: 'สวัสดีค่ะ ดิฉันสมศรี' });
  await first.waitFor();
  await expectNameAboveBubble(first, OFFICER_NAME, 'เจ้าหน้าที่');
  await expect(citizenPage.locator('.officer-message').filter({ hasText: t('handoff.claimed', { officer: OFFICER_NAME }) }).count()).resolves.toBe(0);

  // Unlike the bot's bubble, and readable: the name on the page, the text on the officer's bubble (WCAG AA).
  const bubbleStyle = (locator: Locator) => locator.evaluate((element: Element) => {
    const style = getComputedStyle(element);
    return { background: style.backgroundColor, border: style.borderLeftColor, color: style.color };
  });
  const officerBubble = await bubbleStyle(first.locator(WEBCHAT.bubble).first());
  const botBubble = await bubbleStyle(chat.bubbles(t('handoff.claimed', { officer: OFFICER_NAME })).last());
  expect(officerBubble.background).not.toBe(botBubble.background);
  expect(officerBubble.border).not.toBe(botBubble.border);
  expect(contrastRatio(officerBubble.color, officerBubble.background)).toBeGreaterThanOrEqual(4.5);
  const nameColour = await first.locator('.officer-message__name').evaluate((element: Element) => getComputedStyle(element).color);
  expect(contrastRatio(nameColour, 'rgb(255, 255, 255)')).toBeGreaterThanOrEqual(4.5);
  await screenshot(citizenPage, 'officer-name-01-phone');

  // Screen readers: the new message is announced with the officer's name, and nothing is "bot said".
  await announcement(`เจ้าหน้าที่ ${OFFICER_NAME} ตอบว่า: สวัสดีค่ะ ดิฉันสมศรี ขอทราบจุดที่ถนนชำรุดด้วยค่ะ`);
  const names = await activityNames(citizenPage);
  expect(names).toContain(`เจ้าหน้าที่ ${OFFICER_NAME} ตอบว่า: สวัสดีค่ะ ดิฉันสมศรี ขอทราบจุดที่ถนนชำรุดด้วยค่ะ`);
  expect(names).toContain(t('handoff.claimed', { officer: OFFICER_NAME }));
  for (const said of [...names, ...(await announced(citizenPage))]) expect(said).not.toMatch(/บอท|\bBot\b/);

  // A link in a reply is read as its words, without the Markdown that carries it.
  await officer.replyText().fill('ดูขั้นตอนได้ที่เว็บไซต์ศูนย์ค่ะ');
  await officerPage.getByLabel('ลิงก์ (ถ้ามี)').fill('https://www.damrongdham.moi.go.th/');
  await officer.sendButton().click();
  const withLink = citizenPage.locator('.officer-message').filter({ hasText: 'ดูขั้นตอนได้ที่เว็บไซต์ศูนย์ค่ะ' });
  await withLink.waitFor();
  await announcement(/^เจ้าหน้าที่ สมศรี ใจงาม ตอบว่า: ดูขั้นตอนได้ที่เว็บไซต์ศูนย์ค่ะ\s+https:\/\/www\.damrongdham\.moi\.go\.th\/$/);

  // In English: the page's words change, and so does what the next reply is announced with.
  await citizenPage.locator('.bar [data-lang="en"]').click();
  await officer.reply('Thank you, I have passed it to the municipality.');
  const english = citizenPage.locator('.officer-message').filter({ hasText: 'Thank you, I have passed it' });
  await english.waitFor();
  await expectNameAboveBubble(english, OFFICER_NAME, 'Officer');
  await announcement(`Officer ${OFFICER_NAME} said: Thank you, I have passed it to the municipality.`);
  await screenshot(citizenPage, 'officer-name-02-english');

  // Back on the page later: the conversation is replayed from the log, names and all.
  await citizenPage.reload();
  await citizenPage.locator('.officer-message').filter({ hasText: 'Thank you, I have passed it' }).waitFor();
  await expect(citizenPage.locator('.officer-message').count()).resolves.toBe(3);
  await expectNameAboveBubble(citizenPage.locator('.officer-message').first(), OFFICER_NAME, 'Officer');
  await screenshot(citizenPage, 'officer-name-03-resumed');

  expect(citizenWatch.consoleErrors).toEqual([]);
  expect(citizenWatch.failedRequests).toEqual([]);
  expect(officer.problems()).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [] });
});

/* The page-side globals the functions above touch (the project compiles for Node without the DOM library). */
interface Element {
  readonly nodeType: number;
  querySelector(selector: string): { getBoundingClientRect(): { top: number; bottom: number; left: number } } | null;
  readonly textContent: string | null;
  matches(selector: string): boolean;
  querySelectorAll(selector: string): ArrayLike<Element>;
}
declare const document: object;
declare const window: object;
declare class MutationObserver {
  constructor(callback: (changes: Array<{ addedNodes: ArrayLike<object> }>) => void);
  observe(target: object, options: { childList: boolean; subtree: boolean }): void;
}
declare function getComputedStyle(element: Element): { backgroundColor: string; borderLeftColor: string; color: string };
