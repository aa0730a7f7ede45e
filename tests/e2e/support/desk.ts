import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchChromium } from './harness';
import { createOfficer, type OfficerService, openContextFor, startOfficerService } from './officer';
import { OfficerApp } from './officer';

/**
 * The officer app (handoff/web/src, served at /officer) as an officer uses it: everything found by its role and accessible name, as a screen reader would find it, never by
 * an id or a class. `deskSuite` is the one setup every officer browser test shares.
 */

export const OFFICER_PATH = '/officer';

export interface DeskSuite {
  browser: Browser;
  service: OfficerService;
  /** A desktop browser context on the service's clock, closed with the suite. */
  context(): Promise<BrowserContext>;
  /** A new page in a new context, with the app as an officer uses it. */
  desk(): Promise<OfficerDesk>;
}

export interface SuiteOptions {
  start: number;
  officers?: ReadonlyArray<{ username: string; displayName: string; role: 'officer' | 'supervisor' | 'admin'; centres: string[] }>;
  /** Runs in every new context before any page script (alerts recorded, for example). */
  prepare?: (context: BrowserContext) => Promise<void>;
}

/** Registers the suite's beforeAll/afterAll: Chromium, the service on its clock, the officer accounts. */
export function deskSuite(options: SuiteOptions): DeskSuite {
  const suite = {} as DeskSuite;
  beforeAll(async () => {
    suite.browser = await launchChromium();
    suite.service = await startOfficerService(options.start);
    for (const officer of options.officers ?? []) await createOfficer(suite.service, officer);
    suite.context = async () => {
      const context = await openContextFor(suite.browser, suite.service);
      if (options.prepare) await options.prepare(context);
      return context;
    };
    suite.desk = async () => new OfficerDesk(await (await suite.context()).newPage(), suite.service.baseUrl);
  });
  afterAll(async () => {
    await suite.service?.close();
    await suite.browser?.close();
  });
  return suite;
}

const either = (th: string, en: string) => new RegExp(`^(${escape(th)}|${escape(en)})$`);
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const SPEAKERS = {
  citizen: /^\s*(ประชาชน|Citizen)\s/,
  bot: /^\s*(ผู้ช่วยอัตโนมัติ|Assistant \(bot\))\s/,
  officer: /^\s*(.+\(เจ้าหน้าที่\)|เจ้าหน้าที่|.+\(officer\)|Officer)\s/,
  system: /^\s*(ระบบ|System)\s/,
} as const;

export class OfficerDesk extends OfficerApp {
  constructor(page: Page, baseUrl: string) {
    super(page, baseUrl);
  }

  async open(hash = ''): Promise<void> {
    await this.page.goto(`${this.baseUrl}${OFFICER_PATH}${hash}`);
  }

  async signIn(username: string, password: string): Promise<void> {
    await this.page.getByRole('form', { name: either('เข้าสู่ระบบเจ้าหน้าที่', 'Officer sign-in') }).waitFor();
    await this.page.getByLabel(either('ชื่อผู้ใช้', 'Username')).fill(username);
    await this.page.getByLabel(either('รหัสผ่าน', 'Password')).fill(password);
    await this.page.getByRole('button', { name: either('เข้าสู่ระบบ', 'Sign in') }).click();
  }

  async signInToQueue(username: string, password: string): Promise<void> {
    await this.signIn(username, password);
    await this.queueHeading().waitFor();
    await this.streamOpen();
  }

  queueHeading(): Locator {
    return this.page.getByRole('heading', { name: either('คิวงาน', 'Queue'), level: 2 });
  }

  /** The queue's scope line: which centres the officer works for. */
  scope(): Locator {
    return this.page.getByRole('region', { name: either('คิวงาน', 'Queue') }).getByRole('paragraph').first();
  }

  private list(th: string, en: string): Locator {
    return this.page.getByRole('list', { name: either(th, en) });
  }

  liveList(): Locator {
    return this.list('แชตสด', 'Live chats');
  }

  questionList(): Locator {
    return this.list('คำถามที่ฝากไว้นอกเวลาทำการ', 'Questions left after hours');
  }

  liveItems(): Locator {
    return this.liveList().getByRole('listitem').filter({ has: this.page.getByRole('link') });
  }

  questionItems(): Locator {
    return this.questionList().getByRole('listitem').filter({ has: this.page.getByRole('link') });
  }

  allItems(): Locator {
    return this.liveItems().or(this.questionItems());
  }

  history(): Locator {
    return this.list('ประวัติการสนทนา', 'History');
  }

  messages(): Locator {
    return this.history().getByRole('listitem');
  }

  message(speaker: 'citizen' | 'bot' | 'officer' | 'system', text: string | RegExp): Locator {
    return this.messages().filter({ hasText: SPEAKERS[speaker] }).filter({ hasText: text });
  }

  conversationHeading(): Locator {
    return this.page.getByRole('heading', { level: 2, name: /^(การสนทนา|Conversation) · / });
  }

  async openItem(item: Locator): Promise<string> {
    await item.getByRole('link').click();
    await this.conversationHeading().waitFor();
    return decodeURIComponent(new URL(this.page.url()).hash.replace(/^#\/c\//, ''));
  }

  button(th: string, en: string): Locator {
    return this.page.getByRole('button', { name: either(th, en) });
  }

  replyText(): Locator {
    return this.page.getByLabel(either('ข้อความ', 'Message'), { exact: true });
  }

  sendButton(): Locator {
    return this.button('ส่ง', 'Send');
  }

  async claim(): Promise<void> {
    await this.button('รับเรื่อง', 'Claim').click();
    await this.replyText().waitFor();
  }

  async reply(text: string): Promise<void> {
    await this.replyText().fill(text);
    await this.sendButton().click();
    await this.message('officer', text).waitFor();
  }

  async replyWithImage(name: string, jpeg: Buffer, text?: string): Promise<void> {
    const images = this.messages().filter({ hasText: SPEAKERS.officer }).getByRole('img');
    const before = await images.count();
    if (text !== undefined) await this.replyText().fill(text);
    await this.page.getByLabel(either('รูปภาพ (ถ้ามี)', 'Image (optional)')).setInputFiles({ name, mimeType: 'image/jpeg', buffer: jpeg });
    await this.page.getByRole('img', { name }).waitFor();
    await this.sendButton().click();
    await images.nth(before).waitFor();
  }

  async close(): Promise<void> {
    await this.button('ปิดการสนทนา', 'Close the conversation').click();
    await this.button('ยืนยันปิดการสนทนา', 'Yes, close it').click();
    await this.page.getByRole('status').filter({ hasText: /ปิดการสนทนาแล้ว|Conversation closed/ }).waitFor();
  }

  /** The screen-reader announcer's line (the live region that says what arrived). */
  announcement(): Locator {
    return this.page.getByTestId('announcer');
  }
}

/** Whether the element a locator finds has the keyboard focus. */
export function focused(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === (document as unknown as { activeElement: unknown }).activeElement);
}

/** A style of the element a locator finds, as the browser computed it. */
export function style(locator: Locator, property: string): Promise<string> {
  return locator.evaluate((element, name) => (window as unknown as { getComputedStyle(e: unknown): Record<string, string> }).getComputedStyle(element)[name], property);
}

/**
 * axe-core's checks run in the page (its source evaluated there, which the page's CSP does not govern): the
 * serious and critical violations, each as "rule: target", empty when there is none.
 */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { source } = require('axe-core') as { source: string };
  await page.evaluate(source);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Array<{ id: string; impact?: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${JSON.stringify(node.target)}`));
  });
}

declare const window: object;
declare const document: object;
