import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { cardMessage } from '../../cards/activity';
import type { Translate } from '../../cards/card';
import { receiptCard } from '../../cards/receipt';
import { statusCard } from '../../cards/status';
import { summaryCard, type SummaryLine } from '../../cards/summary';
import type { RenderedCard } from '../../cards/types';
import { BOT_ACCOUNT, DIRECTLINE_CHANNEL } from '../../bot/channels/directline/service';
import type { ChatTokenResponse } from '../../bot/web/chatToken';
import type { Lang } from '../../lib/i18n/language';
import { formatDate } from '../../lib/thai/dates';
import { ARTIFACTS, DESKTOP, launchChromium, openChat, openContext, pageWidths, type PageWatch, type Service, startService, watchPage, WEBCHAT } from './support/harness';
import { renderedTexts } from './support/lines';

/**
 * The fact cards (the summary before sending, the receipt, a complaint's status) as the chat page shows them,
 * on a 320-pixel-wide phone at each of the four text sizes and on a desktop at the largest: no word of a label,
 * a value or a button is broken across lines, nothing is drawn outside the card, and on the phone each label
 * stands above its value. The cards are the bot's own builders' output, sent to the page through the service's
 * Direct Line connector, as the bot sends them.
 */

const PHONE_320 = { viewport: { width: 320, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'th-TH' };
/** The size buttons' accessible names, smallest first (index.html). */
const SIZES = { small: ['ตัวอักษรเล็ก', 'Small text'], medium: ['ตัวอักษรกลาง', 'Medium text'], large: ['ตัวอักษรใหญ่', 'Large text'], xlarge: ['ตัวอักษรใหญ่พิเศษ', 'Extra large text'] } as const;
type Size = keyof typeof SIZES;

/** The summary's fields and their labels, as the complaint dialog shows them. */
const FIELDS = ['category', 'destination', 'subject', 'description', 'attachments', 'place', 'when', 'contact'] as const;

const VALUES: Record<Lang, Record<(typeof FIELDS)[number], string>> = {
  th: {
    category: 'สาธารณูปโภค ถนน ไฟฟ้า ประปา',
    destination: 'ศูนย์ดำรงธรรมอำเภอหางดง จังหวัดเชียงใหม่',
    subject: 'ถนนหน้าบ้านพังเป็นหลุมใหญ่',
    description: 'ถนนหน้าบ้านพังเป็นหลุมใหญ่ที่ อ.หางดง เชียงใหม่ รถจักรยานยนต์ล้มไปแล้วสองคันเมื่อคืนวันเสาร์ ขอให้ช่วยประสานเทศบาลซ่อมแซมโดยเร็ว',
    attachments: 'รูปภาพ 2 รูป ลิงก์ 0 ลิงก์',
    place: 'หน้าบ้านเลขที่ 99/1 หมู่ 3 ตำบลหนองแก๋ว อำเภอหางดง จังหวัดเชียงใหม่',
    when: formatDate('2026-11-21', 'th', { time: '21:30' }),
    contact: 'สมหญิง ใจดี, 081-234-5678, somying.jaidee@example.com',
  },
  en: {
    category: 'Public utilities and roads',
    destination: 'Damrongdham Center, Hang Dong District, Chiang Mai',
    subject: 'A large pothole in the road in front of my house',
    description: 'The road in front of my house in Hang Dong, Chiang Mai, has broken into a large pothole. Two motorcycles fell there on Saturday night. Please ask the municipality to repair it soon.',
    attachments: '2 photo(s), 0 link(s)',
    place: 'In front of house 99/1, Moo 3, Nong Kaeo subdistrict, Hang Dong district, Chiang Mai',
    when: formatDate('2026-11-21', 'en', { time: '21:30' }),
    contact: 'Somying Jaidee, 081-234-5678, somying.jaidee@example.com',
  },
};

let browser: Browser;
let service: Service;

beforeAll(async () => {
  browser = await launchChromium();
  service = await startService();
});
afterAll(async () => {
  await service?.close();
  await browser?.close();
});

function translator(lang: Lang): Translate {
  return (key, vars) => service.text(lang, key, vars);
}

function factCards(lang: Lang): Record<'summary' | 'receipt' | 'status', RenderedCard> {
  const t = translator(lang);
  const lines: SummaryLine[] = FIELDS.map((field) => ({
    field,
    label: t(`field.${field}`),
    value: VALUES[lang][field],
    editLabel: t('complaint.summary.edit', { field: t(`field.${field}`) }),
  }));
  return {
    summary: summaryCard(lang, t, lines, t('complaint.summary.confirm'), t('complaint.summary.cancel')),
    receipt: receiptCard(lang, t, { number: 'DD-2569-7K3Q9XR', destination: VALUES[lang].destination, receivedOn: formatDate('2026-11-24', lang), pin: '482913' }),
    status: statusCard(lang, t, {
      number: 'DD-2569-7K3Q9XR',
      subject: VALUES[lang].subject,
      status: t('status.in_progress'),
      responsible: VALUES[lang].destination,
      lastUpdate: formatDate('2026-11-25', lang, { time: '14:05' }),
      timeline: [
        { when: formatDate('2026-11-24', lang, { time: '10:12' }), status: t('status.received'), note: t('status.note.filed') },
        { when: formatDate('2026-11-25', lang, { time: '14:05' }), status: t('status.in_progress') },
      ],
    }),
  };
}

/** Sends a card into the page's conversation as the bot would, outside a turn (as an officer's status change is). */
async function sendCard(grant: ChatTokenResponse, rendered: RenderedCard): Promise<void> {
  await service.test.app.adapter.continueConversationAsync(
    '',
    {
      channelId: DIRECTLINE_CHANNEL,
      serviceUrl: 'directline',
      conversation: { id: grant.conversationId, isGroup: false, conversationType: 'personal', name: '' },
      user: { id: grant.userId, name: '', role: 'user' },
      bot: { ...BOT_ACCOUNT },
    },
    async (context) => {
      await context.sendActivity(cardMessage(rendered));
    },
  );
}

interface Opened {
  context: BrowserContext;
  page: Page;
  watch: PageWatch;
  cards: Record<'summary' | 'receipt' | 'status', Locator>;
}

/** The chat page in the given language, with the three fact cards sent into its conversation. */
async function openWithCards(options: typeof PHONE_320 | typeof DESKTOP, lang: Lang): Promise<Opened> {
  const context = await openContext(browser, options);
  const page = await context.newPage();
  const watch = watchPage(page, service.baseUrl);
  const grant = await openChat(page, service.baseUrl);
  // The conversation is open once the bot's greeting is on screen.
  await page.locator(WEBCHAT.activity).first().waitFor();
  if (lang === 'en') await page.locator('.bar [data-lang="en"]').click();
  const built = factCards(lang);
  const renderers = page.locator('.webchat__adaptive-card-renderer');
  const before = await renderers.count();
  for (const name of ['summary', 'receipt', 'status'] as const) await sendCard(grant, built[name]);
  await renderers.nth(before + 2).waitFor();
  const t = translator(lang);
  const card = (title: string) => page.locator('.ac-adaptiveCard').filter({ hasText: title }).last();
  return {
    context,
    page,
    watch,
    cards: { summary: card(t('complaint.summary.title')), receipt: card(t('receipt.title')), status: card(t('status.title', { number: 'DD-2569-7K3Q9XR' })) },
  };
}

async function chooseSize(page: Page, lang: Lang, size: Size): Promise<void> {
  await page.getByRole('button', { name: SIZES[size][lang === 'th' ? 0 : 1], exact: true }).click();
  // The cards are rendered again at the new size: wait until the card's text has the size's pixels.
  const px = { small: 14, medium: 16, large: 19, xlarge: 23 }[size];
  await page.waitForFunction((expected) => {
    const block = document.querySelector<PageStyled>('.ac-fact-value .ac-textBlock');
    return block !== null && getComputedStyle(block).fontSize === `${expected}px`;
  }, px);
}

/** Every text of the card is laid out whole: no word split over two lines, nothing outside the card. */
async function expectWordsWhole(card: Locator, what: string): Promise<void> {
  const texts = await renderedTexts(card);
  expect(texts.length).toBeGreaterThan(3);
  const broken = texts.filter((text) => text.brokenWords.length > 0 || text.outside.length > 0).map((text) => ({ what, text: text.text, lines: text.lines, brokenWords: text.brokenWords, outside: text.outside }));
  expect(broken).toEqual([]);
}

/** On a narrow card each fact's label stands above its value, both as wide as the card. */
async function expectLabelsAboveValues(card: Locator): Promise<void> {
  const facts = await card.locator('.ac-factset tr').evaluateAll((rows: PageRow[]) =>
    rows.map((row) => {
      const title = row.querySelector('.ac-fact-title')?.getBoundingClientRect();
      const value = row.querySelector('.ac-fact-value')?.getBoundingClientRect();
      return { above: Boolean(title && value && title.bottom <= value.top + 0.5), sameStart: Boolean(title && value && Math.abs(title.left - value.left) < 1) };
    }),
  );
  expect(facts.length).toBeGreaterThan(0);
  for (const fact of facts) expect(fact).toEqual({ above: true, sameStart: true });
}

/** A picture of one card, whole: the window is made as tall as the page needs (its width, and so the layout, stays). */
async function cardShot(page: Page, card: Locator, name: string): Promise<void> {
  const viewport = page.viewportSize();
  if (!viewport) throw new Error('No viewport');
  const height = await card.evaluate((element: PageStyled) => Math.ceil(element.getBoundingClientRect().height));
  await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height + 300) });
  await card.scrollIntoViewIfNeeded();
  await card.screenshot({ path: `${ARTIFACTS}/${name}.png` });
  await page.setViewportSize(viewport);
}

describe.each(['th', 'en'] as const)('fact cards in %s', (lang) => {
  test('on a 320-pixel phone, at each text size: no word broken, labels above values, no sideways scrolling', async () => {
    const opened = await openWithCards(PHONE_320, lang);
    try {
      for (const size of Object.keys(SIZES) as Size[]) {
        await chooseSize(opened.page, lang, size);
        for (const [name, card] of Object.entries(opened.cards)) {
          await expectWordsWhole(card, `${name} at ${size}`);
          await expectLabelsAboveValues(card);
        }
        const widths = await pageWidths(opened.page);
        expect(widths.document).toBeLessThanOrEqual(320);
        if (size === 'medium' || size === 'xlarge') {
          for (const [name, card] of Object.entries(opened.cards)) await cardShot(opened.page, card, `cards-${lang}-320-${size}-${name}`);
        }
      }
      // The receipt shows its tracking number once.
      await expect(opened.cards.receipt.innerText()).resolves.toMatch(/^[^]*DD-2569-7K3Q9XR(?![^]*DD-2569-7K3Q9XR)/);
      expect(opened.watch.consoleErrors).toEqual([]);
    } finally {
      await opened.context.close();
    }
  });

  test('on a desktop at the largest text: labels beside values, and still no word broken', async () => {
    const opened = await openWithCards(DESKTOP, lang);
    try {
      await chooseSize(opened.page, lang, 'xlarge');
      for (const [name, card] of Object.entries(opened.cards)) await expectWordsWhole(card, `${name} on a desktop`);
      const besides = await opened.cards.summary.locator('.ac-factset tr').evaluateAll((rows: PageRow[]) =>
        rows.map((row) => {
          const title = row.querySelector('.ac-fact-title')?.getBoundingClientRect();
          const value = row.querySelector('.ac-fact-value')?.getBoundingClientRect();
          return Boolean(title && value && title.right <= value.left && Math.abs(title.top - value.top) < 1);
        }),
      );
      expect(besides).toEqual(besides.map(() => true));
      await cardShot(opened.page, opened.cards.summary, `cards-${lang}-desktop-xlarge-summary`);
      expect(opened.watch.consoleErrors).toEqual([]);
    } finally {
      await opened.context.close();
    }
  });
});

/* The page-side globals the functions above touch (the project compiles for Node without the DOM library). */
interface PageRect {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
  readonly height: number;
}
interface PageStyled {
  getBoundingClientRect(): PageRect;
}
interface PageRow {
  querySelector(selector: string): PageStyled | null;
}
declare const document: { querySelector<T>(selector: string): T | null };
declare function getComputedStyle(element: PageStyled): { fontSize: string };
