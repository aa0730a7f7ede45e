import { buildTestApp, type TestApp } from '../helpers/testApp';

/**
 * Officer names over the officer API: bidirectional controls, which could make one name read as another in
 * every officer's queue and transcript, are removed from display names and usernames; Thai stays as typed.
 */

interface OfficerView {
  id: string;
  username: string;
  displayName: string;
}

describe('officer names over the officer API', () => {
  let t: TestApp;
  let base: string;
  let admin: Record<string, string>;

  beforeEach(async () => {
    t = await buildTestApp();
    base = await t.listen();
    await t.app.officers.create({ username: 'root.admin', displayName: 'ผู้ดูแล', role: 'admin', centres: [], password: 'a-long-password-9' }, false);
    const session = await fetch(`${base}/api/officer/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'root.admin', password: 'a-long-password-9' }) });
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    admin = { 'content-type': 'application/json', cookie: (session.headers.get('set-cookie') ?? '').split(';')[0], 'x-csrf-token': csrfToken };
  });
  afterEach(async () => t.close());

  test('a new account and a renamed one lose the controls; the officer signs in with the clean username', async () => {
    const created = await fetch(`${base}/api/officer/officers`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ username: 'cm.\u202Esomchai\u200E', displayName: 'สมชาย \u202Eใจดี\u202C', role: 'officer', centres: ['50'] }),
    });
    expect(created.status).toBe(201);
    const { officer, password } = (await created.json()) as { officer: OfficerView; password: string };
    expect(officer).toMatchObject({ username: 'cm.somchai', displayName: 'สมชาย ใจดี' });

    const renamed = await fetch(`${base}/api/officer/officers/${officer.id}`, { method: 'PATCH', headers: admin, body: JSON.stringify({ displayName: '\u2066นางสาวน้ำผึ้ง\u2069 ๒' }) });
    expect(renamed.status).toBe(200);
    expect(((await renamed.json()) as { officer: OfficerView }).officer.displayName).toBe('นางสาวน้ำผึ้ง ๒');

    const signIn = await fetch(`${base}/api/officer/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'cm.somchai', password }) });
    expect(signIn.status).toBe(200);
  });

  test('a display name of nothing but controls is refused like an empty one', async () => {
    const list = (await (await fetch(`${base}/api/officer/officers`, { headers: admin })).json()) as { officers: OfficerView[] };
    const self = list.officers.find((entry) => entry.username === 'root.admin') as OfficerView;
    const renamed = await fetch(`${base}/api/officer/officers/${self.id}`, { method: 'PATCH', headers: admin, body: JSON.stringify({ displayName: '\u202E\u200F' }) });
    expect(renamed.status).toBe(400);
  });
});
