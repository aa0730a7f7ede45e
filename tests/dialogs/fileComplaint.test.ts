import type { ComplaintDocument } from '../../lib/complaints/types';
import { COMPLAINTS_COLLECTION } from '../../lib/complaints/service';
import type { Lang } from '../../lib/i18n/language';
import { dialogHarness, type Harness, offered, say, turn } from '../helpers/dialogHarness';

/**
 * Filing a complaint, in Thai and in English: each conversation is a table of what the citizen sends and the
 * text the bot must answer with (a content key, so the test follows the content, in the right language).
 */

interface Step {
  send: string | { attachments: Array<{ contentType: string; contentUrl: string; name?: string }>; text?: string };
  /** Content keys whose texts must all appear in the turn's replies. */
  expect: string[];
  vars?: Record<string, string | number>;
}

interface Script {
  lang: Lang;
  steps: Step[];
}

const VALID_ID = '1-1017-00230-70-8';

function namedUtilities(lang: Lang): Script {
  const th = lang === 'th';
  return {
    lang,
    steps: [
      { send: th ? 'ภาษาไทย' : 'English', expect: ['language.set', 'menu.prompt'] },
      { send: th ? 'ร้องเรียน / แจ้งเรื่อง' : 'File a complaint', expect: ['complaint.intro', 'complaint.category.prompt'] },
      { send: th ? 'สาธารณูปโภค ถนน ไฟฟ้า ประปา' : 'Public utilities and roads', expect: ['complaint.destination.prompt'] },
      { send: th ? 'อ.เมือง เชียงใหม่' : 'Mueang Chiang Mai', expect: [] },
      { send: th ? 'ใช่' : 'Yes', expect: ['complaint.subject.prompt'], vars: { min: 5, max: 150 } },
      { send: th ? 'ถนนหน้าหมู่บ้านชำรุดเป็นหลุมลึก' : 'Deep potholes on the village road', expect: ['complaint.description.prompt'], vars: { max: 3000 } },
      {
        send: th ? 'ถนนเป็นหลุมลึกมาสามเดือน รถจักรยานยนต์ล้มไปแล้วสองคัน <script>alert(1)</script>' : 'The road has had deep holes for three months; two motorbikes fell. <script>alert(1)</script>',
        expect: ['complaint.attachments.prompt'],
        vars: { max: 5 },
      },
      { send: { attachments: [{ contentType: 'image/jpeg', contentUrl: 'https://files.example.go.th/road.jpg', name: 'road.jpg' }] }, expect: ['complaint.attachments.added'], vars: { count: 1, max: 5 } },
      { send: { attachments: [{ contentType: 'application/pdf', contentUrl: 'https://files.example.go.th/x.pdf' }] }, expect: ['complaint.attachments.notImage', 'complaint.attachments.added'], vars: { count: 1, max: 5 } },
      { send: 'https://maps.example.com/road', expect: ['complaint.attachments.added'], vars: { count: 2, max: 5 } },
      { send: th ? 'เสร็จแล้ว' : 'done', expect: ['complaint.place.prompt'], vars: { min: 3, max: 300 } },
      { send: th ? 'หมู่ 3 ต.สันทราย อ.สันทราย จ.เชียงใหม่' : 'Moo 3, San Sai, Chiang Mai', expect: ['complaint.when.prompt'] },
      { send: th ? 'เมื่อวาน บ่ายสองโมง' : 'yesterday at 2pm', expect: ['complaint.name.prompt'] },
      { send: th ? 'สมชาย ใจดี' : 'Somchai Jaidee', expect: ['complaint.phone.prompt'] },
      { send: '1567', expect: ['complaint.phone.retry.length'] },
      { send: th ? 'โทร ๐๘๑-๒๓๔' : 'call me', expect: ['complaint.phone.retry.characters'] },
      { send: '๐๒๑๒๓๔๕๖๗๘', expect: ['complaint.phone.retry.length'] },
      { send: '0112345678', expect: ['complaint.phone.retry.prefix'] },
      { send: '+66 81 234 5678', expect: ['complaint.email.prompt'] },
      { send: 'not-an-email', expect: ['complaint.email.retry'] },
      { send: th ? 'ข้าม' : 'skip', expect: ['complaint.nationalId.prompt'] },
      { send: '1-1017-00230-70-9', expect: ['complaint.nationalId.retry.checksum'] },
      { send: '1101700230', expect: ['complaint.nationalId.retry.length'] },
      { send: VALID_ID, expect: ['complaint.consent.prompt'], vars: { privacyUrl: 'http://localhost:3978/privacy' } },
      { send: th ? 'ยินยอม' : 'I agree', expect: ['complaint.summary.title', 'complaint.summary.prompt'] },
      { send: th ? 'ยืนยันส่งเรื่อง' : 'Send complaint', expect: ['receipt.title', 'receipt.next', 'menu.anythingElse'] },
    ],
  };
}

async function run(harness: Harness, script: Script): Promise<string[]> {
  const client = harness.client();
  const transcript: string[] = [];
  for (const step of script.steps) {
    const reply = await say(client, typeof step.send === 'string' ? step.send : { ...step.send });
    transcript.push(reply);
    for (const key of step.expect) {
      const expected = harness.content.get(script.lang, key, step.vars);
      if (!reply.includes(expected)) {
        throw new Error(`After ${JSON.stringify(step.send)} expected "${key}" (${expected}) in:\n${reply}`);
      }
    }
  }
  return transcript;
}

async function stored(harness: Harness): Promise<ComplaintDocument[]> {
  return harness.store.collection<ComplaintDocument>(COMPLAINTS_COLLECTION).find({}).toArray();
}

describe.each(['th', 'en'] as const)('filing a complaint in %s', (lang) => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await dialogHarness();
  });
  afterEach(async () => harness.close());

  test('the whole named flow, with retries, ends with a receipt and a saved complaint', async () => {
    const transcript = await run(harness, namedUtilities(lang));
    const complaints = await stored(harness);
    expect(complaints).toHaveLength(1);
    const [complaint] = complaints;
    expect(complaint).toMatchObject({
      status: 'received',
      categoryId: 'utilities',
      destination: { kind: 'centre', code: '5001' },
      contact: { anonymous: false, phone: '0812345678', nationalIdMasked: 'x-xxxx-xxxx0-70-8' },
      verifierKind: 'phone',
      lang,
      forwardingState: 'pending',
      forwarding: [{ target: { kind: 'centre', code: '5001' }, state: 'pending', attempts: 0 }],
      incident: { date: '2026-11-22', time: '14:00' },
    });
    expect(complaint.description).toContain('<script>alert(1)</script>');
    expect(complaint.attachments).toEqual([
      { kind: 'image', url: 'https://files.example.go.th/road.jpg', contentType: 'image/jpeg', name: 'road.jpg' },
      { kind: 'link', url: 'https://maps.example.com/road' },
    ]);
    // The full national id exists nowhere: not in the complaint, not in any reply.
    expect(JSON.stringify(complaint)).not.toContain('1101700230708');
    expect(transcript.join('\n')).not.toContain('1101700230708');
    expect(complaint._id).toMatch(/^DD-2569-[0-9A-HJKMNP-TV-Z]{7}$/);
    expect(transcript[transcript.length - 1]).toContain(complaint._id);
    expect(transcript[transcript.length - 1]).toContain(lang === 'th' ? '23 พฤศจิกายน 2569' : '23 November 2026');
  });
});

describe.each(['th', 'en'] as const)('changing, cancelling and anonymous tip-offs in %s', (lang) => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await dialogHarness();
  });
  afterEach(async () => harness.close());
  const th = lang === 'th';
  const t = (key: string, vars?: Record<string, string | number>) => harness.content.get(lang, key, vars);

  async function upToSummary() {
    const client = harness.client();
    const steps: Array<string | { attachments: [] }> = [
      th ? 'ภาษาไทย' : 'English',
      th ? 'ร้องเรียน / แจ้งเรื่อง' : 'File a complaint',
      '3',
      th ? 'ศูนย์กลางและหน่วยงานที่เชื่อมต่อ' : 'Central centres and linked agencies',
      th ? 'ศูนย์ดำรงธรรมกระทรวงมหาดไทย' : 'Ministry of Interior Damrongdham Center',
      th ? 'มีบ่อนการพนันเปิดทุกคืน' : 'An illegal casino opens every night',
      th ? 'มีบ่อนการพนันเปิดในบ้านร้างท้ายซอย มีคนเข้าออกทั้งคืน' : 'A casino runs in the empty house at the end of the lane, people come and go all night',
      th ? 'ข้าม' : 'skip',
      th ? 'ซอย 5 ถนนสุขุมวิท' : 'Soi 5, Sukhumvit Road',
      th ? 'ไม่ทราบ' : 'not sure',
    ];
    for (const step of steps) await say(client, step);
    return client;
  }

  test('a tip-off can be anonymous: no contact questions, and the receipt gives a PIN', async () => {
    const client = await upToSummary();
    expect(await say(client, th ? 'ไม่ระบุตัวตน' : 'Stay anonymous')).toContain(t('complaint.consent.prompt', { privacyUrl: 'http://localhost:3978/privacy' }));
    const summary = await say(client, th ? 'ยินยอม' : 'I agree');
    expect(summary).toContain(t('complaint.summary.anonymous'));
    const receipt = await say(client, th ? 'ยืนยันส่งเรื่อง' : 'Send complaint');
    expect(receipt).toContain(t('receipt.nextAnonymous'));
    const [complaint] = await stored(harness);
    expect(complaint).toMatchObject({ categoryId: 'tipoff', contact: { anonymous: true }, verifierKind: 'pin', destination: { kind: 'centre', code: 'MOI' } });
    const pin = /\b(\d{6})\b/.exec(receipt.replace(complaint._id, ''))?.[1];
    expect(pin).toBeDefined();
    expect(JSON.stringify(complaint)).not.toContain(pin as string);
    expect(complaint.incident).toEqual({ place: th ? 'ซอย 5 ถนนสุขุมวิท' : 'Soi 5, Sukhumvit Road' });
  });

  test('changing the title at the summary asks it again and keeps everything else', async () => {
    const client = await upToSummary();
    await say(client, th ? 'ไม่ระบุตัวตน' : 'Stay anonymous');
    const summaryReplies = await turn(client, th ? 'ยินยอม' : 'I agree');
    const edit = offered(summaryReplies).find((label) => label === t('complaint.summary.edit', { field: th ? 'หัวข้อ' : 'title' }));
    expect(edit).toBeDefined();
    expect(await say(client, edit as string)).toContain(t('complaint.subject.prompt', { min: 5, max: 150 }));
    const summary = await say(client, th ? 'บ่อนการพนันท้ายซอยห้า' : 'Casino at the end of Soi 5');
    expect(summary).toContain(t('complaint.summary.title'));
    expect(summary).toContain(th ? 'บ่อนการพนันท้ายซอยห้า' : 'Casino at the end of Soi 5');
    await say(client, th ? 'ยืนยันส่งเรื่อง' : 'Send complaint');
    const [complaint] = await stored(harness);
    expect(complaint.subject).toBe(th ? 'บ่อนการพนันท้ายซอยห้า' : 'Casino at the end of Soi 5');
    expect(complaint.description).toContain(th ? 'บ้านร้าง' : 'empty house');
  });

  test('changing the category to one without anonymity asks for contact details', async () => {
    const client = await upToSummary();
    await say(client, th ? 'ไม่ระบุตัวตน' : 'Stay anonymous');
    await say(client, th ? 'ยินยอม' : 'I agree');
    await say(client, t('complaint.summary.edit', { field: th ? 'หมวดเรื่อง' : 'category' }));
    expect(await say(client, th ? 'เรื่องอื่น ๆ' : 'Something else')).toContain(t('complaint.name.prompt'));
  });

  test('cancelling mid-way saves nothing and says so', async () => {
    const client = harness.client();
    await say(client, th ? 'ภาษาไทย' : 'English');
    await say(client, th ? 'ร้องเรียน / แจ้งเรื่อง' : 'File a complaint');
    await say(client, '1');
    const reply = await say(client, th ? 'ยกเลิก' : 'cancel');
    expect(reply).toContain(t('cancel.done'));
    expect(await stored(harness)).toHaveLength(0);
  });

  test('cancelling at the summary saves nothing', async () => {
    const client = await upToSummary();
    await say(client, th ? 'ไม่ระบุตัวตน' : 'Stay anonymous');
    await say(client, th ? 'ยินยอม' : 'I agree');
    expect(await say(client, th ? 'ยกเลิกเรื่องนี้' : 'Cancel this complaint')).toContain(t('cancel.done'));
    expect(await stored(harness)).toHaveLength(0);
  });

  test('declining consent saves nothing and points to other ways', async () => {
    const client = await upToSummary();
    await say(client, th ? 'ไม่ระบุตัวตน' : 'Stay anonymous');
    expect(await say(client, th ? 'ไม่ยินยอม' : 'I do not agree')).toContain(t('complaint.consent.declined'));
    expect(await stored(harness)).toHaveLength(0);
  });

  test('text that is too short, only emoji or too long is asked again with the limits', async () => {
    const fresh = harness.client();
    await say(fresh, th ? 'ภาษาไทย' : 'English');
    await say(fresh, th ? 'ร้องเรียน / แจ้งเรื่อง' : 'File a complaint');
    await say(fresh, '8');
    await say(fresh, th ? 'ศูนย์กลางและหน่วยงานที่เชื่อมต่อ' : 'Central centres and linked agencies');
    await say(fresh, '1');
    const retry = t('complaint.subject.retry', { min: 5, max: 150 });
    expect(await say(fresh, 'ok')).toContain(retry);
    expect(await say(fresh, '😡😡😡😡😡😡')).toContain(retry);
    expect(await say(fresh, 'x'.repeat(100_000))).toContain(retry);
    expect(await say(fresh, '<img src=x onerror=alert(1)>')).toContain(t('complaint.description.prompt', { max: 3000 }));
  });
});

describe.each(['th', 'en'] as const)('changing one contact detail at the summary in %s', (lang) => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await dialogHarness();
  });
  afterEach(async () => harness.close());
  const th = lang === 'th';
  const t = (key: string, vars?: Record<string, string | number>) => harness.content.get(lang, key, vars);
  const change = (fieldKey: string) => t('complaint.summary.edit', { field: th ? t(fieldKey) : t(fieldKey).replace(/^\p{Lu}(?!\p{Lu})/u, (first) => first.toLowerCase()) });

  /** A named complaint with a phone and a national ID but no e-mail, at its summary. */
  async function atSummary(category: 'utilities' | 'tipoff' = 'utilities') {
    const client = harness.client();
    const opening = category === 'utilities'
      ? (th ? 'ถนนหน้าบ้านพังเป็นหลุมใหญ่ที่ อ.หางดง เชียงใหม่' : 'The road in front of my house is broken with a big pothole in Hang Dong, Chiang Mai')
      : (th ? 'มีบ่อนการพนันเปิดทุกคืนที่ อ.หางดง เชียงใหม่' : 'An illegal casino opens every night in Hang Dong, Chiang Mai');
    const steps = [opening, t('common.yes'), t('complaint.review.keep'), t('common.skip'), th ? 'เมื่อวาน' : 'yesterday',
      ...(category === 'tipoff' ? [t('complaint.contactMode.named')] : []),
      th ? 'สมชาย ใจดี' : 'Somchai Jaidee', '081-234-5678', t('common.skip'), VALID_ID];
    for (const step of steps) await say(client, step);
    const summary = await say(client, t('complaint.consent.agree'));
    expect(summary).toContain(t('complaint.summary.title'));
    expect(summary).toContain('x-xxxx-xxxx0-70-8');
    return client;
  }

  test('"change contact" asks which detail, and only that one', async () => {
    const client = await atSummary();
    const choice = await turn(client, change('field.contact'));
    expect([...new Set(offered(choice))]).toEqual(['field.name', 'field.phone', 'field.email', 'field.nationalId'].map(change));
  });

  test.each<[string, string, string | ((t: (key: string) => string) => string), { summary: string[]; absent?: string[]; contact: Record<string, unknown> }]>([
    // The brief's trap: "skip" at the ID asked again no longer drops the ID given before.
    ['the national ID, then "skip"', 'field.nationalId', (tr) => tr('common.skip'), { summary: ['x-xxxx-xxxx0-70-8'], contact: { nationalIdMasked: 'x-xxxx-xxxx0-70-8', phone: '0812345678' } }],
    ['the national ID, then "keep as it is"', 'field.nationalId', (tr) => tr('complaint.contact.keep'), { summary: ['x-xxxx-xxxx0-70-8'], contact: { nationalIdMasked: 'x-xxxx-xxxx0-70-8' } }],
    ['the national ID, then a new one', 'field.nationalId', '3-1005-00712-12-7', { summary: ['x-xxxx-xxxx2-12-7'], absent: ['x-xxxx-xxxx0-70-8'], contact: { nationalIdMasked: 'x-xxxx-xxxx2-12-7' } }],
    ['the phone, then a new number', 'field.phone', '089-999-1234', { summary: ['089-999-1234', 'x-xxxx-xxxx0-70-8'], absent: ['081-234-5678'], contact: { phone: '0899991234', nationalIdMasked: 'x-xxxx-xxxx0-70-8' } }],
    ['the phone, then "keep as it is"', 'field.phone', (tr) => tr('complaint.contact.keep'), { summary: ['081-234-5678'], contact: { phone: '0812345678' } }],
    ['the name, then a new one', 'field.name', 'Somsri Jaidee', { summary: ['Somsri Jaidee', 'x-xxxx-xxxx0-70-8'], contact: { name: 'Somsri Jaidee', phone: '0812345678', nationalIdMasked: 'x-xxxx-xxxx0-70-8' } }],
    // An e-mail that was skipped is asked as before, "skip" included.
    ['the e-mail, given now', 'field.email', 'somchai@example.com', { summary: ['somchai@example.com', 'x-xxxx-xxxx0-70-8'], contact: { email: 'somchai@example.com', nationalIdMasked: 'x-xxxx-xxxx0-70-8' } }],
  ])('changing %s keeps every other detail', async (_label, fieldKey, answer, expected) => {
    const client = await atSummary();
    await say(client, change('field.contact'));
    const asked = await turn(client, change(fieldKey));
    if (fieldKey === 'field.email') {
      expect(offered(asked)).toEqual([t('common.skip')]);
    } else {
      // Asked again, the detail given is shown (masked where it is personal) and "keep as it is" is offered.
      expect(offered(asked)).toEqual([t('complaint.contact.keep')]);
      const current = { 'field.nationalId': 'x-xxxx-xxxx0-70-8', 'field.phone': '08x-xxx-5678', 'field.name': th ? 'สมชาย ใจดี' : 'Somchai Jaidee' }[fieldKey] as string;
      const key = `complaint.${fieldKey.slice('field.'.length)}.change`;
      expect(asked.map((reply) => reply.text).join('\n')).toContain(t(key, { current }));
    }
    const summary = await say(client, typeof answer === 'string' ? answer : answer(t));
    expect(summary).toContain(t('complaint.summary.title'));
    for (const shown of expected.summary) expect(summary).toContain(shown);
    for (const gone of expected.absent ?? []) expect(summary).not.toContain(gone);
    await say(client, t('complaint.summary.confirm'));
    const [complaint] = await stored(harness);
    expect(complaint.contact).toMatchObject({ anonymous: false, name: th && fieldKey !== 'field.name' ? 'สมชาย ใจดี' : expect.any(String), ...expected.contact });
  });

  test('a tip-off filed with contact details can turn anonymous from the contact choice', async () => {
    const client = await atSummary('tipoff');
    const choice = await turn(client, change('field.contact'));
    expect(offered(choice)).toContain(t('complaint.contactMode.anonymous'));
    const summary = await say(client, t('complaint.contactMode.anonymous'));
    expect(summary).toContain(t('complaint.summary.anonymous'));
    expect(summary).not.toContain('x-xxxx-xxxx0-70-8');
  });
});
