import { FAQ_FEEDBACK_COLLECTION } from '../../lib/faq/service';
import { buttons, press } from '../helpers/buttons';
import { dialogHarness, type Harness, offered, said, say, turn } from '../helpers/dialogHarness';

/**
 * Questions: confident hits answered with a card that leads somewhere (file a complaint on the topic, an officer,
 * another question) and asks, without waiting, whether it helped; near misses offered as the best three; misses
 * offered an officer; questions about one centre answered for that centre.
 */

type Lang = 'th' | 'en';

describe.each(['th', 'en'] as const)('questions, in %s', (lang) => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await dialogHarness();
  });
  afterEach(async () => harness.close());
  const t = (key: string, vars?: Record<string, string>, l: Lang = lang) => harness.content.get(l, key, vars);
  const th = lang === 'th';
  const text = (replies: Awaited<ReturnType<typeof turn>>) => replies.map(said).join('\n');
  const feedback = () => harness.store.collection<{ _id: string; entryId: string; helpful: boolean }>(FAQ_FEEDBACK_COLLECTION).find({}).toArray();

  async function start() {
    const client = harness.client();
    await say(client, th ? 'ภาษาไทย' : 'English');
    return client;
  }

  const hits: Array<[string, string]> = th
    ? [['เบอร์สายด่วนศูนย์ดำรงธรรม', 'hotline'], ['ต้องเตรียมเอกสารอะไรบ้าง', 'documents'], ['ร้องเรียนต้องเสียเงินไหม', 'fees'], ['โดนทวงหนี้โหดมาก ข่มขู่ทุกวัน', 'debt-collection']]
    : [['what time do you open', 'hours'], ['what is the hotline number', 'hotline'], ['Can I complain without giving my name?', 'anonymous'], ['a shop cheated me', 'consumer']];

  test.each(hits)('%j is answered with its card, which leads on and asks "did this help?" without waiting', async (question, id) => {
    const client = await start();
    const replies = await turn(client, question);
    const entry = harness.services.faq.entry(id)!;
    expect(text(replies)).toContain(entry.answer[lang]);
    expect(replies).toHaveLength(1);
    expect(replies[0].attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const category = entry.categoryId ? harness.content.category(entry.categoryId) : undefined;
    const file = category ? t('faq.next.fileCategory', { category: category.label[lang] }) : t('menu.file');
    expect(offered(replies)).toEqual(expect.arrayContaining([t('faq.helpful.yes'), t('faq.helpful.no'), file, t('menu.officer'), t('faq.next.ask')]));
    // Nothing was counted by answering, and nothing waits for the feedback.
    expect(await feedback()).toEqual([]);
    expect(await say(client, t('faq.helpful.yes'))).not.toContain(t('faq.thanks'));
    expect(await feedback()).toEqual([]);
  });

  test('feedback is counted when a button is pressed, once per answer, with nothing about who asked', async () => {
    const client = await start();
    const answer = await turn(client, th ? 'เบอร์สายด่วนศูนย์ดำรงธรรม' : 'what is the hotline number');
    expect(await say(client, press(answer, t('faq.helpful.yes')))).toContain(t('faq.thanks'));
    expect(await say(client, press(answer, t('faq.helpful.yes')))).toContain(t('faq.alreadyRated'));
    expect(await say(client, press(answer, t('faq.helpful.no')))).toContain(t('faq.alreadyRated'));
    const stored = await feedback();
    expect(stored).toEqual([expect.objectContaining({ entryId: 'hotline', helpful: true, lang })]);
    expect(JSON.stringify(stored)).not.toContain('user1');
    // A second answer is a second card, rated on its own.
    const again = await turn(client, th ? 'เบอร์สายด่วนศูนย์ดำรงธรรม' : 'what is the hotline number');
    await say(client, press(again, t('faq.helpful.no')));
    expect((await feedback()).map((row) => row.helpful).sort()).toEqual([false, true]);
  });

  test('"not really" says sorry and offers an officer', async () => {
    const client = await start();
    const answer = await turn(client, th ? 'เบอร์สายด่วนศูนย์ดำรงธรรม' : 'what is the hotline number');
    const replies = await turn(client, press(answer, t('faq.helpful.no')));
    expect(text(replies)).toContain(t('faq.sorry'));
    expect(offered(replies)).toContain(t('menu.officer'));
  });

  test('"file a complaint" on an answer with a topic starts a complaint in its category', async () => {
    const client = await start();
    const answer = await turn(client, th ? 'ถนนหน้าบ้านเป็นหลุมเป็นบ่อ แจ้งที่ไหน' : 'The road is full of potholes, where do I report it?');
    expect(text(answer)).toContain(harness.services.faq.entry('roads')!.answer[lang]);
    const category = harness.content.category('utilities')!.label[lang];
    const reply = await say(client, press(answer, t('faq.next.fileCategory', { category })));
    expect(reply).toContain(t('complaint.category.guessed', { category }));
    expect(reply).toContain(t('complaint.destination.prompt'));
  });

  test('"talk to an officer" and "ask another question" on an answer do what they say', async () => {
    const client = await start();
    const answer = await turn(client, th ? 'เบอร์สายด่วนศูนย์ดำรงธรรม' : 'what is the hotline number');
    expect(await say(client, press(answer, t('faq.next.ask')))).toContain(t('faq.prompt'));
    expect(await say(client, th ? 'ร้องเรียนต้องเสียเงินไหม' : 'Does it cost anything to file a complaint?')).toContain(harness.services.faq.entry('fees')!.answer[lang]);
    expect(await say(client, press(answer, t('menu.officer')))).toContain(t('handoff.destination.prompt'));
  });

  test('a near miss offers the best three as buttons, and pressing one answers it', async () => {
    const client = await start();
    await say(client, th ? 'คำถามที่พบบ่อย' : 'Questions');
    // A word the bank knows from many answers, and that names no flow ("complaint" would start one).
    const replies = await turn(client, 'complaints');
    expect(text(replies)).toContain(t('faq.weak'));
    const candidates = buttons(replies).filter((button) => button.on === 'card' && (button.send.value as Record<string, string>)?.faqEntry);
    expect(candidates).toHaveLength(3);
    const picked = await turn(client, candidates[1].send);
    const entry = harness.services.faq.entry((candidates[1].send.value as Record<string, string>).faqEntry)!;
    expect(text(picked)).toContain(entry.answer[lang]);
  });

  test('a miss offers an officer', async () => {
    const client = await start();
    expect(await say(client, th ? 'คำถามที่พบบ่อย' : 'Questions')).toContain(t('faq.prompt'));
    const replies = await turn(client, th ? 'ราคาทองวันนี้เท่าไหร่' : 'what is the weather today');
    expect(text(replies)).toContain(t('faq.none'));
    expect(offered(replies)).toContain(t('menu.officer'));
  });

  test('a request typed where a question is expected is taken as that request', async () => {
    const client = await start();
    await say(client, th ? 'คำถามที่พบบ่อย' : 'Questions');
    expect(await say(client, th ? 'อยากร้องเรียนเรื่องถนนพัง' : 'I want to report a broken road')).toContain(t('complaint.intro'));
  });

  test('an admin\'s new answer is used without a restart', async () => {
    const client = await start();
    const entry = harness.services.faq.entry('hotline');
    await harness.content.setFaqEntry({ ...entry!, answer: { th: 'โทร 1567 ได้ทุกวัน (แก้ไขแล้ว)', en: 'Call 1567 any day (edited).' } }, 'admin-test');
    expect(await say(client, th ? 'เบอร์สายด่วนศูนย์ดำรงธรรม' : 'what is the hotline number')).toContain(th ? '(แก้ไขแล้ว)' : '(edited)');
  });
});

describe('questions about one centre are answered for that centre', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await dialogHarness();
  });
  afterAll(async () => harness.close());

  test.each<[string, Lang, string, string]>([
    ['where is the Chiang Mai centre?', 'en', 'Chiang Mai Provincial Damrongdham Center', 'Chiang Mai Provincial Hall'],
    ['ศูนย์ดำรงธรรมเชียงใหม่อยู่ที่ไหน', 'th', 'ศูนย์ดำรงธรรมจังหวัดเชียงใหม่', 'ศาลากลางจังหวัดเชียงใหม่'],
    ['เบอร์ศูนย์ดำรงธรรมอำเภอหางดง', 'th', 'ศูนย์ดำรงธรรมอำเภอหางดง', 'ที่ว่าการอำเภอหางดง จังหวัดเชียงใหม่'],
    ['phone number of the Hang Dong centre', 'en', 'Hang Dong District Damrongdham Center', 'Hang Dong District Office, Chiang Mai'],
    ['ศูนย์ดำรงธรรมขอนแก่นเบอร์อะไร', 'th', 'ศูนย์ดำรงธรรมจังหวัดขอนแก่น', 'ศาลากลางจังหวัดขอนแก่น'],
  ])('%j (%s): %s, at %s, with its phone and a map', async (question, lang, name, address) => {
    const client = harness.client();
    await say(client, lang === 'th' ? 'ภาษาไทย' : 'English');
    const replies = await turn(client, question);
    const reply = replies.map(said).join('\n');
    expect(reply).toContain(name);
    expect(reply).toContain(address);
    expect(reply).toContain(harness.content.get(lang, 'centre.phone'));
    const card = JSON.stringify(replies[0].attachments?.[0]?.content);
    const thaiAddress = lang === 'th' ? address : undefined;
    expect(card).toContain('https://www.google.com/maps/search/?api=1&query=');
    if (thaiAddress) expect(card).toContain(encodeURIComponent(thaiAddress));
    expect(offered(replies)).toEqual(expect.arrayContaining([harness.content.get(lang, 'menu.officer'), harness.content.get(lang, 'faq.next.ask')]));
  });

  test.each<[string, Lang]>([
    ['where is the damrongdham centre', 'en'],
    ['ศูนย์ดำรงธรรมอยู่ที่ไหน', 'th'],
  ])('%j names no place: the general answer', async (question, lang) => {
    const client = harness.client();
    await say(client, lang === 'th' ? 'ภาษาไทย' : 'English');
    expect(await say(client, question)).toContain(harness.services.faq.entry('locations')!.answer[lang]);
  });
});
