import { fileOfLink } from '../../lib/files/links';
import { loadSecrets } from '../../lib/secrets';
import { TestClock } from '../helpers/dialogHarness';
import { NAMED_DRAFT } from '../helpers/drafts';
import { buildTestApp, type TestApp } from '../helpers/testApp';

/**
 * A complaint's photo over real HTTP, long after it was sent: kept by the retention purge because the complaint
 * refers to it, and opened by officers through a fresh link although the link stored in the complaint carries a
 * token that has expired.
 */

const DAY = 24 * 60 * 60 * 1000;
const MONDAY_MORNING = Date.UTC(2026, 10, 23, 3, 0, 0);
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

describe('a complaint\'s photos', () => {
  let t: TestApp;
  let base: string;
  let clock: TestClock;

  beforeEach(async () => {
    clock = new TestClock(MONDAY_MORNING);
    t = await buildTestApp({}, { now: clock.now });
    base = await t.listen();
  });
  afterEach(async () => t.close());

  test('are kept with the complaint past the short retention, and officers open them with a link made when they look', async () => {
    const secret = loadSecrets(t.dataDir, {}).directLineSecret;
    const started = await fetch(`${base}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${secret}` } });
    const { conversationId, token } = (await started.json()) as { conversationId: string; token: string };
    const uploadPhoto = async () => {
      const res = await fetch(`${base}/v3/directline/conversations/${conversationId}/upload`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'image/png' }, body: PNG });
      expect(res.status).toBe(200);
      const log = await fetch(`${base}/v3/directline/conversations/${conversationId}/activities`, { headers: { authorization: `Bearer ${secret}` } });
      const { activities } = (await log.json()) as { activities: Array<{ id: string; attachments?: Array<{ contentUrl: string }> }> };
      const id = ((await res.json()) as { id: string }).id;
      return activities.find((activity) => activity.id === id)?.attachments?.[0].contentUrl as string;
    };
    const evidence = await uploadPhoto();
    const chatPhoto = await uploadPhoto();
    // Filed as the filing flow files it: the photo's link as the upload answered it.
    const { complaint } = await t.app.complaints.file({
      draft: { ...NAMED_DRAFT, attachments: [{ kind: 'image', url: evidence, contentType: 'image/png' }] },
      channelId: 'directline',
      userId: 'dl_citizen',
      conversation: { channelId: 'directline', serviceUrl: 'directline', conversation: { id: conversationId }, user: { id: 'dl_citizen' }, bot: { id: 'damrongdham-bot' } },
      lang: 'th',
    });

    clock.advance(200 * DAY);
    t.app.startBackgroundJobs();
    for (let waited = 0; (await t.store.collection('files').countDocuments()) > 1; waited += 50) {
      if (waited > 5000) throw new Error('the purge did not run');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // The photo sent only in the chat went; the stored link of the complaint's photo has outlived its token.
    const kept = await t.store.collection('files').find({}).toArray();
    expect(kept.map((file) => file._id)).toEqual([fileOfLink(evidence)?.fileId]);
    expect(fileOfLink(chatPhoto)?.fileId).not.toBe(kept[0]._id);
    const stale = await fetch(evidence);
    expect(stale.status).toBe(403);
    expect(((await stale.json()) as { error: { code: string } }).error.code).toBe('TokenExpired');

    await t.app.officers.create({ username: 'cm.officer', displayName: 'สมชาย', role: 'officer', centres: ['50'], password: 'a-long-password-1' }, false);
    const session = await fetch(`${base}/api/officer/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'cm.officer', password: 'a-long-password-1' }) });
    const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0];
    const view = await fetch(`${base}/api/officer/complaints/${complaint._id}`, { headers: { cookie } });
    expect(view.status).toBe(200);
    const [attachment] = ((await view.json()) as { complaint: { attachments: Array<{ kind: string; url: string }> } }).complaint.attachments;
    expect(attachment.url).not.toBe(evidence);
    expect(new URL(attachment.url).pathname).toBe(new URL(evidence).pathname);
    const fresh = await fetch(attachment.url);
    expect(fresh.status).toBe(200);
    expect(Buffer.from(await fresh.arrayBuffer()).equals(PNG)).toBe(true);
  });
});
