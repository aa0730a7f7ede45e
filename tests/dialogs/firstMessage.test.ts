import type { ComplaintDocument } from '../../lib/complaints/types';
import { COMPLAINTS_COLLECTION } from '../../lib/complaints/service';
import { MAX_ATTACHMENTS } from '../../lib/complaints/fields';
import type { Lang } from '../../lib/i18n/language';
import { dialogHarness, type Harness, offered, say, turn } from '../helpers/dialogHarness';

/**
 * A complaint told in the first message: what was said is shown to confirm, not asked again. Each script is the
 * whole conversation from that first sentence to the receipt; the test counts the citizen's turns.
 */

/** Thursday 10 December 2026, 10:00 in Bangkok: "about three months ago" is September. */
const THU_10_DEC = Date.UTC(2026, 11, 10, 3, 0, 0);
/** The goal: from the first sentence to the receipt in at most this many turns (it was 15). */
const MAX_TURNS = 11;

interface Step {
  send: string;
  /** Content keys (with their values) whose texts must all appear in the turn's replies. */
  expect: Array<[string, Record<string, string | number>?]>;
}

interface Script {
  lang: Lang;
  steps: Step[];
  /** What the summary shows for when it happened. */
  when: string;
  saved: Partial<ComplaintDocument>;
}

const SCRIPTS: Record<Lang, Script> = {
  th: {
    lang: 'th',
    steps: [
      {
        send: 'ถนนหน้าบ้านพังเป็นหลุมใหญ่ที่ อ.หางดง เชียงใหม่',
        expect: [['complaint.intro'], ['complaint.category.guessed', { category: 'สาธารณูปโภค ถนน ไฟฟ้า ประปา' }], ['complaint.destination.confirm', { name: 'ศูนย์ดำรงธรรมอำเภอหางดง' }]],
      },
      {
        send: 'ใช่',
        expect: [['complaint.review.prompt', { subject: 'ถนนหน้าบ้านพังเป็นหลุมใหญ่ที่ อ.หางดง เชียงใหม่', description: 'ถนนหน้าบ้านพังเป็นหลุมใหญ่ที่ อ.หางดง เชียงใหม่' }]],
      },
      { send: 'ใช้ตามนี้', expect: [['complaint.attachments.prompt', { max: MAX_ATTACHMENTS }]] },
      // The place was in the first sentence: the next question is when.
      { send: 'ข้าม', expect: [['complaint.when.prompt']] },
      { send: 'ประมาณ 3 เดือนก่อน', expect: [['complaint.name.prompt']] },
      { send: 'สมชาย ใจดี', expect: [['complaint.phone.prompt']] },
      { send: '๐๘๑-๒๓๔-๕๖๗๘', expect: [['complaint.email.prompt']] },
      { send: 'ข้าม', expect: [['complaint.nationalId.prompt']] },
      { send: 'ข้าม', expect: [['complaint.consent.prompt', { privacyUrl: 'http://localhost:3978/privacy' }]] },
      { send: 'ยินยอม', expect: [['complaint.summary.title']] },
      { send: 'ยืนยันส่งเรื่อง', expect: [['receipt.title']] },
    ],
    when: 'ประมาณเดือนกันยายน 2569 (ที่แจ้งไว้: “ประมาณ 3 เดือนก่อน”)',
    saved: {
      subject: 'ถนนหน้าบ้านพังเป็นหลุมใหญ่ที่ อ.หางดง เชียงใหม่',
      description: 'ถนนหน้าบ้านพังเป็นหลุมใหญ่ที่ อ.หางดง เชียงใหม่',
      incident: { place: 'อ.หางดง เชียงใหม่', date: '2026-09-01', approximate: true, precision: 'month', said: 'ประมาณ 3 เดือนก่อน' },
    },
  },
  en: {
    lang: 'en',
    steps: [
      {
        send: 'The road in front of my house is broken with a big pothole in Hang Dong, Chiang Mai',
        expect: [['complaint.intro'], ['complaint.category.guessed', { category: 'Public utilities and roads' }], ['complaint.destination.confirm', { name: 'Hang Dong District Damrongdham Center' }]],
      },
      {
        send: 'Yes',
        expect: [['complaint.review.prompt', {
          subject: 'The road in front of my house is broken with a big pothole in Hang Dong, Chiang Mai',
          description: 'The road in front of my house is broken with a big pothole in Hang Dong, Chiang Mai',
        }]],
      },
      { send: 'Keep it', expect: [['complaint.attachments.prompt', { max: MAX_ATTACHMENTS }]] },
      { send: 'skip', expect: [['complaint.when.prompt']] },
      { send: 'about three months ago', expect: [['complaint.name.prompt']] },
      { send: 'Somchai Jaidee', expect: [['complaint.phone.prompt']] },
      { send: '081-234-5678', expect: [['complaint.email.prompt']] },
      { send: 'skip', expect: [['complaint.nationalId.prompt']] },
      { send: 'skip', expect: [['complaint.consent.prompt', { privacyUrl: 'http://localhost:3978/privacy' }]] },
      { send: 'I agree', expect: [['complaint.summary.title']] },
      { send: 'Send complaint', expect: [['receipt.title']] },
    ],
    when: 'Around September 2026 (you wrote: “about three months ago”)',
    saved: {
      subject: 'The road in front of my house is broken with a big pothole in Hang Dong, Chiang Mai',
      description: 'The road in front of my house is broken with a big pothole in Hang Dong, Chiang Mai',
      incident: { place: 'Hang Dong, Chiang Mai', date: '2026-09-01', approximate: true, precision: 'month', said: 'about three months ago' },
    },
  },
};

async function stored(harness: Harness): Promise<ComplaintDocument[]> {
  return harness.store.collection<ComplaintDocument>(COMPLAINTS_COLLECTION).find({}).toArray();
}

describe.each(['th', 'en'] as const)('a complaint told in the first message, in %s', (lang) => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await dialogHarness();
    harness.clock.ms = THU_10_DEC;
  });
  afterEach(async () => harness.close());
  const t = (key: string, vars?: Record<string, string | number>) => harness.content.get(lang, key, vars);

  test(`reaches the receipt in at most ${MAX_TURNS} turns, with every field collected`, async () => {
    const script = SCRIPTS[lang];
    const client = harness.client();
    const replies: string[] = [];
    for (const step of script.steps) {
      const reply = await say(client, step.send);
      replies.push(reply);
      for (const [key, vars] of step.expect) {
        if (!reply.includes(t(key, vars))) throw new Error(`After ${JSON.stringify(step.send)} expected "${key}" (${t(key, vars)}) in:\n${reply}`);
      }
    }
    expect(replies.length).toBeLessThanOrEqual(MAX_TURNS);

    // The summary shows the citizen's words for when beside what was understood.
    const summary = replies[replies.length - 2];
    expect(summary).toContain(script.when);
    expect(summary).toContain(t('complaint.when.shown.monthApprox', { month: lang === 'th' ? 'กันยายน 2569' : 'September 2026' }));

    // The same data as the long way round: category, centre, title, description, photos (none), place, when,
    // name, phone, the optional e-mail and ID (skipped), consent.
    const complaints = await stored(harness);
    expect(complaints).toHaveLength(1);
    expect(complaints[0]).toMatchObject({
      ...script.saved,
      status: 'received',
      categoryId: 'utilities',
      destination: { kind: 'centre', code: '5015' },
      attachments: [],
      contact: { anonymous: false, name: lang === 'th' ? 'สมชาย ใจดี' : 'Somchai Jaidee', phone: '0812345678' },
      consent: { version: 'pdpa-2026-1', at: THU_10_DEC },
      lang,
    });
    expect(complaints[0].contact).not.toHaveProperty('email');
    expect(complaints[0].contact).not.toHaveProperty('nationalIdMasked');
    expect(replies[replies.length - 1]).toContain(complaints[0]._id);
  });

  test('more words typed at the draft are added to the description, and the draft is shown again', async () => {
    const client = harness.client();
    const first = SCRIPTS[lang].steps[0].send;
    await say(client, first);
    await say(client, lang === 'th' ? 'ใช่' : 'Yes');
    const more = lang === 'th' ? 'รถจักรยานยนต์ล้มไปแล้วสองคัน' : 'Two motorbikes have fallen already.';
    const again = await say(client, more);
    expect(again).toContain(t('complaint.review.prompt', { subject: SCRIPTS[lang].saved.subject as string, description: `${first}\n\n${more}` }));
    // A plain "yes" at the draft keeps it, as the button does.
    expect(await say(client, lang === 'th' ? 'โอเค' : 'ok')).toContain(t('complaint.attachments.prompt', { max: MAX_ATTACHMENTS }));
  });

  test('the draft offers "keep" as its button; typed numbers are words of the description, not a choice', async () => {
    const client = harness.client();
    await say(client, SCRIPTS[lang].steps[0].send);
    const draft = await turn(client, lang === 'th' ? 'ใช่' : 'Yes');
    expect(offered(draft)).toEqual([t('complaint.review.keep')]);
    const more = lang === 'th' ? '2' : 'two';
    expect(await say(client, more)).toContain(`\n\n${more}`);
    // The suggested title can still be changed at the summary; "keep" takes it for now.
    expect(await say(client, t('complaint.review.keep'))).toContain(t('complaint.attachments.prompt', { max: MAX_ATTACHMENTS }));
  });

  test('bad input at the draft gets a helpful answer and loses nothing', async () => {
    const client = harness.client();
    const first = SCRIPTS[lang].steps[0].send;
    const subject = SCRIPTS[lang].saved.subject as string;
    const more = lang === 'th' ? 'รถล้ม ๒ คัน' : 'two motorbikes fell, 2 riders hurt';
    await say(client, first);
    await say(client, lang === 'th' ? 'ใช่' : 'Yes');
    const cases: Array<[string | { attachments: Array<{ contentType: string; contentUrl: string }> }, string]> = [
      // Emoji alone: the draft again, unchanged.
      ['😡😡😡', t('complaint.review.prompt', { subject, description: first })],
      // A photo: its turn is next.
      [{ attachments: [{ contentType: 'image/jpeg', contentUrl: 'https://files.example.go.th/road.jpg' }] }, t('complaint.review.photoNext')],
      // Past the description's length: the limits, and the draft as it was.
      [(lang === 'th' ? 'ก' : 'x').repeat(5000), t('complaint.description.retry', { min: 10, max: 3000, length: 0 }).split(/[(（]/)[0]],
      // Markup and Thai digits are words like any other, kept as typed.
      [`<script>alert(1)</script> ${more}`, t('complaint.review.prompt', { subject, description: `${first}\n\n<script>alert(1)</script> ${more}` })],
    ];
    for (const [input, expected] of cases) expect(await say(client, typeof input === 'string' ? input : { ...input })).toContain(expected);
    // Nothing was lost: the title and the description with what was added go on to the summary.
    for (const step of [t('complaint.review.keep'), t('common.skip'), lang === 'th' ? 'เมื่อวาน' : 'yesterday', 'Somchai Jaidee', '081-234-5678', t('common.skip'), t('common.skip')]) await say(client, step);
    const summary = await say(client, t('complaint.consent.agree'));
    expect(summary).toContain(subject);
    expect(summary).toContain(`<script>alert(1)</script> ${more}`);
  });

  test('after "start over" the complaint is filed from the beginning, and the receipt is followed by "anything else?"', async () => {
    const client = harness.client();
    await say(client, SCRIPTS[lang].steps[0].send);
    expect(await say(client, lang === 'th' ? 'เริ่มใหม่' : 'start over')).toContain(t('complaint.category.prompt'));
    const utilities = harness.content.category('utilities');
    const sends = [
      utilities?.label[lang] ?? 'missing category',
      lang === 'th' ? 'เชียงใหม่' : 'Chiang Mai',
      t('common.yes'),
      lang === 'th' ? 'ถนนพังเป็นหลุมใหญ่' : 'Broken road with a big pothole',
      lang === 'th' ? 'ถนนหน้าบ้านพังเป็นหลุมใหญ่มาสามเดือนแล้ว' : 'The road in front of my house has had a big pothole for three months.',
      t('common.skip'),
      lang === 'th' ? 'หน้าบ้านเลขที่ 5' : 'in front of house number 5',
      lang === 'th' ? 'เมื่อวาน' : 'yesterday',
      lang === 'th' ? 'สมชาย ใจดี' : 'Somchai Jaidee',
      '081-234-5678',
      t('common.skip'),
      t('common.skip'),
      t('complaint.consent.agree'),
    ];
    for (const send of sends) await say(client, send);
    const receipt = await say(client, t('complaint.summary.confirm'));
    expect(receipt).toContain(t('receipt.title'));
    expect(receipt).toContain(t('menu.anythingElse'));
  });

  test('"choose another" at the suggested centre leads to the usual question, and the place is still kept', async () => {
    const client = harness.client();
    await say(client, SCRIPTS[lang].steps[0].send);
    expect(await say(client, t('common.chooseAnother'))).toContain(t('complaint.destination.prompt'));
    await say(client, lang === 'th' ? 'เชียงใหม่' : 'Chiang Mai');
    expect(await say(client, t('common.yes'))).toContain(t('complaint.review.prompt', { subject: SCRIPTS[lang].saved.subject as string, description: SCRIPTS[lang].saved.description as string }));
  });
});

describe('first messages that do not describe a problem start as before', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await dialogHarness();
  });
  afterEach(async () => harness.close());

  test.each<[string, Lang, string]>([
    // A request with a topic: the category is guessed, then where to file, then the title is asked.
    ['อยากร้องเรียนเรื่องถนนพัง', 'th', 'complaint.destination.prompt'],
    ['I want to complain about the road', 'en', 'complaint.destination.prompt'],
  ])('%s', async (message, lang, expected) => {
    const client = harness.client();
    const reply = await say(client, message);
    expect(reply).toContain(harness.content.get(lang, expected));
    expect(reply).not.toContain(harness.content.get(lang, 'complaint.category.prompt'));
  });

  test('a problem told without a place: where to file is asked, and the draft is shown after', async () => {
    const message = 'ท่อประปาแตก น้ำไหลนองถนนหน้าบ้านมาสองวันแล้ว';
    // Not one the question bank answers for sure (those are answered first, below).
    expect(harness.services.faq.match(message, 'th').kind).not.toBe('confident');
    const client = harness.client();
    const t = (key: string, vars?: Record<string, string | number>) => harness.content.get('th', key, vars);
    expect(await say(client, message)).toContain(t('complaint.destination.prompt'));
    await say(client, 'อ.หางดง เชียงใหม่');
    expect(await say(client, t('common.yes'))).toContain(t('complaint.review.prompt', { subject: message, description: message }));
    // The place was not in the message: it is asked after the photos.
    await say(client, t('complaint.review.keep'));
    expect(await say(client, t('common.skip'))).toContain(t('complaint.place.prompt', { min: 3, max: 300 }));
  });

  test.each<[string, Lang]>([
    // A question about a problem.
    ['ถนนพังต้องแจ้งที่ไหน', 'th'],
    // A problem the question bank has a sure answer for: the answer comes first.
    ['โดนทวงหนี้โหดมาก ข่มขู่ทุกวัน', 'th'],
    ['a shop cheated me', 'en'],
  ])('%s is answered from the question bank, not filed', async (message, lang) => {
    const client = harness.client();
    const reply = await say(client, message);
    expect(reply).not.toContain(harness.content.get(lang, 'complaint.intro'));
    expect(reply).not.toContain(harness.content.get(lang, 'menu.notUnderstood'));
  });

  test('a request with a topic asks for the title as before, then the description', async () => {
    const client = harness.client();
    await say(client, 'อยากร้องเรียนเรื่องถนนพัง');
    await say(client, 'อ.หางดง เชียงใหม่');
    expect(await say(client, 'ใช่')).toContain(harness.content.get('th', 'complaint.subject.prompt', { min: 5, max: 150 }));
    expect(await say(client, 'ถนนหน้าบ้านพัง')).toContain(harness.content.get('th', 'complaint.description.prompt', { max: 3000 }));
  });
});
