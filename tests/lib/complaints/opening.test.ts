import { CentreDirectory, CentreSearch } from '../../../lib/centres';
import { describesProblem, type Opening, readOpening, shorten, SUGGESTED_TITLE_MAX, suggestTitle } from '../../../lib/complaints/opening';
import { graphemeLength } from '../../../lib/complaints/fields';

const search = new CentreSearch(CentreDirectory.fromBundledData());
const locate = (text: string) => search.chooseForLocation(text);

describe('readOpening: a first message that describes the problem becomes the draft', () => {
  test.each<[string, Opening]>([
    [
      'ถนนหน้าบ้านพังเป็นหลุมใหญ่ที่ อ.หางดง เชียงใหม่',
      { description: 'ถนนหน้าบ้านพังเป็นหลุมใหญ่ที่ อ.หางดง เชียงใหม่', subject: 'ถนนหน้าบ้านพังเป็นหลุมใหญ่ที่ อ.หางดง เชียงใหม่', place: 'อ.หางดง เชียงใหม่', centreCode: '5015' },
    ],
    [
      'The road in front of my house is broken with a big pothole in Hang Dong, Chiang Mai',
      {
        description: 'The road in front of my house is broken with a big pothole in Hang Dong, Chiang Mai',
        subject: 'The road in front of my house is broken with a big pothole in Hang Dong, Chiang Mai',
        place: 'Hang Dong, Chiang Mai',
        centreCode: '5015',
      },
    ],
    // The request around the problem stays in the description and leaves the title.
    [
      'อยากร้องเรียนเรื่องไฟส่องสว่างดับทั้งซอยมาสองสัปดาห์แล้วค่ะ',
      { description: 'อยากร้องเรียนเรื่องไฟส่องสว่างดับทั้งซอยมาสองสัปดาห์แล้วค่ะ', subject: 'ไฟส่องสว่างดับทั้งซอยมาสองสัปดาห์แล้วค่ะ' },
    ],
    // Run-on Thai: the place ends where time and politeness begin.
    ['ถนนพังที่อำเภอฮอดมาสามเดือนแล้วครับ', { description: 'ถนนพังที่อำเภอฮอดมาสามเดือนแล้วครับ', subject: 'ถนนพังที่อำเภอฮอดมาสามเดือนแล้วครับ', place: 'อำเภอฮอด', centreCode: '5016' }],
    [
      'ไฟดับทั้งหมู่บ้านที่ ต.สันทราย อ.สันทราย จ.เชียงใหม่ มา 3 วันแล้ว',
      {
        description: 'ไฟดับทั้งหมู่บ้านที่ ต.สันทราย อ.สันทราย จ.เชียงใหม่ มา 3 วันแล้ว',
        subject: 'ไฟดับทั้งหมู่บ้านที่ ต.สันทราย อ.สันทราย จ.เชียงใหม่ มา 3 วันแล้ว',
        place: 'ต.สันทราย อ.สันทราย จ.เชียงใหม่',
        centreCode: '5014',
      },
    ],
    // English: the first sentence is the title; the place is the run of names after "at".
    [
      'I want to report a broken water pipe at Moo 3, San Sai district, Chiang Mai. Water has leaked for a week.',
      {
        description: 'I want to report a broken water pipe at Moo 3, San Sai district, Chiang Mai. Water has leaked for a week.',
        subject: 'A broken water pipe at Moo 3, San Sai district, Chiang Mai',
        place: 'Moo 3, San Sai district, Chiang Mai',
        centreCode: '5014',
      },
    ],
    // A label that names no place ("แนวเขต", the boundary line; "on Monday") is not kept as one.
    ['รุกล้ำแนวเขตที่ดินของผมมาหลายปีแล้ว', { description: 'รุกล้ำแนวเขตที่ดินของผมมาหลายปีแล้ว', subject: 'รุกล้ำแนวเขตที่ดินของผมมาหลายปีแล้ว' }],
    ['Somebody dumps garbage on Monday near the market', { description: 'Somebody dumps garbage on Monday near the market', subject: 'Somebody dumps garbage on Monday near the market' }],
    // A province named without a label still suggests its centre, but is not taken as the place.
    ['น้ำท่วมขังหน้าบ้านเชียงใหม่ทุกครั้งที่ฝนตก', { description: 'น้ำท่วมขังหน้าบ้านเชียงใหม่ทุกครั้งที่ฝนตก', subject: 'น้ำท่วมขังหน้าบ้านเชียงใหม่ทุกครั้งที่ฝนตก', centreCode: '50' }],
    // Thai digits and markup are kept as typed, in the description and the title.
    ['ท่อประปาแตกมา ๓ วัน <b>น้ำไม่ไหล</b>', { description: 'ท่อประปาแตกมา ๓ วัน <b>น้ำไม่ไหล</b>', subject: 'ท่อประปาแตกมา ๓ วัน <b>น้ำไม่ไหล</b>' }],
  ])('%s', (message, expected) => {
    expect(readOpening(message, locate)).toEqual(expected);
    expect(describesProblem(message)).toBe(true);
  });

  test.each<[string, string]>([
    // A request with a topic is not yet a description: the flow asks for one.
    ['a request with a topic', 'อยากร้องเรียนเรื่องถนนพัง'],
    ['a request', 'I want to file a complaint'],
    ['an English request with a topic', 'I want to file a complaint about the road'],
    ['a command word', 'ร้องเรียน'],
    ['emoji only', '😡😡😡😡😡😡😡😡😡😡😡😡'],
    ['nothing', ''],
    ['5,000 characters, past a description\'s length', 'x'.repeat(5000)],
  ])('%s does not describe a problem', (_label, message) => {
    expect(readOpening(message, locate)).toBeUndefined();
    expect(describesProblem(message)).toBe(false);
  });
});

describe('suggestTitle and shorten', () => {
  test('a long first sentence is cut at a word boundary, never inside a Thai word', () => {
    const long = 'ถนนในหมู่บ้านชำรุดเสียหายเป็นหลุมลึกหลายจุดตลอดเส้นทางยาวกว่าสองกิโลเมตรทำให้รถจักรยานยนต์ล้มบ่อยครั้งโดยเฉพาะเวลากลางคืนเพราะไม่มีไฟส่องสว่างและน้ำขังทุกครั้งที่ฝนตก';
    const title = suggestTitle(long) as string;
    expect(graphemeLength(title)).toBeLessThanOrEqual(SUGGESTED_TITLE_MAX);
    expect(title.endsWith('…')).toBe(true);
    const kept = title.slice(0, -1);
    expect(long.startsWith(kept)).toBe(true);
    const boundaries = new Set([...new Intl.Segmenter('th', { granularity: 'word' }).segment(long)].map((segment) => segment.index));
    expect(boundaries.has(kept.length)).toBe(true);
  });

  test.each<[string, number, string]>([
    ['short enough', 20, 'short enough'],
    ['the road in front of my house', 15, 'the road in…'],
    ['x'.repeat(30), 10, `${'x'.repeat(9)}…`],
  ])('shorten(%j, %i)', (text, max, expected) => {
    expect(shorten(text, max)).toBe(expected);
  });
});
