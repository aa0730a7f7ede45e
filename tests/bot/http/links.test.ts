import { request as httpRequest } from 'node:http';
import { idOf } from '../../../handoff/conversationIds';
import { TestClock } from '../../helpers/dialogHarness';
import { buildTestApp, type TestApp } from '../../helpers/testApp';

/**
 * Links that work for everyone, over real HTTP: with PUBLIC_URL unset, what a citizen is handed is built on the
 * address their own client used (through a trusted proxy: its scheme too), never on `localhost` or on the
 * address an officer happens to use; with PUBLIC_URL set, on PUBLIC_URL.
 */

// Monday 23 November 2026, 10:00 in Bangkok: officers are in.
const MONDAY_MORNING = Date.UTC(2026, 10, 23, 3, 0, 0);
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
/** How the citizen reaches the service: through the deployment's reverse proxy, which speaks https to them. */
const CITIZEN_HOST = 'chat.example.test';
const PROXY = { host: CITIZEN_HOST, 'x-forwarded-proto': 'https', 'x-forwarded-for': '198.51.100.7' };

interface Reply {
  status: number;
  json: Record<string, unknown>;
  body: Buffer;
}

describe('links a citizen is given', () => {
  let t: TestApp;
  let base: string;

  async function start(env: Record<string, string>): Promise<void> {
    t = await buildTestApp(env, { now: new TestClock(MONDAY_MORNING).now });
    base = await t.listen();
    await t.app.officers.create({ username: 'cm.officer', displayName: 'สมชาย', role: 'officer', centres: ['50'], password: 'a-long-password-1' }, false);
  }
  afterEach(async () => t.close());

  /** A request as the citizen's browser sends it, through the proxy: fetch cannot set the Host header. */
  function asCitizen(method: string, path: string, options: { token?: string; json?: unknown } = {}): Promise<Reply> {
    const body = options.json === undefined ? undefined : Buffer.from(JSON.stringify(options.json));
    const { port } = new URL(base);
    return new Promise((resolve, reject) => {
      const req = httpRequest({
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: {
          ...PROXY,
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...(body ? { 'content-type': 'application/json', 'content-length': String(body.length) } : {}),
        },
      }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const all = Buffer.concat(chunks);
          let json: Record<string, unknown> = {};
          try {
            json = JSON.parse(all.toString('utf8')) as Record<string, unknown>;
          } catch {
            // Not JSON (a photo).
          }
          resolve({ status: res.statusCode ?? 0, json, body: all });
        });
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  /** The officer, at the service's own address (as on the server's machine). */
  async function officer() {
    const res = await fetch(`${base}/api/officer/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'cm.officer', password: 'a-long-password-1' }) });
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
    return (path: string, init: { method?: string; body?: FormData } = {}) =>
      fetch(`${base}/api/officer${path}`, { method: init.method ?? 'GET', headers: { cookie, 'x-csrf-token': csrfToken, origin: base }, body: init.body });
  }

  /** A citizen on the chat page asks for an officer of Chiang Mai; an officer claims and sends a photo. */
  async function photoFromOfficer(): Promise<{ contentUrl: string; streamUrl: string }> {
    const grant = await asCitizen('POST', '/api/directline/token', { json: {} });
    expect(grant.status).toBe(200);
    const token = grant.json.token as string;
    const started = await asCitizen('POST', '/v3/directline/conversations', { token, json: {} });
    expect(started.status).toBe(201);
    const conversationId = started.json.conversationId as string;
    for (const text of ['ภาษาไทย', 'ขอคุยกับเจ้าหน้าที่', 'เชียงใหม่', 'ใช่']) {
      expect((await asCitizen('POST', `/v3/directline/conversations/${conversationId}/activities`, { token, json: { type: 'message', text, from: { id: 'x' } } })).status).toBe(200);
    }
    const api = await officer();
    const id = idOf(`directline/${conversationId}`);
    expect((await api(`/conversations/${id}/claim`, { method: 'POST' })).status).toBe(200);
    const form = new FormData();
    form.append('file', new Blob([PNG], { type: 'image/png' }), 'map.png');
    form.append('text', 'แผนที่สำนักงานค่ะ');
    expect((await api(`/conversations/${id}/messages`, { method: 'POST', body: form })).status).toBe(200);
    const read = await asCitizen('GET', `/v3/directline/conversations/${conversationId}/activities`, { token });
    const activities = read.json.activities as Array<{ attachments?: Array<{ contentUrl?: string }> }>;
    const contentUrl = activities.map((activity) => activity.attachments?.[0]?.contentUrl).filter(Boolean).at(-1) as string;
    return { contentUrl, streamUrl: started.json.streamUrl as string };
  }

  test('with PUBLIC_URL unset, on the address the citizen used, with the scheme their proxy saw: not localhost, not the officer\'s', async () => {
    await start({ TRUST_PROXY: 'true' });
    const { contentUrl, streamUrl } = await photoFromOfficer();
    expect(streamUrl.startsWith(`wss://${CITIZEN_HOST}/v3/directline/`)).toBe(true);
    expect(contentUrl.startsWith(`https://${CITIZEN_HOST}/v3/directline/conversations/`)).toBe(true);
    // The link opens, for the citizen, through their address.
    const link = new URL(contentUrl);
    const photo = await asCitizen('GET', `${link.pathname}${link.search}`);
    expect(photo.status).toBe(200);
    expect(photo.body.equals(PNG)).toBe(true);
  });

  test('with PUBLIC_URL set, on PUBLIC_URL, whatever address a request came by', async () => {
    await start({ TRUST_PROXY: 'true', PUBLIC_URL: 'https://damrongdham.example.go.th' });
    const { contentUrl, streamUrl } = await photoFromOfficer();
    expect(streamUrl.startsWith('wss://damrongdham.example.go.th/v3/directline/')).toBe(true);
    expect(contentUrl.startsWith('https://damrongdham.example.go.th/v3/directline/conversations/')).toBe(true);
  });
});
