import { DirectLine } from 'botframework-directlinejs';
import { WebSocket } from 'ws';
import { BOT_ACCOUNT, OFFICER_ACCOUNT_PREFIX, senderOf } from '../../../../bot/channels/directline/service';
import { DIRECTLINE_ACTIVITIES } from '../../../../lib/directline/log';
import { markWrittenBy } from '../../../../lib/handoff/author';
import { markPrivacy } from '../../../../lib/privacy/marks';
import { loadSecrets } from '../../../../lib/secrets';
import { asObject, Citizen, FormDataXhr, type Json, restActivities, spoken } from '../../../helpers/directLineClient';
import { buildTestApp, type TestApp } from '../../../helpers/testApp';

/**
 * Who the citizen sees answering on Direct Line: an officer's reply comes from the officer, by their display
 * name, on the bot's side of the conversation; everything else the service sends comes from the bot. Checked as
 * Web Chat's own client receives it over the stream, and in the log a returning client reads back.
 */

const SOMSRI = { officerId: 'somsri-account-id', displayName: 'สมศรี ใจงาม' };
const SUDA = { officerId: 'suda-account-id', displayName: 'Suda K.' };

describe('the sender of what the service sends on Direct Line', () => {
  // directlinejs needs a browser's XMLHttpRequest and WebSocket (tests/helpers/directLineClient.ts says why).
  const saved: Record<string, unknown> = { XMLHttpRequest: Reflect.get(globalThis, 'XMLHttpRequest'), WebSocket: Reflect.get(globalThis, 'WebSocket') };
  beforeAll(() => {
    Reflect.set(globalThis, 'XMLHttpRequest', FormDataXhr);
    Reflect.set(globalThis, 'WebSocket', WebSocket);
  });
  afterAll(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) Reflect.deleteProperty(globalThis, name);
      else Reflect.set(globalThis, name, value);
    }
  });

  let t: TestApp;
  let base: string;
  let citizen: Citizen;
  let conversationId: string;

  beforeEach(async () => {
    t = await buildTestApp();
    base = await t.listen();
    const response = await fetch(`${base}/api/directline/token`, { method: 'POST' });
    const grant = (await response.json()) as { token: string; conversationId: string; userId: string };
    conversationId = grant.conversationId;
    const dl = new DirectLine({ domain: `${base}/v3/directline`, token: grant.token, webSocket: true, WebSocket: WebSocket as unknown as typeof globalThis.WebSocket });
    const secret = loadSecrets(t.dataDir, {}).directLineSecret;
    citizen = new Citizen(dl, grant.userId, { base, conversationId, secret, reads: 0 }, '');
    // The conversation is open once the bot has greeted.
    await citizen.waitFor('the greeting', () => citizen.inbox.find((activity) => asObject(activity.from)?.role === 'bot'));
  });
  afterEach(async () => {
    citizen.end();
    await t.close();
  });

  const send = (activity: Record<string, unknown>) => t.app.directLine.connector.send({ type: 'message', conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' }, ...activity });
  const received = (text: string) => citizen.waitFor(`"${text}"`, () => citizen.inbox.find((activity) => spoken(activity) === text));

  test('an officer\'s reply is from the officer by name, on the bot\'s side; the bot\'s own messages from the bot', async () => {
    await send(markWrittenBy({ text: 'สวัสดีค่ะ ดิฉันสมศรี' }, SOMSRI));
    await send({ text: 'Officer สมศรี ใจงาม has joined.' });
    await send(markWrittenBy({ text: 'Hello, this is Suda.' }, SUDA));
    await send(markWrittenBy({ text: 'อีกข้อความค่ะ' }, SOMSRI));

    const fromSomsri = asObject((await received('สวัสดีค่ะ ดิฉันสมศรี')).from);
    expect(fromSomsri).toEqual({ id: expect.stringMatching(new RegExp(`^${OFFICER_ACCOUNT_PREFIX}[A-Za-z0-9_-]{16}$`)), name: 'สมศรี ใจงาม', role: 'bot' });
    expect(asObject((await received('Officer สมศรี ใจงาม has joined.')).from)).toEqual({ ...BOT_ACCOUNT });
    const fromSuda = asObject((await received('Hello, this is Suda.')).from);
    expect(fromSuda).toMatchObject({ name: 'Suda K.', role: 'bot' });
    // One id per officer, the same for each of their messages, and not their account id.
    expect(fromSuda?.id).not.toBe(fromSomsri?.id);
    expect(asObject((await received('อีกข้อความค่ะ')).from)?.id).toBe(fromSomsri?.id);
    expect(JSON.stringify(citizen.inbox)).not.toContain(SOMSRI.officerId);

    // A client that comes back reads the same senders from the log.
    const logged = await restActivities(citizen.rest, 0);
    const senderOfText = (text: string) => asObject(logged.find((activity: Json) => spoken(activity) === text)?.from);
    expect(senderOfText('สวัสดีค่ะ ดิฉันสมศรี')).toEqual(fromSomsri);
    expect(senderOfText('Officer สมศรี ใจงาม has joined.')).toEqual({ ...BOT_ACCOUNT });
  });

  test('the privacy marks still work beside the author: a value shown once reaches the citizen\'s socket and is hidden in the log', async () => {
    const activity = markPrivacy(markWrittenBy({ text: 'รหัส PIN ของคุณคือ 482913' }, SOMSRI), { secrets: [{ value: '482913', shownAs: '••••••' }] });
    const { id } = await send(activity);
    const live = await received('รหัส PIN ของคุณคือ 482913');
    expect(asObject(live.from)).toMatchObject({ name: 'สมศรี ใจงาม', role: 'bot' });
    // What is written down: the stored log record itself.
    const record = await t.store.collection<{ _id: string; json: string }>(DIRECTLINE_ACTIVITIES).findOne({ _id: id });
    const kept = JSON.parse(record?.json ?? '{}') as Json;
    expect(spoken(kept)).toBe('รหัส PIN ของคุณคือ ••••••');
    expect(record?.json).not.toContain('482913');
    expect(asObject(kept.from)).toEqual(asObject(live.from));
  });

  test('marks are not content: the author survives the copies a turn makes and never reaches the wire as a field', () => {
    const marked = markWrittenBy({ type: 'message', text: 'x' }, SOMSRI);
    expect(senderOf({ ...marked })).toMatchObject({ name: 'สมศรี ใจงาม' });
    expect(senderOf(Object.assign({}, marked))).toMatchObject({ name: 'สมศรี ใจงาม' });
    expect(senderOf(JSON.parse(JSON.stringify(marked)) as object)).toEqual({ ...BOT_ACCOUNT });
    expect(Object.keys(marked)).toEqual(['type', 'text']);
  });
});
