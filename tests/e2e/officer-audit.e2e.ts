import type { Page } from 'playwright-core';
import { AUDIT_ACTIONS, AUDIT_COLLECTION, type AuditEntry } from '../../lib/audit';
import { generateTrackingNumber } from '../../lib/complaints/trackingNumber';
import { shortKey } from '../../handoff/web/src/logic/audit';
import { deskSuite, OFFICER_PATH, type OfficerDesk, seriousAxeViolations } from './support/desk';
import { askForChiangMai, eventually, focusedId, OFFICER_PASSWORD, openCitizen, shot, storedAuditLog, TUESDAY_10, xssRan } from './support/officer';

/**
 * The audit log screen (#/audit), for admins: an officer signs in, opens a citizen's request, claims it and
 * replies; an admin reads it all, newest first, in words, with the officer's name; filters by officer and by
 * what was acted on; opens the conversation from the log; pages back with "Load more". An officer has no such
 * screen. What the log holds (usernames typed at sign-in, codes) is shown as text.
 */

const OFFICER_NAME = 'สมศรี ใจงาม';
const ADMIN_NAME = 'วิไล ผู้ดูแล';
const REASON = 'ขอคุยกับเจ้าหน้าที่เรื่องไฟถนนดับ';
const REPLY = 'สวัสดีค่ะ เจ้าหน้าที่รับเรื่องไฟถนนดับแล้วนะคะ';
/** The service's clock runs from Tuesday 24 November 2026, 10:00: every entry of this suite is within those minutes. */
const TIME_TH = /^24 พ\.ย\. 2569 10:\d\d$/;
const TIME_EN = /^24 Nov 2026, 10:\d\d$/;
const MARKUP_USERNAME = '<img src=x onerror="window.__xss=1">';

const suite = deskSuite({
  start: TUESDAY_10,
  officers: [
    { username: 'somsri', displayName: OFFICER_NAME, role: 'officer', centres: ['50'] },
    { username: 'kanya', displayName: 'กัญญา ศรีสุข', role: 'officer', centres: ['51'] },
    { username: 'wilai', displayName: ADMIN_NAME, role: 'admin', centres: [] },
  ],
});
/* What the first test leaves for the next: the officer's app, the admin's, and the conversation between them. */
let officer: OfficerDesk;
let admin: OfficerDesk;
let conversationId = '';

/** The log's table and its rows with cells (the header row has none), by role and name. */
const table = (page: Page) => page.getByRole('table', { name: /^(บันทึกการใช้งาน|Audit log)$/ });
const bodyRows = (page: Page) => table(page).getByRole('row').filter({ has: page.getByRole('cell') });

/** The rows' cells' texts (time, who, what, target, details). */
function auditRows(page: Page): Promise<string[][]> {
  return bodyRows(page).evaluateAll((rows) =>
    rows.map((row) => (Array.from(row.querySelectorAll('td')) as Array<{ textContent: string | null }>).map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim())),
  );
}

/** The entries' ids, top to bottom (what the rows stand for; not shown). */
function auditRowIds(page: Page): Promise<string[]> {
  return bodyRows(page).evaluateAll((rows) => rows.map((row) => row.getAttribute('data-id') ?? ''));
}

const moreButton = (page: Page) => page.getByRole('button', { name: /^(โหลดเพิ่ม|Load more)$/ });
const count = (page: Page) => page.getByRole('status').filter({ hasText: /^(แสดง \d+ รายการ|\d+ entries shown)$/ });
const empty = (page: Page) => page.getByText(/^(ไม่มีรายการ|No entries)$/);

async function signedIn(username: string): Promise<OfficerDesk> {
  const { service } = suite;
  const app = await suite.desk();
  await app.open();
  await app.signInToQueue(username, OFFICER_PASSWORD);
  return app;
}

async function accountId(username: string): Promise<string> {
  const account = (await suite.service.test.app.officers.list()).find((candidate) => candidate.username === username);
  if (!account) throw new Error(`No account ${username}`);
  return account._id;
}

/** Every entry the service holds, newest first (fewer than 200 in this suite). */
function stored(filter: { actor?: string } = {}): Promise<AuditEntry[]> {
  return storedAuditLog(suite.service).recent(filter, 200);
}

/** Applies the filters as typed and waits for the entries (or the empty state) to replace the loading line. */
async function applyFilters(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^(แสดงรายการ|Show entries)$/ }).click();
  await table(page).or(empty(page)).or(page.getByRole('main').getByRole('alert')).first().waitFor();
}

/** The conversation's key, as the log names it: the app's id is that key in base64url. */
function keyOf(id: string): string {
  return Buffer.from(id, 'base64url').toString('utf8');
}

test("an admin reads an officer's sign-in, view, claim and reply in words, newest first; filters by officer and by target; opens the conversation from the log; in English too", async () => {
  const { service } = suite;
  officer = await signedIn('somsri');
  const citizenPage = await (await suite.context()).newPage();
  const chat = await openCitizen(citizenPage, service);
  await askForChiangMai(chat, service, REASON);
  const item = officer.liveItems().first();
  await item.waitFor();
  conversationId = await officer.openItem(item);
  await officer.claim();
  await officer.reply(REPLY);
  const key = keyOf(conversationId);
  const somsriId = await accountId('somsri');
  const wilaiId = await accountId('wilai');

  admin = await signedIn('wilai');
  const page = admin.page;
  const link = page.getByRole('link', { name: 'บันทึกการใช้งาน', exact: true });
  await link.click();
  await bodyRows(page).first().waitFor();
  expect(new URL(page.url()).hash).toBe('#/audit');
  await expect(link.getAttribute('aria-current')).resolves.toBe('page');
  await expect(focusedId(page)).resolves.toBe('audit-title');
  await page.getByRole('heading', { level: 2, name: 'บันทึกการใช้งาน' }).waitFor();
  // The queue stays in view beside the table, narrower.
  const queueWidth = await page.getByRole('region', { name: 'คิวงาน' }).evaluate((element) => element.getBoundingClientRect().width);
  expect(queueWidth).toBeLessThanOrEqual(17 * 16 + 1);
  await expect(seriousAxeViolations(page)).resolves.toEqual([]);

  // Newest first: the admin's own sign-in, then the officer's reply, claim, view of the conversation and sign-in.
  await expect(table(page).getByRole('columnheader').allInnerTexts()).resolves.toEqual(['เวลา', 'ผู้ใช้งาน', 'การกระทำ', 'เป้าหมาย', 'รายละเอียด']);
  const rows = await auditRows(page);
  expect(rows.map((cells) => cells.slice(1))).toEqual([
    [ADMIN_NAME, 'เข้าสู่ระบบ', `${ADMIN_NAME} (wilai)`, ''],
    [OFFICER_NAME, 'ตอบประชาชน', shortKey(key), ''],
    [OFFICER_NAME, 'รับเรื่อง', shortKey(key), ''],
    [OFFICER_NAME, 'เปิดดูการสนทนา', shortKey(key), ''],
    [OFFICER_NAME, 'เข้าสู่ระบบ', `${OFFICER_NAME} (somsri)`, ''],
  ]);
  // Date and time in Thai, the year in the Buddhist era; the machine-readable instant is the entry's.
  for (const cells of rows) expect(cells[0]).toMatch(TIME_TH);
  const entries = await stored();
  await expect(auditRowIds(page)).resolves.toEqual(entries.map((entry) => entry._id));
  // Sign-ins are logged against the account's id; the screen names the account instead.
  expect([entries[0].target, entries[4].target]).toEqual([wilaiId, somsriId]);
  await expect(bodyRows(page).locator('time').evaluateAll((times) => times.map((time) => time.getAttribute('datetime')))).resolves.toEqual(
    entries.map((entry) => new Date(entry.at).toISOString()),
  );
  // A conversation's entries link to it, as the queue does; the others are text.
  const conversationLinks = table(page).getByRole('link');
  await expect(conversationLinks.count()).resolves.toBe(3);
  await expect(conversationLinks.evaluateAll((links) => links.map((anchor) => anchor.getAttribute('href')))).resolves.toEqual(Array(3).fill(`#/c/${encodeURIComponent(conversationId)}`));
  // A conversation's key is shortened, on one line (never broken mid-id), the whole key in its title.
  expect(shortKey(key)).not.toBe(key);
  await expect(conversationLinks.evaluateAll((links) => links.map((anchor) => anchor.getAttribute('title')))).resolves.toEqual(Array(3).fill(key));
  await expect(conversationLinks.first().evaluate((anchor) => anchor.getClientRects().length)).resolves.toBe(1);
  await expect(count(page).innerText()).resolves.toBe('แสดง 5 รายการ');
  // Fewer than a page: nothing more to load.
  await expect(moreButton(page).count()).resolves.toBe(0);
  await shot(page, '24-audit-log');

  // The officers to filter by: everyone, each account by name and username, the system and unknown users.
  const actor = page.getByLabel('ผู้ใช้งาน', { exact: true });
  await expect(actor.locator('option').allInnerTexts()).resolves.toEqual(['ทุกคน', 'กัญญา ศรีสุข (kanya)', 'วิไล ผู้ดูแล (wilai)', 'สมศรี ใจงาม (somsri)', 'ระบบ', 'ไม่ระบุตัวตน']);
  await actor.selectOption({ label: 'สมศรี ใจงาม (somsri)' });
  await applyFilters(page);
  await expect(auditRows(page).then((shown) => shown.map((cells) => cells[2]))).resolves.toEqual(['ตอบประชาชน', 'รับเรื่อง', 'เปิดดูการสนทนา', 'เข้าสู่ระบบ']);
  await expect(auditRows(page).then((shown) => shown.every((cells) => cells[1] === OFFICER_NAME))).resolves.toBe(true);
  await expect(moreButton(page).count()).resolves.toBe(0);
  // Screen readers are told how many entries the filter found.
  await admin.announcement().filter({ hasText: /^แสดง 4 รายการ$/ }).waitFor({ state: 'attached' });
  await shot(page, '25-audit-log-officer');

  // By target: everyone's entries about the conversation, its key as the log shows it.
  await actor.selectOption({ label: 'ทุกคน' });
  const target = page.getByLabel('เป้าหมาย', { exact: true });
  await target.fill(key);
  await applyFilters(page);
  await expect(auditRows(page).then((shown) => shown.map((cells) => cells[2]))).resolves.toEqual(['ตอบประชาชน', 'รับเรื่อง', 'เปิดดูการสนทนา']);
  // A tracking number typed loosely (lower case, spaces, Thai digits) is read as the log writes it; nothing about it: said so.
  const number = generateTrackingNumber(2569, () => 7);
  await target.fill(` ${number.toLowerCase().replace(/-/g, ' ').replace('2569', '๒๕๖๙')} `);
  await target.press('Enter');
  await empty(page).waitFor();
  await expect(target.inputValue()).resolves.toBe(number);
  await expect(table(page).count()).resolves.toBe(0);
  await expect(moreButton(page).count()).resolves.toBe(0);
  // One character mistyped: said at the field, not searched for.
  const searches = admin.watch.requested.filter((url) => url.includes('/api/officer/audit?')).length;
  await target.fill(`${number.slice(0, -1)}${number.endsWith('A') ? 'B' : 'A'}`);
  await target.press('Enter');
  await page.getByRole('alert').filter({ hasText: 'เลขที่เรื่องนี้น่าจะพิมพ์ผิดหนึ่งตัว' }).waitFor();
  await expect(target.getAttribute('aria-invalid')).resolves.toBe('true');
  expect(admin.watch.requested.filter((url) => url.includes('/api/officer/audit?')).length).toBe(searches);

  // In English: the same entries in English words and dates; what is typed but not applied yet stays.
  await target.fill(key);
  await applyFilters(page);
  await actor.selectOption({ label: 'สมศรี ใจงาม (somsri)' });
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await page.getByRole('heading', { level: 2, name: 'Audit log' }).waitFor();
  await page.getByRole('link', { name: 'Audit log', exact: true }).waitFor();
  await expect(table(page).getByRole('columnheader').allInnerTexts()).resolves.toEqual(['Time', 'Who', 'What', 'Target', 'Details']);
  const english = await auditRows(page);
  expect(english.map((cells) => cells[2])).toEqual(['Replied to the citizen', 'Claimed a conversation', 'Opened a conversation']);
  for (const cells of english) expect(cells[0]).toMatch(TIME_EN);
  await expect(page.getByLabel('Who', { exact: true }).inputValue()).resolves.toBe(somsriId);
  await expect(page.getByLabel('Target', { exact: true }).inputValue()).resolves.toBe(key);
  await expect(page.getByLabel('Who', { exact: true }).locator('option').first().innerText()).resolves.toBe('Everyone');
  await expect(page.getByRole('button', { name: 'Show entries' }).count()).resolves.toBe(1);
  await page.getByRole('button', { name: 'ไทย' }).click();
  await page.getByRole('heading', { level: 2, name: 'บันทึกการใช้งาน' }).waitFor();

  // The conversation opens from the log; the admin's reading it is logged in turn.
  await bodyRows(page).filter({ hasText: 'รับเรื่อง' }).getByRole('link').click();
  await admin.conversationHeading().waitFor();
  expect(new URL(page.url()).hash).toBe(`#/c/${encodeURIComponent(conversationId)}`);
  await page.getByRole('article').getByText(REASON, { exact: true }).first().waitFor();
  await admin.message('officer', REPLY).waitFor();
  await page.goBack();
  await bodyRows(page).first().waitFor();
  await expect(auditRows(page).then((shown) => shown[0].slice(1))).resolves.toEqual([ADMIN_NAME, 'เปิดดูการสนทนา', shortKey(key), '']);

  expect(admin.problems()).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [] });
  expect(officer.problems()).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [] });
});

test('"Load more" pages back through more than a page of entries, for everyone and for one officer, without losing or repeating one', async () => {
  const { service } = suite;
  expect(conversationId).not.toBe('');
  // The officer reads the conversation 110 more times: 110 more entries, by the service's own API.
  const url = `${service.baseUrl}/api/officer/conversations/${encodeURIComponent(conversationId)}`;
  for (let i = 0; i < 110; i += 1) expect((await officer.page.request.get(url)).status()).toBe(200);
  const everyone = await stored();
  expect(everyone.length).toBeGreaterThan(100);
  expect(everyone.length).toBeLessThan(200);

  const page = admin.page;
  await page.reload();
  await bodyRows(page).first().waitFor();
  await expect(auditRowIds(page)).resolves.toEqual(everyone.slice(0, 100).map((entry) => entry._id));
  await expect(count(page).innerText()).resolves.toBe('แสดง 100 รายการ');
  const more = moreButton(page);
  await expect(more.isVisible()).resolves.toBe(true);
  await shot(page, '26-audit-log-load-more');
  await more.click();
  await eventually(() => bodyRows(page).count(), (shown) => shown === everyone.length, 'the second page');
  await expect(auditRowIds(page)).resolves.toEqual(everyone.map((entry) => entry._id));
  await expect(count(page).innerText()).resolves.toBe(`แสดง ${everyone.length} รายการ`);
  // The last page was short: no more button, and the focus is on the first row it brought.
  await expect(more.count()).resolves.toBe(0);
  await expect(page.evaluate(() => document.activeElement?.getAttribute('data-id'))).resolves.toBe(everyone[100]._id);
  // The oldest entry, the officer's sign-in, is at the bottom.
  await expect(auditRows(page).then((shown) => shown[shown.length - 1].slice(1, 3))).resolves.toEqual([OFFICER_NAME, 'เข้าสู่ระบบ']);

  // Filtered by the officer, paging back keeps to the officer.
  const somsri = await stored({ actor: await accountId('somsri') });
  expect(somsri.length).toBe(114);
  await page.getByLabel('ผู้ใช้งาน', { exact: true }).selectOption({ label: 'สมศรี ใจงาม (somsri)' });
  await applyFilters(page);
  await expect(auditRowIds(page)).resolves.toEqual(somsri.slice(0, 100).map((entry) => entry._id));
  await more.click();
  await eventually(() => bodyRows(page).count(), (shown) => shown === 114, "the officer's second page");
  await expect(auditRowIds(page)).resolves.toEqual(somsri.map((entry) => entry._id));
  await expect(auditRows(page).then((shown) => shown.every((cells) => cells[1] === OFFICER_NAME))).resolves.toBe(true);
  await expect(more.count()).resolves.toBe(0);

  expect(admin.problems()).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [] });
});

test('an officer has no audit log: no link, and #/audit refuses in words; the service refuses too', async () => {
  const { service } = suite;
  const kanya = await signedIn('kanya');
  const page = kanya.page;
  await expect(page.getByRole('link', { name: 'บันทึกการใช้งาน' }).count()).resolves.toBe(0);
  await page.goto(`${service.baseUrl}${OFFICER_PATH}#/audit`);
  await page.getByRole('main').getByRole('alert').filter({ hasText: 'คุณไม่มีสิทธิ์ทำรายการนี้' }).waitFor();
  await expect(table(page).count()).resolves.toBe(0);
  await expect(page.getByRole('search').count()).resolves.toBe(0);
  await expect(page.request.get(`${service.baseUrl}/api/officer/audit`).then((answer) => answer.status())).resolves.toBe(403);
  await shot(page, '27-audit-log-officer-refused');
  // The app itself never asked the service for the log.
  expect(kanya.watch.requested.filter((url) => url.includes('/api/officer/audit'))).toEqual([]);
  expect(kanya.problems()).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [] });
});

test('what the log holds is shown as text: a username typed as markup, an unknown code as it is; every action code is put into words in both languages', async () => {
  const { service } = suite;
  // A sign-in with markup for a username: refused, and logged with what was typed.
  const refused = await fetch(`${service.baseUrl}/api/officer/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: MARKUP_USERNAME, password: 'not-the-password' }),
  });
  expect(refused.status).toBe(401);
  // An action this app does not know (written by a newer version, say), with markup in what it names.
  const log = storedAuditLog(service);
  await service.test.store.collection<Omit<AuditEntry, 'action'> & { action: string }>(AUDIT_COLLECTION).insertOne({ _id: 'zzzzzzzzz-unknown', at: service.clock.now(), actor: 'system', action: 'content.faq', target: '<b>faq</b>', details: { note: '<script>window.__xss=2</script>', count: 3 } });

  const page = admin.page;
  await page.goto(`${service.baseUrl}${OFFICER_PATH}#/`);
  await admin.queueHeading().waitFor();
  await page.getByRole('link', { name: 'บันทึกการใช้งาน', exact: true }).click();
  await bodyRows(page).first().waitFor();
  await expect(auditRows(page).then((shown) => shown.slice(0, 2).map((cells) => cells.slice(1)))).resolves.toEqual([
    ['ระบบ', 'content.faq', '<b>faq</b>', 'note: <script>window.__xss=2</script>, count: 3'],
    ['ไม่ระบุตัวตน', 'เข้าสู่ระบบไม่สำเร็จ', MARKUP_USERNAME, ''],
  ]);
  await expect(table(page).locator('img, b, script').count()).resolves.toBe(0);
  await expect(xssRan(page)).resolves.toBeUndefined();
  // Sign-ins that named no account: their own choice in the filter.
  await page.getByLabel('ผู้ใช้งาน', { exact: true }).selectOption({ label: 'ไม่ระบุตัวตน' });
  await applyFilters(page);
  await expect(auditRows(page).then((shown) => shown.map((cells) => cells.slice(1)))).resolves.toEqual([['ไม่ระบุตัวตน', 'เข้าสู่ระบบไม่สำเร็จ', MARKUP_USERNAME, '']]);
  await expect(xssRan(page)).resolves.toBeUndefined();
  await shot(page, '28-audit-log-as-text');

  // Every code the service writes has its words, different from each other, in Thai and in English.
  for (const code of AUDIT_ACTIONS) await log.record('system', code, `target-of-${code}`);
  await page.getByLabel('ผู้ใช้งาน', { exact: true }).selectOption({ label: 'ระบบ' });
  for (const lang of ['th', 'en'] as const) {
    if (lang === 'en') await page.getByRole('button', { name: 'EN', exact: true }).click();
    else await applyFilters(page);
    // A conversation's key is shown shortened: the whole is its link's title.
    const targets = await bodyRows(page).evaluateAll((rows) => rows.map((row) => row.querySelector('td.audit-target a')?.getAttribute('title') ?? (row.querySelector('td.audit-target')?.textContent ?? '').trim()));
    const words = new Map((await auditRows(page)).map((cells, index) => [targets[index].replace(/^target-of-/, ''), cells[2]]));
    const said = AUDIT_ACTIONS.map((code) => words.get(code));
    for (const [index, text] of said.entries()) {
      expect(text).toBeTruthy();
      expect(text).not.toBe(AUDIT_ACTIONS[index]);
    }
    expect(new Set(said).size).toBe(AUDIT_ACTIONS.length);
    if (lang === 'th') for (const text of said) expect(text).toMatch(/[\u0E00-\u0E7F]/);
  }
  await page.getByRole('button', { name: 'ไทย' }).click();

  expect(admin.problems()).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [] });
});

/* The page-side global the tests read. The project compiles for Node without the DOM library. */
declare const document: { readonly activeElement: { getAttribute(name: string): string | null } | null };
