import type { Page } from 'playwright-core';
import { nextToken, screenshot, shown, watchPage, WEBCHAT } from './support/harness';
import { deskSuite, type OfficerDesk, seriousAxeViolations } from './support/desk';
import { askForChiangMai, FRIDAY_19, MONDAY_09, OFFICER_PASSWORD, openCitizen, shot } from './support/officer';

/**
 * After hours: a citizen leaves a question on Friday evening and is told why officers are not in (today's hours
 * are over) and when they answer; on Monday morning an officer finds it among the questions, answers it (it is
 * then shown as answered, not as a live chat) and closes it; the citizen comes back to the chat page and finds
 * "your answer has arrived" first, then the answer. The officer works in English, and the app remembers that.
 */

const QUESTION = 'ขอสอบถามว่าการขอรับเงินช่วยเหลือผู้ประสบภัยน้ำท่วม ต้องใช้เอกสารอะไรบ้างคะ';
const ANSWER = 'ใช้สำเนาบัตรประชาชน สำเนาทะเบียนบ้าน และรูปถ่ายความเสียหาย ยื่นได้ที่ที่ว่าการอำเภอค่ะ';

const suite = deskSuite({ start: FRIDAY_19, officers: [{ username: 'wichai', displayName: 'วิชัย ศรีสุข', role: 'officer', centres: ['50'] }] });
let citizenPage: Page;
let officerPage: Page;

beforeAll(async () => {
  citizenPage = await (await suite.context()).newPage();
});

test('a question left on Friday evening is answered on Monday morning, and the citizen finds the answer on return', async () => {
  const { service } = suite;
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
  const officer: OfficerDesk = await suite.desk();
  officerPage = officer.page;
  await officer.open();
  await officer.signInToQueue('wichai', OFFICER_PASSWORD);
  const item = officer.questionItems().first();
  await item.waitFor();
  await expect(officer.liveItems().count()).resolves.toBe(0);
  await item.getByText(QUESTION, { exact: true }).waitFor();
  // Asked on Friday at 19:00: it has waited 2 days, 14 hours and 5 minutes.
  await item.getByText('รอ 2 วัน 14 ชม.', { exact: true }).waitFor();
  await expect(seriousAxeViolations(officerPage)).resolves.toEqual([]);

  // In English: the app's words change, the citizen's do not; the choice is remembered.
  await officerPage.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(officerPage.locator('html').getAttribute('lang')).resolves.toBe('en');
  await officerPage.getByRole('heading', { level: 3, name: 'Questions left after hours 1' }).waitFor();
  await item.getByText('Waiting 2 d 14 h', { exact: true }).waitFor();
  await expect(item.innerText()).resolves.toContain('Web chat');
  await item.getByText(QUESTION, { exact: true }).waitFor();
  await officerPage.reload();
  await officer.streamOpen();
  await expect(officerPage.locator('html').getAttribute('lang')).resolves.toBe('en');
  await expect(officerPage.getByRole('button', { name: 'EN', exact: true }).getAttribute('aria-pressed')).resolves.toBe('true');
  await officer.questionItems().first().waitFor();
  await shot(officerPage, '04-question-queue-en');

  // The question, claimed and answered in the citizen's language (the reply box is marked Thai), then closed.
  await officer.openItem(officer.questionItems().first());
  await officer.message('citizen', QUESTION).waitFor();
  await officerPage.getByRole('definition').filter({ hasText: 'Question left' }).waitFor();
  await officer.claim();
  await expect(officer.replyText().getAttribute('lang')).resolves.toBe('th');
  await officer.reply(ANSWER);
  await expect(officerPage.getByRole('note').count()).resolves.toBe(0);
  // Answered: still among the questions, marked answered, never shown as a live chat.
  await officer.questionItems().first().getByText('Answered by you', { exact: true }).waitFor();
  await expect(officer.liveItems().count()).resolves.toBe(0);
  await shot(officerPage, '05-question-answered-en');
  await officer.close();
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
