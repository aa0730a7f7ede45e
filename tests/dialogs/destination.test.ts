import type { ComplaintDocument } from '../../lib/complaints/types';
import { COMPLAINTS_COLLECTION } from '../../lib/complaints/service';
import { dialogHarness, type Harness, say } from '../helpers/dialogHarness';

/** Choosing where to file: by search, by drill-down, from the list of agencies, or from where it happened. */

type Lang = 'th' | 'en';

/** Starts a complaint in the category given by number and stops at "where to file". */
async function atDestination(harness: Harness, lang: Lang, category = '7') {
  const client = harness.client();
  await say(client, lang === 'th' ? 'ภาษาไทย' : 'English');
  await say(client, lang === 'th' ? 'ร้องเรียน / แจ้งเรื่อง' : 'File a complaint');
  await say(client, category);
  return client;
}

/** Finishes the flow quickly (anonymity not offered: named), returning the saved complaint. */
async function finish(harness: Harness, client: Awaited<ReturnType<typeof atDestination>>, lang: Lang, skipPlace = false): Promise<ComplaintDocument> {
  const th = lang === 'th';
  const answers = [
    th ? 'ไฟฟ้าส่องสว่างดับทั้งซอย' : 'Street lights out in the whole lane',
    th ? 'ไฟส่องสว่างในซอยดับมาสองสัปดาห์ กลางคืนมืดมาก' : 'The street lights have been out for two weeks; it is very dark at night',
    th ? 'ข้าม' : 'skip',
    ...(skipPlace ? [] : [th ? 'ซอยวัดเกต' : 'Soi Wat Ket']),
    th ? 'ไม่ทราบ' : 'not sure',
    th ? 'สมชาย ใจดี' : 'Somchai Jaidee',
    '0812345678',
    th ? 'ข้าม' : 'skip',
    th ? 'ข้าม' : 'skip',
    th ? 'ยินยอม' : 'I agree',
    th ? 'ยืนยันส่งเรื่อง' : 'Send complaint',
  ];
  for (const answer of answers) await say(client, answer);
  const [complaint] = await harness.store.collection<ComplaintDocument>(COMPLAINTS_COLLECTION).find({}).toArray();
  return complaint;
}

describe.each(['th', 'en'] as const)('where to file, in %s', (lang) => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await dialogHarness();
  });
  afterEach(async () => harness.close());
  const t = (key: string, vars?: Record<string, string | number>) => harness.content.get(lang, key, vars);

  test.each([
    ['เชียงใหม่', '50'],
    ['จ.เชียงใหม่', '50'],
    ['อ.เมือง เชียงใหม่', '5001'],
    ['Mueang Chiang Mai', '5001'],
    ['chiangmai', '50'],
    ['หางดง', '5015'],
    ['Khon Kaen', '40'],
    ['กรมการปกครอง', 'DOPA'],
  ])('typing %j offers that centre for confirmation and files with it', async (query, code) => {
    const client = await atDestination(harness, lang);
    const name = harness.services.centres.directory.describeDestination({ kind: 'centre', code }, lang);
    expect(await say(client, query)).toContain(t('complaint.destination.confirm', { name }));
    await say(client, lang === 'th' ? 'ใช่' : 'Yes');
    const complaint = await finish(harness, client, lang);
    expect(complaint.destination).toEqual({ kind: 'centre', code });
  });

  test('an ambiguous name offers the candidates to pick from', async () => {
    const client = await atDestination(harness, lang);
    const reply = await say(client, 'เฉลิมพระเกียรติ');
    expect(reply).toContain(t('complaint.destination.pick'));
    const nan = harness.services.centres.directory.describeDestination({ kind: 'centre', code: '5515' }, lang);
    expect(reply).toContain(nan);
    await say(client, nan);
    expect((await finish(harness, client, lang)).destination).toEqual({ kind: 'centre', code: '5515' });
  });

  test('nothing found says so and asks again', async () => {
    const client = await atDestination(harness, lang);
    expect(await say(client, 'zzqxv')).toContain(t('complaint.destination.notFound', { query: 'zzqxv' }));
  });

  test('province, then district, by drill-down', async () => {
    const client = await atDestination(harness, lang);
    expect(await say(client, t('complaint.destination.browse'))).toContain(t('complaint.destination.province.prompt'));
    const province = lang === 'th' ? 'เชียงใหม่' : 'Chiang Mai';
    expect(await say(client, province)).toContain(t('complaint.destination.district.prompt', { province }));
    await say(client, lang === 'th' ? 'หางดง' : 'Hang Dong');
    expect((await finish(harness, client, lang)).destination).toEqual({ kind: 'centre', code: '5015' });
  });

  test('the provincial centre from the district list', async () => {
    const client = await atDestination(harness, lang);
    await say(client, t('complaint.destination.browse'));
    await say(client, lang === 'th' ? 'ขอนแก่น' : 'Khon Kaen');
    await say(client, t('complaint.destination.district.provincial'));
    expect((await finish(harness, client, lang)).destination).toEqual({ kind: 'centre', code: '40' });
  });

  test('a linked agency from the list', async () => {
    const client = await atDestination(harness, lang);
    await say(client, t('complaint.destination.agencies'));
    await say(client, harness.services.centres.directory.describeDestination({ kind: 'agency', code: 'OCPB' }, lang));
    expect((await finish(harness, client, lang)).destination).toEqual({ kind: 'agency', code: 'OCPB' });
  });

  test('the suggested agency of a category is offered first', async () => {
    const client = harness.client();
    await say(client, lang === 'th' ? 'ภาษาไทย' : 'English');
    await say(client, lang === 'th' ? 'ร้องเรียน / แจ้งเรื่อง' : 'File a complaint');
    const prompt = await say(client, lang === 'th' ? 'ปัญหาผู้บริโภค' : 'Consumer problem');
    const ocpb = harness.services.centres.directory.describeDestination({ kind: 'agency', code: 'OCPB' }, lang);
    expect(prompt).toContain(`1. ${ocpb}`);
    expect(await say(client, '1')).toContain(t('complaint.subject.prompt', { min: 5, max: 150 }));
    expect((await finish(harness, client, lang)).destination).toEqual({ kind: 'agency', code: 'OCPB' });
  });

  test('choose for me: from where it happened, kept as the place', async () => {
    const client = await atDestination(harness, lang);
    expect(await say(client, t('complaint.destination.forMe'))).toContain(t('complaint.place.prompt'));
    const place = 'หมู่ 5 ต.บ้านแหวน อ.หางดง จ.เชียงใหม่';
    const name = harness.services.centres.directory.describeDestination({ kind: 'centre', code: '5015' }, lang);
    expect(await say(client, place)).toContain(t('complaint.destination.confirm', { name }));
    await say(client, lang === 'th' ? 'ใช่' : 'Yes');
    const complaint = await finish(harness, client, lang, true);
    expect(complaint.destination).toEqual({ kind: 'centre', code: '5015' });
    expect(complaint.incident.place).toBe(place);
  });

  test('choose for me from a place it cannot place asks again', async () => {
    const client = await atDestination(harness, lang);
    await say(client, t('complaint.destination.forMe'));
    expect(await say(client, 'near the big tree')).toContain(t('complaint.destination.place.notFound'));
  });
});
