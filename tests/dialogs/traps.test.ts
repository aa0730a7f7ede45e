import type { Activity } from 'botbuilder';
import type { DialogTestClient } from 'botbuilder-testing';
import type { ComplaintDraft } from '../../lib/complaints/types';
import { FAQ_FEEDBACK_COLLECTION } from '../../lib/faq/service';
import { buttons, press } from '../helpers/buttons';
import { dialogHarness, type Harness, offered, said, say, turn } from '../helpers/dialogHarness';

/**
 * No question traps a citizen: after an answer, at any choice, in free-text fields, with old buttons and with
 * bad input, a message is taken for what it is, the draft is kept, and a citizen stuck at one question is
 * offered help or an officer.
 */

type Lang = 'th' | 'en';
type Replies = Array<Partial<Activity>>;

const THAI = /[\u0E00-\u0E7F]/;

/** The complaint draft in the conversation's dialog state, as the last turn left it. */
function draftOf(client: DialogTestClient): ComplaintDraft | undefined {
  let found: ComplaintDraft | undefined;
  JSON.parse(JSON.stringify(client.dialogContext.stack), (key, value: unknown) => {
    if (key === 'draft' && found === undefined) found = value as ComplaintDraft;
    return value;
  });
  return found;
}

describe.each(['th', 'en'] as const)('no traps, in %s', (lang) => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await dialogHarness();
  });
  afterEach(async () => harness.close());
  const th = lang === 'th';
  const t = (key: string, vars?: Record<string, string | number>) => harness.content.get(lang, key, vars);
  const text = (replies: Replies) => replies.map(said).join('\n');
  const answer = (id: string) => harness.services.faq.entry(id)!.answer[lang];

  async function start() {
    const client = harness.client();
    await say(client, th ? 'ภาษาไทย' : 'English');
    return client;
  }

  async function atCategory() {
    const client = await start();
    expect(await say(client, t('menu.file'))).toContain(t('complaint.category.prompt'));
    return client;
  }

  /** Category "other", the Ministry's centre: at the title. */
  async function atSubject() {
    const client = await atCategory();
    await say(client, '8');
    await say(client, t('complaint.destination.agencies'));
    expect(await say(client, '1')).toContain(t('complaint.subject.prompt'));
    return client;
  }

  async function atDescription() {
    const client = await atSubject();
    expect(await say(client, th ? 'ไฟฟ้าดับทั้งหมู่บ้านทุกคืน' : 'Power cuts in the village every night')).toContain(t('complaint.description.prompt', { max: 3000 }));
    return client;
  }

  async function atTrackNumber() {
    const client = await start();
    expect(await say(client, t('menu.track'))).toContain(t('track.number.prompt'));
    return client;
  }

  const questions: Record<Lang, Array<[string, string]>> = {
    th: [['ร้องเรียนต้องเสียเงินไหม', 'fees'], ['เบอร์สายด่วนศูนย์ดำรงธรรม', 'hotline'], ['ศูนย์ดำรงธรรมเปิดกี่โมงคะ', 'hours']],
    en: [['Does it cost anything to file a complaint?', 'fees'], ['what is the hotline number', 'hotline'], ['what time do you open', 'hours']],
  };

  test('questions in a row are each answered, and no feedback is counted that was not given', async () => {
    const client = await start();
    for (const [question, id] of questions[lang]) {
      const replies = await turn(client, question);
      expect(text(replies)).toContain(answer(id));
      expect(text(replies)).not.toContain(t('common.choiceRetry'));
    }
    expect(await harness.store.collection(FAQ_FEEDBACK_COLLECTION).countDocuments({})).toBe(0);
  });

  const afterAnswer: Record<Lang, Array<[string, string]>> = {
    th: [['อยากร้องเรียนเรื่องถนนพัง', 'complaint.intro'], ['ติดตามเรื่องที่แจ้งไว้', 'track.number.prompt'], ['ขอคุยกับเจ้าหน้าที่หน่อยค่ะ', 'handoff.destination.prompt'], ['เมนู', 'menu.prompt']],
    en: [['I want to file a complaint', 'complaint.intro'], ['track my complaint', 'track.number.prompt'], ['I want to talk to a real person', 'handoff.destination.prompt'], ['menu', 'menu.prompt']],
  };

  test.each(afterAnswer[lang])('right after an answer, %j is handled as such', async (request, key) => {
    const client = await start();
    await say(client, questions[lang][0][0]);
    expect(await say(client, request)).toContain(t(key));
  });

  test('a category named by its words is taken, as in a first message', async () => {
    const client = await atCategory();
    expect(await say(client, th ? 'ไฟฟ้าดับบ่อยมากแถวบ้าน' : 'the water supply is broken')).toContain(t('complaint.destination.prompt'));
    expect(draftOf(client)?.categoryId).toBe('utilities');
  });

  test('a choice answered politely ("ใช่ค่ะ", "yes please", "โอเค") is taken', async () => {
    const client = await atCategory();
    await say(client, th ? 'สาธารณูปโภค ถนน ไฟฟ้า ประปา' : 'Public utilities: roads, electricity, water');
    expect(await say(client, th ? 'อ.เมือง เชียงใหม่' : 'Mueang Chiang Mai')).toContain(t('complaint.destination.confirm', { name: th ? 'ศูนย์ดำรงธรรมอำเภอเมืองเชียงใหม่' : 'Mueang Chiang Mai District Damrongdham Center' }));
    expect(await say(client, th ? 'ใช่ค่ะ' : 'yes please')).toContain(t('complaint.subject.prompt', { min: 5, max: 150 }));
  });

  test('"menu" in the middle of a complaint shows the menu and keeps the draft, to continue', async () => {
    const client = await atDescription();
    const replies = await turn(client, th ? 'เมนู' : 'menu');
    expect(text(replies)).toContain(t('menu.prompt'));
    expect(text(replies)).toContain(t('menu.draftKept', { about: th ? 'ไฟฟ้าดับทั้งหมู่บ้านทุกคืน' : 'Power cuts in the village every night' }));
    expect(await say(client, t('resume.continue'))).toContain(t('complaint.description.prompt', { max: 3000 }));
    expect(draftOf(client)?.subject).toBe(th ? 'ไฟฟ้าดับทั้งหมู่บ้านทุกคืน' : 'Power cuts in the village every night');
  });

  test('a question at a choice is answered, the choice asked again, and the draft kept', async () => {
    const client = await atCategory();
    const replies = await turn(client, questions[lang][0][0]);
    expect(text(replies)).toContain(answer('fees'));
    expect(text(replies)).toContain(t('flow.back'));
    expect(text(replies)).toContain(t('complaint.category.prompt'));
    expect(text(replies)).not.toContain(t('common.choiceRetry'));
    expect(await say(client, '8')).toContain(t('complaint.destination.prompt'));
    expect(draftOf(client)?.categoryId).toBe('other');
  });

  test('a request at a choice opens that flow over the complaint, which waits with its draft', async () => {
    const client = await atCategory();
    await say(client, '4');
    expect(await say(client, th ? 'ติดตามเรื่องที่แจ้งไว้' : 'track my complaint')).toContain(t('track.number.prompt'));
    expect(await say(client, t('menu.file'))).toContain(t('complaint.destination.prompt'));
    expect(draftOf(client)?.categoryId).toBe('land');
  });

  test('a question at a search for a place is answered; a place is still searched', async () => {
    const client = await atCategory();
    await say(client, '8');
    // Asked as a question: words alone ("เบอร์สายด่วน") may be a place's name, and are searched.
    expect(await say(client, questions[lang][0][0])).toContain(answer('fees'));
    expect(await say(client, th ? 'เชียงใหม่' : 'Chiang Mai')).toContain(harness.content.get(lang, 'complaint.destination.confirm', { name: th ? 'ศูนย์ดำรงธรรมจังหวัดเชียงใหม่' : 'Chiang Mai Provincial Damrongdham Center' }));
  });

  const freeText: Record<Lang, Array<[string, string, string]>> = {
    th: [
      ['a command', 'ช่วยด้วย', 'help.general'],
      ['a clear request for a human', 'ขอคุยกับเจ้าหน้าที่หน่อยค่ะ', 'handoff.destination.prompt'],
      ['a title that mentions officers', 'เจ้าหน้าที่ไม่ยอมคุยกับคนในหมู่บ้าน', 'complaint.description.prompt'],
      ['a title that asks something', 'ทำไมถนนยังไม่ซ่อมหลังแจ้งแล้วสามเดือน', 'complaint.description.prompt'],
    ],
    en: [
      ['a command', 'help', 'help.general'],
      ['a clear request for a human', 'I want to talk to a real person', 'handoff.destination.prompt'],
      ['a title that mentions officers', 'The officer refused to talk to someone like me', 'complaint.description.prompt'],
      ['a title that asks something', 'Why is the road still not repaired after three months?', 'complaint.description.prompt'],
    ],
  };

  test.each(freeText[lang])('in the title field, %s (%j) → %s', async (_what, message, key) => {
    const client = await atSubject();
    expect(await say(client, message)).toContain(t(key, { max: 3000 }));
  });

  test('a request for a human in the description opens the officer flow, and the draft waits', async () => {
    const client = await atDescription();
    expect(await say(client, th ? 'อยากคุยกับเจ้าหน้าที่' : 'Can I speak to a person?')).toContain(t('handoff.destination.prompt'));
    expect(await say(client, t('menu.file'))).toContain(t('complaint.description.prompt', { max: 3000 }));
    expect(draftOf(client)?.subject).toBe(th ? 'ไฟฟ้าดับทั้งหมู่บ้านทุกคืน' : 'Power cuts in the village every night');
  });

  test('a button on an older card says its step is done and asks the current question again', async () => {
    const client = await atCategory();
    const categories = await turn(client, t('menu.file'));
    const land = harness.content.category('land')!.label[lang];
    const consumer = harness.content.category('consumer')!.label[lang];
    const destination = await turn(client, press(categories, land));
    expect(text(destination)).toContain(t('complaint.destination.prompt'));
    const dol = harness.services.centres.directory.describeDestination({ kind: 'agency', code: 'DOL' }, lang);
    expect(offered(destination)).toContain(dol);
    const stale = await turn(client, press(categories, consumer));
    expect(text(stale)).toContain(t('flow.stale'));
    expect(text(stale)).toContain(t('complaint.destination.prompt'));
    // The draft is as it was: the land category, its agency offered first.
    expect(draftOf(client)?.categoryId).toBe('land');
    expect(offered(stale)).toContain(dol);
    // The current card's buttons still work.
    expect(await say(client, press(stale, t('complaint.destination.agencies')))).toContain(t('complaint.destination.agency.prompt'));
  });

  test('a button from an earlier asking of the same question still answers it; one from another question does not', async () => {
    const client = await atCategory();
    const first = await turn(client, '8');
    // Not found: the same question is asked again, on a new card.
    expect(await say(client, 'zzzzqqqq')).toContain(t('complaint.destination.prompt'));
    expect(await say(client, press(first, t('complaint.destination.agencies')))).toContain(t('complaint.destination.agency.prompt'));
    // A confirmation names its centre: "yes" on Chiang Mai's card is no answer to Khon Kaen's.
    const client2 = await atCategory();
    await say(client2, '8');
    const chiangMai = await turn(client2, th ? 'เชียงใหม่' : 'Chiang Mai');
    await say(client2, press(chiangMai, t('common.chooseAnother')));
    const khonKaen = await turn(client2, th ? 'ขอนแก่น' : 'Khon Kaen');
    expect(text(khonKaen)).toContain(th ? 'ศูนย์ดำรงธรรมจังหวัดขอนแก่น' : 'Khon Kaen Provincial Damrongdham Center');
    const stale = await turn(client2, press(chiangMai, t('common.yes')));
    expect(text(stale)).toContain(t('flow.stale'));
    expect(draftOf(client2)?.destination).toBeUndefined();
    await say(client2, press(khonKaen, t('common.yes')));
    expect(draftOf(client2)?.destination).toEqual({ kind: 'centre', code: '40' });
  });

  test('a button on an older card with nothing in progress says so', async () => {
    const client = await atCategory();
    const categories = await turn(client, t('menu.file'));
    await say(client, th ? 'ยกเลิก' : 'cancel');
    const replies = await turn(client, press(categories, harness.content.category('land')!.label[lang]));
    expect(text(replies)).toContain(t('flow.staleIdle'));
    expect(text(replies)).not.toContain(t('complaint.destination.prompt'));
  });

  test('two misses at a choice offer help and an officer, in one message each time', async () => {
    const client = await atCategory();
    const first = await turn(client, '😀');
    expect(first).toHaveLength(1);
    expect(said(first[0])).toContain(t('complaint.category.retry'));
    // The retry names no item numbers: the card's buttons show none.
    expect(first[0].text).not.toMatch(/number|หมายเลข/i);
    const second = await turn(client, th ? 'ฟหกดฟหกด' : 'asdf qwer');
    expect(second).toHaveLength(1);
    expect(said(second[0])).toContain(t('common.stuck'));
    expect(said(second[0])).toContain(t('complaint.category.prompt'));
    expect(offered(second)).toEqual(expect.arrayContaining([t('common.helpLabel'), t('menu.officer')]));
    expect(await say(client, t('common.helpLabel'))).toContain(t('help.general'));
  });

  test('two misses at a typed field offer help and an officer', async () => {
    const client = await atTrackNumber();
    expect(await say(client, 'abc')).not.toContain(t('common.stuck'));
    const second = await turn(client, 'xyz');
    expect(second).toHaveLength(1);
    expect(said(second[0])).toContain(t('common.stuck'));
    expect(offered(second)).toEqual(expect.arrayContaining([t('common.helpLabel'), t('menu.officer')]));
    expect(await say(client, t('menu.officer'))).toContain(t('handoff.destination.prompt'));
  });

  test('a message not understood gets a plain sentence and the three likeliest ways on, not a welcome card', async () => {
    const client = await start();
    const replies = await turn(client, th ? 'ฟหกดฟหกด' : 'asdf qwer');
    expect(replies).toHaveLength(1);
    expect(replies[0].attachments ?? []).toHaveLength(0);
    expect(replies[0].text).toBe(t('menu.notUnderstood'));
    expect(offered(replies)).toEqual([t('menu.file'), t('menu.faq'), t('menu.officer')]);
    const digits = await turn(client, 'DD 2569');
    expect(offered(digits)[0]).toBe(t('menu.track'));
  });

  const BAD: Record<Lang, Array<[string, string]>> = {
    th: [
      ['nonsense', 'ฟหกดฟหกด'],
      ['emoji only', '😀🙏👍'],
      ['5,000 characters', 'ถนนพัง'.repeat(834).slice(0, 5000)],
      ['markup', '<script>alert(1)</script> **ด่วน** [x](javascript:alert(1))'],
      ['Thai digits', '๑๒๓๔'],
      ['mixed scripts', 'ถนน broken ๑๒ road'],
    ],
    en: [
      ['nonsense', 'asdf qwer zxcv'],
      ['emoji only', '😀🙏👍'],
      ['5,000 characters', 'broken road '.repeat(417).slice(0, 5000)],
      ['markup', '<script>alert(1)</script> **urgent** [x](javascript:alert(1))'],
      ['Thai digits', '๑๒๓๔'],
      ['mixed scripts', 'road ถนน broken ๑๒'],
    ],
  };

  const PROMPTS: Array<[string, () => Promise<DialogTestClient>, Partial<ComplaintDraft>]> = [
    ['the category (a choice)', () => atCategory(), {}],
    ['the title (a free-text field)', () => atSubject(), { categoryId: 'other', destination: { kind: 'centre', code: 'MOI' } }],
    ['the description (a free-text field)', () => atDescription(), { categoryId: 'other', subject: th ? 'ไฟฟ้าดับทั้งหมู่บ้านทุกคืน' : 'Power cuts in the village every night' }],
    ['the tracking number (a typed field)', () => atTrackNumber(), {}],
  ];

  describe.each(PROMPTS)('bad input at %s', (_where, reach, kept) => {
    test.each(BAD[lang])('%s: a helpful answer in the citizen\'s language, one question at a time, nothing lost', async (_what, input) => {
      const client = await reach();
      const replies = await turn(client, input);
      expect(replies.length).toBeGreaterThanOrEqual(1);
      expect(replies.length).toBeLessThanOrEqual(2);
      for (const reply of replies) {
        const words = said(reply).split(input).join('');
        expect(words.trim().length).toBeGreaterThan(0);
        if (th) expect(words).toMatch(THAI);
        else expect(words).not.toMatch(THAI);
      }
      // No stack of repeated prompts: the question, if asked again, is asked once.
      const all = text(replies);
      for (const key of ['complaint.category.prompt', 'complaint.subject.prompt', 'track.number.prompt']) {
        expect(all.split(t(key)).length - 1).toBeLessThanOrEqual(1);
      }
      expect(draftOf(client) ?? {}).toMatchObject(kept);
    });
  });
});

describe('buttons a card carries', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await dialogHarness();
  });
  afterAll(async () => harness.close());

  test('choice buttons send their label as text, with the question they belong to', async () => {
    const client = harness.client();
    await say(client, 'ภาษาไทย');
    const replies = await turn(client, 'ร้องเรียน / แจ้งเรื่อง');
    const onCard = buttons(replies).filter((button) => button.on === 'card');
    expect(onCard.length).toBeGreaterThan(1);
    const steps = new Set(onCard.map((button) => (button.send.value as Record<string, string>).step));
    expect(steps.size).toBe(1);
    for (const button of onCard) expect(button.send.text).toBe(button.title);
  });
});
