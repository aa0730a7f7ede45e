import type { Page } from 'playwright-core';
import { cannedReply } from '../../lib/content/cannedText';
import { contrastRatio, drawJpeg, imageState, loadedSarabunWeights, screenshot, watchPage, WEBCHAT } from './support/harness';
import { deskSuite, type OfficerDesk, seriousAxeViolations, style } from './support/desk';
import { alerts, askForChiangMai, eventually, OFFICER_PASSWORD, openCitizen, recordAlerts, shot, TUESDAY_10 } from './support/officer';

/**
 * In office hours: a citizen on the chat page asks for an officer of their centre; an officer of that centre,
 * signed in to the officer app in another browser, sees the request arrive live, claims it, answers with text,
 * a canned answer, an image and a link, and closes; the citizen sees every answer, is told, and is back with
 * the bot.
 */

const CHIANG_MAI = 'ศูนย์ดำรงธรรมจังหวัดเชียงใหม่';
const OFFICER_NAME = 'สมศรี ใจงาม';

const suite = deskSuite({
  start: TUESDAY_10,
  officers: [{ username: 'somsri', displayName: OFFICER_NAME, role: 'officer', centres: ['50'] }],
  prepare: recordAlerts,
});

let officer: OfficerDesk;
let officerPage: Page;
let citizenPage: Page;

beforeAll(async () => {
  officer = await suite.desk();
  officerPage = officer.page;
  citizenPage = await (await suite.context()).newPage();
});

test('a live chat: queued, seen live, claimed, answered with text, canned answer, image and link, closed; the bot takes over', async () => {
  const { service } = suite;
  const t = (key: string, vars?: Readonly<Record<string, string | number>>) => service.text('th', key, vars);
  const streams: string[] = [];
  officerPage.on('websocket', (socket) => streams.push(socket.url()));

  // The officer signs in; their queue is empty.
  await officer.open();
  await officer.signInToQueue('somsri', OFFICER_PASSWORD);
  await expect(officer.allItems().count()).resolves.toBe(0);
  await expect(officer.liveList().innerText()).resolves.toBe('ไม่มีผู้รอคุย');
  await expect(officer.scope().innerText()).resolves.toContain(`${CHIANG_MAI} (50)`);
  // The header names the officer and their role once.
  await expect(officerPage.getByRole('banner').getByText(`${OFFICER_NAME} · เจ้าหน้าที่`, { exact: true }).count()).resolves.toBe(1);
  await expect(seriousAxeViolations(officerPage)).resolves.toEqual([]);
  // Desktop notifications are asked for from a button, never on load.
  await expect(alerts(officerPage)).resolves.toMatchObject({ permissionAsked: 0 });
  await officer.button('เปิดการแจ้งเตือน', 'Turn on notifications').click();
  await expect(alerts(officerPage)).resolves.toMatchObject({ permissionAsked: 1 });
  await officer.button('เปิดการแจ้งเตือน', 'Turn on notifications').waitFor({ state: 'hidden' });
  // A mark that a reload would wipe: the request must arrive without one.
  await officerPage.evaluate(() => {
    (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
  });

  // The citizen asks for an officer, picks the centre and is told their place in the queue.
  const citizenWatch = watchPage(citizenPage, service.baseUrl);
  const chat = await openCitizen(citizenPage, service);
  await askForChiangMai(chat, service, 'ขอคุยกับเจ้าหน้าที่เรื่องถนนชำรุด');
  await chat.botSays(t('handoff.queued', { centre: CHIANG_MAI, position: 1, estimate: t('handoff.estimate.unknown') }));

  // It arrives on the officer's screen live, under live chats, with its reason, channel, language and wait.
  const item = officer.liveItems().first();
  await item.waitFor();
  await expect(officerPage.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).resolves.toBe(true);
  await expect(officer.questionItems().count()).resolves.toBe(0);
  const itemText = await item.innerText();
  for (const shownText of ['ขอคุยกับเจ้าหน้าที่เรื่องถนนชำรุด', 'รอเจ้าหน้าที่', 'รอ ไม่ถึง 1 นาที', CHIANG_MAI, 'เว็บแชต', 'ภาษาไทย']) expect(itemText).toContain(shownText);
  await expect(officerPage.getByRole('heading', { name: 'แชตสด 1', level: 3 }).count()).resolves.toBe(1);
  // A short sound (two tones), a desktop notification and an announcement for screen readers.
  await officerPage.waitForFunction(() => (window as unknown as { __tones: number }).__tones >= 2);
  const heard = await alerts(officerPage);
  expect(heard.tones).toBe(2);
  expect(heard.notifications).toEqual([{ title: 'ประชาชนรอคุยกับเจ้าหน้าที่', body: `${CHIANG_MAI} — ขอคุยกับเจ้าหน้าที่เรื่องถนนชำรุด` }]);
  await expect(officer.announcement().innerText()).resolves.toBe(`ประชาชนรอคุยกับเจ้าหน้าที่: ${CHIANG_MAI}`);
  // The styles are applied, and what they colour is readable (WCAG AA).
  const badge = item.getByText('รอเจ้าหน้าที่', { exact: true });
  expect(contrastRatio(await style(badge, 'color'), await style(badge, 'backgroundColor'))).toBeGreaterThanOrEqual(4.5);
  await expect(loadedSarabunWeights(officerPage)).resolves.toEqual(expect.arrayContaining(['400', '700']));
  await shot(officerPage, '01-queue-live-item');

  // Twelve minutes later the waiting time reads 12 minutes, without a reload. The jump also silences the stream
  // for longer than its pings allow: the app reconnects and fetches the queue again.
  const later = service.clock.now() + 12 * 60 * 1000;
  service.clock.set(later);
  await citizenPage.context().clock.setSystemTime(later);
  await officerPage.context().clock.fastForward(12 * 60 * 1000);
  await item.getByText('รอ 12 นาที').waitFor();
  await officerPage.waitForFunction(() => document.documentElement.getAttribute('data-stream') === 'open');
  await eventually(() => streams.filter((url) => url.endsWith('/api/officer/stream')).length, (count) => count >= 2, 'a second stream socket');
  await expect(officer.liveItems().count()).resolves.toBe(1);

  // The conversation: what the bot and the citizen said before the request, then the claim.
  await officer.openItem(item);
  await officer.message('citizen', 'ขอคุยกับเจ้าหน้าที่เรื่องถนนชำรุด').first().waitFor();
  await officer.message('bot', t('handoff.destination.prompt')).waitFor();
  await officer.message('system', `ประชาชนขอคุยกับเจ้าหน้าที่ (แชตสด): ${CHIANG_MAI} (50)`).waitFor();
  await officerPage.getByText('กด “รับเรื่อง” ก่อนจึงจะตอบประชาชนได้').waitFor();
  await expect(seriousAxeViolations(officerPage)).resolves.toEqual([]);
  await officer.claim();
  await chat.botSays(t('handoff.claimed', { officer: OFFICER_NAME }));
  // The history notes who claimed it, live, without a reload.
  await officer.message('system', `${OFFICER_NAME} รับเรื่อง`).waitFor();
  await item.getByText('คุยอยู่กับคุณ').waitFor();

  // The citizen writes; the officer sees it at once.
  await chat.send('ถนนหน้าบ้านเป็นหลุมลึกค่ะ ช่วยดูให้หน่อย');
  await officer.message('citizen', 'ถนนหน้าบ้านเป็นหลุมลึกค่ะ ช่วยดูให้หน่อย').waitFor();
  // And a photo: the officer sees it as an image, loaded from the service.
  const pothole = await drawJpeg(citizenPage, 400, 300);
  await chat.attachPhoto('หลุม.jpg', pothole);
  const citizenPhoto = officer.message('citizen', /.*/).getByRole('img').last();
  await citizenPhoto.waitFor();
  await eventually(() => imageState(citizenPhoto), (state) => state.complete && state.naturalWidth > 0, 'the citizen photo to load for the officer');
  await expect(imageState(citizenPhoto)).resolves.toEqual({ naturalWidth: 400, naturalHeight: 300, complete: true });
  expect(new URL((await citizenPhoto.getAttribute('src')) ?? '').origin).toBe(service.baseUrl);

  // A canned answer fills the reply box in the conversation's language (Thai).
  const greeting = service.test.app.content.canned().find((answer) => answer.id === 'greeting');
  if (!greeting) throw new Error('The seed has no "greeting" canned answer');
  await officerPage.getByLabel('คำตอบสำเร็จรูป').selectOption({ label: greeting.title.th });
  await officer.button('ใส่ในช่องข้อความ', 'Put in the message box').click();
  // The officer has not chosen a polite ending: the ค่ะ form, as before answers came in two forms.
  const greetingText = cannedReply(greeting, 'th', undefined);
  await expect(officer.replyText().inputValue()).resolves.toBe(greetingText);
  await officer.sendButton().click();
  await officer.message('officer', greetingText).waitFor();
  await chat.botSays(greetingText);

  // Text, typed and sent with Ctrl+Enter.
  await officer.replyText().fill('ขอบคุณค่ะ เจ้าหน้าที่จะประสานกับเทศบาลให้นะคะ');
  await officer.replyText().press('Control+Enter');
  await officer.message('officer', 'ขอบคุณค่ะ เจ้าหน้าที่จะประสานกับเทศบาลให้นะคะ').waitFor();
  await chat.botSays('ขอบคุณค่ะ เจ้าหน้าที่จะประสานกับเทศบาลให้นะคะ');

  // An image, with a line of text: the officer sees it as an image; so does the citizen.
  const photo = await drawJpeg(officerPage, 320, 240);
  await officer.replyWithImage('ตัวอย่างภาพ.jpg', photo, 'ถ่ายภาพแบบนี้ส่งมาได้เลยค่ะ');
  const officerImage = officer.message('officer', /.*/).getByRole('img').last();
  await eventually(() => imageState(officerImage), (state) => state.complete && state.naturalWidth > 0, 'the photo to load for the officer');
  await expect(imageState(officerImage)).resolves.toEqual({ naturalWidth: 320, naturalHeight: 240, complete: true });
  const citizenImage = citizenPage.locator(`${WEBCHAT.transcriptImage}[src*="/files/"]`).last();
  await citizenImage.waitFor();
  await eventually(() => imageState(citizenImage), (state) => state.complete && state.naturalWidth > 0, 'the photo to load on the citizen page');
  await expect(imageState(citizenImage)).resolves.toEqual({ naturalWidth: 320, naturalHeight: 240, complete: true });
  await officer.message('officer', 'ถ่ายภาพแบบนี้ส่งมาได้เลยค่ะ').waitFor();
  await chat.botSays('ถ่ายภาพแบบนี้ส่งมาได้เลยค่ะ');

  // A link: a link in the history that opens elsewhere without telling it where it came from.
  await officer.replyText().fill('ดูขั้นตอนได้ที่เว็บไซต์ศูนย์ค่ะ');
  await officerPage.getByLabel('ลิงก์ (ถ้ามี)').fill('https://www.damrongdham.moi.go.th/');
  await officer.sendButton().click();
  const link = officer.message('officer', 'ดูขั้นตอนได้ที่เว็บไซต์ศูนย์ค่ะ').getByRole('link', { name: 'https://www.damrongdham.moi.go.th/' });
  await link.waitFor();
  await expect(link.getAttribute('rel')).resolves.toBe('noopener noreferrer');
  await expect(link.getAttribute('target')).resolves.toBe('_blank');
  const citizenLink = chat.bubbles('ดูขั้นตอนได้ที่เว็บไซต์ศูนย์ค่ะ').locator('a[href="https://www.damrongdham.moi.go.th/"]');
  await citizenLink.waitFor();
  // Markup an officer types reaches the citizen as the characters typed, not as markup.
  await officer.replyText().fill('กรอกแบบฟอร์ม <b>ข้อ 1.</b> **ก่อน** นะคะ');
  await officer.sendButton().click();
  await chat.botSays('กรอกแบบฟอร์ม <b>ข้อ 1.</b> **ก่อน** นะคะ');
  await officer.message('officer', 'กรอกแบบฟอร์ม <b>ข้อ 1.</b> **ก่อน** นะคะ').waitFor();
  await expect(officerPage.getByRole('note').filter({ hasText: 'ส่งไม่ถึงประชาชน' }).count()).resolves.toBe(0);
  // History and reply box are in view together.
  await expect(officer.history().isVisible()).resolves.toBe(true);
  await expect(officer.replyText().isVisible()).resolves.toBe(true);
  await expect(seriousAxeViolations(officerPage)).resolves.toEqual([]);
  await shot(officerPage, '02-conversation-replies');

  // The officer closes: the citizen is told, the menu comes back, and the bot answers again.
  await officer.close();
  await chat.botSays(t('handoff.closed'));
  await chat.botSays(t('menu.anythingElse'));
  await chat.send('ร้องเรียนต้องเสียเงินไหม');
  await chat.botSays('การร้องเรียนและขอความช่วยเหลือที่ศูนย์ดำรงธรรมไม่มีค่าใช้จ่ายใด ๆ');
  // The officer's queue is empty again; the closed conversation offers no more actions.
  await eventually(() => officer.allItems().count(), (count) => count === 0, 'the queue to empty');
  for (const [th, en] of [['รับเรื่อง', 'Claim'], ['ปิดการสนทนา', 'Close the conversation']]) await expect(officer.button(th, en).count()).resolves.toBe(0);
  await expect(officer.replyText().count()).resolves.toBe(0);
  await expect(officerPage.getByRole('definition').filter({ hasText: 'ปิดแล้ว' }).count()).resolves.toBe(1);
  await officer.message('system', `${OFFICER_NAME} ปิดการสนทนา`).waitFor();
  await shot(officerPage, '03-closed');
  // Opened again later (a bookmark, a reload), the closed conversation is not offered to be claimed again.
  await officerPage.reload();
  await officer.conversationHeading().waitFor();
  await officer.message('officer', 'ขอบคุณค่ะ เจ้าหน้าที่จะประสานกับเทศบาลให้นะคะ').waitFor();
  await expect(officer.button('รับเรื่อง', 'Claim').count()).resolves.toBe(0);

  expect(officer.problems()).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [] });
  expect(citizenWatch.consoleErrors).toEqual([]);
  expect(citizenWatch.failedRequests).toEqual([]);
  expect(citizenWatch.foreignRequests).toEqual([]);
});

test("a citizen writing in English: the officer sees the language, and canned answers go in English", async () => {
  const { service } = suite;
  const en = (key: string, vars?: Readonly<Record<string, string | number>>) => service.text('en', key, vars);
  const page = await (await suite.context()).newPage();
  const chat = await openCitizen(page, service, 'en');
  await chat.send('talk to an officer');
  await chat.botSays(en('handoff.destination.prompt'));
  await chat.send('Chiang Mai');
  await chat.botSays(en('handoff.destination.confirm', { name: 'Chiang Mai Provincial Damrongdham Center' }));
  await chat.tapCardButton(en('common.yes'));
  await chat.botSays(en('handoff.queued', { centre: 'Chiang Mai Provincial Damrongdham Center', position: 1, estimate: en('handoff.estimate.unknown') }));

  const item = officer.liveItems().filter({ hasText: 'talk to an officer' });
  await item.waitFor();
  await expect(item.innerText()).resolves.toContain('ภาษาอังกฤษ');
  await officer.openItem(item);
  await officer.claim();
  await expect(officer.replyText().getAttribute('lang')).resolves.toBe('en');
  await officerPage.getByText('ใส่เป็นภาษาอังกฤษ ตามภาษาของประชาชน').waitFor();
  const checking = service.test.app.content.canned().find((answer) => answer.id === 'checking');
  if (!checking) throw new Error('The seed has no "checking" canned answer');
  // The list is in the officer's language; what goes in the box is in the citizen's.
  await officerPage.getByLabel('คำตอบสำเร็จรูป').selectOption({ label: checking.title.th });
  await officer.button('ใส่ในช่องข้อความ', 'Put in the message box').click();
  await expect(officer.replyText().inputValue()).resolves.toBe(checking.text.en);
  await officer.sendButton().click();
  await chat.botSays(checking.text.en);
  await officer.close();
  await chat.botSays(en('handoff.closed'));
});

test('the officer page is served with its strict policy, its hashed files cached for good, and nothing else can be asked of it', async () => {
  const { service } = suite;
  const page = await fetch(`${service.baseUrl}/officer`);
  expect(page.status).toBe(200);
  const csp = page.headers.get('content-security-policy') ?? '';
  for (const directive of ["default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'self'", "frame-ancestors 'none'"]) expect(csp).toContain(directive);
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  const html = await page.text();
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/);
  expect(html).not.toMatch(/\sstyle=|<style/);
  const assets = [...html.matchAll(/(?:src|href)="(\/officer\/assets\/[^"]+)"/g)].map((match) => match[1]);
  expect(assets.length).toBeGreaterThanOrEqual(2);
  for (const route of assets) {
    const asset = await fetch(`${service.baseUrl}${route}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
  }
  for (const route of ['/officer/index.html', '/officer/officer.js', '/officer/routes.ts', '/officer/../package.json', '/officer/assets/../../package.json', '/officer/.vite/manifest.json', '/officer/assets/missing.js']) {
    expect((await fetch(`${service.baseUrl}${route}`)).status).toBe(404);
  }
});

/** The page-side globals the evaluated functions touch (the project compiles without the DOM library). */
declare const window: object;
declare const document: { documentElement: { getAttribute(name: string): string | null } };
