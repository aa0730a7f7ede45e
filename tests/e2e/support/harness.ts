import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Locator, type Page } from 'playwright-core';
import type { ChatTokenResponse } from '../../../bot/web/chatToken';
import type { Lang } from '../../../lib/i18n/language';
import { buildTestApp, type TestApp } from '../../helpers/testApp';

/**
 * What the browser tests share: Debian's Chromium (never a downloaded browser), the whole service in-process
 * on a loopback port, a watch on everything the page asks for, and the few Web Chat selectors the tests use.
 */

export const ARTIFACTS = path.resolve(__dirname, '..', '..', '..', 'test-artifacts', 'e2e');

/** 10:00 in Bangkok on 24 November 2026 (B.E. 2569). The service's clock starts here and runs at real speed. */
export const SERVICE_START = Date.parse('2026-11-24T03:00:00Z');

export const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'th-TH' };
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1024, height: 800 }, locale: 'th-TH' };

/** Web Chat's own markup, in one place: a Web Chat upgrade that renames a class changes this and nothing else. */
export const WEBCHAT = {
  activity: '.webchat__basic-transcript__activity',
  bubble: '.webchat__bubble__content',
  userBubble: '.webchat__bubble--from-user',
  bubbleText: '.webchat__text-content',
  suggestedAction: '.webchat__suggested-actions .webchat__suggested-action',
  cardButton: '.webchat__adaptive-card-renderer .ac-pushButton',
  sendBox: '[data-id="webchat-sendbox-input"]',
  sendButton: '.webchat__send-button',
  fileInput: 'input.webchat__upload-button--file-input',
  uploadButton: '.webchat__upload-button',
  transcriptImage: '.webchat__basic-transcript img',
  scroller: '.webchat__basic-transcript__scrollable',
} as const;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    // --disable-dev-shm-usage: containers often give /dev/shm 64 MB, too little for Chromium's renderer.
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

/**
 * A browser context whose clock reads what the service's does: Web Chat compares activity timestamps and
 * token lifetimes with the browser's own time, and a page living half an hour apart from its service shows
 * "31 minutes ago" on a message just sent. Time then runs at its real speed in both.
 */
export async function openContext(browser: Browser, options: BrowserContextOptions): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await context.clock.install({ time: SERVICE_START });
  return context;
}

export interface Service {
  test: TestApp;
  baseUrl: string;
  /** A bot text in the given language, as the content store has it. */
  text(lang: Lang, key: string, vars?: Readonly<Record<string, string | number>>): string;
  close(): Promise<void>;
}

export async function startService(): Promise<Service> {
  const began = Date.now();
  const test = await buildTestApp({}, { now: () => SERVICE_START + (Date.now() - began) });
  const baseUrl = await test.listen();
  return {
    test,
    baseUrl,
    text: (lang, key, vars) => test.app.texts.get(lang, key, vars),
    close: () => test.close(),
  };
}

export interface PageWatch {
  consoleErrors: string[];
  failedRequests: string[];
  /** Requests and sockets to anywhere but the service itself. */
  foreignRequests: string[];
  requested: string[];
}

/** Records console errors (CSP violations among them), failed or refused requests, and any other origin. */
export function watchPage(page: Page, baseUrl: string): PageWatch {
  const own = new URL(baseUrl);
  const watch: PageWatch = { consoleErrors: [], failedRequests: [], foreignRequests: [], requested: [] };
  const isOwn = (url: string) => url.startsWith('data:') || new URL(url).origin === own.origin;
  page.on('console', (message) => {
    if (message.type() === 'error') watch.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => watch.consoleErrors.push(`uncaught: ${error.message}`));
  page.on('request', (request) => {
    watch.requested.push(request.url());
    if (!isOwn(request.url())) watch.foreignRequests.push(request.url());
  });
  page.on('requestfailed', (request) => watch.failedRequests.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText ?? 'failed'}`));
  page.on('response', (response) => {
    if (response.status() >= 400) watch.failedRequests.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  page.on('websocket', (socket) => {
    if (new URL(socket.url()).host !== own.host) watch.foreignRequests.push(socket.url());
  });
  return watch;
}

/**
 * Saves a screenshot once the transcript has finished scrolling to its newest message: Web Chat scrolls with an
 * animation, so a picture taken the moment a message appears shows the one before it. A transcript the
 * citizen scrolled up stays where it is; the picture is then taken after the wait.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page
    .waitForFunction((selector) => {
      const scroller = document.querySelector<PageScroller>(selector);
      return !scroller || scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2;
    }, WEBCHAT.scroller, { timeout: 3000 })
    .catch(() => undefined);
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A pattern for a bot text as Web Chat shows it: its Markdown renderer turns straight quotes into curly ones
 * and lines into paragraphs, so quotes match either form and any run of white space matches any other.
 */
export function shown(text: string): RegExp {
  const pattern = escapeRegExp(text.trim())
    .replace(/"/g, '["“”]')
    .replace(/'/g, "['‘’]")
    .replace(/\s+/g, '\\s+');
  return new RegExp(pattern);
}

function exactly(label: string): RegExp {
  return new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`);
}

/** The chat as a citizen uses it: reading what the bot says, typing, tapping buttons, sending a photo. */
export class Chat {
  constructor(readonly page: Page) {}

  bubbles(text: string): Locator {
    return this.page.locator(WEBCHAT.bubble).filter({ hasText: shown(text) });
  }

  async botSays(text: string): Promise<void> {
    await this.bubbles(text).last().waitFor({ state: 'visible' });
  }

  async send(text: string): Promise<void> {
    const box = this.page.locator(WEBCHAT.sendBox);
    await box.fill(text);
    await box.press('Enter');
  }

  /** As on a phone: the text typed in, then the send button tapped. */
  async sendByTapping(text: string): Promise<void> {
    await this.page.locator(WEBCHAT.sendBox).fill(text);
    await this.page.locator(WEBCHAT.sendButton).tap();
  }

  /** A suggested action under the latest message, by its exact label. */
  async tapSuggested(label: string): Promise<void> {
    await this.page.locator(WEBCHAT.suggestedAction).filter({ hasText: exactly(label) }).click();
  }

  /** A button on the latest Adaptive Card that has it, by its exact label. */
  async tapCardButton(label: string): Promise<void> {
    await this.page.locator(WEBCHAT.cardButton).filter({ hasText: exactly(label) }).last().click();
  }

  async attachPhoto(name: string, jpeg: Buffer): Promise<void> {
    await this.page.locator(WEBCHAT.fileInput).setInputFiles({ name, mimeType: 'image/jpeg', buffer: jpeg });
  }

  activityCount(): Promise<number> {
    return this.page.locator(WEBCHAT.activity).count();
  }
}

/** Opens the page and returns what the token endpoint answered it. */
export async function openChat(page: Page, baseUrl: string): Promise<ChatTokenResponse> {
  const [token] = await Promise.all([nextToken(page), page.goto(baseUrl)]);
  return token;
}

export async function nextToken(page: Page): Promise<ChatTokenResponse> {
  const response = await page.waitForResponse((candidate) => new URL(candidate.url()).pathname === '/api/directline/token');
  return (await response.json()) as ChatTokenResponse;
}

/** A CSS colour as the browser computes it ("rgb(…)" or "rgba(…)"), as red, green and blue. */
function parseRgb(value: string): [number, number, number] {
  const match = /rgba?\(\s*([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)/.exec(value);
  if (!match) throw new Error(`Not an rgb() colour: ${value}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** WCAG 2.1 contrast ratio between two computed colours. */
export function contrastRatio(foreground: string, background: string): number {
  const luminance = (rgb: [number, number, number]) => {
    const [r, g, b] = rgb.map((channel) => {
      const c = channel / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(parseRgb(foreground)), luminance(parseRgb(background))].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}

/*
 * The functions below run in the page (Playwright sends them to the browser). The project compiles for Node
 * without the DOM library, so the few browser globals they touch are declared here, for this module only.
 */
interface PageElement {
  readonly tagName: string;
  readonly textContent: string | null;
}
interface PageImage extends PageElement {
  readonly naturalWidth: number;
  readonly naturalHeight: number;
  readonly complete: boolean;
}
interface PageScroller extends PageElement {
  readonly scrollTop: number;
  readonly clientHeight: number;
  readonly scrollHeight: number;
}
interface PageCanvas {
  width: number;
  height: number;
  getContext(kind: '2d'): {
    fillStyle: string;
    fillRect(x: number, y: number, width: number, height: number): void;
    beginPath(): void;
    ellipse(x: number, y: number, radiusX: number, radiusY: number, rotation: number, start: number, end: number): void;
    fill(): void;
  };
  toBlob(callback: (blob: Blob | null) => void, type: string, quality: number): void;
}
declare const document: {
  querySelector<T extends PageElement = PageElement>(selector: string): T | null;
  createElement(tag: 'canvas'): PageCanvas;
  readonly documentElement: { readonly scrollWidth: number; readonly clientWidth: number };
  readonly body: { readonly scrollWidth: number };
  readonly activeElement: PageElement | null;
  readonly fonts: Iterable<{ readonly family: string; readonly weight: string; readonly status: string }> & { readonly ready: Promise<unknown> };
};
declare const window: { readonly innerWidth: number };
declare function getComputedStyle(element: PageElement): { getPropertyValue(name: string): string };
declare function btoa(text: string): string;

/** The computed value of a CSS property of the first element matching a selector. */
export function computed(page: Page, selector: string, property: string): Promise<string> {
  return page.evaluate(
    ({ selector, property }) => {
      const element = document.querySelector(selector);
      if (!element) throw new Error(`No element matches ${selector}`);
      return getComputedStyle(element).getPropertyValue(property);
    },
    { selector, property },
  );
}

/** How wide the page's content is against the window: wider means horizontal scrolling. */
export function pageWidths(page: Page): Promise<{ document: number; body: number; window: number }> {
  return page.evaluate(() => ({ document: document.documentElement.scrollWidth, body: document.body.scrollWidth, window: window.innerWidth }));
}

export function imageState(image: Locator): Promise<{ naturalWidth: number; naturalHeight: number; complete: boolean }> {
  return image.evaluate((element: PageImage) => ({ naturalWidth: element.naturalWidth, naturalHeight: element.naturalHeight, complete: element.complete }));
}

/** The Sarabun faces the page has loaded, as "weight" strings. */
export function loadedSarabunWeights(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    await document.fonts.ready;
    return Array.from(document.fonts)
      .filter((face) => face.family.replace(/["']/g, '') === 'Sarabun' && face.status === 'loaded')
      .map((face) => face.weight);
  });
}

/** The focused element and the outline it shows. */
export function focusRing(page: Page): Promise<{ text: string; outlineStyle: string; outlineWidth: string }> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element) throw new Error('Nothing has focus');
    const style = getComputedStyle(element);
    return { text: (element.textContent ?? '').trim(), outlineStyle: style.getPropertyValue('outline-style'), outlineWidth: style.getPropertyValue('outline-width') };
  });
}

/**
 * A real photograph-like JPEG, encoded by the browser's own JPEG encoder: a grey road with a dark pothole and
 * a yellow line. Checked here to be a baseline JPEG of the asked size, so the upload is a genuine image.
 */
export async function drawJpeg(page: Page, width: number, height: number): Promise<Buffer> {
  const base64 = await page.evaluate(
    async ({ width, height }) => {
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const paint = canvas.getContext('2d');
      paint.fillStyle = '#7a7a72';
      paint.fillRect(0, 0, width, height);
      paint.fillStyle = '#f2c200';
      paint.fillRect(0, Math.round(height * 0.12), width, Math.max(4, Math.round(height * 0.04)));
      paint.fillStyle = '#2b2b2b';
      paint.beginPath();
      paint.ellipse(width / 2, height * 0.58, width * 0.28, height * 0.18, 0, 0, Math.PI * 2);
      paint.fill();
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.9));
      if (!blob) throw new Error('The browser could not encode a JPEG');
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let binary = '';
      for (const byte of bytes) binary += String.fromCharCode(byte);
      return btoa(binary);
    },
    { width, height },
  );
  const jpeg = Buffer.from(base64, 'base64');
  const size = baselineJpegSize(jpeg);
  if (size.width !== width || size.height !== height) throw new Error(`Expected a ${width}x${height} JPEG, got ${size.width}x${size.height}`);
  return jpeg;
}

/** Reads a baseline JPEG's size from its SOF0 segment; throws for anything that is not one. */
export function baselineJpegSize(jpeg: Buffer): { width: number; height: number } {
  if (jpeg.readUInt16BE(0) !== 0xffd8 || jpeg.readUInt16BE(jpeg.length - 2) !== 0xffd9) throw new Error('Not a JPEG: no start or end marker');
  let offset = 2;
  while (offset + 4 <= jpeg.length) {
    if (jpeg[offset] !== 0xff) throw new Error(`Not a JPEG: no marker at ${offset}`);
    const marker = jpeg[offset + 1];
    const length = jpeg.readUInt16BE(offset + 2);
    if (marker === 0xc0) return { height: jpeg.readUInt16BE(offset + 5), width: jpeg.readUInt16BE(offset + 7) };
    if (marker === 0xda) break;
    offset += 2 + length;
  }
  throw new Error('Not a baseline JPEG: no SOF0 segment before the image data');
}
