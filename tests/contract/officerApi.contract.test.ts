import type { z } from 'zod';
import { idOf } from '../../handoff/conversationIds';
import * as contract from '../../lib/contract/officer';
import { incomingMessage } from '../helpers/activities';
import { TestClock } from '../helpers/dialogHarness';
import { NAMED_DRAFT } from '../helpers/drafts';
import { buildTestApp, type TestApp } from '../helpers/testApp';

/**
 * The officer API against its contract, over real HTTP: every route's real answers, successes and errors, go
 * through the contract's schemas, which are strict, so a field too many or too few fails here. A route whose
 * answer drifted from lib/contract/officer would break the officer app that types its client from it.
 */

const MONDAY_MORNING = Date.UTC(2026, 10, 23, 3, 0, 0);
const CITIZEN = 'contract-citizen';
const ID = idOf(`test/${CITIZEN}`);
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

interface Client {
  cookie: string;
  csrf: string;
}

describe('the officer API answers as its contract says', () => {
  let t: TestApp;
  let base: string;
  let clock: TestClock;

  beforeAll(async () => {
    clock = new TestClock(MONDAY_MORNING);
    t = await buildTestApp({}, { now: clock.now });
    base = await t.listen();
    await t.app.officers.create({ username: 'cm.officer', displayName: 'สมชาย', role: 'officer', centres: ['50'], password: 'a-long-password-1' }, false);
    await t.app.officers.create({ username: 'cm.reader', displayName: 'สุดา', role: 'officer', centres: ['50'], password: 'a-long-password-2' }, false);
    await t.app.officers.create({ username: 'root.admin', displayName: 'Admin', role: 'admin', centres: [], password: 'a-long-password-5' }, false);
  });
  afterAll(async () => t.close());

  /** Sends a request and checks its answer: the status, and the body through the schema (or no body for 204). */
  async function expectAnswer<S extends z.ZodType>(res: Response, status: number, schema: S | undefined): Promise<z.output<S>> {
    const text = await res.text();
    expect([res.status, text]).toEqual([status, expect.anything()]);
    if (!schema) {
      expect(text).toBe('');
      return undefined as z.output<S>;
    }
    const parsed = schema.safeParse(JSON.parse(text));
    if (!parsed.success) throw new Error(`${res.url} ${res.status}: ${JSON.stringify(parsed.error.issues)}\n${text}`);
    return parsed.data;
  }

  /** An error answer: its body through the error schema, and its code and details as expected. */
  async function expectError(res: Response, status: number, error: Partial<contract.ApiError> & { code: contract.ErrorCode }) {
    const body = await expectAnswer(res, status, contract.errorBody);
    expect(body.error).toMatchObject(error);
    return body.error;
  }

  const call = (client: Client | undefined, path: string, init: { method?: string; json?: unknown; body?: string | FormData; csrf?: boolean } = {}) => {
    const headers: Record<string, string> = {};
    if (client) headers.cookie = client.cookie;
    if (client && init.csrf !== false && init.method && init.method !== 'GET') headers['x-csrf-token'] = client.csrf;
    if (init.json !== undefined) headers['content-type'] = 'application/json';
    return fetch(`${base}${contract.OFFICER_API}${path}`, { method: init.method ?? 'GET', headers, body: init.json !== undefined ? JSON.stringify(init.json) : init.body });
  };

  const signIn = async (username: string, password: string): Promise<Client & { session: contract.SessionResponse }> => {
    const res = await call(undefined, '/session', { method: 'POST', json: { username, password } });
    const session = await expectAnswer(res, 200, contract.sessionResponse);
    return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0], csrf: session.csrfToken, session };
  };

  test('sessions and settings', async () => {
    await expectError(await call(undefined, '/session'), 401, { code: 'unauthenticated' });
    await expectError(await call(undefined, '/session', { method: 'POST', json: { username: 'cm.officer', password: 'wrong-password-1' } }), 401, { code: 'invalid-credentials' });
    await expectError(await call(undefined, '/session', { method: 'POST', json: { username: 'cm.officer' } }), 400, { code: 'validation', details: { field: 'password', rule: 'required' } });
    const officer = await signIn('cm.officer', 'a-long-password-1');
    await expectAnswer(await call(officer, '/session'), 200, contract.sessionResponse);
    await expectError(await call(officer, '/settings', { method: 'PATCH', json: { politeEnding: 'khrap' }, csrf: false }), 403, { code: 'csrf' });
    await expectError(await call(officer, '/settings', { method: 'PATCH', json: { politeEnding: 'krub' } }), 400, { code: 'validation', details: { field: 'politeEnding', rule: 'one-of' } });
    const settings = await expectAnswer(await call(officer, '/settings', { method: 'PATCH', json: { politeEnding: 'khrap' } }), 200, contract.settingsResponse);
    expect(settings.officer.politeEnding).toBe('khrap');
    await expectError(await call(officer, '/password', { method: 'POST', json: { current: 'a-long-password-1', next: 'short' } }), 400, {
      code: 'validation',
      details: { field: 'next', rule: 'too-short', limit: contract.MIN_PASSWORD_LENGTH },
    });
    await expectError(await call(officer, '/password', { method: 'POST', json: { current: 'not-the-password', next: 'a-much-longer-password-7' } }), 400, {
      code: 'validation',
      details: { field: 'current', rule: 'wrong-password' },
    });
    await expectAnswer(await call(officer, '/password', { method: 'POST', json: { current: 'a-long-password-1', next: 'a-much-longer-password-7' } }), 204, undefined);
    const again = await signIn('cm.officer', 'a-much-longer-password-7');
    await expectAnswer(await call(again, '/session', { method: 'DELETE' }), 204, undefined);
    await expectError(await call(again, '/queue'), 401, { code: 'unauthenticated' });
    await expectError(await call(undefined, '/no-such-route'), 404, { code: 'not-found' });
  });

  test('the queue, a conversation with its complaint and notes, reply, transfer with a note, close', async () => {
    const { complaint } = await t.app.complaints.file({
      draft: NAMED_DRAFT,
      channelId: 'test',
      userId: 'user-1',
      conversation: { channelId: 'test', serviceUrl: 'http://localhost/test', conversation: { id: CITIZEN }, user: { id: 'user-1' }, bot: { id: 'bot' } },
      lang: 'th',
    });
    for (const text of ['ขอคุยกับเจ้าหน้าที่', '1']) await t.app.adapter.processActivity(incomingMessage(text, { conversationId: CITIZEN }), (context) => t.app.bot.run(context));
    const officer = await signIn('cm.officer', 'a-much-longer-password-7');

    // The queue names the complaint: number and subject, not an empty reason.
    const queue = await expectAnswer(await call(officer, '/queue'), 200, contract.queueResponse);
    expect(queue.items.find((item) => item.id === ID)?.complaint).toEqual({ number: complaint._id, subject: complaint.subject });
    await expectError(await call(officer, `/conversations/${ID}/messages`, { method: 'POST', json: { text: 'hi' } }), 409, { code: 'conflict', details: { conflict: 'not-yours' } });
    await expectAnswer(await call(officer, `/conversations/${ID}/claim`, { method: 'POST' }), 200, contract.itemResponse);
    await expectError(await call(officer, `/conversations/${ID}/claim`, { method: 'POST' }), 409, { code: 'conflict', details: { conflict: 'already-claimed' } });

    await expectError(await call(officer, `/conversations/${ID}/messages`, { method: 'POST', json: { text: 'x'.repeat(contract.MAX_REPLY_LENGTH + 1) } }), 400, {
      code: 'validation',
      details: { field: 'text', rule: 'too-long', limit: contract.MAX_REPLY_LENGTH },
    });
    await expectError(await call(officer, `/conversations/${ID}/messages`, { method: 'POST', json: { link: 'javascript:alert(1)' } }), 400, { code: 'validation', details: { field: 'link', rule: 'format' } });
    await expectError(await call(officer, `/conversations/${ID}/messages`, { method: 'POST', body: 'text', csrf: true }), 415, { code: 'unsupported-media-type' });
    await expectAnswer(await call(officer, `/conversations/${ID}/messages`, { method: 'POST', json: { text: 'สวัสดีครับ' } }), 200, contract.replyResponse);
    const form = new FormData();
    form.append('text', 'รูปครับ');
    form.append('file', new Blob([PNG], { type: 'image/png' }), 'pixel.png');
    await expectAnswer(await call(officer, `/conversations/${ID}/messages`, { method: 'POST', body: form }), 200, contract.replyResponse);

    // An internal note: in the history for officers, never to the citizen.
    const sentBefore = t.connector.textsFor(CITIZEN).length;
    const { note } = await expectAnswer(await call(officer, `/conversations/${ID}/notes`, { method: 'POST', json: { text: 'ผู้ร้องขอให้โทรกลับช่วงบ่าย' } }), 201, contract.noteResponse);
    expect(note).toMatchObject({ text: 'ผู้ร้องขอให้โทรกลับช่วงบ่าย', officerName: 'สมชาย' });
    expect(t.connector.textsFor(CITIZEN)).toHaveLength(sentBefore);
    await expectError(await call(officer, `/conversations/${ID}/notes`, { method: 'POST', json: { text: ' ' } }), 400, { code: 'validation', details: { field: 'text', rule: 'required' } });

    const view = await expectAnswer(await call(officer, `/conversations/${ID}`), 200, contract.conversationResponse);
    expect(view.notes.map((entry) => entry.text)).toEqual(['ผู้ร้องขอให้โทรกลับช่วงบ่าย']);
    expect(view.complaint?.number).toBe(complaint._id);
    await expectAnswer(await call(officer, `/complaints/${complaint._id}`), 200, contract.complaintResponse);
    await expectAnswer(await call(officer, `/complaints/${complaint._id}/status`, { method: 'POST', json: { status: 'in_progress', note: 'กำลังตรวจสอบ' } }), 200, contract.statusChangeResponse);
    await expectError(await call(officer, `/complaints/${complaint._id}/status`, { method: 'POST', json: { status: 'lost', note: 'x' } }), 400, { code: 'validation', details: { field: 'status', rule: 'one-of' } });
    await expectError(await call(officer, '/complaints/DD-2569-0000000'), 404, { code: 'not-found' });

    // Centres are found by name, in Thai or English; an unknown code is named in the error.
    const found = await expectAnswer(await call(officer, `/centres?q=${encodeURIComponent('ขอนแก่น')}&limit=3`), 200, contract.centreSearchResponse);
    expect(found.centres[0]).toMatchObject({ code: '40', kind: 'province' });
    expect((await expectAnswer(await call(officer, '/centres?q=Khon%20Kaen'), 200, contract.centreSearchResponse)).centres[0].code).toBe('40');
    expect((await expectAnswer(await call(officer, '/centres'), 200, contract.centreSearchResponse)).centres.length).toBeGreaterThan(900);
    await expectError(await call(officer, '/centres?q=a&q=b'), 400, { code: 'validation', details: { field: 'q', rule: 'count', limit: 1 } });
    await expectError(await call(officer, `/conversations/${ID}/transfer`, { method: 'POST', json: { centreCode: 'XX' } }), 400, { code: 'unknown-centre', details: { field: 'centreCode', codes: ['XX'] } });
    const moved = await expectAnswer(await call(officer, `/conversations/${ID}/transfer`, { method: 'POST', json: { centreCode: '40', note: 'ผู้ร้องอยู่ขอนแก่นแล้ว' } }), 200, contract.itemResponse);
    expect(moved.item.transferNote).toMatchObject({ text: 'ผู้ร้องอยู่ขอนแก่นแล้ว', from: '50', officerName: 'สมชาย' });
    // Now outside this officer's scope: as if it did not exist.
    await expectError(await call(officer, `/conversations/${ID}/close`, { method: 'POST' }), 404, { code: 'not-found' });
    const admin = await signIn('root.admin', 'a-long-password-5');
    const transferred = await expectAnswer(await call(admin, `/conversations/${ID}`), 200, contract.conversationResponse);
    expect(transferred.notes.map((entry) => entry.transfer)).toEqual([undefined, { from: '50', to: '40' }]);
    await expectAnswer(await call(admin, `/conversations/${ID}/close`, { method: 'POST' }), 200, contract.itemResponse);
    await expectError(await call(officer, '/officers'), 403, { code: 'forbidden', details: { requires: 'admin' } });
  });

  // The audit log's checks read what the tests before did (a transfer, a note, a setting): run the file whole.
  test('office hours, canned answers, accounts and the audit log', async () => {
    const admin = await signIn('root.admin', 'a-long-password-5');
    const hours = await expectAnswer(await call(admin, '/office-hours'), 200, contract.officeHoursResponse);
    const added = { date: '2026-12-24', nameTh: 'วันหยุดพิเศษ', nameEn: 'Special holiday', estimate: false };
    const kept = hours.calendar.holidays.filter((holiday) => holiday.date !== '2026-12-05');
    await expectAnswer(await call(admin, '/office-hours', { method: 'PUT', json: { weekly: hours.calendar.weekly, holidays: [...kept.filter((holiday) => holiday.date !== added.date), added] } }), 200, contract.calendarResponse);
    await expectError(await call(admin, '/office-hours', { method: 'PUT', json: { weekly: hours.calendar.weekly.slice(1), holidays: [] } }), 400, { code: 'validation', details: { field: 'weekly', rule: 'count', limit: 7 } });

    await expectAnswer(await call(admin, '/canned'), 200, contract.cannedListResponse);
    const text = { form: 'polite', th: { kha: 'รับเรื่องแล้วค่ะ', khrap: 'รับเรื่องแล้วครับ' }, en: 'We have your request.' };
    const created = await expectAnswer(await call(admin, '/canned', { method: 'POST', json: { id: 'received', title: { th: 'รับเรื่อง', en: 'Received' }, text } }), 201, contract.cannedResponse);
    expect(contract.cannedReply(created.answer, 'th', 'khrap')).toBe('รับเรื่องแล้วครับ');
    await expectError(await call(admin, '/canned', { method: 'POST', json: { id: 'received', title: { th: 'x', en: 'x' }, text } }), 409, { code: 'conflict', details: { conflict: 'canned-id-taken' } });
    await expectError(await call(admin, '/canned', { method: 'POST', json: { title: { th: 'x', en: 'x' }, text: { form: 'polite', th: { kha: 'x' }, en: 'x' } } }), 400, { code: 'validation', details: { field: 'text.th.khrap', rule: 'required' } });
    await expectAnswer(await call(admin, '/canned/received', { method: 'PUT', json: { title: { th: 'รับเรื่อง', en: 'Received' }, text: { form: 'neutral', th: 'รับเรื่องแล้ว', en: 'Received.' } } }), 200, contract.cannedResponse);
    await expectAnswer(await call(admin, '/canned/greeting', { method: 'DELETE' }), 204, undefined);
    await expectError(await call(admin, '/canned/greeting', { method: 'DELETE' }), 404, { code: 'not-found' });
    const answers = await expectAnswer(await call(admin, '/canned'), 200, contract.cannedListResponse);
    expect(answers.answers.map((answer) => answer.id)).toContain('received');
    expect(answers.answers.map((answer) => answer.id)).not.toContain('greeting');
    const officer = await signIn('cm.reader', 'a-long-password-2');
    await expectError(await call(officer, '/canned/received', { method: 'DELETE' }), 403, { code: 'forbidden', details: { requires: 'admin' } });

    await expectAnswer(await call(admin, '/officers'), 200, contract.officersResponse);
    const account = await expectAnswer(await call(admin, '/officers', { method: 'POST', json: { username: 'kk.officer', displayName: 'ขอนแก่น', role: 'officer', centres: ['40'] } }), 201, contract.oneTimePasswordResponse);
    await expectError(await call(admin, '/officers', { method: 'POST', json: { username: 'kk.officer', displayName: 'x', role: 'officer', centres: ['40'] } }), 409, { code: 'conflict', details: { conflict: 'username-taken' } });
    await expectError(await call(admin, '/officers', { method: 'POST', json: { username: 'kk.other', displayName: 'x', role: 'officer', centres: ['nope'] } }), 400, { code: 'unknown-centre', details: { field: 'centres', codes: ['nope'] } });
    await expectError(await call(admin, '/officers', { method: 'POST', json: { username: 'kk.other', displayName: 'x', role: 'officer', centres: [] } }), 400, { code: 'validation', details: { field: 'centres', rule: 'centres-required' } });
    await expectAnswer(await call(admin, `/officers/${account.officer.id}`, { method: 'PATCH', json: { role: 'supervisor', centres: ['40', '50'] } }), 200, contract.accountResponse);
    await expectError(await call(admin, `/officers/${admin.session.officer.id}`, { method: 'PATCH', json: { disabled: true } }), 409, { code: 'conflict', details: { conflict: 'own-account' } });
    await expectAnswer(await call(admin, `/officers/${account.officer.id}/password`, { method: 'POST' }), 200, contract.oneTimePasswordResponse);

    // Every entry, whatever its action, fits the contract; what changed is there to be said in words.
    const audit = await expectAnswer(await call(admin, '/audit?limit=200'), 200, contract.auditResponse);
    const details = (action: string) => audit.entries.find((entry) => entry.action === action)?.details;
    expect(details('complaint.status')).toEqual({ from: 'received', to: 'in_progress' });
    expect(details('content.officeHours')).toEqual({ holidays: { added: ['2026-12-24'], removed: ['2026-12-05'] }, weeklyChanged: false });
    expect(details('account.update')).toEqual({ fields: ['centres', 'role'], role: { from: 'officer', to: 'supervisor' }, centres: { added: ['50'], removed: [] } });
    expect(details('handoff.transfer')).toEqual({ from: '50', to: '40', note: true });
    expect(details('content.canned.delete')).toEqual({ id: 'greeting' });
    expect(details('account.settings')).toEqual({ politeEnding: 'khrap' });
    expect(audit.entries.some((entry) => entry.action === 'handoff.note')).toBe(true);
    await expectError(await call(admin, '/audit?limit=500'), 400, { code: 'validation', details: { field: 'limit', rule: 'too-big', limit: contract.MAX_AUDIT_PAGE } });
  });
});
