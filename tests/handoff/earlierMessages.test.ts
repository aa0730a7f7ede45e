import { idOf } from '../../handoff/conversationIds';
import { EARLIER_MESSAGES } from '../../handoff/earlier';
import { BOT_STATE_COLLECTION } from '../../lib/store/botStorage';
import { loadSecrets } from '../../lib/secrets';
import type { Officer } from '../../lib/officers/accounts';
import { TestClock } from '../helpers/dialogHarness';
import { NAMED_DRAFT } from '../helpers/drafts';
import { buildTestApp, type TestApp } from '../helpers/testApp';

/**
 * What an officer is shown of a Web Chat conversation from before its handoff, over real HTTP: the citizen's
 * messages and the bot's answers of the turns the bot had, read back from the Direct Line log when the citizen asks
 * for an officer — as the citizen's own client was shown them (masked where the privacy rules say), in order,
 * at most the last EARLIER_MESSAGES; after an earlier handoff, only what came after it. Nothing is written to the
 * conversation's state for it while the bot talks.
 */

// Monday 23 November 2026, 10:00 in Bangkok: officers are in.
const MONDAY_MORNING = Date.UTC(2026, 10, 23, 3, 0, 0);
/** A national ID of the test data (its check digit is valid), typed where nobody asked for it. */
const NATIONAL_ID = '1101700230708';
const MASKED_ID = 'x-xxxx-xxxx0-70-8';

interface Conversation {
  conversationId: string;
  token: string;
}

interface Logged {
  id: string;
  type: string;
  name?: string;
  text?: string;
  from: { role?: string };
  attachments?: Array<{ contentType: string; content?: { fallbackText?: string } }>;
}

interface MessageView {
  speaker: string;
  text?: string;
}

/** A line of a conversation as an officer reads it: who, and what (a card's plain-text fallback for a card). */
type Line = [speaker: string, said: string];

describe('what an officer is shown of a Web Chat conversation before its handoff', () => {
  let clock: TestClock;
  let t: TestApp;
  let base: string;
  let secret: string;
  let officer: Officer;

  beforeEach(async () => {
    clock = new TestClock(MONDAY_MORNING);
    t = await buildTestApp({}, { now: clock.now });
    base = await t.listen();
    secret = loadSecrets(t.dataDir, {}).directLineSecret;
    officer = await t.app.officers.create({ username: 'cm.officer', displayName: 'สมชาย', role: 'officer', centres: ['50'], password: 'a-long-password-1' }, false);
  });
  afterEach(async () => t.close());

  const th = (key: string, vars?: Record<string, string | number>) => t.app.content.get('th', key, vars);
  const directLine = (path: string, auth: string, json?: unknown) =>
    fetch(`${base}/v3/directline${path}`, {
      method: json === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${auth}`, ...(json !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
    });
  const start = async (): Promise<Conversation> => {
    const res = await directLine('/conversations', secret, { user: { id: 'dl_citizen' } });
    expect(res.status).toBe(201);
    return (await res.json()) as Conversation;
  };
  /** The citizen types, a second after what came before (time moves on, as the rate limits expect). */
  const say = async (conversation: Conversation, text: string) => {
    clock.advance(1000);
    const res = await directLine(`/conversations/${conversation.conversationId}/activities`, conversation.token, { type: 'message', from: { id: 'dl_citizen' }, text });
    expect(res.status).toBe(200);
  };
  /** The citizen asks for an officer of the Chiang Mai provincial centre (`answers`: to the bot's questions on the way). */
  const askForOfficer = async (conversation: Conversation, answers = ['เชียงใหม่', 'ใช่']) => {
    for (const text of ['ขอคุยกับเจ้าหน้าที่', ...answers]) await say(conversation, text);
    expect((await t.app.handoffs.get(keyOf(conversation)))?.state).toBe('queued');
  };
  const keyOf = (conversation: Conversation) => `directline/${conversation.conversationId}`;
  /** Everything the citizen's own client was shown, oldest first, read as a client reads it. */
  const shown = async (conversation: Conversation): Promise<Logged[]> => {
    const res = await directLine(`/conversations/${conversation.conversationId}/activities`, conversation.token);
    expect(res.status).toBe(200);
    return ((await res.json()) as { activities: Logged[] }).activities;
  };
  const lineOf = (activity: Logged): Line => [
    activity.from.role === 'user' ? 'citizen' : 'bot',
    activity.text ?? activity.attachments?.find((attachment) => attachment.content?.fallbackText !== undefined)?.content?.fallbackText ?? '',
  ];
  /** The officer's session: the headers their app sends. */
  const signIn = async (): Promise<Record<string, string>> => {
    const res = await fetch(`${base}/api/officer/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'cm.officer', password: 'a-long-password-1' }) });
    expect(res.status).toBe(200);
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0], 'x-csrf-token': csrfToken };
  };
  /** The conversation as the officer's app reads it. */
  const officerView = async (conversation: Conversation): Promise<{ json: string; messages: MessageView[] }> => {
    const res = await fetch(`${base}/api/officer/conversations/${idOf(keyOf(conversation))}`, { headers: await signIn() });
    expect(res.status).toBe(200);
    const json = await res.text();
    return { json, messages: (JSON.parse(json) as { messages: MessageView[] }).messages };
  };
  const linesOf = (messages: MessageView[]): Line[] => messages.map((message) => [message.speaker, message.text ?? '']);
  /** The lines before the officer view's note of the `nth` request for an officer (0: the first). */
  const beforeRequest = (messages: MessageView[], nth = 0): Line[] => {
    const requests = messages.flatMap((message, index) => (message.speaker === 'system' && message.text?.startsWith('handoff.request:') ? [index] : []));
    return linesOf(messages.slice(nth === 0 ? 0 : requests[nth - 1] + 1, requests[nth]));
  };

  test('the turns before the request, as the citizen was shown them, in order: the citizen, the bot\'s answers; masked', async () => {
    const citizen = await start();
    await say(citizen, 'ภาษาไทย');
    await say(citizen, `สวัสดีค่ะ เลขบัตรประชาชน ${NATIONAL_ID}`);
    await say(citizen, 'สวัสดีค่ะ');
    await askForOfficer(citizen);

    // What the citizen's client shows, from their first message to the request (the welcome came before it).
    const log = await shown(citizen);
    const first = log.findIndex((activity) => activity.from.role === 'user' && activity.type === 'message');
    const request = log.findIndex((activity) => activity.type === 'event' && activity.name === 'handoff.initiate');
    const expected = log.slice(first, request).filter((activity) => activity.type === 'message').map(lineOf);
    expect(expected.length).toBeGreaterThan(6);

    const view = await officerView(citizen);
    expect(beforeRequest(view.messages)).toEqual(expected);
    // Spelled out: the language chosen, the menu it brought, the masked ID, the way to the request.
    expect(expected[0]).toEqual(['citizen', 'ภาษาไทย']);
    const answers = expected.slice(1, expected.findIndex(([speaker], index) => index > 0 && speaker === 'citizen'));
    expect(answers.map(([speaker]) => speaker)).toEqual(answers.map(() => 'bot'));
    expect(answers.find(([, said]) => said.includes(th('menu.prompt')))).toBeDefined();
    expect(expected).toContainEqual(['citizen', `สวัสดีค่ะ เลขบัตรประชาชน ${MASKED_ID}`]);
    expect(expected).toContainEqual(['citizen', 'ขอคุยกับเจ้าหน้าที่']);
    expect(expected.find(([speaker, said]) => speaker === 'bot' && said.startsWith(th('handoff.destination.prompt')))).toBeDefined();
    expect(expected.at(-1)).toEqual(['citizen', 'ใช่']);
    expect(view.json).not.toContain(NATIONAL_ID);
    expect(view.json).not.toContain(th('language.choose'));
  });

  test.each([
    ['the officer closed it', async (id: string) => {
      expect((await t.app.handoffs.claim(officer, id, ['50'])).ok).toBe(true);
      expect((await t.app.handoffs.reply(officer, id, ['50'], { text: 'สวัสดีค่ะ เจ้าหน้าที่รับเรื่องแล้วค่ะ' })).ok).toBe(true);
      expect((await t.app.handoffs.close(officer, id, ['50'])).ok).toBe(true);
    }],
    ['the citizen gave up waiting', async (_id: string, citizen: Conversation) => say(citizen, 'ยกเลิก')],
  ])('asking again after a handoff ended (%s): what came after it, once; nothing of the handoff again', async (_case, end) => {
    const citizen = await start();
    await say(citizen, 'ภาษาไทย');
    await askForOfficer(citizen);
    const firstTime = beforeRequest((await officerView(citizen)).messages);
    expect(firstTime[0]).toEqual(['citizen', 'ภาษาไทย']);

    await say(citizen, 'ถามอะไรหน่อยค่ะ');
    await end(idOf(keyOf(citizen)), citizen);
    clock.advance(1000);
    expect((await t.app.handoffs.get(keyOf(citizen)))?.state).toBe('bot');
    await say(citizen, 'ติดตามเรื่อง');
    const before = (await shown(citizen)).length;
    await askForOfficer(citizen);

    const { messages } = await officerView(citizen);
    // The first request's lines are there as they were, once.
    expect(beforeRequest(messages, 0)).toEqual(firstTime);
    const lines = linesOf(messages);
    expect(lines.filter(([, said]) => said === 'ภาษาไทย')).toHaveLength(1);
    expect(lines.filter(([, said]) => said === 'ถามอะไรหน่อยค่ะ')).toEqual([['citizen', 'ถามอะไรหน่อยค่ะ']]);
    // Between the two: the first handoff's own history, then the bot's turns after it, from "ติดตามเรื่อง" on.
    const again = beforeRequest(messages, 1);
    const afterwards = again.slice(again.findIndex(([speaker, said]) => speaker === 'citizen' && said === 'ติดตามเรื่อง'));
    expect(afterwards[1][0]).toBe('bot');
    expect(afterwards[1][1]).toContain(th('track.number.prompt'));
    expect(afterwards.slice(2).map(([speaker]) => speaker)).toEqual(expect.arrayContaining(['citizen', 'bot']));
    expect(afterwards.at(-1)).toEqual(['citizen', 'ใช่']);
    // Nothing the bot said in the first handoff, nor what was sent to the citizen outside their turns, counts as the bot's.
    const byTheBot = lines.filter(([speaker]) => speaker === 'bot').map(([, said]) => said);
    for (const key of ['handoff.closed', 'handoff.cancelled', 'handoff.stillQueued', 'handoff.claimed']) {
      expect(byTheBot.filter((said) => said.startsWith(th(key, { officer: 'สมชาย', position: 1 })))).toEqual([]);
    }
    expect(byTheBot).not.toContain('สวัสดีค่ะ เจ้าหน้าที่รับเรื่องแล้วค่ะ');
    // Every line of the second request's turns is one the citizen was shown after the first handoff.
    const sinceFirst = (await shown(citizen)).slice(0, before).filter((activity) => activity.type === 'message').map(lineOf);
    for (const line of afterwards.slice(0, 2)) expect(sinceFirst).toContainEqual(line);
  });

  test('what reached the citizen outside their turns (their complaint\'s new status) is not taken for an answer of the bot', async () => {
    const citizen = await start();
    await say(citizen, 'ภาษาไทย');
    // A complaint filed in this conversation, its reference taken in the turn of the citizen's last message.
    const said = (await shown(citizen)).filter((activity) => activity.from.role === 'user').at(-1) as Logged;
    const { complaint } = await t.app.complaints.file({
      draft: NAMED_DRAFT,
      channelId: 'directline',
      userId: 'dl_citizen',
      conversation: { channelId: 'directline', serviceUrl: 'directline', activityId: said.id, conversation: { id: citizen.conversationId }, user: { id: 'dl_citizen' }, bot: { id: 'damrongdham-bot' } },
      lang: 'th',
    });
    clock.advance(1000);
    const changed = await fetch(`${base}/api/officer/complaints/${complaint._id}/status`, {
      method: 'POST',
      headers: { ...(await signIn()), 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'in_progress', note: 'ส่งช่างไปตรวจแล้ว' }),
    });
    expect(changed.status).toBe(200);
    expect(((await changed.json()) as { notified: boolean }).notified).toBe(true);
    const news = (await shown(citizen)).at(-1) as Logged;
    expect(news.text).toContain('ส่งช่างไปตรวจแล้ว');
    // Sent outside any turn of the citizen: it answers nothing they said.
    expect(news).not.toHaveProperty('replyToId');

    // Offered the complaint's centre first.
    await askForOfficer(citizen, ['1']);
    const earlier = beforeRequest((await officerView(citizen)).messages);
    expect(earlier[0]).toEqual(['citizen', 'ภาษาไทย']);
    expect(earlier.at(-1)).toEqual(['citizen', '1']);
    expect(earlier.filter(([, line]) => line.includes('ส่งช่างไปตรวจแล้ว'))).toEqual([]);
  });

  test(`at most the last ${EARLIER_MESSAGES} messages`, async () => {
    const citizen = await start();
    await say(citizen, 'ภาษาไทย');
    for (let turn = 1; turn <= 20; turn += 1) await say(citizen, `สวัสดีค่ะ ${turn}`);
    await askForOfficer(citizen);
    const earlier = beforeRequest((await officerView(citizen)).messages);
    expect(earlier).toHaveLength(EARLIER_MESSAGES);
    expect(earlier.at(-1)).toEqual(['citizen', 'ใช่']);
    // The latest ones: the early greetings are gone, the last ones are there.
    expect(earlier).not.toContainEqual(['citizen', 'สวัสดีค่ะ 1']);
    expect(earlier).toContainEqual(['citizen', 'สวัสดีค่ะ 20']);
    expect(earlier).not.toContainEqual(['citizen', 'ภาษาไทย']);
  });

  test('a turn that changes nothing in the conversation writes nothing to its state', async () => {
    const citizen = await start();
    await say(citizen, 'ภาษาไทย');
    await say(citizen, 'สวัสดีค่ะ');
    const state = () => t.store.collection<{ _id: string; eTag: string; data: string }>(BOT_STATE_COLLECTION).findOne({ _id: `directline/conversations/${citizen.conversationId}/` });
    const written = await state();
    expect(written).not.toBeNull();
    await say(citizen, 'สวัสดีค่ะ');
    expect((await shown(citizen)).at(-1)?.from.role).toBe('bot');
    expect(await state()).toEqual(written);
  });
});
