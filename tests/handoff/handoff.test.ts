import { rmSync } from 'node:fs';
import type { Activity } from 'botbuilder';
import { idOf } from '../../handoff/conversationIds';
import { LIVE_IDLE_MS, UNCLAIMED_OFFER_MS } from '../../handoff/service';
import type { Officer } from '../../lib/officers/accounts';
import { incomingMessage } from '../helpers/activities';
import { TestClock } from '../helpers/dialogHarness';
import { buildTestApp, type TestApp } from '../helpers/testApp';

/**
 * The handoff end to end inside the service: the citizen's turns through the adapter and middleware, the
 * officers' actions through the HandoffService, replies reaching the citizen's channel proactively. A fixed
 * clock puts the service in or out of office hours.
 */

// Monday 23 November 2026, 10:00 in Bangkok.
const MONDAY_MORNING = Date.UTC(2026, 10, 23, 3, 0, 0);
// Friday 27 November 2026, 18:00 in Bangkok; officers are next in on Monday 30 November at 08:30.
const FRIDAY_EVENING = Date.UTC(2026, 10, 27, 11, 0, 0);
const NEXT_MONDAY_OPENING = Date.UTC(2026, 10, 30, 1, 30, 0);
// Monday 7 December 2026 is a holiday (substitute for King Bhumibol's birthday on the Saturday).
const HOLIDAY_MORNING = Date.UTC(2026, 11, 7, 3, 0, 0);

const CITIZEN = 'citizen-conv';
const KEY = `test/${CITIZEN}`;

describe('officer handoff', () => {
  let clock: TestClock;
  let t: TestApp;
  let officer: Officer;
  let colleague: Officer;
  const scope = ['50'];

  async function start(at: number, dataDir?: string): Promise<void> {
    clock = new TestClock(at);
    t = await buildTestApp({}, { now: clock.now, ...(dataDir ? { dataDir } : {}) });
  }

  beforeEach(async () => {
    await start(MONDAY_MORNING);
    officer = await t.app.officers.create({ username: 'somchai', displayName: 'สมชาย', role: 'officer', centres: ['50'], password: 'a-long-password-1' }, false);
    colleague = await t.app.officers.create({ username: 'suda', displayName: 'สุดา', role: 'officer', centres: ['50'], password: 'a-long-password-2' }, false);
  });
  const leftovers: string[] = [];
  afterEach(async () => {
    await t.close();
    for (const dir of leftovers.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  const th = (key: string, vars?: Record<string, string | number>) => t.app.content.get('th', key, vars);
  const send = async (text: string, extra: Partial<Activity> = {}) => {
    const before = t.connector.sent.length;
    await t.app.adapter.processActivity({ ...incomingMessage(text, { conversationId: CITIZEN }), ...extra }, (context) => t.app.bot.run(context));
    return t.connector.sent.slice(before);
  };
  // A message's text, or a card's fallback text (prompts with many choices come as cards).
  const texts = (activities: Array<Partial<Activity>>) => activities
    .filter((activity) => activity.type === 'message')
    .map((activity) => activity.text || (activity.attachments?.[0]?.content as { fallbackText?: string } | undefined)?.fallbackText || '')
    .join('\n');
  const sentSince = (count: number) => t.connector.sent.slice(count);

  /** The citizen asks for an officer of the Chiang Mai provincial centre. */
  async function askForOfficer(): Promise<Array<Partial<Activity>>> {
    expect(texts(await send('ขอคุยกับเจ้าหน้าที่'))).toContain(th('handoff.destination.prompt'));
    await send('เชียงใหม่');
    return send('ใช่');
  }

  test('in office hours: queued with place and estimate, claimed, a live chat the bot stays out of, closed back to the bot', async () => {
    const queued = await askForOfficer();
    const centre = t.app.content.get('th', 'handoff.queued', {
      centre: 'ศูนย์ดำรงธรรมจังหวัดเชียงใหม่',
      position: 1,
      estimate: th('handoff.estimate.unknown'),
    });
    expect(texts(queued)).toContain(centre);
    expect(queued.find((activity) => activity.type === 'event')).toMatchObject({ name: 'handoff.initiate' });

    // The officer sees the request, with the citizen's language, channel and reason.
    const [item] = await t.app.handoffs.queue(scope);
    expect(item).toMatchObject({ id: idOf(KEY), state: 'queued', kind: 'live', centreCode: '50', channelId: 'test', lang: 'th', reason: 'ขอคุยกับเจ้าหน้าที่' });
    expect(await t.app.handoffs.queue(['40'])).toEqual([]);

    // While waiting, the citizen's words reach the officers and the bot only says where they stand.
    expect(texts(await send('ที่ดินข้างบ้านถูกบุกรุก'))).toBe(th('handoff.stillQueued', { position: 1 }));

    const claimed = await t.app.handoffs.claim(officer, item.id, scope);
    expect(claimed.ok).toBe(true);
    const afterClaim = sentSince(t.connector.sent.length - 2);
    expect(afterClaim[0].text).toBe(th('handoff.claimed', { officer: 'สมชาย' }));
    expect(afterClaim[1]).toMatchObject({ type: 'event', name: 'handoff.status', value: { state: 'accepted' } });

    // Live: the bot says nothing, even to words it would otherwise answer ("เมนู" alone leaves: tested below).
    expect(await send('ติดตามเรื่อง')).toEqual([]);
    expect(await send('', { attachments: [{ contentType: 'image/png', contentUrl: 'https://example.org/photo.png', name: 'photo.png' }] })).toEqual([]);

    const reply = await t.app.handoffs.reply(officer, item.id, scope, { text: 'สวัสดีค่ะ ขอทราบที่ตั้งด้วยค่ะ' });
    expect(reply).toMatchObject({ ok: true, value: { speaker: 'officer', delivery: 'delivered', officerName: 'สมชาย' } });
    expect(t.connector.sent.at(-1)).toMatchObject({ type: 'message', text: 'สวัสดีค่ะ ขอทราบที่ตั้งด้วยค่ะ', conversation: { id: CITIZEN } });

    // The officer's view holds everything in order: the request, the citizen, the officer. This channel keeps no
    // log of its own, so of the time before, only the request's own turn is there (tests/handoff/earlierMessages
    // has the Direct Line channel, whose log gives the turns before it too).
    const conversation = await t.app.handoffs.conversation(item.id, scope);
    const speakers = conversation?.messages.map((message) => message.speaker);
    expect(speakers?.slice(0, 2)).toEqual(['citizen', 'system']);
    const said = conversation?.messages.map((message) => message.text ?? message.attachments?.[0]?.name);
    expect(said?.slice(0, 2)).toEqual(['ใช่', 'handoff.request:live:50']);
    expect(said).toEqual(expect.arrayContaining(['ที่ดินข้างบ้านถูกบุกรุก', 'ติดตามเรื่อง', 'photo.png', 'สวัสดีค่ะ ขอทราบที่ตั้งด้วยค่ะ']));
    expect(said?.indexOf('ที่ดินข้างบ้านถูกบุกรุก')).toBeLessThan(said?.indexOf('สวัสดีค่ะ ขอทราบที่ตั้งด้วยค่ะ') ?? -1);

    // A colleague cannot answer a conversation that is not theirs.
    expect(await t.app.handoffs.reply(colleague, item.id, scope, { text: 'x' })).toEqual({ ok: false, reason: 'not-yours' });

    const before = t.connector.sent.length;
    expect((await t.app.handoffs.close(officer, item.id, scope)).ok).toBe(true);
    const closing = sentSince(before);
    expect(closing[0].text).toBe(th('handoff.closed'));
    expect(closing[1]).toMatchObject({ type: 'event', name: 'handoff.status', value: { state: 'completed' } });
    expect(closing[2].text).toBe(th('menu.anythingElse'));
    expect(await t.app.handoffs.queue(scope)).toEqual([]);
    expect((await t.app.handoffs.get(KEY))?.state).toBe('bot');
    // The history says what happened to the conversation, and who did it.
    const notes = (await t.app.handoffs.conversation(item.id, 'all'))?.messages.filter((message) => message.speaker === 'system');
    expect(notes?.map((note) => [note.text, note.officerName])).toEqual([
      ['handoff.request:live:50', undefined],
      ['handoff.claim', 'สมชาย'],
      ['handoff.close', 'สมชาย'],
    ]);

    // The bot is back.
    expect(texts(await send('สวัสดี'))).toContain(th('menu.prompt'));
  });

  test('two officers claiming at once: exactly one wins', async () => {
    await askForOfficer();
    const id = idOf(KEY);
    const results = await Promise.all([officer, colleague, officer, colleague].map((who) => t.app.handoffs.claim(who, id, scope)));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok).map((result) => !result.ok && result.reason)).toEqual(['conflict', 'conflict', 'conflict']);
    const told = t.connector.textsFor(CITIZEN).filter((text) => [officer, colleague].some((who) => text === th('handoff.claimed', { officer: who.displayName })));
    expect(told).toHaveLength(1);
  });

  test('outside the scope a conversation does not exist for the officer', async () => {
    await askForOfficer();
    const khonKaen = await t.app.officers.create({ username: 'khonkaen', displayName: 'KK', role: 'officer', centres: ['40'], password: 'a-long-password-3' }, false);
    const id = idOf(KEY);
    expect(await t.app.handoffs.conversation(id, ['40'])).toBeUndefined();
    expect(await t.app.handoffs.claim(khonKaen, id, ['40'])).toEqual({ ok: false, reason: 'not-found' });
    expect(await t.app.handoffs.reply(khonKaen, id, ['40'], { text: 'x' })).toEqual({ ok: false, reason: 'not-found' });
    expect(await t.app.handoffs.close(khonKaen, id, ['40'])).toEqual({ ok: false, reason: 'not-found' });
    expect(await t.app.handoffs.transfer(khonKaen, id, ['40'], '40')).toEqual({ ok: false, reason: 'not-found' });
    expect((await t.app.handoffs.get(KEY))?.state).toBe('queued');
  });

  test('a transfer moves the citizen to the other centre, who is told', async () => {
    await askForOfficer();
    const id = idOf(KEY);
    await t.app.handoffs.claim(officer, id, scope);
    expect(await t.app.handoffs.transfer(officer, id, scope, 'nope')).toEqual({ ok: false, reason: 'unknown-centre' });
    const moved = await t.app.handoffs.transfer(officer, id, scope, '5015');
    expect(moved).toMatchObject({ ok: true, value: { state: 'queued', centreCode: '5015' } });
    expect(t.connector.textsFor(CITIZEN).at(-1)).toBe(th('handoff.transferred', { centre: 'ศูนย์ดำรงธรรมอำเภอหางดง' }));
    expect(await t.app.handoffs.queue(scope)).toEqual([]);
    expect(await t.app.handoffs.queue(['5015'])).toHaveLength(1);
    const notes = (await t.app.handoffs.conversation(id, 'all'))?.messages.filter((message) => message.speaker === 'system');
    expect(notes?.map((note) => [note.text, note.officerName])).toEqual([
      ['handoff.request:live:50', undefined],
      ['handoff.claim', 'สมชาย'],
      ['handoff.transfer:50:5015', 'สมชาย'],
    ]);
  });

  test('the citizen can cancel while waiting, and the bot answers again', async () => {
    await askForOfficer();
    expect(texts(await send('ยกเลิก'))).toBe(th('handoff.cancelled'));
    expect(await t.app.handoffs.queue(scope)).toEqual([]);
    const notes = (await t.app.handoffs.conversation(idOf(KEY), 'all'))?.messages.filter((message) => message.speaker === 'system');
    expect(notes?.map((note) => note.text)).toEqual(['handoff.request:live:50', 'handoff.withdraw']);
    expect(texts(await send('สวัสดี'))).toContain(th('menu.prompt'));
  });

  test('"เมนู" while waiting says how to leave; "เมนู" in a live chat leaves it, and the bot takes over at once', async () => {
    await askForOfficer();
    expect(texts(await send('เมนู'))).toBe(th('handoff.waiting.howToLeave'));
    expect((await t.app.handoffs.get(KEY))?.state).toBe('queued');
    const id = idOf(KEY);
    await t.app.handoffs.claim(officer, id, scope);
    const left = texts(await send('เมนูค่ะ'));
    expect(left).toContain(th('handoff.left'));
    expect(left).toContain(th('menu.anythingElse'));
    expect((await t.app.handoffs.get(KEY))?.state).toBe('bot');
    expect(await t.app.handoffs.queue(scope)).toEqual([]);
    const notes = (await t.app.handoffs.conversation(id, 'all'))?.messages.filter((message) => message.speaker === 'system');
    expect(notes?.map((note) => note.text).slice(-1)).toEqual(['handoff.citizenLeft']);
    expect(texts(await send('ติดตามเรื่อง'))).toContain(th('track.number.prompt'));
  });

  test('nobody claims in time: the citizen is offered, once, to leave a question instead', async () => {
    await askForOfficer();
    clock.advance(UNCLAIMED_OFFER_MS - 1000);
    const before = t.connector.sent.length;
    await t.app.handoffs.sweep();
    expect(sentSince(before)).toEqual([]);
    clock.advance(2000);
    await t.app.handoffs.sweep();
    await t.app.handoffs.sweep();
    const offer = sentSince(before);
    expect(offer).toHaveLength(1);
    expect(offer[0].text).toBe(th('handoff.noOfficer.offer'));
    expect(offer[0].suggestedActions?.actions.map((action) => action.value)).toEqual([th('handoff.offer.leave'), th('handoff.offer.wait')]);

    expect(texts(await send(th('handoff.offer.wait')))).toBe(th('handoff.offer.waiting', { position: 1 }));
    expect(texts(await send(th('handoff.offer.leave')))).toBe(th('handoff.offer.left'));
    const [item] = await t.app.handoffs.queue(scope);
    expect(item).toMatchObject({ state: 'queued', kind: 'question' });
    const notes = (await t.app.handoffs.conversation(item.id, 'all'))?.messages.filter((message) => message.speaker === 'system');
    expect(notes?.map((note) => note.text)).toEqual(['handoff.request:live:50', 'handoff.offer', 'handoff.toQuestion']);
  });

  test('a live chat left idle is closed with a message, and the bot takes over', async () => {
    await askForOfficer();
    const id = idOf(KEY);
    await t.app.handoffs.claim(officer, id, scope);
    clock.advance(LIVE_IDLE_MS - 60_000);
    await send('ยังอยู่ไหมคะ');
    clock.advance(LIVE_IDLE_MS - 60_000);
    await t.app.handoffs.sweep();
    expect((await t.app.handoffs.get(KEY))?.state).toBe('live');
    clock.advance(2 * 60_000);
    await t.app.handoffs.sweep();
    expect(t.connector.textsFor(CITIZEN)).toContain(th('handoff.idleClosed'));
    expect((await t.app.handoffs.get(KEY))?.state).toBe('bot');
    const notes = (await t.app.handoffs.conversation(id, 'all'))?.messages.filter((message) => message.speaker === 'system');
    expect(notes?.map((note) => note.text).slice(-1)).toEqual(['handoff.idleClose']);
    expect(texts(await send('สวัสดี'))).toContain(th('menu.prompt'));
  });

  test('a reply that cannot be delivered is kept, marked undeliverable, and the officer is told', async () => {
    await askForOfficer();
    const id = idOf(KEY);
    await t.app.handoffs.claim(officer, id, scope);
    t.connector.failWith = Object.assign(new Error('the channel refused'), { code: 'CHANNEL_DOWN' });
    const reply = await t.app.handoffs.reply(officer, id, scope, { text: 'ข้อความนี้ส่งไม่ถึง' });
    expect(reply).toMatchObject({ ok: true, value: { delivery: 'undeliverable', failure: 'CHANNEL_DOWN' } });
    const stored = (await t.app.handoffs.conversation(id, scope))?.messages.find((message) => message.text === 'ข้อความนี้ส่งไม่ถึง');
    expect(stored).toMatchObject({ delivery: 'undeliverable', failure: 'CHANNEL_DOWN' });
    expect(t.logs.text()).not.toContain('ข้อความนี้ส่งไม่ถึง');

    t.connector.failWith = undefined;
    expect(await t.app.handoffs.reply(officer, id, scope, { text: 'ลองอีกครั้ง' })).toMatchObject({ ok: true, value: { delivery: 'delivered' } });
  });

  test('on a holiday morning the request becomes a question for the next working day', async () => {
    await t.close();
    await start(HOLIDAY_MORNING);
    await t.app.officers.create({ username: 'somchai', displayName: 'สมชาย', role: 'officer', centres: ['50'], password: 'a-long-password-1' }, false);
    await send('ขอคุยกับเจ้าหน้าที่');
    await send('เชียงใหม่');
    const prompt = texts(await send('ใช่'));
    const when = t.app.handoffs.describeNextOpening('th') as string;
    expect(when).toContain('8 ธันวาคม');
    const closed = t.app.handoffs.describeClosedNow('th');
    expect(closed).toBe(th('handoff.closedNow.holiday', { holiday: 'วันหยุดชดเชยวันพ่อแห่งชาติ' }));
    expect(prompt).toContain(th('handoff.afterHours.prompt', { closed, when }));
  });

  test('after hours: the question is left, officers answer at the next opening, the citizen gets it on their channel', async () => {
    await t.close();
    await start(FRIDAY_EVENING);
    officer = await t.app.officers.create({ username: 'somchai', displayName: 'สมชาย', role: 'officer', centres: ['50'], password: 'a-long-password-1' }, false);
    await send('ขอคุยกับเจ้าหน้าที่');
    await send('เชียงใหม่');
    const when = t.app.handoffs.describeNextOpening('th') as string;
    expect(when).toContain('จันทร์');
    expect(when).toContain('30 พฤศจิกายน');
    expect(when).toContain('08:30');
    expect(texts(await send('ใช่'))).toContain(th('handoff.afterHours.prompt', { closed: th('handoff.closedNow.after', { hours: '08:30–16:30' }), when }));
    expect(texts(await send('โฉนดที่ดินหาย ต้องทำอย่างไรคะ'))).toBe(th('handoff.question.recorded', { when }));
    expect(texts(await send('เป็นโฉนดของแม่ค่ะ'))).toBe(th('handoff.question.added', { when }));

    const [item] = await t.app.handoffs.queue(scope);
    expect(item).toMatchObject({ kind: 'question', state: 'queued', reason: 'โฉนดที่ดินหาย ต้องทำอย่างไรคะ' });

    clock.ms = NEXT_MONDAY_OPENING;
    expect(t.app.handoffs.liveNow()).toBe(true);
    await t.app.handoffs.claim(officer, item.id, scope);
    const answer = await t.app.handoffs.reply(officer, item.id, scope, { text: 'ติดต่อสำนักงานที่ดินพร้อมบัตรประชาชนค่ะ' });
    expect(answer).toMatchObject({ ok: true, value: { delivery: 'delivered' } });
    expect(t.connector.textsFor(CITIZEN)).toContain('ติดต่อสำนักงานที่ดินพร้อมบัตรประชาชนค่ะ');
  });

  test('a restart during a live chat loses no message and no state', async () => {
    await askForOfficer();
    const id = idOf(KEY);
    await t.app.handoffs.claim(officer, id, scope);
    await send('ข้อความก่อนรีสตาร์ต');
    // The same data dir opened again: the second app's close() leaves the dir, so it is removed here.
    const dataDir = t.dataDir;
    await t.app.close();
    await start(clock.ms + 5_000, dataDir);
    leftovers.push(dataDir);
    expect(await t.app.handoffs.get(KEY)).toMatchObject({ state: 'live', officerId: officer._id });
    expect(await send('ข้อความหลังรีสตาร์ต')).toEqual([]);
    const reply = await t.app.handoffs.reply(officer, id, scope, { text: 'ได้รับแล้วค่ะ' });
    expect(reply).toMatchObject({ ok: true, value: { delivery: 'delivered' } });
    const said = (await t.app.handoffs.conversation(id, scope))?.messages.map((message) => message.text);
    expect(said).toEqual(expect.arrayContaining(['ข้อความก่อนรีสตาร์ต', 'ข้อความหลังรีสตาร์ต', 'ได้รับแล้วค่ะ']));
  });
});

describe('officer handoff in the middle of a flow', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp({}, { now: new TestClock(MONDAY_MORNING).now });
    await t.app.officers.create({ username: 'somchai', displayName: 'สมชาย', role: 'officer', centres: ['50'], password: 'a-long-password-1' }, false);
  });
  afterEach(async () => t.close());

  test('once queued, the bot adds nothing: no "anything else?", no question of the interrupted complaint', async () => {
    const th = (key: string, vars?: Record<string, string | number>) => t.app.content.get('th', key, vars);
    const send = async (text: string) => {
      const before = t.connector.sent.length;
      await t.app.adapter.processActivity(incomingMessage(text, { conversationId: CITIZEN }), (context) => t.app.bot.run(context));
      return t.connector.sent.slice(before).filter((activity) => activity.type === 'message');
    };
    await send('ร้องเรียน');
    await send('เจ้าหน้าที่');
    await send('เชียงใหม่');
    const queued = await send('ใช่');
    expect(queued).toHaveLength(1);
    expect(queued[0].text?.startsWith(th('handoff.queued', { centre: 'ศูนย์ดำรงธรรมจังหวัดเชียงใหม่', position: 1, estimate: '' }).split(' ')[0])).toBe(true);
    expect((await t.app.handoffs.get(KEY))?.state).toBe('queued');
  });
});
