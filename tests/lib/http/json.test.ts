import { type HandoffDocument, HANDOFFS_COLLECTION } from '../../../lib/handoff/handoffs';
import { idOf } from '../../../handoff/conversationIds';
import { MAX_JSON_DEPTH, parseClientJson } from '../../../lib/http/json';
import { buildTestApp, type TestApp } from '../../helpers/testApp';

/**
 * One rule for the JSON clients send, on every route that reads JSON: deeper than MAX_JSON_DEPTH is a 400, not
 * a 500 from whatever walks the value later, and the service goes on.
 */

const APP_ID = '0d4a9c3e-8f1b-4c5d-9e7f-1a2b3c4d5e6f';
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('the rule for client JSON', () => {
  test('nesting up to the limit is parsed; one level more is refused; brackets inside strings do not count', () => {
    expect(parseClientJson(`{"value":${nested(MAX_JSON_DEPTH - 1)}}`)).toEqual({ value: expect.any(Array) });
    expect(() => parseClientJson(`{"value":${nested(MAX_JSON_DEPTH)}}`)).toThrow(`The JSON is nested more than ${MAX_JSON_DEPTH} levels deep`);
    expect(parseClientJson(JSON.stringify({ text: '['.repeat(1000) + '"\\' }))).toEqual({ text: '['.repeat(1000) + '"\\' });
    expect(() => parseClientJson('{"a":')).toThrow('The body is not valid JSON');
  });
});

describe('deeply nested JSON over HTTP', () => {
  let t: TestApp;
  let base: string;
  let chat: { token: string; conversationId: string };

  beforeEach(async () => {
    t = await buildTestApp({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'not-a-real-password' });
    base = await t.listen();
    chat = (await (await fetch(`${base}/api/directline/token`, { method: 'POST' })).json()) as typeof chat;
    await fetch(`${base}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${chat.token}` } });
  });
  afterEach(async () => t.close());

  /** 400, as each API says it: Direct Line's `BadArgument`, the officer API's `validation` of the body's format. */
  const expectTooDeep = async (response: Response) => {
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string; details?: unknown } };
    if (new URL(response.url).pathname.startsWith('/api/officer/')) {
      expect([body.error.code, body.error.details]).toEqual(['validation', { field: 'body', rule: 'format' }]);
    } else {
      expect(body.error.code).toBe('BadArgument');
    }
    expect(body.error.message).toContain(`nested more than ${MAX_JSON_DEPTH} levels deep`);
  };
  const activities = (body: string) => fetch(`${base}/v3/directline/conversations/${chat.conversationId}/activities`, {
    method: 'POST',
    headers: { authorization: `Bearer ${chat.token}`, 'content-type': 'application/json' },
    body,
  });

  test('a Direct Line activity whose value is nested 30,000 deep gets 400; a modestly nested one is taken', async () => {
    await expectTooDeep(await activities(`{"type":"event","name":"x","value":${nested(30000)}}`));
    expect((await activities(`{"type":"event","name":"x","value":${nested(20)}}`)).status).toBe(200);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  test('the same on an upload\'s activity part, the officer API (parsed and hand-read) and the Azure endpoint', async () => {
    const form = new FormData();
    form.append('activity', new Blob([`{"type":"message","value":${nested(30000)}}`], { type: 'application/json' }));
    form.append('file', new Blob([Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')], { type: 'image/png' }), 'photo.png');
    await expectTooDeep(await fetch(`${base}/v3/directline/conversations/${chat.conversationId}/upload`, { method: 'POST', headers: { authorization: `Bearer ${chat.token}` }, body: form }));

    const json = { 'content-type': 'application/json' };
    await expectTooDeep(await fetch(`${base}/api/officer/session`, { method: 'POST', headers: json, body: `{"username":${nested(5000)}}` }));

    await t.app.officers.create({ username: 'cm.officer', displayName: 'สมชาย', role: 'officer', centres: ['50'], password: 'a-long-password-1' }, false);
    const session = await fetch(`${base}/api/officer/session`, { method: 'POST', headers: json, body: JSON.stringify({ username: 'cm.officer', password: 'a-long-password-1' }) });
    const { csrfToken, officer: me } = (await session.json()) as { csrfToken: string; officer: { id: string } };
    const officer = { ...json, cookie: (session.headers.get('set-cookie') ?? '').split(';')[0], 'x-csrf-token': csrfToken };
    // A live chat of this officer's: a reply's scope and ownership are checked before its body is read.
    const at = Date.now();
    await t.store.collection<HandoffDocument>(HANDOFFS_COLLECTION).insertOne({
      _id: 'directline/abc', state: 'live', kind: 'live', centreCode: '50', reason: '', lang: 'th', channelId: 'directline',
      conversation: {}, requestedAt: at, queuedAt: at, officerId: me.id, claimedAt: at, lastActivityAt: at, updatedAt: at,
    });
    await expectTooDeep(await fetch(`${base}/api/officer/conversations/${idOf('directline/abc')}/messages`, { method: 'POST', headers: officer, body: `{"text":"hi","extra":${nested(5000)}}` }));

    await expectTooDeep(await fetch(`${base}/api/messages`, { method: 'POST', headers: json, body: `{"type":"message","value":${nested(30000)}}` }));
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});
