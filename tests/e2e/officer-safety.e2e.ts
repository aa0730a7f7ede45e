import type { BrowserContext, Page } from 'playwright-core';
import { Chat, nextToken, watchPage } from './support/harness';
import { deskSuite, OfficerDesk, seriousAxeViolations } from './support/desk';
import { alerts, askForChiangMai, FRIDAY_19, MONDAY_09, OFFICER_PASSWORD, openCitizen, recordAlerts, shot, xssRan } from './support/officer';

/**
 * What a citizen writes is shown to officers as text, never run; and an officer sees only their own centres'
 * conversations, in the queue, live, and when asking for one by its address.
 */

/** Markup a citizen might type: as HTML it would run a script. */
const MARKUP = '<img src=x onerror="window.__xss=1">';
const SECOND_MARKUP = '<script>window.__xss=2</script><b onmouseover="window.__xss=3">ข้อมูลเพิ่มเติม</b>';

const suite = deskSuite({
  start: FRIDAY_19,
  officers: [
    { username: 'somsri', displayName: 'สมศรี ใจงาม', role: 'officer', centres: ['50'] },
    { username: 'prasert', displayName: 'ประเสริฐ ลำพูน', role: 'officer', centres: ['51'] },
  ],
  prepare: recordAlerts,
});
let citizenPage: Page;
let chiangMaiContext: BrowserContext;

beforeAll(async () => {
  citizenPage = await (await suite.context()).newPage();
});

test('markup typed by a citizen is shown as text in the queue and the conversation, and nothing runs', async () => {
  const { service } = suite;
  const t = (key: string, vars?: Readonly<Record<string, string | number>>) => service.text('th', key, vars);
  const citizenWatch = watchPage(citizenPage, service.baseUrl);
  const chat = await openCitizen(citizenPage, service);
  await askForChiangMai(chat, service);
  const when = service.test.app.handoffs.describeNextOpening('th') as string;
  await chat.botSays(t('handoff.afterHours.prompt', { closed: service.test.app.handoffs.describeClosedNow('th'), when }));
  await chat.send(MARKUP);
  await chat.botSays(t('handoff.question.recorded', { when }));
  await chat.send(SECOND_MARKUP);
  await chat.botSays(t('handoff.question.added', { when }));

  await service.moveClock(MONDAY_09);
  // On Monday the citizen is back on the chat page (its weekend-old chat token has long expired).
  await Promise.all([nextToken(citizenPage), citizenPage.reload()]);
  const officer = await suite.desk();
  chiangMaiContext = officer.page.context();
  await officer.open();
  await officer.signInToQueue('somsri', OFFICER_PASSWORD);
  const item = officer.questionItems().first();
  await item.waitFor();
  await item.getByText(MARKUP, { exact: true }).waitFor();

  await officer.openItem(item);
  await officer.message('citizen', SECOND_MARKUP).waitFor();
  await officer.message('citizen', MARKUP).getByText(MARKUP, { exact: true }).waitFor();
  // The reason in the conversation's header comes before the same words in the history.
  const reason = officer.page.getByRole('article').getByText(MARKUP, { exact: true }).first();
  await reason.waitFor();
  // None of it became an element, and no script ran (a broken image would also have been a failed request).
  await expect(officer.page.locator('img[src="x"], main script, main b').count()).resolves.toBe(0);
  await expect(seriousAxeViolations(officer.page)).resolves.toEqual([]);
  await expect(xssRan(officer.page)).resolves.toBeUndefined();
  await reason.hover();
  await officer.message('citizen', SECOND_MARKUP).hover();
  await expect(xssRan(officer.page)).resolves.toBeUndefined();
  await expect(xssRan(citizenPage)).resolves.toBeUndefined();
  await shot(officer.page, '06-markup-as-text');

  // A new message arriving live is text too.
  await officer.claim();
  await chat.send(`ขอบคุณค่ะ ${MARKUP}`);
  await officer.message('citizen', `ขอบคุณค่ะ ${MARKUP}`).waitFor();
  await expect(officer.page.locator('img[src="x"]').count()).resolves.toBe(0);
  await expect(xssRan(officer.page)).resolves.toBeUndefined();

  expect(officer.problems()).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [] });
  expect(citizenWatch.failedRequests).toEqual([]);
});

test("an officer of another centre never sees the conversation: not in the queue, not live, not by its address", async () => {
  const { service } = suite;
  const other = await suite.desk();
  await other.open();
  await other.signInToQueue('prasert', OFFICER_PASSWORD);
  await expect(other.scope().innerText()).resolves.toContain('ศูนย์ดำรงธรรมจังหวัดลำพูน (51)');
  await expect(other.allItems().count()).resolves.toBe(0);

  // While Lamphun's officer watches, the Chiang Mai conversation changes: a citizen's message, an officer's reply.
  const chiangMai = new OfficerDesk(chiangMaiContext.pages()[0], service.baseUrl);
  const id = decodeURIComponent(new URL(chiangMai.page.url()).hash.replace(/^#\/c\//, ''));
  expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
  await new Chat(citizenPage).send('ยังรออยู่นะคะ');
  await chiangMai.message('citizen', 'ยังรออยู่นะคะ').waitFor();
  await chiangMai.reply('ได้รับแล้วค่ะ กำลังตรวจสอบให้');
  // Chiang Mai's officer has had all of it live by now; Lamphun's has had nothing.
  await other.page.waitForTimeout(500);
  await expect(other.allItems().count()).resolves.toBe(0);
  await expect(alerts(other.page)).resolves.toMatchObject({ tones: 0, notifications: [] });

  // Asked for by its address, it does not exist for them.
  await other.open(`#/c/${encodeURIComponent(id)}`);
  await other.queueHeading().waitFor();
  const notFound = other.page.getByRole('alert').filter({ hasText: 'ไม่พบการสนทนานี้ หรือการสนทนานี้ไม่อยู่ในศูนย์ที่คุณรับผิดชอบ' });
  await notFound.waitFor();
  await expect(other.history().count()).resolves.toBe(0);
  await expect(other.button('รับเรื่อง', 'Claim').count()).resolves.toBe(0);
  await expect(other.replyText().count()).resolves.toBe(0);
  await expect(other.page.locator('body').innerText()).resolves.not.toContain('ยังรออยู่นะคะ');
  await shot(other.page, '07-other-centre-not-found');
  // The only failure on the page is that answer: 404, as for a conversation that does not exist.
  expect(other.problems().failedRequests).toEqual([`404 GET ${service.baseUrl}/api/officer/conversations/${id}`]);
  const api = await other.page.request.get(`${service.baseUrl}/api/officer/conversations/${id}`);
  expect(api.status()).toBe(404);
  await expect(api.json()).resolves.toEqual({ error: { code: 'not-found', message: expect.any(String) } });
  const made = await other.page.request.get(`${service.baseUrl}/api/officer/conversations/${id.slice(0, -2)}xx`);
  expect(made.status()).toBe(404);
  // Nor can they act on it.
  const { csrfToken } = (await (await other.page.request.get(`${service.baseUrl}/api/officer/session`)).json()) as { csrfToken: string };
  for (const action of ['claim', 'close']) {
    const answer = await other.page.request.post(`${service.baseUrl}/api/officer/conversations/${id}/${action}`, { headers: { 'x-csrf-token': csrfToken } });
    expect(answer.status()).toBe(404);
  }
  const reply = await other.page.request.post(`${service.baseUrl}/api/officer/conversations/${id}/messages`, { headers: { 'x-csrf-token': csrfToken }, data: { text: 'ทดสอบ' } });
  expect(reply.status()).toBe(404);
  await expect(chiangMai.message('officer', 'ทดสอบ').count()).resolves.toBe(0);
});
