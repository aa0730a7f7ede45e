import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import type { ChatTokenResponse } from '../../../bot/web/chatToken';
import type { Lang } from '../../../lib/i18n/language';
import { Chat, DESKTOP, launchChromium, openChat, openContext, type PageWatch, type Service, startService, watchPage } from './harness';

/**
 * The citizen's side of the browser tests, set up once: the chat page opened and greeted (in English when asked
 * for), and `chatSuite`, the browser, service and page a chat page test starts from.
 */

/** What opening the chat page needs of a service: its address and the bot's texts (the chat tests' and the officer tests' services both have them). */
export type ChatService = Pick<Service, 'baseUrl' | 'text'>;

export interface Greeted {
  chat: Chat;
  /** What the token endpoint answered the page: whether it resumed a conversation, and which. */
  token: ChatTokenResponse;
}

/**
 * Opens the chat page and waits for the bot's greeting: the page starts the conversation in its own language
 * (Thai), so the bot welcomes with the menu and asks no language. For English the citizen then says so, as they
 * may at any time, and is answered with the menu in English.
 */
export async function openGreeted(page: Page, service: ChatService, lang: Lang = 'th'): Promise<Greeted> {
  const chat = new Chat(page);
  const token = await openChat(page, service.baseUrl);
  await chat.botSays(service.text('th', 'welcome'));
  await chat.botSays(service.text('th', 'menu.prompt'));
  if (lang === 'en') {
    await chat.send('English');
    await chat.botSays(service.text('en', 'menu.prompt'));
  }
  return { chat, token };
}

export interface ChatSuite {
  browser: Browser;
  service: Service;
  context: BrowserContext;
  page: Page;
  /** What the page asked for and what went wrong on it, from its opening. */
  watch: PageWatch;
}

/** Registers the suite's beforeAll/afterAll: Chromium, the service, one page on the given device (a desktop unless told), watched. */
export function chatSuite(device: BrowserContextOptions = DESKTOP): ChatSuite {
  const suite = {} as ChatSuite;
  beforeAll(async () => {
    suite.browser = await launchChromium();
    suite.service = await startService();
    suite.context = await openContext(suite.browser, device);
    suite.page = await suite.context.newPage();
    suite.watch = watchPage(suite.page, suite.service.baseUrl);
  });
  afterAll(async () => {
    await suite.context?.close();
    await suite.service?.close();
    await suite.browser?.close();
  });
  return suite;
}

/** Nothing went wrong on a watched page: no console error (a CSP violation is one), no failed request, nothing asked of another origin. */
export function expectNothingWrong(watch: PageWatch): void {
  expect({ consoleErrors: watch.consoleErrors, failedRequests: watch.failedRequests, foreignRequests: watch.foreignRequests }).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [] });
}
