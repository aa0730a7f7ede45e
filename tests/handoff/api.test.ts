import WebSocket from 'ws';
import { SESSION_ENDED } from '../../handoff/hub';
import { idOf } from '../../handoff/conversationIds';
import { incomingMessage } from '../helpers/activities';
import { TestClock } from '../helpers/dialogHarness';
import { NAMED_DRAFT } from '../helpers/drafts';
import { buildTestApp, type TestApp } from '../helpers/testApp';

/** The officer API (docs/officer-api.md) over real HTTP: sessions, CSRF, scope, races, replies, status changes. */

const MONDAY_MORNING = Date.UTC(2026, 10, 23, 3, 0, 0);
const CITIZEN = 'api-citizen';
const ID = idOf(`test/${CITIZEN}`);
// The smallest valid PNG: one transparent pixel.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

interface Client {
  cookie: string;
  csrf: string;
  body: { officer: { id: string; role: string; mustChangePassword: boolean; disabled: boolean }; scope: string[] | 'all' };
}

describe('the officer API', () => {
  let t: TestApp;
  let base: string;

  beforeEach(async () => {
    t = await buildTestApp({}, { now: new TestClock(MONDAY_MORNING).now });
    base = await t.listen();
    await t.app.officers.create({ username: 'cm.officer', displayName: 'สมชาย', role: 'officer', centres: ['50'], password: 'a-long-password-1' }, false);
    await t.app.officers.create({ username: 'cm.second', displayName: 'สุดา', role: 'officer', centres: ['50'], password: 'a-long-password-2' }, false);
    await t.app.officers.create({ username: 'kk.officer', displayName: 'ขอนแก่น', role: 'officer', centres: ['40'], password: 'a-long-password-3' }, false);
    await t.app.officers.create({ username: 'north.sup', displayName: 'หัวหน้า', role: 'supervisor', centres: ['50'], password: 'a-long-password-4' }, false);
  });
  afterEach(async () => t.close());

  const signIn = async (username: string, password: string): Promise<Client> => {
    const res = await fetch(`${base}/api/officer/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    expect(res.status).toBe(200);
    const body = await read(res);
    return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0], csrf: body.csrfToken, body };
  };
  const call = (client: Client | undefined, path: string, init: { method?: string; json?: unknown; body?: string | FormData; csrf?: boolean; headers?: Record<string, string> } = {}) => {
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    if (client) headers.cookie = client.cookie;
    if (client && init.csrf !== false && init.method && init.method !== 'GET') headers['x-csrf-token'] = client.csrf;
    if (init.json !== undefined) headers['content-type'] = 'application/json';
    return fetch(`${base}/api/officer${path}`, { method: init.method ?? 'GET', headers, body: init.json !== undefined ? JSON.stringify(init.json) : init.body });
  };
  // Response bodies are checked field by field.
  const read = async (res: Response): Promise<any> => res.json();
  /** The error's code; for a conflict, with what conflicts (`conflict:not-yours`). */
  const errorCode = async (res: Response) => {
    const { error } = (await read(res)) as { error: { code: string; details?: { conflict?: string } } };
    return error.code === 'conflict' ? `conflict:${error.details?.conflict}` : error.code;
  };

  /** A citizen on the test channel asks for an officer of the Chiang Mai provincial centre. */
  const citizenAsks = async (conversationId = CITIZEN) => {
    for (const text of ['ขอคุยกับเจ้าหน้าที่', 'เชียงใหม่', 'ใช่']) {
      await t.app.adapter.processActivity(incomingMessage(text, { conversationId }), (context) => t.app.bot.run(context));
    }
  };

  describe('sessions', () => {
    test('a wrong password and an unknown user get the same 401; the cookie is HttpOnly and SameSite', async () => {
      for (const [username, password] of [['cm.officer', 'wrong-password-1'], ['nobody.here', 'wrong-password-1']]) {
        const res = await call(undefined, '/session', { method: 'POST', json: { username, password } });
        expect(res.status).toBe(401);
        expect(await errorCode(res)).toBe('invalid-credentials');
      }
      const res = await call(undefined, '/session', { method: 'POST', json: { username: 'cm.officer', password: 'a-long-password-1' } });
      const cookie = res.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/^ddb_officer=[^;]+;/);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Strict/i);
      expect(cookie).toMatch(/Path=\//);
      expect(res.headers.get('cache-control')).toBe('no-store');
    });

    test.each([
      ['not JSON', 'username=x', 'application/x-www-form-urlencoded'],
      ['an array', '[]', 'application/json'],
      ['a number for the username', '{"username":5,"password":"x"}', 'application/json'],
      ['no password', '{"username":"cm.officer"}', 'application/json'],
    ])('bad sign-in bodies get a 4xx: %s', async (_name, body, type) => {
      const res = await fetch(`${base}/api/officer/session`, { method: 'POST', headers: { 'content-type': type }, body });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    });

    // Lock-out and the per-address limits: tests/handoff/signIn.test.ts.

    test('without a session: 401; a changing call without the CSRF header: 403; signing out ends the session', async () => {
      expect((await call(undefined, '/queue')).status).toBe(401);
      expect((await call({ cookie: 'ddb_officer=forged', csrf: 'x', body: undefined as never }, '/queue')).status).toBe(401);
      const client = await signIn('cm.officer', 'a-long-password-1');
      await citizenAsks();
      const noCsrf = await call(client, `/conversations/${ID}/claim`, { method: 'POST', csrf: false });
      expect(noCsrf.status).toBe(403);
      expect(await errorCode(noCsrf)).toBe('csrf');
      const wrongCsrf = await call(client, `/conversations/${ID}/claim`, { method: 'POST', csrf: false, headers: { 'x-csrf-token': 'not-the-token' } });
      expect(wrongCsrf.status).toBe(403);
      expect((await call(client, '/session', { method: 'DELETE' })).status).toBe(204);
      expect((await call(client, '/queue')).status).toBe(401);
    });

    test('the first admin must change the one-time password before anything else', async () => {
      const first = await t.app.officers.createFirstAdmin();
      expect(first).toBeDefined();
      const admin = await signIn(first!.username, first!.password);
      expect(admin.body.officer.mustChangePassword).toBe(true);
      const blocked = await call(admin, '/queue');
      expect(blocked.status).toBe(403);
      expect(await errorCode(blocked)).toBe('password-change-required');
      const weak = await call(admin, '/password', { method: 'POST', json: { current: first!.password, next: 'short' } });
      expect(weak.status).toBe(400);
      expect((await call(admin, '/password', { method: 'POST', json: { current: first!.password, next: 'a-much-better-password-9' } })).status).toBe(204);
      expect((await call(admin, '/queue')).status).toBe(200);
      expect((await call(admin, '/session')).status).toBe(200);
    });
  });

  describe('accounts', () => {
    test('an admin creates an officer, who signs in with the one-time password and must change it', async () => {
      await t.app.officers.create({ username: 'root.admin', displayName: 'Admin', role: 'admin', centres: [], password: 'a-long-password-5' }, false);
      const admin = await signIn('root.admin', 'a-long-password-5');
      const created = await call(admin, '/officers', { method: 'POST', json: { username: 'new.officer', displayName: 'ใหม่', role: 'officer', centres: ['5015'] } });
      expect(created.status).toBe(201);
      const { officer, password } = await read(created);
      expect(officer).toMatchObject({ username: 'new.officer', role: 'officer', centres: ['5015'], mustChangePassword: true });
      const newcomer = await signIn('new.officer', password);
      expect(newcomer.body.scope).toEqual(['5015']);
      expect((await call(newcomer, '/queue')).status).toBe(403);

      expect((await call(admin, '/officers', { method: 'POST', json: { username: 'new.officer', displayName: 'x', role: 'officer', centres: ['50'] } })).status).toBe(409);
      expect(await errorCode(await call(admin, '/officers', { method: 'POST', json: { username: 'another', displayName: 'x', role: 'officer', centres: ['nope'] } }))).toBe('unknown-centre');
      expect((await call(admin, '/officers', { method: 'POST', json: { username: 'another', displayName: 'x', role: 'king', centres: ['50'] } })).status).toBe(400);
      const list = await read(await call(admin, '/officers'));
      expect(list.officers.map((o: { username: string }) => o.username)).toContain('new.officer');
      expect(JSON.stringify(list)).not.toMatch(/passwordHash|scrypt/);
    });

    test('an admin edits an account: name, centres, role; the officer\'s scope follows at once, and bad edits are refused', async () => {
      await t.app.officers.create({ username: 'root.admin', displayName: 'Admin', role: 'admin', centres: [], password: 'a-long-password-5' }, false);
      const admin = await signIn('root.admin', 'a-long-password-5');
      const officer = await signIn('cm.officer', 'a-long-password-1');
      const id = officer.body.officer.id as string;
      expect(officer.body.scope).toEqual(['50']);

      const edited = await call(admin, `/officers/${id}`, { method: 'PATCH', json: { displayName: 'สมชาย ใจดี', centres: ['50', '51'] } });
      expect(edited.status).toBe(200);
      expect((await read(edited)).officer).toMatchObject({ id, displayName: 'สมชาย ใจดี', role: 'officer', centres: ['50', '51'], disabled: false });
      // The same session, the wider scope: scope is worked out on every request.
      expect((await read(await call(officer, '/session'))).scope).toEqual(['50', '51']);
      // A live chat stays with the officer while it is still in their scope, and goes back to the queue when it is not.
      await citizenAsks();
      expect((await call(officer, `/conversations/${ID}/claim`, { method: 'POST' })).status).toBe(200);
      await call(admin, `/officers/${id}`, { method: 'PATCH', json: { centres: ['50', '40'] } });
      expect((await read(await call(officer, `/conversations/${ID}`))).item).toMatchObject({ state: 'live', officerId: id });
      await call(admin, `/officers/${id}`, { method: 'PATCH', json: { centres: ['40'] } });
      expect((await read(await call(admin, `/conversations/${ID}`))).item).toMatchObject({ state: 'queued', centreCode: '50' });
      expect(t.connector.textsFor(CITIZEN).filter((text) => text === t.app.content.get('th', 'handoff.requeued', { centre: 'ศูนย์ดำรงธรรมจังหวัดเชียงใหม่' }))).toHaveLength(1);
      const promoted = await read(await call(admin, `/officers/${id}`, { method: 'PATCH', json: { role: 'supervisor', centres: ['50'] } }));
      expect(promoted.officer).toMatchObject({ role: 'supervisor', centres: ['50'] });
      expect((await read(await call(officer, '/session'))).scope).toEqual(expect.arrayContaining(['50', '5001', '5015']));

      for (const [change, code] of [
        [{ centres: ['nope'] }, 'unknown-centre'],
        [{ centres: [] }, 'validation'],
        [{ centres: 'x'.repeat(20) }, 'validation'],
        [{ centres: ['x'.repeat(17)] }, 'validation'],
        [{ role: 'king' }, 'validation'],
        [{ displayName: '' }, 'validation'],
        [{ displayName: 'x'.repeat(101) }, 'validation'],
        [{ disabled: 'yes' }, 'validation'],
      ] as const) {
        const res = await call(admin, `/officers/${id}`, { method: 'PATCH', json: change });
        expect([res.status, await errorCode(res)]).toEqual([400, code]);
      }
      expect((await call(admin, '/officers/no-such-id', { method: 'PATCH', json: { displayName: 'x' } })).status).toBe(404);
      expect(await t.app.officers.get(id)).toMatchObject({ displayName: 'สมชาย ใจดี', role: 'supervisor', centres: ['50'] });

      // An admin keeps their own role and account: there is always an admin to undo a change.
      const self = admin.body.officer.id as string;
      for (const change of [{ role: 'officer', centres: ['50'] }, { disabled: true }]) {
        const res = await call(admin, `/officers/${self}`, { method: 'PATCH', json: change });
        expect([res.status, await errorCode(res)]).toEqual([409, 'conflict:own-account']);
      }
      expect((await call(admin, `/officers/${self}`, { method: 'PATCH', json: { displayName: 'ผู้ดูแลระบบ' } })).status).toBe(200);
      expect((await call(officer, `/officers/${self}`, { method: 'PATCH', json: { role: 'officer', centres: ['50'] } })).status).toBe(403);
      expect((await call(admin, `/officers/${id}`, { method: 'PATCH', json: { displayName: 'x' }, csrf: false })).status).toBe(403);
      const audit = await t.store.collection<{ _id: string; action: string; target: string; details?: { fields?: string[]; role?: unknown; centres?: unknown } }>('audit').find({ action: 'account.update' }).toArray();
      expect(audit.map((entry) => [entry.target, entry.details?.fields])).toEqual([[id, ['centres', 'displayName']], [id, ['centres']], [id, ['centres']], [id, ['centres', 'role']], [self, ['displayName']]]);
      // What changed, for the log to say it in words: centres added and removed, the role before and after.
      expect(audit.map((entry) => entry.details?.centres)).toEqual([{ added: ['51'], removed: [] }, { added: ['40'], removed: ['51'] }, { added: [], removed: ['50'] }, { added: ['50'], removed: ['40'] }, undefined]);
      expect(audit[3].details?.role).toEqual({ from: 'officer', to: 'supervisor' });
    });

    test('a disabled account is signed out at once, stream included, and cannot sign in until enabled again', async () => {
      await t.app.officers.create({ username: 'root.admin', displayName: 'Admin', role: 'admin', centres: [], password: 'a-long-password-5' }, false);
      const admin = await signIn('root.admin', 'a-long-password-5');
      const officer = await signIn('cm.officer', 'a-long-password-1');
      const id = officer.body.officer.id as string;
      const socket = new WebSocket(`${base.replace('http', 'ws')}/api/officer/stream`, { headers: { origin: base, cookie: officer.cookie } });
      await new Promise((resolve, reject) => {
        socket.on('open', resolve);
        socket.on('error', reject);
      });
      const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
      // In the middle of a live chat.
      await citizenAsks();
      expect((await call(officer, `/conversations/${ID}/claim`, { method: 'POST' })).status).toBe(200);

      const disabled = await call(admin, `/officers/${id}`, { method: 'PATCH', json: { disabled: true } });
      expect((await read(disabled)).officer.disabled).toBe(true);
      expect(await closed).toBe(SESSION_ENDED.code);
      // The citizen is not left talking to nobody: back in the centre's queue, told so, and another officer takes over.
      expect(t.connector.textsFor(CITIZEN).at(-1)).toBe(t.app.content.get('th', 'handoff.requeued', { centre: 'ศูนย์ดำรงธรรมจังหวัดเชียงใหม่' }));
      const colleague = await signIn('cm.second', 'a-long-password-2');
      const [waiting] = (await read(await call(colleague, '/queue'))).items;
      expect(waiting).toMatchObject({ id: ID, state: 'queued', centreCode: '50' });
      expect(waiting.officerId).toBeUndefined();
      expect((await call(colleague, `/conversations/${ID}/claim`, { method: 'POST' })).status).toBe(200);
      // The history still names the disabled officer.
      const notes = (await read(await call(colleague, `/conversations/${ID}`))).messages.filter((message: { speaker: string }) => message.speaker === 'system');
      expect(notes.map((note: { text: string; officerName?: string }) => [note.text, note.officerName])).toEqual([
        ['handoff.request:live:50', undefined],
        ['handoff.claim', 'สมชาย'],
        ['handoff.requeue', 'สมชาย'],
        ['handoff.claim', 'สุดา'],
      ]);
      expect((await call(officer, '/queue')).status).toBe(401);
      const again = await call(undefined, '/session', { method: 'POST', json: { username: 'cm.officer', password: 'a-long-password-1' } });
      expect([again.status, await errorCode(again)]).toEqual([401, 'invalid-credentials']);
      expect((await read(await call(admin, '/officers'))).officers.find((o: { id: string }) => o.id === id)).toMatchObject({ disabled: true });

      expect((await call(admin, `/officers/${id}`, { method: 'PATCH', json: { disabled: false } })).status).toBe(200);
      expect((await signIn('cm.officer', 'a-long-password-1')).body.officer.disabled).toBe(false);
    });

    test('an admin gives an officer a new one-time password: shown once, old sessions end, the old password stops working', async () => {
      await t.app.officers.create({ username: 'root.admin', displayName: 'Admin', role: 'admin', centres: [], password: 'a-long-password-5' }, false);
      const admin = await signIn('root.admin', 'a-long-password-5');
      const officer = await signIn('cm.officer', 'a-long-password-1');
      const id = officer.body.officer.id as string;
      const reset = await call(admin, `/officers/${id}/password`, { method: 'POST' });
      expect(reset.status).toBe(200);
      const { officer: view, password } = await read(reset);
      expect(view).toMatchObject({ id, mustChangePassword: true });
      expect(password).toEqual(expect.any(String));
      expect((await call(officer, '/queue')).status).toBe(401);
      expect((await call(undefined, '/session', { method: 'POST', json: { username: 'cm.officer', password: 'a-long-password-1' } })).status).toBe(401);
      const fresh = await signIn('cm.officer', password);
      expect(fresh.body.officer.mustChangePassword).toBe(true);
      expect(await errorCode(await call(fresh, '/queue'))).toBe('password-change-required');
      expect((await call(admin, '/officers/no-such-id/password', { method: 'POST' })).status).toBe(404);
      expect((await call(officer, `/officers/${id}/password`, { method: 'POST' })).status).toBe(401);
      const other = await signIn('cm.second', 'a-long-password-2');
      expect((await call(other, `/officers/${id}/password`, { method: 'POST' })).status).toBe(403);
      const audit = await t.store.collection<{ _id: string; action: string; target: string }>('audit').find({ action: 'account.resetPassword' }).toArray();
      expect(audit.map((entry) => entry.target)).toEqual([id]);
    });

    test('officers and supervisors cannot manage accounts', async () => {
      for (const [username, password] of [['cm.officer', 'a-long-password-1'], ['north.sup', 'a-long-password-4']]) {
        const client = await signIn(username, password);
        expect((await call(client, '/officers')).status).toBe(403);
        expect((await call(client, '/officers', { method: 'POST', json: { username: 'x.y.z', displayName: 'x', role: 'admin', centres: [] } })).status).toBe(403);
      }
    });
  });

  describe('the queue and conversations', () => {
    test('each officer sees their scope: the centre, the supervisor its province and districts, others nothing', async () => {
      await citizenAsks();
      const own = await signIn('cm.officer', 'a-long-password-1');
      const supervisor = await signIn('north.sup', 'a-long-password-4');
      const elsewhere = await signIn('kk.officer', 'a-long-password-3');
      expect(supervisor.body.scope).toEqual(expect.arrayContaining(['50', '5001', '5015']));
      const [item] = (await read(await call(own, '/queue'))).items;
      expect(item).toMatchObject({ id: ID, state: 'queued', kind: 'live', centreCode: '50', lang: 'th', channelId: 'test' });
      expect((await read(await call(supervisor, '/queue'))).items).toHaveLength(1);
      expect((await read(await call(elsewhere, '/queue'))).items).toEqual([]);

      for (const [method, path] of [['GET', `/conversations/${ID}`], ['POST', `/conversations/${ID}/claim`], ['POST', `/conversations/${ID}/close`]] as const) {
        const res = await call(elsewhere, path, { method });
        expect(res.status).toBe(404);
      }
      expect((await call(elsewhere, `/conversations/${ID}/transfer`, { method: 'POST', json: { centreCode: '40' } })).status).toBe(404);
      expect((await call(elsewhere, `/conversations/${ID}/messages`, { method: 'POST', json: { text: 'hi' } })).status).toBe(404);
      expect((await call(own, '/conversations/not*an*id')).status).toBe(404);
      expect((await call(own, `/conversations/${idOf('test/nobody')}`)).status).toBe(404);
    });

    test('two officers claiming at once: one 200, the other 409', async () => {
      await citizenAsks();
      const [first, second] = await Promise.all([signIn('cm.officer', 'a-long-password-1'), signIn('cm.second', 'a-long-password-2')]);
      const results = await Promise.all([first, second, first, second].map((client) => call(client, `/conversations/${ID}/claim`, { method: 'POST' })));
      const statuses = results.map((res) => res.status).sort();
      expect(statuses).toEqual([200, 409, 409, 409]);
      const loser = results.find((res) => res.status === 409) as Response;
      expect(await errorCode(loser)).toBe('conflict:already-claimed');
      // The winner's claim is in the audit log, once.
      const audit = await t.store.collection<{ _id: string; actor: string; action: string; target: string }>('audit').find({ action: 'handoff.claim' }).toArray();
      expect(audit).toHaveLength(1);
      expect(audit[0].target).toBe(`test/${CITIZEN}`);
      expect([first.body.officer.id, second.body.officer.id]).toContain(audit[0].actor);
    });

    test('replies: text, a link, an image; bad replies get a precise 4xx and change nothing', async () => {
      await citizenAsks();
      const officer = await signIn('cm.officer', 'a-long-password-1');
      const before = await call(officer, `/conversations/${ID}/messages`, { method: 'POST', json: { text: 'ยังไม่ได้รับเรื่อง' } });
      expect(before.status).toBe(409);
      expect(await errorCode(before)).toBe('conflict:not-yours');
      expect((await call(officer, `/conversations/${ID}/claim`, { method: 'POST' })).status).toBe(200);

      const textReply = await call(officer, `/conversations/${ID}/messages`, { method: 'POST', json: { text: 'สวัสดีค่ะ <b>ยินดีช่วย</b>' } });
      expect(textReply.status).toBe(200);
      expect((await read(textReply)).message).toMatchObject({ speaker: 'officer', text: 'สวัสดีค่ะ <b>ยินดีช่วย</b>', delivery: 'delivered' });
      expect(t.connector.textsFor(CITIZEN)).toContain('สวัสดีค่ะ <b>ยินดีช่วย</b>');

      const link = await call(officer, `/conversations/${ID}/messages`, { method: 'POST', json: { text: 'ดูขั้นตอนที่นี่', link: 'https://www.damrongdham.moi.go.th/' } });
      expect((await read(link)).message.text).toBe('ดูขั้นตอนที่นี่\nhttps://www.damrongdham.moi.go.th/');

      const form = new FormData();
      form.append('text', 'แผนที่ค่ะ');
      form.append('file', new Blob([PNG], { type: 'image/png' }), 'map.png');
      const image = await call(officer, `/conversations/${ID}/messages`, { method: 'POST', body: form });
      expect(image.status).toBe(200);
      const sentImage = (await read(image)).message;
      expect(sentImage.attachments).toEqual([expect.objectContaining({ contentType: 'image/png', name: 'map.png' })]);
      expect(sentImage.text).toBe('แผนที่ค่ะ');
      const lastToCitizen = t.connector.sent.at(-1);
      expect(lastToCitizen?.attachments?.[0]).toMatchObject({ contentType: 'image/png', contentUrl: sentImage.attachments[0].url });
      const fetched = await fetch(sentImage.attachments[0].url);
      expect(fetched.status).toBe(200);
      expect(Buffer.from(await fetched.arrayBuffer()).equals(PNG)).toBe(true);

      const count = t.connector.sent.length;
      for (const bad of [
        { json: {} },
        { json: { text: '' } },
        { json: { text: 'x'.repeat(4001) } },
        { json: { text: 42 } },
        { json: { link: 'javascript:alert(1)' } },
        { body: 'plain text', headers: { 'content-type': 'text/plain' } },
        { body: '{"text":', headers: { 'content-type': 'application/json' } },
      ]) {
        const res = await call(officer, `/conversations/${ID}/messages`, { method: 'POST', ...bad });
        expect([400, 415]).toContain(res.status);
      }
      const notImage = new FormData();
      notImage.append('file', new Blob([Buffer.from('MZ not an image')], { type: 'application/octet-stream' }), 'tool.exe');
      expect((await call(officer, `/conversations/${ID}/messages`, { method: 'POST', body: notImage })).status).toBeGreaterThanOrEqual(400);
      expect(t.connector.sent.length).toBe(count);
      expect((await call(officer, '/queue')).status).toBe(200);
    });

    test('a photo reply is refused before it is read: outside the officer\'s scope, or not their conversation, nothing is stored', async () => {
      await citizenAsks();
      const stored = () => t.store.collection('files').countDocuments({});
      const photo = () => {
        const form = new FormData();
        form.append('file', new Blob([PNG], { type: 'image/png' }), 'map.png');
        return form;
      };
      const elsewhere = await signIn('kk.officer', 'a-long-password-3');
      const outside = await call(elsewhere, `/conversations/${ID}/messages`, { method: 'POST', body: photo() });
      expect([outside.status, await errorCode(outside)]).toEqual([404, 'not-found']);
      const unknown = await call(elsewhere, `/conversations/${idOf('test/nobody')}/messages`, { method: 'POST', body: photo() });
      expect(unknown.status).toBe(404);
      const officer = await signIn('cm.officer', 'a-long-password-1');
      const unclaimed = await call(officer, `/conversations/${ID}/messages`, { method: 'POST', body: photo() });
      expect([unclaimed.status, await errorCode(unclaimed)]).toEqual([409, 'conflict:not-yours']);
      expect(await stored()).toBe(0);
      expect((await call(officer, `/conversations/${ID}/claim`, { method: 'POST' })).status).toBe(200);
      const colleague = await signIn('cm.second', 'a-long-password-2');
      expect((await call(colleague, `/conversations/${ID}/messages`, { method: 'POST', body: photo() })).status).toBe(409);
      expect(await stored()).toBe(0);
      expect((await call(officer, `/conversations/${ID}/messages`, { method: 'POST', body: photo() })).status).toBe(200);
      expect(await stored()).toBe(1);
    });

    test('the conversation shows the history, and the complaint with its timeline; transfer and close', async () => {
      const { complaint } = await t.app.complaints.file({
        draft: NAMED_DRAFT,
        channelId: 'test',
        userId: 'user-1',
        conversation: { channelId: 'test', serviceUrl: 'http://localhost/test', conversation: { id: CITIZEN }, user: { id: 'user-1' }, bot: { id: 'bot' } },
        lang: 'th',
      });
      await t.app.adapter.processActivity(incomingMessage('ขอคุยกับเจ้าหน้าที่', { conversationId: CITIZEN }), (context) => t.app.bot.run(context));
      // Offered the centre of the complaint first.
      await t.app.adapter.processActivity(incomingMessage('1', { conversationId: CITIZEN }), (context) => t.app.bot.run(context));
      const officer = await signIn('cm.officer', 'a-long-password-1');
      const view = await read(await call(officer, `/conversations/${ID}`));
      expect(view.item).toMatchObject({ complaintId: complaint._id, centreCode: '50' });
      expect(view.complaint).toMatchObject({ number: complaint._id, status: 'received', contact: { anonymous: false, name: 'สมชาย ใจดี', nationalIdMasked: 'x-xxxx-xxxx0-70-8' } });
      expect(JSON.stringify(view)).not.toMatch(/"hash"/);
      // This channel keeps no log: the history begins with the request's own turn (handoff/turnMessages.ts).
      expect(view.messages[0]).toMatchObject({ speaker: 'citizen', text: '1' });

      const bad = await call(officer, `/conversations/${ID}/transfer`, { method: 'POST', json: { centreCode: 'XX' } });
      expect(await errorCode(bad)).toBe('unknown-centre');
      const moved = await call(officer, `/conversations/${ID}/transfer`, { method: 'POST', json: { centreCode: '40' } });
      expect((await read(moved)).item).toMatchObject({ centreCode: '40', state: 'queued' });
      expect((await call(officer, `/conversations/${ID}`)).status).toBe(404);
      const khonKaen = await signIn('kk.officer', 'a-long-password-3');
      expect((await call(khonKaen, `/conversations/${ID}/claim`, { method: 'POST' })).status).toBe(200);
      const closed = await call(khonKaen, `/conversations/${ID}/close`, { method: 'POST' });
      expect(closed.status).toBe(200);
      expect((await read(closed)).item).toMatchObject({ centreCode: '40', state: 'closed' });
      expect((await read(await call(khonKaen, `/conversations/${ID}`))).item.state).toBe('bot');
      expect(t.connector.textsFor(CITIZEN)).toContain(t.app.content.get('th', 'handoff.closed'));
      expect((await read(await call(khonKaen, '/queue'))).items).toEqual([]);
    });
  });

  describe('complaints', () => {
    const fileComplaint = async () =>
      (await t.app.complaints.file({
        draft: NAMED_DRAFT,
        channelId: 'test',
        userId: 'user-1',
        conversation: { channelId: 'test', serviceUrl: 'http://localhost/test', conversation: { id: CITIZEN }, user: { id: 'user-1' }, bot: { id: 'bot' } },
        lang: 'th',
      })).complaint;

    test('a status change with a note is recorded in the timeline and told to the citizen', async () => {
      const complaint = await fileComplaint();
      const officer = await signIn('cm.officer', 'a-long-password-1');
      const res = await call(officer, `/complaints/${complaint._id}/status`, { method: 'POST', json: { status: 'in_progress', note: 'ส่งเรื่องให้อำเภอตรวจสอบแล้ว' } });
      expect(res.status).toBe(200);
      const body = await read(res);
      expect(body.notified).toBe(true);
      expect(body.complaint.status).toBe('in_progress');
      expect(body.complaint.timeline.at(-1)).toMatchObject({ status: 'in_progress', note: { th: 'ส่งเรื่องให้อำเภอตรวจสอบแล้ว' }, by: 'officer' });
      const told = t.connector.textsFor(CITIZEN).at(-1) ?? '';
      expect(told).toContain(t.app.content.get('th', 'complaint.statusChanged', { number: complaint._id, status: t.app.content.get('th', 'status.in_progress') }));
      expect(told).toContain('ส่งเรื่องให้อำเภอตรวจสอบแล้ว');
      expect(t.logs.text()).not.toContain('สมชาย ใจดี');
    });

    test('reading a complaint or a conversation is written to the audit log, which admins read newest first', async () => {
      await citizenAsks();
      const complaint = await fileComplaint();
      const officer = await signIn('cm.officer', 'a-long-password-1');
      const officerId = officer.body.officer.id;
      expect((await call(officer, `/complaints/${complaint._id}`)).status).toBe(200);
      expect((await call(officer, `/conversations/${ID}`)).status).toBe(200);
      // Refused reads leave no trace of data that was never shown.
      const elsewhere = await signIn('kk.officer', 'a-long-password-3');
      expect((await call(elsewhere, `/complaints/${complaint._id}`)).status).toBe(404);

      await t.app.officers.create({ username: 'root.admin', displayName: 'ผู้ดูแล', role: 'admin', centres: [], password: 'a-long-password-5' }, false);
      const admin = await signIn('root.admin', 'a-long-password-5');
      const mine = await read(await call(admin, `/audit?actor=${officerId}`));
      expect(mine.entries.map((entry: { action: string }) => entry.action)).toEqual(['handoff.view', 'complaint.view', 'session.start']);
      expect(mine.entries[0]).toMatchObject({ actor: officerId, actorName: 'สมชาย', action: 'handoff.view', target: `test/${CITIZEN}`, conversation: ID });
      expect(mine.entries[1]).toMatchObject({ action: 'complaint.view', target: complaint._id });
      const aboutComplaint = await read(await call(admin, `/audit?target=${encodeURIComponent(complaint._id)}`));
      expect(aboutComplaint.entries.map((entry: { action: string; actor: string }) => [entry.action, entry.actor])).toEqual([['complaint.view', officerId]]);
      // Paging back in time, and a bounded page.
      const all = (await read(await call(admin, '/audit?limit=2'))).entries;
      expect(all).toHaveLength(2);
      const everything = (await read(await call(admin, '/audit?limit=200'))).entries;
      const older = (await read(await call(admin, `/audit?before=${all[1].id}&limit=200`))).entries;
      expect(older).toEqual(everything.slice(2));
      expect((await read(await call(admin, '/audit?before=unknown'))).entries).toEqual([]);
      expect(JSON.stringify(await read(await call(admin, '/audit?limit=200')))).not.toMatch(/สมชาย ใจดี|0812345678|081-234-5678|@/);

      for (const query of ['limit=0', 'limit=201', 'limit=abc', `before=${'x'.repeat(65)}`, 'actor=a&actor=b', `target=${'x'.repeat(301)}`]) {
        const res = await call(admin, `/audit?${query}`);
        expect([query, res.status, await errorCode(res)]).toEqual([query, 400, 'validation']);
      }
      expect((await call(officer, '/audit')).status).toBe(403);
      expect((await call(undefined, '/audit')).status).toBe(401);
    });

    test('bad status changes get a 400; complaints outside the scope a 404', async () => {
      const complaint = await fileComplaint();
      const officer = await signIn('cm.officer', 'a-long-password-1');
      for (const json of [{ status: 'done', note: 'x' }, { status: 'resolved' }, { status: 'resolved', note: '' }, { status: 'resolved', note: 'x'.repeat(1001) }]) {
        expect((await call(officer, `/complaints/${complaint._id}/status`, { method: 'POST', json })).status).toBe(400);
      }
      const elsewhere = await signIn('kk.officer', 'a-long-password-3');
      expect((await call(elsewhere, `/complaints/${complaint._id}`)).status).toBe(404);
      expect((await call(elsewhere, `/complaints/${complaint._id}/status`, { method: 'POST', json: { status: 'resolved', note: 'x' } })).status).toBe(404);
      expect((await call(officer, `/complaints/${complaint._id}`)).status).toBe(200);
      expect((await t.app.complaints.get(complaint._id))?.status).toBe('received');
    });
  });

  describe('office hours', () => {
    test('every officer reads them; an admin changes them, and the bot follows at once', async () => {
      const officer = await signIn('cm.officer', 'a-long-password-1');
      const current = await read(await call(officer, '/office-hours'));
      expect(current.openNow).toBe(true);
      expect(current.calendar.weekly[1]).toEqual([{ start: '08:30', end: '16:30' }]);
      expect(current.calendar.holidays.length).toBeGreaterThan(30);
      expect((await call(officer, '/office-hours', { method: 'PUT', json: current.calendar })).status).toBe(403);

      await t.app.officers.create({ username: 'root.admin', displayName: 'Admin', role: 'admin', centres: [], password: 'a-long-password-5' }, false);
      const admin = await signIn('root.admin', 'a-long-password-5');
      // A Cabinet decision: today (Monday 23 November 2026) becomes a holiday.
      const holiday = { date: '2026-11-23', nameTh: 'วันหยุดพิเศษ', nameEn: 'Special holiday', estimate: false, extra: 'dropped' };
      const changed = await call(admin, '/office-hours', { method: 'PUT', json: { ...current.calendar, holidays: [...current.calendar.holidays, holiday] } });
      expect(changed.status).toBe(200);
      const after = await read(await call(officer, '/office-hours'));
      expect(after.openNow).toBe(false);
      expect(after.calendar.holidays).toContainEqual({ date: '2026-11-23', nameTh: 'วันหยุดพิเศษ', nameEn: 'Special holiday', estimate: false });
      expect(t.app.handoffs.liveNow()).toBe(false);
    });

    test.each([
      ['six days', (c: { weekly: unknown[] }) => ({ ...c, weekly: c.weekly.slice(1) })],
      ['a time that is not HH:mm', (c: { weekly: unknown[] }) => ({ ...c, weekly: [[], [{ start: '8.30', end: '16:30' }], [], [], [], [], []] })],
      ['an opening that ends before it starts', (c: { weekly: unknown[] }) => ({ ...c, weekly: [[], [{ start: '16:30', end: '08:30' }], [], [], [], [], []] })],
      ['a date that is not one', (c: { holidays: unknown[] }) => ({ ...c, holidays: [{ date: '2026-02-30', nameTh: 'x', nameEn: 'x' }] })],
      ['a holiday without a name', (c: { holidays: unknown[] }) => ({ ...c, holidays: [{ date: '2026-12-01', nameTh: 5, nameEn: 'x' }] })],
      ['too many holidays', (c: { holidays: unknown[] }) => ({ ...c, holidays: Array.from({ length: 401 }, () => ({ date: '2026-12-01', nameTh: 'x', nameEn: 'x' })) })],
      ['a week with no opening', (c: { weekly: unknown[] }) => ({ ...c, weekly: [[], [], [], [], [], [], []] })],
      ['the same date twice', (c: { holidays: unknown[] }) => ({ ...c, holidays: [{ date: '2026-12-01', nameTh: 'x', nameEn: 'x' }, { date: '2026-12-01', nameTh: 'y', nameEn: 'y' }] })],
      ['not an object', () => [1, 2, 3]],
    ])('a malformed calendar is refused with a 400: %s', async (_name, spoil) => {
      await t.app.officers.create({ username: 'root.admin', displayName: 'Admin', role: 'admin', centres: [], password: 'a-long-password-5' }, false);
      const admin = await signIn('root.admin', 'a-long-password-5');
      const current = (await read(await call(admin, '/office-hours'))).calendar;
      const res = await call(admin, '/office-hours', { method: 'PUT', json: spoil(current) });
      expect(res.status).toBe(400);
      expect((await read(await call(admin, '/office-hours'))).calendar).toEqual(current);
    });
  });

  describe('the realtime stream', () => {
    const open = (client: Client | undefined, origin: string) =>
      new WebSocket(`${base.replace('http', 'ws')}/api/officer/stream`, { headers: { origin, ...(client ? { cookie: client.cookie } : {}) } });
    const refused = (socket: WebSocket) => new Promise<number>((resolve) => {
      socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      socket.on('error', () => resolve(-1));
    });

    test('another origin or no session is refused', async () => {
      const officer = await signIn('cm.officer', 'a-long-password-1');
      expect(await refused(open(officer, 'https://evil.example'))).toBe(403);
      expect(await refused(open(undefined, base))).toBe(401);
    });

    test('officers in scope hear of a new request and the citizen\'s messages; others hear nothing', async () => {
      const own = await signIn('cm.officer', 'a-long-password-1');
      const elsewhere = await signIn('kk.officer', 'a-long-password-3');
      const frames: Record<string, Array<{ type: string; id?: string; item?: { id: string } }>> = { own: [], elsewhere: [] };
      const sockets = await Promise.all(Object.entries({ own, elsewhere }).map(([name, client]) => new Promise<WebSocket>((resolve, reject) => {
        const socket = open(client, base);
        socket.on('message', (data) => frames[name].push(JSON.parse(String(data))));
        socket.on('open', () => resolve(socket));
        socket.on('error', reject);
      })));
      try {
        await citizenAsks();
        await t.app.adapter.processActivity(incomingMessage('รายละเอียดเพิ่มเติม', { conversationId: CITIZEN }), (context) => t.app.bot.run(context));
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(frames.own.map((frame) => frame.type)).toEqual(expect.arrayContaining(['queue', 'message']));
        expect(frames.own.find((frame) => frame.type === 'queue')?.item?.id).toBe(ID);
        expect(frames.elsewhere.filter((frame) => frame.type !== 'ping')).toEqual([]);
      } finally {
        for (const socket of sockets) socket.close();
      }
    });
  });
});
