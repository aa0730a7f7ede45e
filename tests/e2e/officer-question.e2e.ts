import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, nextToken, screenshot, shown, watchPage, WEBCHAT } from './support/harness';
import {
  askForChiangMai,
  createOfficer,
  FRIDAY_19,
  MONDAY_09,
  OFFICER_PASSWORD,
  OfficerApp,
  openCitizen,
  openContextFor,
  type OfficerService,
  shot,
  startOfficerService,
} from './support/officer';

/**
 * After hours: a citizen leaves a question on Friday evening and is told why officers are not in (today's hours
 * are over) and when they answer; on Monday morning an officer finds it among the questions, answers it (it is
 * then shown as answered, not as a live chat) and closes it; the citizen comes back to the chat page and finds
 * "your answer has arrived" first, then the answer. The officer works in English, and the app remembers that.
 */

const QUESTION = 'ขอสอบถามว่าการขอรับเงินช่วยเหลือผู้ประสบภัยน้ำท่วม ต้องใช้เอกสารอะไรบ้างคะ';
const ANSWER = 'ใช้สำเนาบัตรประชาชน สำเนาทะเบียนบ้าน และรูปถ่ายความเสียหาย ยื่นได้ที่ที่ว่าการอำเภอค่ะ';

let browser: Browser;
let service: OfficerService;
let citizenContext: BrowserContext;
let citizenPage: Page;
let officerPage: Page;

beforeAll(async () => {
  browser = await launchChromium();
  service = await startOfficerService(FRIDAY_19);
  await createOfficer(service, { username: 'wichai', displayName: 'วิชัย ศรีสุข', role: 'officer', centres: ['50'] });
  citizenContext = await openContextFor(browser, service);
  citizenPage = await citizenContext.newPage();
});
afterAll(async () => {
  await service?.close();
  await browser?.close();
});

test('a question left on Friday evening is answered on Monday morning, and the citizen finds the answer on return', async () => {
  const t = (key: string, vars?: Readonly<Record<string, string | number>>) => service.text('th', key, vars);
  const citizenWatch = watchPage(citizenPage, service.baseUrl);

  // Friday 19:00: officers are out. The citizen is told so, and when they will answer.
  const when = service.test.app.handoffs.describeNextOpening('th');
  expect(when).toMatch(/วันจันทร์/);
  expect(when).toMatch(/08:30 น\./);
  expect(service.test.app.handoffs.describeNextOpening('en')).toMatch(/Monday.*08:30/);
  const chat = await openCitizen(citizenPage, service);
  await askForChiangMai(chat, service);
  const closed = service.test.app.handoffs.describeClosedNow('th');
  expect(closed).toBe(t('handoff.closedNow.after', { hours: '08:30–16:30' }));
  await chat.botSays(t('handoff.afterHours.prompt', { closed, when: when as string }));
  await chat.send(QUESTION);
  await chat.botSays(t('handoff.question.recorded', { when: when as string }));
  await screenshot(citizenPage, 'officer-citizen-04-question-left');

  // Monday 09:05: an officer signs in and finds it among the questions, apart from live chats.
  await service.moveClock(MONDAY_09 + 5 * 60 * 1000);
  const officerContext = await openContextFor(browser, service);
  officerPage = await officerContext.newPage();
  const officer = new OfficerApp(officerPage, service.baseUrl);
  await officer.open();
  await officer.signInToQueue('wichai', OFFICER_PASSWORD);
  const item = officer.questionItems().first();
  await item.waitFor();
  await expect(officer.liveItems().count()).resolves.toBe(0);
  await expect(item.locator('.queue-item__reason').innerText()).resolves.toBe(QUESTION);
  // Asked on Friday at 19:00: it has waited 2 days, 14 hours and 5 minutes.
  await expect(item.locator('.waited').innerText()).resolves.toBe('รอ 2 วัน 14 ชม.');

  // In English: the app's words change, the citizen's do not; the choice is remembered.
  await officerPage.getByRole('button', { name: 'English' }).click();
  await expect(officerPage.locator('html').getAttribute('lang')).resolves.toBe('en');
  await expect(officerPage.locator('#queue-question-title').innerText()).resolves.toMatch(/^Questions left after hours\s+1$/);
  await expect(item.locator('.waited').innerText()).resolves.toBe('Waiting 2 d 14 h');
  await expect(item.innerText()).resolves.toContain('Web chat');
  await expect(item.locator('.queue-item__reason').innerText()).resolves.toBe(QUESTION);
  await officerPage.reload();
  await officer.streamOpen();
  await expect(officerPage.locator('html').getAttribute('lang')).resolves.toBe('en');
  await expect(officerPage.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).resolves.toBe('true');
  await officer.questionItems().first().waitFor();
  await shot(officerPage, '04-question-queue-en');

  // The question, claimed and answered in the citizen's language (the reply box is marked Thai), then closed.
  await officer.openItem(officer.questionItems().first());
  await officer.message('citizen', QUESTION).waitFor();
  await expect(officerPage.locator('#conversation-header').innerText()).resolves.toContain('Question left');
  await officer.claim();
  await expect(officerPage.locator('#reply-text').getAttribute('lang')).resolves.toBe('th');
  await officer.reply(ANSWER);
  await expect(officerPage.locator('.message__delivery--failed').count()).resolves.toBe(0);
  // Answered: still among the questions, marked answered, never shown as a live chat.
  await officer.questionItems().first().locator('.badge--answered').filter({ hasText: 'Answered by you' }).waitFor();
  await expect(officer.liveItems().count()).resolves.toBe(0);
  await shot(officerPage, '05-question-answered-en');
  await officerPage.locator('#close-button').click();
  await officerPage.locator('#close-confirm').click();
  await officerPage.locator('#conversation-notice').filter({ hasText: 'Conversation closed' }).waitFor();
  await officerPage.getByRole('button', { name: 'ไทย' }).click();

  // The citizen comes back to the chat page (the same browser): the answer is there.
  const [again] = await Promise.all([nextToken(citizenPage), citizenPage.reload()]);
  expect(again.resumed).toBe(true);
  await chat.botSays(t('handoff.answer.arrived', { officer: 'วิชัย ศรีสุข' }));
  await chat.botSays(ANSWER);
  await chat.botSays(t('handoff.closed'));
  // What the citizen finds after their own question: first that the answer has arrived, then the answer.
  const after = await citizenPage.locator(WEBCHAT.bubble).allInnerTexts();
  const asked = after.findIndex((text) => text.includes(QUESTION));
  const [first, second] = after.slice(asked + 2).map((text) => text.trim());
  expect(first).toMatch(shown(t('handoff.answer.arrived', { officer: 'วิชัย ศรีสุข' })));
  expect(second).toMatch(shown(ANSWER));
  expect(after.join('\n')).not.toContain(t('handoff.claimed', { officer: 'วิชัย ศรีสุข' }));
  await screenshot(citizenPage, 'officer-citizen-05-answer-on-return');

  expect(officer.problems()).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [] });
  expect(citizenWatch.consoleErrors).toEqual([]);
  expect(citizenWatch.failedRequests).toEqual([]);
});
