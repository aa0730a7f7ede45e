import { idOf } from '../../../../handoff/conversationIds';
import { loadSecrets } from '../../../../lib/secrets';
import { incomingMessage } from '../../../helpers/activities';
import { TestClock } from '../../../helpers/dialogHarness';
import { seedTexts } from '../../../helpers/seedTexts';
import { buildTestApp, type TestApp } from '../../../helpers/testApp';

/**
 * Upload quotas over real HTTP: per conversation (a citizen's photos) and overall (citizens' and officers'), with
 * the `{"error": {code, message}}` answer an API client gets, the message the citizen gets from the bot in their
 * language (Web Chat itself only marks the photo as not sent), and room made again by the retention purge that
 * the service's background jobs run.
 */

const MB = 1024 * 1024;
const DAY = 24 * 60 * 60 * 1000;
/** Monday morning in Bangkok: officers are in. */
const MONDAY_MORNING = Date.UTC(2026, 10, 23, 3, 0, 0);
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
/** A PNG of the given size: what the service judges by is its first bytes. */
const photoOf = (bytes: number) => Buffer.concat([PNG, Buffer.alloc(bytes - PNG.length)]);

type Json = Record<string, unknown>;

interface Conversation {
  conversationId: string;
  token: string;
}

describe('upload quotas', () => {
  let t: TestApp;
  let base: string;
  let secret: string;
  let clock: TestClock;

  beforeEach(async () => {
    clock = new TestClock(MONDAY_MORNING);
    t = await buildTestApp(
      { UPLOAD_QUOTA_CONVERSATION_FILES: '3', UPLOAD_QUOTA_CONVERSATION_MB: '1', UPLOAD_QUOTA_TOTAL_MB: '2', UPLOAD_RETENTION_DAYS: '30' },
      { now: clock.now },
    );
    base = await t.listen();
    secret = loadSecrets(t.dataDir, {}).directLineSecret;
  });
  afterEach(async () => t.close());

  const start = async (userId: string): Promise<Conversation> => {
    const res = await fetch(`${base}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' }, body: JSON.stringify({ user: { id: userId } }) });
    expect(res.status).toBe(201);
    return (await res.json()) as Conversation;
  };
  /** A photo as Web Chat sends it: multipart, with the activity it belongs to (and the page's locale). */
  const upload = async (conversation: Conversation, bytes: number, locale = 'th-TH') => {
    const form = new FormData();
    form.append('activity', new Blob([JSON.stringify({ type: 'message', locale, attachments: [{ contentType: 'image/png', name: 'photo.png' }] })], { type: 'application/vnd.microsoft.activity' }));
    form.append('file', new Blob([photoOf(bytes)], { type: 'image/png' }), 'photo.png');
    const res = await fetch(`${base}/v3/directline/conversations/${conversation.conversationId}/upload`, { method: 'POST', headers: { authorization: `Bearer ${conversation.token}` }, body: form });
    return { status: res.status, body: (await res.json()) as Json };
  };
  const activities = async (conversation: Conversation): Promise<Json[]> => {
    const res = await fetch(`${base}/v3/directline/conversations/${conversation.conversationId}/activities`, { headers: { authorization: `Bearer ${secret}` } });
    return ((await res.json()) as { activities: Json[] }).activities;
  };
  const lastBotText = async (conversation: Conversation) => (await activities(conversation)).filter((activity) => (activity.from as Json).role === 'bot').at(-1)?.text;
  const photosLogged = async (conversation: Conversation) => (await activities(conversation)).filter((activity) => Array.isArray(activity.attachments) && (activity.from as Json).role === 'user');
  const storedFiles = (conversationId: string) => t.store.collection('files').countDocuments({ conversationId });

  test('a conversation\'s quota in files: the upload past it gets a 413, keeps nothing, and the citizen is told why in Thai', async () => {
    const a = await start('dl_quota_files');
    for (let i = 0; i < 3; i += 1) expect((await upload(a, 1000)).status).toBe(200);
    const refused = await upload(a, 1000);
    expect(refused).toEqual({
      status: 413,
      body: { error: { code: 'ConversationQuotaExceeded', message: 'This conversation already holds the most uploads it may keep (3 files or 1 MB); nothing of this upload was kept' } },
    });
    expect(await lastBotText(a)).toBe(seedTexts.get('th', 'upload.refused.conversation', { files: 3, mb: 1 }));
    expect(await photosLogged(a)).toHaveLength(3);
    expect(await storedFiles(a.conversationId)).toBe(3);
    // The citizen goes on; another conversation has a quota of its own; the service is fine.
    const b = await start('dl_quota_other');
    expect((await upload(b, 1000)).status).toBe(200);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  test('a conversation\'s quota in bytes, told in English to a citizen on the English page', async () => {
    const a = await start('dl_quota_bytes');
    expect((await upload(a, 0.6 * MB, 'en-US')).status).toBe(200);
    const refused = await upload(a, 0.6 * MB, 'en-US');
    expect(refused.status).toBe(413);
    expect((refused.body.error as Json).code).toBe('ConversationQuotaExceeded');
    expect(await lastBotText(a)).toBe(seedTexts.get('en', 'upload.refused.conversation', { files: 3, mb: 1 }));
    expect(await storedFiles(a.conversationId)).toBe(1);
    expect((await upload(a, 0.3 * MB, 'en-US')).status).toBe(200);
  });

  test('the overall quota counts citizens\' and officers\' photos; reached, both get a 413; the retention purge makes room again', async () => {
    await t.app.officers.create({ username: 'cm.officer', displayName: 'สมชาย', role: 'officer', centres: ['50'], password: 'a-long-password-1' }, false);
    const signIn = async () => {
      const res = await fetch(`${base}/api/officer/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'cm.officer', password: 'a-long-password-1' }) });
      return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0], csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
    };
    let officer = await signIn();
    for (const text of ['ขอคุยกับเจ้าหน้าที่', 'เชียงใหม่', 'ใช่']) {
      await t.app.adapter.processActivity(incomingMessage(text, { conversationId: 'quota-citizen' }), (context) => t.app.bot.run(context));
    }
    const id = idOf('test/quota-citizen');
    const officerCall = (path: string, body?: FormData) => fetch(`${base}/api/officer/conversations/${id}${path}`, { method: 'POST', headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrf }, body });
    expect((await officerCall('/claim')).status).toBe(200);
    const officerPhoto = (bytes: number) => {
      const form = new FormData();
      form.append('text', 'แผนที่ค่ะ');
      form.append('file', new Blob([photoOf(bytes)], { type: 'image/png' }), 'map.png');
      return officerCall('/messages', form);
    };

    const a = await start('dl_total_a');
    const first = await upload(a, 0.9 * MB);
    expect(first.status).toBe(200);
    expect((await officerPhoto(0.9 * MB)).status).toBe(200);
    const sentToCitizen = t.connector.sent.length;

    // 1.8 MB of 2 MB kept: half a megabyte more passes no one's quota.
    const c = await start('dl_total_c');
    const refused = await upload(c, 0.5 * MB);
    expect(refused).toEqual({ status: 413, body: { error: { code: 'StorageQuotaExceeded', message: 'The service cannot keep more uploaded files at the moment; nothing of this upload was kept' } } });
    expect(await lastBotText(c)).toBe(seedTexts.get('th', 'upload.refused.total'));
    const officerRefused = await officerPhoto(0.5 * MB);
    expect(officerRefused.status).toBe(413);
    expect(await officerRefused.json()).toEqual({ error: { code: 'quota-exceeded', message: expect.any(String), details: { quota: 'total' } } });
    expect(t.connector.sent.length).toBe(sentToCitizen);
    expect(await t.store.collection('files').countDocuments()).toBe(2);

    // Thirty days on, the service's own background purge deletes both photos (no complaint refers to them).
    const link = ((await photosLogged(a))[0].attachments as Array<{ contentUrl: string }>)[0].contentUrl;
    expect((await fetch(link)).status).toBe(200);
    clock.advance(30 * DAY);
    t.app.startBackgroundJobs();
    for (let waited = 0; (await fetch(link)).status !== 404; waited += 50) {
      if (waited > 5000) throw new Error('the purge did not run');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    for (let waited = 0; (await t.store.collection('files').countDocuments()) > 0; waited += 50) {
      if (waited > 5000) throw new Error('the purge did not finish');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // A month later the citizen's token and the officer's session are new ones.
    const again = await fetch(`${base}/v3/directline/conversations/${c.conversationId}`, { headers: { authorization: `Bearer ${secret}` } });
    expect((await upload((await again.json()) as Conversation, 0.5 * MB)).status).toBe(200);
    officer = await signIn();
    expect((await officerPhoto(0.5 * MB)).status).toBe(200);
    expect(t.logs.lines().some((line) => line.msg === 'uploaded files purged' && line.deleted === 2)).toBe(true);
  });
});
