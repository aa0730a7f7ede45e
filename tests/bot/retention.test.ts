import { loadSecrets } from '../../lib/secrets';
import { TestClock } from '../helpers/dialogHarness';
import { buildTestApp, type TestApp } from '../helpers/testApp';

/** Retention over HTTP: a Web Chat conversation past DIRECTLINE_RETENTION_DAYS is gone, and its browser starts afresh. */
describe('retention of Web Chat conversations', () => {
  let t: TestApp;
  afterEach(async () => t.close());

  test('a conversation idle longer than DIRECTLINE_RETENTION_DAYS is deleted; a younger one is kept', async () => {
    const clock = new TestClock(Date.UTC(2026, 10, 23, 3, 0, 0));
    t = await buildTestApp({ DIRECTLINE_RETENTION_DAYS: '10' }, { now: clock.now });
    const base = await t.listen();
    const secret = loadSecrets(t.dataDir, {}).directLineSecret;
    const open = async () => {
      const response = await fetch(`${base}/api/directline/token`, { method: 'POST' });
      const grant = (await response.json()) as { token: string; conversationId: string };
      const started = await fetch(`${base}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${grant.token}` } });
      expect(started.status).toBe(201);
      const posted = await fetch(`${base}/v3/directline/conversations/${grant.conversationId}/activities`, {
        method: 'POST',
        headers: { authorization: `Bearer ${grant.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'message', text: 'ภาษาไทย', from: { id: 'ignored' } }),
      });
      expect(posted.status).toBe(200);
      return { ...grant, cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] };
    };
    const read = (conversationId: string) => fetch(`${base}/v3/directline/conversations/${conversationId}/activities`, { headers: { authorization: `Bearer ${secret}` } });

    const old = await open();
    clock.advance(6 * 24 * 60 * 60 * 1000);
    const recent = await open();
    clock.advance(5 * 24 * 60 * 60 * 1000);
    await t.app.purgeRetained();

    expect((await read(old.conversationId)).status).toBe(404);
    const kept = await read(recent.conversationId);
    expect(kept.status).toBe(200);
    expect(((await kept.json()) as { activities: unknown[] }).activities.length).toBeGreaterThan(1);
    // The old conversation's browser comes back (its resume cookie still valid): the conversation is not resumed.
    const back = await fetch(`${base}/api/directline/token`, { method: 'POST', headers: { cookie: old.cookie } });
    expect(((await back.json()) as { resumed: boolean }).resumed).toBe(false);
    expect(t.logs.lines().find((line) => line.msg === 'expired conversations purged')).toMatchObject({ deleted: { conversations: 1 } });
  });
});
