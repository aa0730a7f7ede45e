import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AuditLog } from '../../../lib/audit';
import type { Lang } from '../../../lib/i18n/language';
import type { Officer, Role } from '../../../lib/officers/accounts';
import { buildTestApp, type TestApp } from '../../helpers/testApp';
import { openGreeted } from './citizen';
import { ARTIFACTS, type Chat, DESKTOP, type PageWatch, watchPage } from './harness';

/**
 * What the officer web app's browser tests share: the service on a clock the test can move (in or out of
 * office hours), browser contexts whose clocks move with it, officer accounts, and the app as an officer uses it.
 */

/** A Bangkok wall-clock time as an instant (Bangkok is UTC+7 all year). */
export function bangkok(isoLocal: string): number {
  return Date.parse(`${isoLocal}+07:00`);
}

/** Tuesday 24 November 2026 (B.E. 2569), 10:00 in Bangkok: a working day, in office hours. */
export const TUESDAY_10 = bangkok('2026-11-24T10:00:00');
/** Friday 27 November 2026, 19:00 in Bangkok: after hours, with the weekend ahead. */
export const FRIDAY_19 = bangkok('2026-11-27T19:00:00');
/** Monday 30 November 2026, 09:00 in Bangkok: officers are in. */
export const MONDAY_09 = bangkok('2026-11-30T09:00:00');

/** The service's clock: set to any instant, from which it runs at real speed. */
export class TestClock {
  private base: number;
  private realStart = Date.now();

  constructor(start: number) {
    this.base = start;
  }

  readonly now = (): number => this.base + (Date.now() - this.realStart);

  set(at: number): void {
    this.base = at;
    this.realStart = Date.now();
  }
}

export interface OfficerService {
  test: TestApp;
  baseUrl: string;
  clock: TestClock;
  /** Browser contexts opened for this service: their clocks follow the service's. */
  contexts: BrowserContext[];
  text(lang: Lang, key: string, vars?: Readonly<Record<string, string | number>>): string;
  /** Moves the service's clock and every open browser context's to `at`. */
  moveClock(at: number): Promise<void>;
  close(): Promise<void>;
}

export async function startOfficerService(start: number): Promise<OfficerService> {
  const clock = new TestClock(start);
  const test = await buildTestApp({}, { now: clock.now });
  const baseUrl = await test.listen();
  const contexts: BrowserContext[] = [];
  return {
    test,
    baseUrl,
    clock,
    contexts,
    text: (lang, key, vars) => test.app.texts.get(lang, key, vars),
    moveClock: async (at) => {
      clock.set(at);
      for (const context of contexts) await context.clock.setSystemTime(at);
    },
    close: async () => {
      for (const context of contexts) await context.close().catch(() => undefined);
      await test.close();
    },
  };
}

/** A desktop browser context whose clock reads the service's. */
export async function openContextFor(browser: Browser, service: OfficerService): Promise<BrowserContext> {
  const context = await browser.newContext(DESKTOP);
  await context.clock.install({ time: service.clock.now() });
  service.contexts.push(context);
  return context;
}

export const OFFICER_PASSWORD = 'Correct-Horse-Battery-2569';

/** An officer account ready to sign in with OFFICER_PASSWORD (no one-time password to change). */
export async function createOfficer(service: OfficerService, input: { username: string; displayName: string; role: Role; centres: string[] }): Promise<void> {
  await service.test.app.officers.create({ ...input, password: OFFICER_PASSWORD }, false);
}

/**
 * Records, in the page, every tone the app plays and every desktop notification it shows: the Web Audio API
 * and the Notification API are wrapped before the app's script runs (the page's CSP does not apply to what
 * the browser automation injects). Notification permission starts as "default" and is granted when asked.
 */
export async function recordAlerts(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const record = window as unknown as { __tones: number; __notifications: Array<{ title: string; body: string }>; __permissionAsked: number };
    record.__tones = 0;
    record.__notifications = [];
    record.__permissionAsked = 0;
    const start = OscillatorNode.prototype.start;
    OscillatorNode.prototype.start = function (this: OscillatorNode, ...args: Parameters<OscillatorNode['start']>) {
      record.__tones += 1;
      return start.apply(this, args);
    };
    let permission: NotificationPermission = 'default';
    class RecordedNotification {
      onclick: (() => void) | null = null;
      static get permission(): NotificationPermission {
        return permission;
      }
      static requestPermission(): Promise<NotificationPermission> {
        record.__permissionAsked += 1;
        permission = 'granted';
        return Promise.resolve(permission);
      }
      constructor(title: string, options?: NotificationOptions) {
        record.__notifications.push({ title, body: options?.body ?? '' });
      }
      close(): void {}
    }
    Object.defineProperty(window, 'Notification', { value: RecordedNotification, configurable: true, writable: true });
  });
}

export interface Alerts {
  tones: number;
  notifications: Array<{ title: string; body: string }>;
  permissionAsked: number;
}

export function alerts(page: Page): Promise<Alerts> {
  return page.evaluate(() => {
    const record = window as unknown as { __tones: number; __notifications: Array<{ title: string; body: string }>; __permissionAsked: number };
    return { tones: record.__tones, notifications: record.__notifications, permissionAsked: record.__permissionAsked };
  });
}

/** Whether an injected script ran: set by the markup the XSS tests send as text. */
export function xssRan(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  // From the top: a full-page picture of a scrolled page shows its sticky queue half-way down.
  await page.evaluate(() => (window as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
  await page.screenshot({ path: path.join(ARTIFACTS, `officer-${name}.png`), fullPage: true });
}

/** What every officer page shares: the watch on what it asks for, and the stream's state. The app itself, as an officer uses it: desk.ts. */
export class OfficerApp {
  readonly watch: PageWatch;

  constructor(readonly page: Page, readonly baseUrl: string) {
    this.watch = watchPage(page, baseUrl);
  }

  /**
   * What went wrong on the page, less what is expected: a page opened before signing in asks the service
   * whether it is signed in, and is answered 401 (which the browser reports as a console error too).
   */
  problems(): { consoleErrors: string[]; failedRequests: string[]; foreignRequests: string[] } {
    const sessionCheck = `401 GET ${this.baseUrl}/api/officer/session`;
    const failedRequests = this.watch.failedRequests.filter((line) => line !== sessionCheck);
    let expected401 = this.watch.failedRequests.length - failedRequests.length;
    const consoleErrors = this.watch.consoleErrors.filter((line) => {
      if (expected401 > 0 && line === 'Failed to load resource: the server responded with a status of 401 (Unauthorized)') {
        expected401 -= 1;
        return false;
      }
      return true;
    });
    return { consoleErrors, failedRequests, foreignRequests: this.watch.foreignRequests };
  }

  /** Resolves once the app's live stream is open: the service accepted the socket, so no event is missed after this. */
  async streamOpen(): Promise<void> {
    await this.page.locator('html[data-stream="open"]').waitFor({ state: 'attached' });
  }
}

/** The citizen's side: the chat page opened and greeted (citizen.ts), in English when asked for. */
export async function openCitizen(page: Page, service: OfficerService, lang: Lang = 'th'): Promise<Chat> {
  return (await openGreeted(page, service, lang)).chat;
}

/** The citizen asks for an officer of Chiang Mai's provincial centre, typing its province as citizens do. */
export async function askForChiangMai(chat: Chat, service: OfficerService, ask = 'คุยกับเจ้าหน้าที่'): Promise<void> {
  const t = (key: string, vars?: Readonly<Record<string, string | number>>) => service.text('th', key, vars);
  await chat.send(ask);
  await chat.botSays(t('handoff.destination.prompt'));
  await chat.send('เชียงใหม่');
  await chat.botSays(t('handoff.destination.confirm', { name: 'ศูนย์ดำรงธรรมจังหวัดเชียงใหม่' }));
  await chat.tapCardButton(t('common.yes'));
}

/*
 * The page-side globals the functions above touch. The project compiles for Node without the DOM library, so
 * what they use is declared here, for this module only (as in harness.ts).
 */
declare const window: object;
declare const document: { readonly activeElement: { readonly id: string; readonly value?: string } | null };
declare class OscillatorNode {
  start(when?: number): void;
}
type NotificationPermission = 'default' | 'granted' | 'denied';
interface NotificationOptions {
  body?: string;
}

/** The id of the element that has the keyboard focus ('' when nothing in particular has it). */
export function focusedId(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.id ?? '');
}

/**
 * Types a date (YYYY-MM-DD) with the keyboard into the focused `<input type="date">`, as an officer would. Chromium
 * lays the field out in its own interface language's order (month first in en-US), not in the page's: a probe date
 * typed first tells which order, then the date is typed over it from the field's first part (Shift+Tab moves back
 * part by part).
 */
export async function typeDate(page: Page, iso: string): Promise<void> {
  const [year, month, day] = iso.split('-');
  for (const part of ['11', '12', '2030']) await page.keyboard.type(part);
  const probe = await page.evaluate(() => document.activeElement?.value ?? '');
  const order = probe === '2030-11-12' ? [month, day, year] : probe === '2030-12-11' ? [day, month, year] : undefined;
  if (!order) throw new Error(`Unexpected date field: typing 11, 12, 2030 gave "${probe}"`);
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  for (const part of order) await page.keyboard.type(part);
}

/** Polls `read` until `accept` holds for its value (10 seconds at most), and returns that value. */
export async function eventually<T>(read: () => Promise<T> | T, accept: (value: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!accept(last)) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
  return last;
}



/** An account as the service holds it, by username. */
export async function storedAccount(service: OfficerService, username: string): Promise<Officer> {
  const officer = (await service.test.app.officers.list()).find((account) => account.username === username);
  if (!officer) throw new Error(`No account ${username}`);
  return officer;
}

/** The audit log as the service keeps it, to read what the app should show (the app has no handle of its own on it). */
export function storedAuditLog(service: OfficerService): AuditLog {
  return new AuditLog(service.test.store, service.clock.now);
}


