import { fileOfLink, filePath } from '../../lib/files/links';
import { idOf } from '../../handoff/conversationIds';
import { MESSAGES_COLLECTION, type TranscriptMessage } from '../../lib/handoff/transcript';
import { loadSecrets } from '../../lib/secrets';
import { TestClock } from '../helpers/dialogHarness';
import { NAMED_DRAFT } from '../helpers/drafts';
import { buildTestApp, type TestApp } from '../helpers/testApp';

/**
 * A citizen's attachments come only from the service's own file store, over real HTTP: on Direct Line a message
 * may point only at files uploaded to its own conversation (anything else is a 400 and nothing is kept), and the
 * officers are given links only to such files — for what arrives now, and for what was stored before.
 */

const MONDAY_MORNING = Date.UTC(2026, 10, 23, 3, 0, 0);
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

interface Conversation {
  conversationId: string;
  token: string;
}

interface Attachment {
  contentType: string;
  contentUrl?: string;
  url?: string;
  name?: string;
}

describe('citizen attachments', () => {
  let t: TestApp;
  let base: string;
  let secret: string;

  beforeEach(async () => {
    t = await buildTestApp({}, { now: new TestClock(MONDAY_MORNING).now });
    base = await t.listen();
    secret = loadSecrets(t.dataDir, {}).directLineSecret;
    await t.app.officers.create({ username: 'cm.officer', displayName: 'สมชาย', role: 'officer', centres: ['50'], password: 'a-long-password-1' }, false);
  });
  afterEach(async () => t.close());

  const directLine = (path: string, auth: string, init: { method?: string; json?: unknown; body?: FormData } = {}) =>
    fetch(`${base}/v3/directline${path}`, {
      method: init.method ?? 'POST',
      headers: { authorization: `Bearer ${auth}`, ...(init.json !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
    });
  const startConversation = async (userId: string): Promise<Conversation> => {
    const res = await directLine('/conversations', secret, { json: { user: { id: userId } } });
    expect(res.status).toBe(201);
    return (await res.json()) as Conversation;
  };
  const say = (conversation: Conversation, activity: Record<string, unknown>) =>
    directLine(`/conversations/${conversation.conversationId}/activities`, conversation.token, { json: { type: 'message', from: { id: 'ignored' }, ...activity } });
  /** Uploads a photo as Web Chat does; returns the attachment the service logged for it. */
  const upload = async (conversation: Conversation, name = 'road.png'): Promise<Attachment> => {
    const form = new FormData();
    form.append('file', new Blob([PNG], { type: 'image/png' }), name);
    const res = await directLine(`/conversations/${conversation.conversationId}/upload`, conversation.token, { body: form });
    expect(res.status).toBe(200);
    return (await logged(conversation)).at(-1)?.attachments?.[0] as Attachment;
  };
  const logged = async (conversation: Conversation) => {
    const res = await directLine(`/conversations/${conversation.conversationId}/activities`, secret, { method: 'GET' });
    return ((await res.json()) as { activities: Array<{ from: { role?: string }; text?: string; attachments?: Attachment[] }> }).activities.filter((activity) => activity.from.role === 'user');
  };
  const errorOf = async (res: Response) => ({ status: res.status, body: (await res.json()) as unknown });

  const officerSignIn = async () => {
    const res = await fetch(`${base}/api/officer/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'cm.officer', password: 'a-long-password-1' }) });
    const body = (await res.json()) as { csrfToken: string };
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
    return (path: string, method = 'GET') => fetch(`${base}/api/officer${path}`, { method, headers: { cookie, 'x-csrf-token': body.csrfToken } });
  };

  test('a message may point only at files uploaded to its own conversation: anything else is a 400, and nothing is kept', async () => {
    const citizen = await startConversation('dl_citizen');
    const stranger = await startConversation('dl_stranger');
    const own = await upload(citizen);
    const theirs = await upload(stranger);
    const before = (await logged(citizen)).length;
    const officerApi = `${base}/api/officer/complaints/DD-2569-7K3Q9XR`;
    const forged = new URL(own.contentUrl as string);
    forged.searchParams.set('t', new URL(theirs.contentUrl as string).searchParams.get('t') as string);
    const otherFile = new URL(own.contentUrl as string);
    otherFile.pathname = otherFile.pathname.replace(/[^/]+$/, new URL(theirs.contentUrl as string).pathname.split('/').at(-1) as string);
    for (const attachment of [
      { contentType: 'image/png', contentUrl: officerApi },
      { contentType: 'image/png', contentUrl: `${base}/api/officer/conversations/x/claim` },
      { contentType: 'image/png', contentUrl: 'https://example.com/photo.png' },
      { contentType: 'image/png', contentUrl: theirs.contentUrl },
      { contentType: 'image/png', contentUrl: forged.href },
      { contentType: 'image/png', contentUrl: otherFile.href },
      { contentType: 'image/png', contentUrl: (own.contentUrl as string).replace(/\?t=.*$/, '') },
      { contentType: 'image/png', name: 'no link at all.png' },
    ]) {
      const refused = await errorOf(await say(citizen, { attachments: [attachment] }));
      expect([attachment, refused]).toEqual([attachment, { status: 400, body: { error: { code: 'BadArgument', message: expect.stringContaining('attachments[0].contentUrl') } } }]);
    }
    // One good attachment does not carry a bad one through.
    expect((await say(citizen, { attachments: [{ contentType: 'image/png', contentUrl: own.contentUrl }, { contentType: 'image/png', contentUrl: officerApi }] })).status).toBe(400);
    expect(await logged(citizen)).toHaveLength(before);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  test('a file of its own conversation is accepted, and kept with the link the service itself builds', async () => {
    const citizen = await startConversation('dl_citizen');
    const own = await upload(citizen);
    // The same file, linked through another host and with the client's own ideas of its type and name.
    const elsewhere = new URL(own.contentUrl as string);
    elsewhere.host = 'evil.example';
    const res = await say(citizen, { text: 'อีกครั้ง', attachments: [{ contentType: 'text/html', contentUrl: elsewhere.href, name: '<b>x</b>.html' }] });
    expect(res.status).toBe(200);
    const [kept] = (await logged(citizen)).at(-1)?.attachments ?? [];
    expect(kept).toEqual({ contentType: 'image/png', contentUrl: own.contentUrl, name: 'road.png' });
    expect(new URL(kept.contentUrl as string).origin).toBe(base);
    expect((await fetch(kept.contentUrl as string)).status).toBe(200);
  });

  test('officers are given only links to the conversation\'s own files: for what arrives now, and for what was stored before', async () => {
    const citizen = await startConversation('dl_citizen');
    const key = `directline/${citizen.conversationId}`;
    const before = await upload(citizen, 'before.png');
    for (const text of ['ขอคุยกับเจ้าหน้าที่', 'เชียงใหม่', 'ใช่']) expect((await say(citizen, { text })).status).toBe(200);
    expect(await t.app.handoffs.get(key)).toMatchObject({ state: 'queued', centreCode: '50' });
    const during = await upload(citizen, 'during.png');
    // Written before attachments were checked: a link of the citizen's choosing to an officer API on this origin.
    await t.store.collection<TranscriptMessage>(MESSAGES_COLLECTION).insertOne({
      conversationKey: key,
      at: MONDAY_MORNING + 1,
      speaker: 'citizen',
      attachments: [{ contentType: 'image/png', url: `${base}/api/officer/complaints/DD-2569-7K3Q9XR`, name: 'old.png' }],
    });

    const officer = await officerSignIn();
    const view = (await (await officer(`/conversations/${idOf(key)}`)).json()) as { messages: Array<{ speaker: string; attachments?: Attachment[] }> };
    const attachments = view.messages.flatMap((message) => message.attachments ?? []);
    expect(attachments).toEqual(expect.arrayContaining([
      { contentType: 'image/png', url: before.contentUrl, name: 'before.png' },
      { contentType: 'image/png', url: during.contentUrl, name: 'during.png' },
      { contentType: 'image/png', name: 'old.png' },
    ]));
    expect(JSON.stringify(view)).not.toContain('/api/officer/');
    // Reading the conversation is audited once; nothing else was read in the officer's name.
    const audit = await t.store.collection<{ _id: string; action: string }>('audit').find({ action: { $in: ['complaint.view', 'handoff.view'] } }).toArray();
    expect(audit.map((entry) => entry.action)).toEqual(['handoff.view']);
  });

  test('a complaint\'s photos are shown to officers only as links to the conversation\'s own files', async () => {
    const citizen = await startConversation('dl_citizen');
    const own = await upload(citizen);
    const { complaint } = await t.app.complaints.file({
      draft: {
        ...NAMED_DRAFT,
        attachments: [
          { kind: 'image', url: own.contentUrl as string, contentType: 'image/png', name: 'road.png' },
          // Filed before attachments were checked.
          { kind: 'image', url: `${base}/api/officer/complaints/DD-2569-7K3Q9XR`, contentType: 'image/png', name: 'old.png' },
          { kind: 'link', url: 'https://news.example/road' },
        ],
      },
      channelId: 'directline',
      userId: 'dl_citizen',
      conversation: { channelId: 'directline', serviceUrl: 'directline', conversation: { id: citizen.conversationId }, user: { id: 'dl_citizen' }, bot: { id: 'bot' } },
      lang: 'th',
    });
    const officer = await officerSignIn();
    const view = (await (await officer(`/complaints/${complaint._id}`)).json()) as { complaint: { attachments: unknown[] } };
    // The citizen's photo, through a fresh link of the officer's (lib/files/retention.ts keeps it longer than a token lives).
    const ownFile = fileOfLink(own.contentUrl as string);
    expect(view.complaint.attachments).toEqual([
      { kind: 'image', url: expect.stringContaining(`${base}${filePath(citizen.conversationId, ownFile?.fileId as string)}?t=`), contentType: 'image/png', name: 'road.png' },
      { kind: 'image', contentType: 'image/png', name: 'old.png' },
      { kind: 'link', url: 'https://news.example/road' },
    ]);
  });
});
