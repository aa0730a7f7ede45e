import { FAQ_FEEDBACK_COLLECTION } from '../../lib/faq/service';
import { dialogHarness, type Harness, offered, say, turn } from '../helpers/dialogHarness';

/** Questions: confident hits answered with a card, near misses offered as the best three, misses offered an officer. */

type Lang = 'th' | 'en';

describe.each(['th', 'en'] as const)('questions, in %s', (lang) => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await dialogHarness();
  });
  afterEach(async () => harness.close());
  const t = (key: string, l: Lang = lang) => harness.content.get(l, key);
  const th = lang === 'th';

  async function start() {
    const client = harness.client();
    await say(client, th ? 'ภาษาไทย' : 'English');
    return client;
  }

  const hits: Array<[string, string]> = th
    ? [['เบอร์สายด่วนศูนย์ดำรงธรรม', 'hotline'], ['ต้องเตรียมเอกสารอะไรบ้าง', 'documents'], ['ร้องเรียนต้องเสียเงินไหม', 'fees'], ['โดนทวงหนี้โหดมาก ข่มขู่ทุกวัน', 'debt-collection']]
    : [['what time do you open', 'hours'], ['what is the hotline number', 'hotline'], ['Can I complain without giving my name?', 'anonymous'], ['a shop cheated me', 'consumer']];

  test.each(hits)('%j is answered with its card, then "did this help?" is counted', async (question, id) => {
    const client = await start();
    const replies = await turn(client, question);
    const entry = harness.services.faq.entry(id);
    const text = replies.map((reply) => reply.attachments?.[0]?.content?.fallbackText ?? reply.text).join('\n');
    expect(text).toContain(entry?.answer[lang]);
    expect(replies[0].attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(offered(replies)).toEqual(expect.arrayContaining([t('faq.helpful.yes'), t('faq.helpful.no')]));
    expect(await say(client, t('faq.helpful.yes'))).toContain(t('faq.thanks'));
    const feedback = await harness.store.collection(FAQ_FEEDBACK_COLLECTION).find({}).toArray();
    expect(feedback).toEqual([expect.objectContaining({ entryId: id, helpful: true, lang })]);
    expect(JSON.stringify(feedback)).not.toContain('user1');
  });

  test('"not really" says sorry and offers an officer', async () => {
    const client = await start();
    await say(client, th ? 'เบอร์สายด่วนศูนย์ดำรงธรรม' : 'what is the hotline number');
    const replies = await turn(client, t('faq.helpful.no'));
    expect(replies.map((reply) => reply.text).join('\n')).toContain(t('faq.sorry'));
    expect(offered(replies)).toContain(t('menu.officer'));
  });

  test('a near miss offers the best three, and a pick is answered', async () => {
    const client = await start();
    await say(client, th ? 'คำถามที่พบบ่อย' : 'Questions');
    const replies = await turn(client, 'complaint');
    expect(replies.map((reply) => reply.attachments?.[0]?.content?.fallbackText ?? reply.text).join('\n')).toContain(t('faq.weak'));
    const options = [...new Set(offered(replies))];
    expect(options).toContain(t('faq.noneOfThese'));
    expect(options.length).toBe(4);
    const picked = await say(client, '1');
    expect(picked).toContain(t('faq.helpful.prompt'));
  });

  test('"none of these" says sorry and offers an officer', async () => {
    const client = await start();
    await say(client, th ? 'คำถามที่พบบ่อย' : 'Questions');
    await say(client, 'complaint');
    expect(await say(client, t('faq.noneOfThese'))).toContain(t('faq.sorry'));
  });

  test('a miss offers an officer', async () => {
    const client = await start();
    expect(await say(client, th ? 'คำถามที่พบบ่อย' : 'Questions')).toContain(t('faq.prompt'));
    const replies = await turn(client, th ? 'ราคาทองวันนี้เท่าไหร่' : 'what is the weather today');
    expect(replies.map((reply) => reply.text).join('\n')).toContain(t('faq.none'));
    expect(offered(replies)).toContain(t('menu.officer'));
  });

  test('an admin\'s new answer is used without a restart', async () => {
    const client = await start();
    const entry = harness.services.faq.entry('hotline');
    await harness.content.setFaqEntry({ ...entry!, answer: { th: 'โทร 1567 ได้ทุกวัน (แก้ไขแล้ว)', en: 'Call 1567 any day (edited).' } }, 'admin-test');
    expect(await say(client, th ? 'เบอร์สายด่วนศูนย์ดำรงธรรม' : 'what is the hotline number')).toContain(th ? '(แก้ไขแล้ว)' : '(edited)');
  });
});
