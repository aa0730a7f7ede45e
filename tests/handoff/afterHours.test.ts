import type { Activity } from 'botbuilder';
import { idOf } from '../../handoff/conversationIds';
import { ANSWERED_QUIET_MS } from '../../handoff/service';
import { GOVERNMENT_WEEK } from '../../lib/handoff/officeHours';
import type { Officer } from '../../lib/officers/accounts';
import { incomingMessage } from '../helpers/activities';
import { TestClock } from '../helpers/dialogHarness';
import { buildTestApp, type TestApp } from '../helpers/testApp';

/**
 * After hours, honestly: why officers are not in is read from the calendar (today's holiday by name, a day
 * without hours, today's hours and where the moment falls in them); an answered question greets the returning
 * citizen with "your answer has arrived" and stops being a live chat; a centre without officers says so.
 */

const bangkok = (isoLocal: string) => Date.parse(`${isoLocal}+07:00`);
const CITIZEN = 'citizen-conv';
const KEY = `test/${CITIZEN}`;

describe('after hours, honestly', () => {
  let clock: TestClock;
  let t: TestApp;
  let officer: Officer;

  async function start(at: number): Promise<void> {
    clock = new TestClock(at);
    t = await buildTestApp({}, { now: clock.now });
    officer = await t.app.officers.create({ username: 'somchai', displayName: 'สมชาย ใจดี', role: 'officer', centres: ['50'], password: 'a-long-password-1' }, false);
  }
  afterEach(async () => t.close());

  const th = (key: string, vars?: Record<string, string | number>) => t.app.content.get('th', key, vars);
  const en = (key: string, vars?: Record<string, string | number>) => t.app.content.get('en', key, vars);
  const send = async (text: string) => {
    const before = t.connector.sent.length;
    await t.app.adapter.processActivity(incomingMessage(text, { conversationId: CITIZEN }), (context) => t.app.bot.run(context));
    return said(t.connector.sent.slice(before));
  };
  const said = (activities: Array<Partial<Activity>>) => activities
    .filter((activity) => activity.type === 'message')
    .map((activity) => activity.text || (activity.attachments?.[0]?.content as { fallbackText?: string } | undefined)?.fallbackText || '')
    .join('\n');

  /** The citizen asks for an officer of the Chiang Mai provincial centre; returns what the bot then said. */
  async function askForChiangMai(lang: 'th' | 'en' = 'th'): Promise<string> {
    if (lang === 'en') await send('English');
    await send(lang === 'th' ? 'ขอคุยกับเจ้าหน้าที่' : 'I want to talk to an officer');
    await send(lang === 'th' ? 'เชียงใหม่' : 'Chiang Mai');
    return send(lang === 'th' ? 'ใช่' : 'yes');
  }

  describe('the closed-now message is built from the calendar', () => {
    const cases: Array<[string, string, (text: typeof th) => string]> = [
      ['Friday evening, after the day\'s hours', '2026-11-27T18:00', (text) => text('handoff.closedNow.after', { hours: '08:30–16:30' })],
      ['Monday before opening', '2026-11-30T07:10', (text) => text('handoff.closedNow.before', { hours: '08:30–16:30' })],
      ['Saturday, a day without hours', '2026-11-28T10:00', (text) => text('handoff.closedNow.noHours', { today: text === th ? 'วันเสาร์ที่ 28 พฤศจิกายน 2569' : 'Saturday, 28 November 2026' })],
      ['a holiday on a weekday, by its name', '2026-12-10T10:00', (text) => text('handoff.closedNow.holiday', { holiday: text === th ? 'วันรัฐธรรมนูญ' : 'Constitution Day' })],
      ['minutes before closing', '2026-11-30T16:25', (text) => text('handoff.closedNow.closing', { end: '16:30' })],
    ];

    test.each(cases)('%s, in Thai and English', async (_when, at, expected) => {
      await start(bangkok(at));
      expect(t.app.handoffs.liveNow()).toBe(false);
      const closed = t.app.handoffs.describeClosedNow('th');
      expect(closed).toBe(expected(th));
      expect(t.app.handoffs.describeClosedNow('en')).toBe(expected(en));
      const when = t.app.handoffs.describeNextOpening('th') as string;
      const prompt = await askForChiangMai();
      expect(prompt).toContain(th('handoff.afterHours.prompt', { closed, when }));
      // Never the fixed week of the old text, whatever the calendar says.
      expect(prompt).not.toContain('จันทร์–ศุกร์');
    });

    test('a lunch break an admin set is told as a break, with today\'s hours', async () => {
      await start(bangkok('2026-11-30T12:30'));
      const split = [{ start: '08:30', end: '12:00' }, { start: '13:00', end: '16:30' }];
      await t.app.content.setOfficeHours({ weekly: GOVERNMENT_WEEK.map((day) => (day.length > 0 ? split : [])), holidays: t.app.content.officeHours().holidays }, 'admin');
      const closed = t.app.handoffs.describeClosedNow('en');
      expect(closed).toBe(en('handoff.closedNow.between', { hours: '08:30–12:00, 13:00–16:30' }));
      const prompt = await askForChiangMai('en');
      expect(prompt).toContain(en('handoff.afterHours.prompt', { closed, when: t.app.handoffs.describeNextOpening('en') as string }));
      expect(t.app.handoffs.describeNextOpening('en')).toMatch(/30 November 2026, 13:00/);
    });
  });

  describe('an answered question', () => {
    async function leaveQuestionAndClaim(): Promise<string> {
      await askForChiangMai();
      await send('โฉนดที่ดินหาย ต้องทำอย่างไรคะ');
      clock.ms = bangkok('2026-11-30T09:05');
      const id = idOf(KEY);
      const before = t.connector.sent.length;
      expect((await t.app.handoffs.claim(officer, id, ['50'])).ok).toBe(true);
      // Claiming a question tells the absent citizen nothing: they hear of it when the answer comes.
      expect(said(t.connector.sent.slice(before))).toBe('');
      return id;
    }

    beforeEach(async () => start(bangkok('2026-11-27T19:00')));

    test('reaches the citizen after "your answer has arrived", once; the queue shows it answered, not live; it closes once quiet', async () => {
      const id = await leaveQuestionAndClaim();
      const before = t.connector.sent.length;
      await t.app.handoffs.reply(officer, id, ['50'], { text: 'ติดต่อสำนักงานที่ดินพร้อมบัตรประชาชนค่ะ' });
      await t.app.handoffs.reply(officer, id, ['50'], { text: 'https://www.dol.go.th' });
      const texts = t.connector.textsFor(CITIZEN).slice(-3);
      expect(t.connector.sent.length - before).toBe(3);
      expect(texts).toEqual([th('handoff.answer.arrived', { officer: 'สมชาย ใจดี' }), 'ติดต่อสำนักงานที่ดินพร้อมบัตรประชาชนค่ะ', expect.stringContaining('https://www.dol.go.th')]);

      const [item] = await t.app.handoffs.queue(['50']);
      expect(item).toMatchObject({ kind: 'question', state: 'live', answeredAt: clock.ms });

      clock.advance(ANSWERED_QUIET_MS - 1000);
      await t.app.handoffs.sweep();
      expect((await t.app.handoffs.get(KEY))?.state).toBe('live');
      clock.advance(2000);
      await t.app.handoffs.sweep();
      expect(await t.app.handoffs.queue(['50'])).toEqual([]);
      expect((await t.app.handoffs.get(KEY))?.state).toBe('bot');
      expect(t.connector.textsFor(CITIZEN).slice(-2)).toEqual([th('handoff.answer.closed'), th('menu.anythingElse')]);
      const notes = (await t.app.handoffs.conversation(id, 'all'))?.messages.filter((message) => message.speaker === 'system').map((message) => message.text);
      expect(notes?.at(-1)).toBe('handoff.answeredClose');
      // The bot has the conversation back.
      expect(await send('สวัสดี')).toContain(th('menu.prompt'));
    });

    test('a citizen who writes back makes it a conversation again; the next answer comes without the "arrived" line', async () => {
      const id = await leaveQuestionAndClaim();
      await t.app.handoffs.reply(officer, id, ['50'], { text: 'ใช้สำเนาบัตรประชาชนค่ะ' });
      expect(await send('ต้องใช้ทะเบียนบ้านด้วยไหมคะ')).toBe('');
      const [item] = await t.app.handoffs.queue(['50']);
      expect(item).toMatchObject({ kind: 'live', state: 'live', officerId: officer._id });
      expect(item.answeredAt).toBeUndefined();
      clock.advance(ANSWERED_QUIET_MS + 1000);
      await t.app.handoffs.sweep();
      expect((await t.app.handoffs.get(KEY))?.state).toBe('live');
      const before = t.connector.sent.length;
      await t.app.handoffs.reply(officer, id, ['50'], { text: 'ใช้ด้วยค่ะ' });
      expect(said(t.connector.sent.slice(before))).toBe('ใช้ด้วยค่ะ');
    });

    test('an answer that could not be delivered is not counted: the next one still says the answer has arrived', async () => {
      const id = await leaveQuestionAndClaim();
      t.connector.failWith = Object.assign(new Error('the channel refused'), { code: 'CHANNEL_DOWN' });
      expect(await t.app.handoffs.reply(officer, id, ['50'], { text: 'คำตอบแรก' })).toMatchObject({ ok: true, value: { delivery: 'undeliverable' } });
      expect((await t.app.handoffs.get(KEY))?.answeredAt).toBeUndefined();
      t.connector.failWith = undefined;
      const before = t.connector.sent.length;
      await t.app.handoffs.reply(officer, id, ['50'], { text: 'คำตอบค่ะ' });
      expect(said(t.connector.sent.slice(before))).toBe(`${th('handoff.answer.arrived', { officer: 'สมชาย ใจดี' })}\nคำตอบค่ะ`);
    });

    test('a live chat (not a question) is still joined with the officer\'s name, and never counted as answered', async () => {
      clock.ms = bangkok('2026-11-30T10:00');
      await askForChiangMai();
      const id = idOf(KEY);
      await t.app.handoffs.claim(officer, id, ['50']);
      expect(t.connector.textsFor(CITIZEN).at(-1)).toBe(th('handoff.claimed', { officer: 'สมชาย ใจดี' }));
      await t.app.handoffs.reply(officer, id, ['50'], { text: 'สวัสดีค่ะ' });
      expect((await t.app.handoffs.get(KEY))?.answeredAt).toBeUndefined();
      expect(t.connector.textsFor(CITIZEN).at(-1)).toBe('สวัสดีค่ะ');
    });
  });

  describe('a centre without officer accounts', () => {
    beforeEach(async () => start(bangkok('2026-11-30T10:00')));

    test('says so and takes a question, instead of a place in a queue nobody reads and "cannot estimate"', async () => {
      await send('ขอคุยกับเจ้าหน้าที่');
      await send('ลำพูน');
      const prompt = await send('ใช่');
      expect(prompt).toContain(th('handoff.unstaffed.prompt', { centre: 'ศูนย์ดำรงธรรมจังหวัดลำพูน' }));
      expect(prompt).not.toContain(th('handoff.estimate.unknown'));
      expect(await send('อยากสอบถามเรื่องเบี้ยยังชีพผู้สูงอายุค่ะ')).toBe(th('handoff.question.recordedSoon'));
      expect(await send('อยู่ อ.เมือง ค่ะ')).toBe(th('handoff.question.addedSoon'));
      const [item] = await t.app.handoffs.queue('all');
      expect(item).toMatchObject({ kind: 'question', state: 'queued', centreCode: '51', reason: 'อยากสอบถามเรื่องเบี้ยยังชีพผู้สูงอายุค่ะ' });
    });

    test('after hours too: no promise of an opening hour for officers who do not exist', async () => {
      clock.ms = bangkok('2026-11-27T19:00');
      await send('ขอคุยกับเจ้าหน้าที่');
      await send('ลำพูน');
      expect(await send('ใช่')).toContain(th('handoff.unstaffed.prompt', { centre: 'ศูนย์ดำรงธรรมจังหวัดลำพูน' }));
      expect(await send('สอบถามค่ะ')).toBe(th('handoff.question.recordedSoon'));
    });

    test('a district is staffed by a supervisor of its province; a disabled account or an admin staffs nothing', async () => {
      expect(await t.app.handoffs.staffed('5015')).toBe(false);
      const supervisor = await t.app.officers.create({ username: 'somsri', displayName: 'สมศรี', role: 'supervisor', centres: ['50'], password: 'a-long-password-2' }, false);
      expect(await t.app.handoffs.staffed('5015')).toBe(true);
      expect(await t.app.handoffs.staffed('50')).toBe(true);
      await t.app.officers.update(supervisor._id, { disabled: true });
      expect(await t.app.handoffs.staffed('5015')).toBe(false);
      await t.app.officers.create({ username: 'wilai', displayName: 'วิไล', role: 'admin', centres: [], password: 'a-long-password-3' }, false);
      expect(await t.app.handoffs.staffed('5015')).toBe(false);
      expect(await t.app.handoffs.staffed('51')).toBe(false);
      await t.app.officers.create({ username: 'kanya', displayName: 'กัญญา', role: 'officer', centres: ['5015'], password: 'a-long-password-4' }, false);
      expect(await t.app.handoffs.staffed('5015')).toBe(true);
      expect(await t.app.handoffs.staffed('50')).toBe(true);
    });
  });
});
