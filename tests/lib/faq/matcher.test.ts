import { type FaqMatch, FaqMatcher } from '../../../lib/faq/matcher';
import faqSeed from '../../../lib/faq/seed/faq.json';
import { FAQ_LANGS, type FaqEntry, type FaqLang } from '../../../lib/faq/types';
import { normalizeText } from '../../../lib/thai/text';
import { HELD_OUT, PARAPHRASES } from './paraphrases';

const entries = faqSeed as FaqEntry[];
const matcher = new FaqMatcher(entries);

function describeMatch(match: FaqMatch): string {
  if (match.kind === 'confident') return `confident ${match.entry.id} (${match.score})`;
  if (match.kind === 'weak') return `weak ${match.candidates.map((c) => `${c.entry.id} (${c.score})`).join(', ')}`;
  return 'none';
}

describe('FaqMatcher on citizen paraphrases', () => {
  test('the tables cover every entry in both languages, and no paraphrase is a bank question', () => {
    const bankQuestions = new Set(entries.flatMap((entry) => FAQ_LANGS.flatMap((lang) => entry.questions[lang].map(normalizeText))));
    const heldOut = HELD_OUT.map(([id, lang, text]) => ({ id, lang, text }));
    for (const paraphrase of [...PARAPHRASES, ...heldOut]) {
      expect(entries.map((entry) => entry.id)).toContain(paraphrase.id);
      expect(bankQuestions.has(normalizeText(paraphrase.text))).toBe(false);
    }
    for (const entry of entries) {
      for (const lang of FAQ_LANGS) {
        const answered = PARAPHRASES.filter((p) => p.id === entry.id && p.lang === lang && p.expect === 'confident');
        expect({ id: entry.id, lang, answered: answered.length > 0 }).toEqual({ id: entry.id, lang, answered: true });
        expect(HELD_OUT.some(([id, heldLang]) => id === entry.id && heldLang === lang)).toBe(true);
      }
    }
  });

  const confident = PARAPHRASES.filter((p) => p.expect === 'confident');
  test.each(confident.map((p) => [p.id, p.lang, p.text] as const))('%s (%s) %j is answered outright', (id, lang, text) => {
    const match = matcher.match(text, lang);
    expect(describeMatch(match)).toMatch(new RegExp(`^confident ${id} `));
  });

  const weak = PARAPHRASES.filter((p) => p.expect === 'weak');
  test.each(weak.map((p) => [p.id, p.lang, p.text, p.why] as const))('%s (%s) %j is offered among three: %s', (id, lang, text) => {
    const match = matcher.match(text, lang);
    expect(match.kind).toBe('weak');
    if (match.kind === 'weak') expect(match.candidates.map((c) => c.entry.id)).toContain(id);
  });

  const unanswered = PARAPHRASES.filter((p) => p.expect === 'unanswered');
  test.each(unanswered.map((p) => [p.id, p.lang, p.text, p.why] as const))('%s (%s) %j gets no wrong answer: %s', (_id, lang, text) => {
    expect(matcher.match(text, lang).kind).not.toBe('confident');
  });

  test('held-out paraphrases: at least 90% answered outright, all in the top three, none answered wrongly', () => {
    const outcomes = HELD_OUT.map(([id, lang, text]) => {
      const match = matcher.match(text, lang);
      if (match.kind === 'confident') return match.entry.id === id ? 'right' : `wrong: ${text} → ${match.entry.id}`;
      if (match.kind === 'weak') return match.candidates.some((c) => c.entry.id === id) ? 'offered' : `missed: ${text}`;
      return `missed: ${text}`;
    });
    expect(outcomes.filter((outcome) => outcome.startsWith('wrong') || outcome.startsWith('missed'))).toEqual([]);
    expect(outcomes.filter((outcome) => outcome === 'right').length / HELD_OUT.length).toBeGreaterThanOrEqual(0.9);
  });
});

describe('FaqMatcher near misses', () => {
  // Messages that fit two or three entries equally: the citizen should be offered the choice.
  test.each<[string, FaqLang, string]>([
    ['บัตรประชาชน', 'th', 'dopa-1548'],
    ['บัตรประชาชน', 'th', 'documents'],
    ['id card', 'en', 'documents'],
    ['เจ้าหน้าที่', 'th', 'live-officer'],
    ['officer', 'en', 'officials'],
    ['ข่มขู่', 'th', 'debt-collection'],
    ['ข้อมูลส่วนตัว ความลับ', 'th', 'privacy'],
    ['ร้องเรียนออนไลน์ไม่บอกชื่อ', 'th', 'online'],
    ['complain online anonymously', 'en', 'anonymous'],
    ['land court', 'en', 'out-of-scope'],
    ['ที่ดิน ศาล', 'th', 'land'],
    ['ไม่พอใจ ถอนเรื่อง', 'th', 'withdraw'],
    ['เอกสาร มอบอำนาจ', 'th', 'on-behalf'],
    ['documents power of attorney', 'en', 'documents'],
    ['ผู้มีอิทธิพล การพนัน', 'th', 'influential'],
    ['gambling mafia', 'en', 'gambling'],
    ['lawyer court', 'en', 'legal-aid'],
    ['ทนาย ศาล', 'th', 'out-of-scope'],
    // Words most entries use are not evidence enough, however well they match.
    ['complaint', 'en', 'channels'],
    ['ร้องเรียน', 'th', 'channels'],
    ['report', 'en', 'channels'],
  ])('%j (%s) is weak with %s among the candidates', (text, lang, id) => {
    const match = matcher.match(text, lang);
    expect(describeMatch(match)).toMatch(/^weak /);
    if (match.kind === 'weak') {
      expect(match.candidates.length).toBeLessThanOrEqual(3);
      expect(match.candidates.map((c) => c.entry.id)).toContain(id);
      const scores = match.candidates.map((c) => c.score);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    }
  });
});

describe('FaqMatcher off-topic text', () => {
  test.each<[string, FaqLang]>([
    ['ราคาทองวันนี้', 'th'],
    ["what's the weather", 'en'],
    ['สวัสดี', 'th'],
    ['hello', 'en'],
    ['สวัสดีครับ', 'th'],
    ['hi there', 'en'],
    ['ขอบคุณค่ะ', 'th'],
    ['thank you', 'en'],
    ['ราคาน้ำมันวันนี้', 'th'],
    ['ขอเพลงเพราะๆ', 'th'],
    ['แนะนำที่เที่ยวหน่อย', 'th'],
    ['ช่วยทำการบ้านให้หน่อย', 'th'],
    ['สบายดีไหม', 'th'],
    ['what is the meaning of life', 'en'],
    ['recipe for pad thai', 'en'],
    ['order pizza', 'en'],
    ['good morning', 'en'],
    ['how old are you', 'en'],
  ])('%j (%s) matches nothing', (text, lang) => {
    expect(describeMatch(matcher.match(text, lang))).toBe('none');
  });
});

describe('FaqMatcher across languages', () => {
  test.each<[string, FaqLang, string]>([
    ['หนี้นอกระบบ', 'en', 'informal-debt'],
    ['ถนนพังค่ะ', 'en', 'roads'],
    ['loan shark', 'th', 'informal-debt'],
    ['what are your office hours', 'th', 'hours'],
    ['สคบ', 'th', 'ocpb-1166'],
  ])('%j in a %s conversation finds %s', (text, lang, id) => {
    expect(describeMatch(matcher.match(text, lang))).toMatch(new RegExp(`^confident ${id} `));
  });

  test('an unknown language code is treated as Thai and does not throw', () => {
    expect(describeMatch(matcher.match('หนี้นอกระบบ', 'xx' as FaqLang))).toMatch(/^confident informal-debt /);
  });
});

describe('FaqMatcher never throws', () => {
  function lcg(seed: number): () => number {
    let state = seed;
    return () => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state / 4294967296;
    };
  }

  const garbage: string[] = [
    '',
    ' ',
    '\n\t\r',
    '👍',
    '🙏🏻🙏🏻🙏🏻',
    '<script>alert("x")</script>',
    '<div><b>ร้องเรียน</b><img src=x onerror=alert(1)></div>',
    '\u0000\u0001\u0002',
    '\uD800',
    '\uDC00abc\uD800',
    '\u200B\u200C\u200D\uFEFF',
    'ุุุุุุุุุ',
    '๑๒๓๔๕๖๗๘๙๐',
    '1567',
    '-1e308',
    'NaN undefined null',
    '__proto__ constructor prototype',
    'مرحبا بالعالم',
    '你好世界',
    'Ω≈ç√∫˜µ≤≥÷',
    'ร้องเรียน'.repeat(2000),
    'a'.repeat(10_000),
    'hotline '.repeat(1500),
    'ก'.repeat(10_000),
    '\u0E47'.repeat(5000),
    Array.from({ length: 3000 }, (_, i) => String.fromCharCode(0x0e01 + (i % 90))).join(''),
  ];
  const next = lcg(42);
  const ranges: Array<[number, number]> = [
    [0x20, 0x7e],
    [0x0e00, 0x0e7f],
    [0x1f300, 0x1f6ff],
    [0x0000, 0x001f],
    [0xd800, 0xdfff],
  ];
  for (let i = 0; i < 300; i += 1) {
    const length = Math.floor(next() * 200);
    let text = '';
    for (let j = 0; j < length; j += 1) {
      const [low, high] = ranges[Math.floor(next() * ranges.length)];
      text += String.fromCodePoint(low + Math.floor(next() * (high - low + 1)));
    }
    garbage.push(text);
  }

  test.each(garbage.map((text, index) => [index, text] as const))('garbage #%i', (_index, text) => {
    for (const lang of FAQ_LANGS) {
      const match = matcher.match(text, lang);
      expect(['confident', 'weak', 'none']).toContain(match.kind);
      if (match.kind === 'confident') expect(match.score).toBeGreaterThan(0);
    }
  });

  test.each([undefined, null, 42, {}, [], Symbol.iterator])('a non-string %p gives none', (value) => {
    expect(matcher.match(value as unknown as string, 'th')).toEqual({ kind: 'none' });
  });

  test('malformed entries from an admin edit cost only themselves', () => {
    const broken = [
      { id: 'no-english', questions: { th: ['หนี้นอกระบบทำยังไง'] }, answer: { th: 'ค่ะ' } },
      { id: 'not-arrays', questions: { th: 'ถนนพัง', en: 42 }, answer: { th: '', en: '' }, keywords: null },
      { id: 'empty', questions: { th: [], en: [] }, answer: { th: '', en: '' } },
      { id: 'junk-questions', questions: { th: [null, 7, 'ไฟดับ'], en: [{}, 'power cut'] }, answer: { th: '', en: '' } },
    ] as unknown as FaqEntry[];
    const fragile = new FaqMatcher([...broken, ...entries.filter((entry) => entry.id === 'hotline' || entry.id === 'hours')]);
    expect(describeMatch(fragile.match('หนี้นอกระบบ', 'th'))).toMatch(/^confident no-english /);
    expect(describeMatch(fragile.match('power cut', 'en'))).toMatch(/^confident junk-questions /);
    expect(describeMatch(fragile.match('สายด่วน 1567', 'th'))).toMatch(/^confident hotline /);
    expect(fragile.match('ถนนพัง', 'th').kind).toBe('none');
    expect(new FaqMatcher([]).match('หนี้นอกระบบ', 'th')).toEqual({ kind: 'none' });
  });
});

describe('FaqMatcher options', () => {
  test('thresholds decide between confident, weak and none', () => {
    const text = 'เป็นหนี้นอกระบบค่ะ';
    expect(new FaqMatcher(entries, { thresholds: { confident: 1.01 } }).match(text, 'th').kind).toBe('weak');
    expect(new FaqMatcher(entries, { thresholds: { confident: 1.01, weak: 1.01 } }).match(text, 'th').kind).toBe('none');
    expect(new FaqMatcher(entries, { thresholds: { margin: 1.01 } }).match(text, 'th').kind).toBe('weak');
  });

  test('a custom synonym table replaces the seed one', () => {
    const custom = new FaqMatcher(entries, { synonyms: { th: [], en: [['hotline', 'batphone']] } });
    expect(describeMatch(custom.match('batphone', 'en'))).toMatch(/^confident hotline /);
    expect(describeMatch(matcher.match('batphone', 'en'))).toBe('none');
  });
});

// Its speed (p99 under 2 ms on a 1,000-entry bank) is a figure, measured by `npm run bench -- nlu`, not here.
