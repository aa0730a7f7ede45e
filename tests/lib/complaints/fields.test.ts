import { checkEmail, checkLink, checkText, cleanText, findLinks, graphemeLength, isImageContentType } from '../../../lib/complaints/fields';

describe('text fields', () => {
  test.each([
    ['subject', 'ถนนพังหน้าบ้าน', true],
    ['subject', 'ok', false],
    ['subject', '😡😡😡😡😡😡', false],
    ['subject', '<script>alert(1)</script>', true],
    ['subject', 'x'.repeat(151), false],
    ['subject', 'x'.repeat(150), true],
    ['description', 'สั้นไป', false],
    ['name', 'สมชาย ใจดี', true],
    ['place', '!!!', false],
  ] as const)('%s %j → ok %s', (field, text, ok) => {
    expect(checkText(field, text).ok).toBe(ok);
  });

  test('says why and gives the limits', () => {
    expect(checkText('subject', 'ok')).toEqual({ ok: false, reason: 'too-short', length: 2, min: 5, max: 150 });
    expect(checkText('subject', '😡😡😡😡😡😡')).toMatchObject({ ok: false, reason: 'no-words' });
    expect(checkText('subject', 'y'.repeat(200))).toMatchObject({ ok: false, reason: 'too-long' });
    // The citizen is told how long their text is: the whole of it, not where counting stopped.
    expect(checkText('description', 'ถนนพัง '.repeat(1025))).toMatchObject({ ok: false, reason: 'too-long', length: 6149 });
  });

  test('counts Thai vowel marks and emoji as the characters a person sees', () => {
    expect(graphemeLength('น้ำ')).toBe(1);
    expect(graphemeLength('สวัสดี')).toBe(4);
    expect(graphemeLength('👍🏽')).toBe(1);
  });

  test('cleans control characters and runs of blank lines, keeps the text otherwise', () => {
    expect(cleanText('  a\u0000b\r\n\n\n\nc\u200B ')).toBe('ab\n\nc');
    expect(checkText('description', ' <b>สวัสดี</b> ถนนพังมาก ')).toMatchObject({ ok: true, value: '<b>สวัสดี</b> ถนนพังมาก' });
  });

  test('short fields and e-mail lose bidirectional controls; Thai stays as typed; a description keeps them', () => {
    expect(checkText('subject', 'ถนนพัง\u202Eหน้าบ้าน')).toMatchObject({ ok: true, value: 'ถนนพังหน้าบ้าน' });
    expect(checkText('name', '\u2067สมชาย ใจดี\u2069')).toMatchObject({ ok: true, value: 'สมชาย ใจดี' });
    expect(checkText('place', 'หน้าวัด\u200F\u061C ซอย ๓')).toMatchObject({ ok: true, value: 'หน้าวัด ซอย ๓' });
    expect(checkEmail('somchai@example.\u202Eht.co')).toEqual({ ok: true, value: 'somchai@example.ht.co' });
    expect(checkText('description', 'ถนนพังมาก \u200Fأ\u200F ครับ')).toMatchObject({ ok: true, value: 'ถนนพังมาก \u200Fأ\u200F ครับ' });
  });

  test('a 1,000,000-character message is refused quickly', () => {
    const started = Date.now();
    expect(checkText('description', 'ก'.repeat(1_000_000)).ok).toBe(false);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('e-mail, links and images', () => {
  test.each([
    ['name@example.com', true],
    ['Name.Surname@mail.go.th', true],
    ['name@localhost', false],
    ['not an email', false],
    ['a@b', false],
    ['<a@b.co>', false],
  ])('e-mail %j → %s', (text, ok) => {
    expect(checkEmail(text).ok).toBe(ok);
  });

  test.each([
    ['https://maps.example.com/x?y=1', true],
    ['http://example.go.th', true],
    ['javascript:alert(1)', false],
    ['data:image/png;base64,AAAA', false],
    ['ftp://example.com/x', false],
    ['https://intranet', false],
  ])('link %j → %s', (text, ok) => {
    expect(checkLink(text).ok).toBe(ok);
  });

  test('finds the http(s) links in a message, without trailing punctuation, at most the limit', () => {
    expect(findLinks('ดูที่ https://a.example.com/x). และ http://b.example.com, javascript:alert(1)')).toEqual(['https://a.example.com/x', 'http://b.example.com/']);
    expect(findLinks(Array.from({ length: 9 }, (_, i) => `https://e${i}.example.com`).join(' '), 5)).toHaveLength(5);
  });

  test.each([
    ['image/jpeg', true],
    ['IMAGE/PNG; charset=binary', true],
    ['image/webp', true],
    ['image/svg+xml', false],
    ['application/pdf', false],
    [undefined, false],
  ])('image type %j → %s', (type, ok) => {
    expect(isImageContentType(type)).toBe(ok);
  });
});
