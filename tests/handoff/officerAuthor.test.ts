import type { Activity } from 'botbuilder';
import { officerAuthorOf } from '../../lib/handoff/author';
import type { Officer } from '../../lib/officers/accounts';
import { incomingMessage } from '../helpers/activities';
import { TestClock } from '../helpers/dialogHarness';
import { buildTestApp, type TestApp } from '../helpers/testApp';

/**
 * Who the citizen is told is answering: the claim names the officer by their display name as it is when they
 * claim (the first admin is "Administrator" only until an admin names the account), and what an officer writes
 * goes out marked with its author, for the channel to show; what the bot says around it is the bot's.
 */

// Monday 23 November 2026, 10:00 in Bangkok: office hours.
const MONDAY_MORNING = Date.UTC(2026, 10, 23, 3, 0, 0);
const CITIZEN = 'citizen-conv';
const scope = ['50'];

describe('the officer the citizen sees', () => {
  let t: TestApp;
  let officer: Officer;

  beforeEach(async () => {
    t = await buildTestApp({}, { now: new TestClock(MONDAY_MORNING).now });
    officer = await t.app.officers.create({ username: 'somsri', displayName: 'Somsri', role: 'officer', centres: ['50'], password: 'a-long-password-1' }, false);
  });
  afterEach(async () => {
    await t.close();
  });

  const th = (key: string, vars?: Record<string, string | number>) => t.app.content.get('th', key, vars);
  const send = (text: string) => t.app.adapter.processActivity(incomingMessage(text, { conversationId: CITIZEN }), (context) => t.app.bot.run(context));
  const sentSince = (count: number): Array<Partial<Activity>> => t.connector.sent.slice(count);

  async function queuedItemId(): Promise<string> {
    await send('ขอคุยกับเจ้าหน้าที่');
    await send('เชียงใหม่');
    await send('ใช่');
    const [item] = await t.app.handoffs.queue(scope);
    expect(item).toMatchObject({ state: 'queued', centreCode: '50' });
    return item.id;
  }

  test.each([
    ['the name the account was given', undefined, 'Somsri'],
    ['the name an admin changed it to since', 'สมศรี ใจงาม', 'สมศรี ใจงาม'],
  ])('the claim names the officer by %s', async (_case, renamed, shown) => {
    const id = await queuedItemId();
    if (renamed) await t.app.officers.update(officer._id, { displayName: renamed });
    const current = (await t.app.officers.get(officer._id)) as Officer;
    const before = t.connector.sent.length;
    expect((await t.app.handoffs.claim(current, id, scope)).ok).toBe(true);
    const [joined] = sentSince(before);
    expect(joined.text).toBe(th('handoff.claimed', { officer: shown }));
    // The announcement is the bot's own.
    expect(officerAuthorOf(joined)).toBeUndefined();
  });

  test('an officer\'s reply goes out as theirs, text and photo alike; the bot\'s closing words stay the bot\'s', async () => {
    const id = await queuedItemId();
    expect((await t.app.handoffs.claim(officer, id, scope)).ok).toBe(true);
    let before = t.connector.sent.length;
    await t.app.handoffs.reply(officer, id, scope, { text: 'สวัสดีค่ะ' });
    await t.app.handoffs.reply(officer, id, scope, { attachments: [{ contentType: 'image/jpeg', url: 'https://example.org/photo.jpg', name: 'photo.jpg' }] });
    const replies = sentSince(before);
    expect(replies).toHaveLength(2);
    for (const reply of replies) expect(officerAuthorOf(reply)).toEqual({ officerId: officer._id, displayName: 'Somsri' });

    // An admin answering in someone else's chat writes as themselves.
    const admin = await t.app.officers.create({ username: 'chief', displayName: 'Chief Wanna', role: 'admin', centres: [], password: 'a-long-password-2' }, false);
    before = t.connector.sent.length;
    await t.app.handoffs.reply(admin, id, 'all', { text: 'Wanna here.' });
    expect(officerAuthorOf(sentSince(before)[0])).toEqual({ officerId: admin._id, displayName: 'Chief Wanna' });

    before = t.connector.sent.length;
    expect((await t.app.handoffs.close(officer, id, scope)).ok).toBe(true);
    const closing = sentSince(before).filter((activity) => activity.type === 'message');
    expect(closing.length).toBeGreaterThan(0);
    for (const activity of closing) expect(officerAuthorOf(activity)).toBeUndefined();
  });
});
