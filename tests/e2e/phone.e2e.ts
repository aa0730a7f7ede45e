import type { Locator } from 'playwright-core';
import { chatSuite, expectNothingWrong, openGreeted } from './support/citizen';
import { computed, openContext, pageWidths, PHONE, screenshot, WEBCHAT } from './support/harness';

/** The page on a phone (390×844, touch): no sideways scrolling, the send box in view, buttons a finger can hit. */

const TOUCH = 44;

const suite = chatSuite(PHONE);

async function expectFitsTheScreen(): Promise<void> {
  const { page } = suite;
  const widths = await pageWidths(page);
  expect(widths.window).toBe(390);
  expect(widths.document).toBeLessThanOrEqual(widths.window);
  expect(widths.body).toBeLessThanOrEqual(widths.window);
  const sendBox = await page.locator(WEBCHAT.sendBox).boundingBox();
  expect(sendBox).not.toBeNull();
  if (!sendBox) return;
  expect(sendBox.y).toBeGreaterThan(0);
  expect(sendBox.y + sendBox.height).toBeLessThanOrEqual(844);
  expect(sendBox.x + sendBox.width).toBeLessThanOrEqual(390);
  await expect(page.locator(WEBCHAT.uploadButton).isVisible()).resolves.toBe(true);
}

/** Every visible element the locator finds is at least 44×44 CSS pixels (or 44 high, for full-width ones). */
async function expectTouchSized(locator: Locator, what: string): Promise<void> {
  const count = await locator.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i += 1) {
    const box = await locator.nth(i).boundingBox();
    if (!box) continue;
    const label = `${what} "${(await locator.nth(i).innerText()).trim() || (await locator.nth(i).getAttribute('aria-label'))}"`;
    expect({ label, tall: box.height >= TOUCH - 0.5, wide: box.width >= TOUCH - 0.5 }).toEqual({ label, tall: true, wide: true });
  }
}

test('a phone shows the whole page without sideways scrolling, at medium and at extra large text', async () => {
  const { page, service } = suite;
  const { chat } = await openGreeted(page, service);
  await expectFitsTheScreen();
  await expectTouchSized(page.locator('.bar button, .bar a'), 'header control');
  // The menu is shown once: its card's buttons, with no suggested actions repeating them below.
  await expect(page.locator(WEBCHAT.suggestedAction).count()).resolves.toBe(0);
  await expectTouchSized(page.locator(WEBCHAT.cardButton), 'card button');
  // Form controls do not inherit fonts by themselves: card buttons must still be in Sarabun, or Thai may not show.
  expect(await computed(page, WEBCHAT.cardButton, 'font-family')).toMatch(/^Sarabun, "Noto Sans Thai"/);
  await screenshot(page, '09-phone-menu');

  await page.getByRole('button', { name: 'ตัวอักษรใหญ่พิเศษ' }).tap();
  await chat.tapCardButton(service.text('th', 'menu.file'));
  await chat.botSays(service.text('th', 'complaint.category.prompt'));
  await expectFitsTheScreen();
  await expectTouchSized(page.locator(WEBCHAT.cardButton), 'card button');
  await screenshot(page, '10-phone-extra-large-categories');

  // A category tapped, a centre typed and sent with the send button: the answer arrives in view.
  const utilities = service.test.app.content.category('utilities');
  await chat.tapCardButton(utilities?.label.th ?? 'missing category');
  await chat.botSays(service.text('th', 'complaint.destination.prompt'));
  await chat.sendByTapping('เชียงใหม่');
  await chat.botSays(service.text('th', 'complaint.destination.confirm', { name: 'ศูนย์ดำรงธรรมจังหวัดเชียงใหม่' }));
  await expectFitsTheScreen();
  await screenshot(page, '11-phone-typed-answer');

  expectNothingWrong(suite.watch);
});

test('a question left for officers, then the page switched to English: a request typed in English is answered in English, and the question stays', async () => {
  const { browser, service } = suite;
  const th = (key: string, vars?: Readonly<Record<string, string | number>>) => service.text('th', key, vars);
  const en = (key: string) => service.text('en', key);
  // A conversation of its own, as a citizen opening the page afresh on another phone.
  const context = await openContext(browser, PHONE);
  try {
    const page = await context.newPage();
    const { chat } = await openGreeted(page, service);
    const centre = 'ศูนย์ดำรงธรรมอำเภอหางดง';
    await chat.sendByTapping('ขอคุยกับเจ้าหน้าที่');
    await chat.botSays(th('handoff.destination.prompt'));
    await chat.sendByTapping('หางดง');
    await chat.botSays(th('handoff.destination.confirm', { name: centre }));
    await chat.tapCardButton(th('common.yes'));
    // Hang Dong's centre has no officer accounts: a question is left for officers.
    await chat.botSays(th('handoff.unstaffed.prompt', { centre }));
    await chat.sendByTapping('อยากทราบว่าจะมีคนมาซ่อมถนนเมื่อไหร่คะ');
    await chat.botSays(th('handoff.question.recordedSoon'));
    await page.getByRole('group', { name: 'ภาษาของหน้านี้' }).getByRole('button', { name: 'English' }).tap();
    await chat.botSays(en('language.set'));
    await chat.sendByTapping('how do i track my complaint');
    await chat.botSays(en('handoff.question.kept'));
    await chat.botSays('How can I follow up on my complaint?');
    await expect(chat.bubbles(th('handoff.question.addedSoon')).count()).resolves.toBe(0);
    await expect(chat.bubbles(en('handoff.question.addedSoon')).count()).resolves.toBe(0);
  } finally {
    await context.close();
  }
});
