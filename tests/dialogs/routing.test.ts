import { dialogHarness, type Harness, say } from '../helpers/dialogHarness';

/**
 * Free text reaches the right flow, in Thai and English; commands work at any point of any flow; a citizen
 * who went silent mid-complaint is offered to continue or start over.
 */

type Lang = 'th' | 'en';

describe('routing free text', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await dialogHarness();
  });
  afterAll(async () => harness.close());

  /** The content key whose text the first reply must contain, per sentence. */
  test.each<[string, Lang, string]>([
    ['อยากร้องเรียนเรื่องถนนพัง', 'th', 'complaint.intro'],
    ['ขอแจ้งเรื่องร้องเรียนเจ้าหน้าที่เรียกเงิน', 'th', 'complaint.intro'],
    ['แจ้งเบาะแสบ่อนการพนัน', 'th', 'complaint.intro'],
    ['I want to report a corrupt official', 'en', 'complaint.intro'],
    ['I would like to file a complaint about the water supply', 'en', 'complaint.intro'],
    ['ติดตามเรื่องที่แจ้งไว้', 'th', 'track.number.prompt'],
    ['อยากทราบสถานะเรื่องร้องเรียน', 'th', 'track.number.prompt'],
    ['track my complaint please', 'en', 'track.number.prompt'],
    ['check the status of my complaint', 'en', 'track.number.prompt'],
    ['ขอคุยกับเจ้าหน้าที่หน่อย', 'th', 'handoff.destination.prompt'],
    ['Can I talk to a human?', 'en', 'handoff.destination.prompt'],
    ['สวัสดีค่ะ', 'th', 'menu.prompt'],
    ['hello', 'en', 'menu.prompt'],
    ['asdkjh qwpoe', 'en', 'menu.notUnderstood'],
    ['ราคาทองวันนี้', 'th', 'menu.notUnderstood'],
  ])('%j → %s', async (text, lang, key) => {
    const client = harness.client();
    await say(client, lang === 'th' ? 'ภาษาไทย' : 'English');
    expect(await say(client, text)).toContain(harness.content.get(lang, key));
  });

  test.each<[string, Lang, string]>([
    ['ร้องเรียนต้องเสียเงินไหม', 'th', 'fees'],
    ['ศูนย์ดำรงธรรมเปิดกี่โมงคะ', 'th', 'hours'],
    ['How do I report drug dealing?', 'en', 'drugs'],
    ['what is the hotline number', 'en', 'hotline'],
  ])('a question %j is answered from the bank, not taken as a request to file', async (text, lang, id) => {
    const client = harness.client();
    await say(client, lang === 'th' ? 'ภาษาไทย' : 'English');
    const reply = await say(client, text);
    const entry = harness.services.faq.entry(id);
    expect(reply).toContain(entry?.answer[lang]);
  });

  test('the category is guessed from the sentence and shown', async () => {
    const client = harness.client();
    await say(client, 'ภาษาไทย');
    const reply = await say(client, 'อยากร้องเรียนเรื่องถนนพัง');
    expect(reply).toContain(harness.content.get('th', 'complaint.category.guessed', { category: 'สาธารณูปโภค ถนน ไฟฟ้า ประปา' }));
    expect(reply).toContain(harness.content.get('th', 'complaint.destination.prompt'));
  });
});

describe.each(['th', 'en'] as const)('commands at any point, in %s', (lang) => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await dialogHarness();
  });
  afterEach(async () => harness.close());
  const th = lang === 'th';
  const t = (key: string, l: Lang = lang) => harness.content.get(l, key, { min: 5, max: 150 });

  async function atSubject() {
    const client = harness.client();
    await say(client, th ? 'ภาษาไทย' : 'English');
    await say(client, th ? 'ร้องเรียน / แจ้งเรื่อง' : 'File a complaint');
    await say(client, '8');
    await say(client, th ? 'ศูนย์กลางและหน่วยงานที่เชื่อมต่อ' : 'Central centres and linked agencies');
    expect(await say(client, '1')).toContain(t('complaint.subject.prompt'));
    return client;
  }

  test('help explains the commands and asks the pending question again', async () => {
    const client = await atSubject();
    const reply = await say(client, th ? 'ช่วยด้วย' : 'help');
    expect(reply).toContain(t('help.general'));
    expect(reply).toContain(t('complaint.subject.prompt'));
  });

  test('menu shows the menu and keeps the draft; a greeting then shows it again, and the draft can be continued', async () => {
    const client = await atSubject();
    expect(await say(client, th ? 'เมนู' : 'menu')).toContain(t('menu.prompt'));
    const greeted = await say(client, th ? 'สวัสดี' : 'hello');
    expect(greeted).toContain(t('menu.prompt'));
    expect(greeted).not.toContain(t('complaint.subject.prompt'));
    expect(await say(client, t('resume.continue'))).toContain(t('complaint.subject.prompt'));
  });

  test('officer starts a request for an officer on top of the flow', async () => {
    const client = await atSubject();
    expect(await say(client, th ? 'เจ้าหน้าที่' : 'officer')).toContain(t('handoff.destination.prompt'));
  });

  test('switching language asks the pending question again in the new language, and it sticks', async () => {
    const client = await atSubject();
    const other: Lang = th ? 'en' : 'th';
    const reply = await say(client, th ? 'English' : 'ภาษาไทย');
    expect(reply).toContain(t('language.set', other));
    expect(reply).toContain(t('complaint.subject.prompt', other));
    expect(await say(client, 'ok')).toContain(t('complaint.subject.retry', other));
  });

  test('start over begins the complaint again', async () => {
    const client = await atSubject();
    expect(await say(client, th ? 'เริ่มใหม่' : 'start over')).toContain(t('complaint.category.prompt'));
  });

  test('a menu button pressed mid-complaint opens that flow on top, and the draft waits for it', async () => {
    const client = await atSubject();
    const reply = await say(client, t('menu.track'));
    expect(reply).not.toContain(t('cancel.done'));
    expect(reply).toContain(t('track.number.prompt'));
    expect(await say(client, t('menu.file'))).toContain(t('complaint.subject.prompt'));
  });

  test('cancel with nothing in progress shows the menu', async () => {
    const client = harness.client();
    await say(client, th ? 'ภาษาไทย' : 'English');
    expect(await say(client, th ? 'ยกเลิก' : 'cancel')).toContain(t('menu.prompt'));
  });

  test('after half an hour of silence: continue where they left off', async () => {
    const client = await atSubject();
    harness.clock.advance(2 * 60 * 60 * 1000);
    const welcome = await say(client, th ? 'สวัสดี' : 'hi');
    expect(welcome).toContain(harness.content.get(lang, 'resume.prompt', { about: th ? 'เรื่องอื่น ๆ' : 'Something else' }));
    expect(await say(client, t('resume.continue'))).toContain(t('complaint.subject.prompt'));
    expect(await say(client, th ? 'ไฟฟ้าดับทั้งหมู่บ้าน' : 'Power cut in the whole village')).toContain(harness.content.get(lang, 'complaint.description.prompt', { max: 3000 }));
  });

  test('after half an hour of silence: start over', async () => {
    const client = await atSubject();
    harness.clock.advance(45 * 60 * 1000);
    await say(client, th ? 'สวัสดี' : 'hi');
    expect(await say(client, t('resume.startOver'))).toContain(t('complaint.category.prompt'));
  });

  test('after silence, an answer instead of a choice is taken as the answer', async () => {
    const client = await atSubject();
    harness.clock.advance(45 * 60 * 1000);
    await say(client, th ? 'สวัสดี' : 'hi');
    expect(await say(client, th ? 'ไฟฟ้าดับทั้งหมู่บ้าน' : 'Power cut in the whole village')).toContain(harness.content.get(lang, 'complaint.description.prompt', { max: 3000 }));
  });
});
