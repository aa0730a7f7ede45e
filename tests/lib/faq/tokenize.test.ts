import synonymsSeed from '../../../lib/faq/seed/synonyms.json';
import { FaqTokenizer, MAX_INPUT_CHARS, stemEnglish } from '../../../lib/faq/tokenize';

describe('stemEnglish', () => {
  test.each([
    ['complaints', 'complaint'],
    ['complaint', 'complaint'],
    ['file', 'fil'],
    ['filing', 'fil'],
    ['filed', 'fil'],
    ['offices', 'offic'],
    ['opening', 'open'],
    ['opened', 'open'],
    ['stopped', 'stop'],
    ['calling', 'call'],
    ['passed', 'pass'],
    ['parties', 'party'],
    ['classes', 'class'],
    ['status', 'status'],
    ['hours', 'hour'],
    ['need', 'need'],
    ['red', 'red'],
    ['bus', 'bus'],
    ['free', 'free'],
  ])('%s → %s', (word, stem) => {
    expect(stemEnglish(word)).toBe(stem);
  });
});

describe('FaqTokenizer', () => {
  const tokenizer = new FaqTokenizer(synonymsSeed, ['hotline number', 'office hours', 'complaint']);

  test.each([
    // Thai particles and wishes go; the compound meets whatever ICU's split and the spaces.
    ['อยากร้องเรียนครับ', ['ร้องเรียน']],
    ['ร้อง เรียน ค่ะ', ['ร้องเรียน']],
    ['ร้องทุกข์หน่อยนะคะ', ['ร้องเรียน']],
    // "ที่ไหน" alone is one ICU word; after "ได้" ICU splits it "ได้ที่|ไหน". Both meet.
    ['ร้องเรียนได้ที่ไหน', ['ร้องเรียน', 'ที่ไหน']],
    ['ร้องเรียนที่ไหน', ['ร้องเรียน', 'ที่ไหน']],
    ['ศูนย์ดำรงธรรมเปิดกี่โมงคะ', ['ศูนย์ดำรงธรรม', 'เวลาทำการ']],
    // A stop word that ICU splits ("เห|รอ") is still dropped.
    ['ศูนย์ดำรงธรรมคืออะไรเหรอคะ', ['ศูนย์ดำรงธรรม', 'คืออะไร']],
    ['ดำรงค์ธรรม', ['ศูนย์ดำรงธรรม']],
    ['ยาเสพย์ติด', ['ยาเสพติด']],
    ['เงินกู้นอกระบบ', ['หนี้นอกระบบ']],
    ['ส.ค.บ.', ['สคบ']],
    // Thai digits, digits glued to Thai, elongation, markup and emoji.
    ['สายด่วน๑๕๖๗', ['สายด่วน', '1567']],
    ['ค่าาาาา ร้องเรียนนนนน', ['ร้องเรียน']],
    ['<b>ร้องเรียน</b> 🙏', ['ร้องเรียน']],
    // English: stop words, stems, phrases, one-letter typos, contractions.
    ['Complaints!!!', ['complain']],
    ['Where do I file a complaint?', ['where', 'complain']],
    ['hotlne numbr', ['hotline', 'phone']],
    ['loan shark', ['informaldebt']],
    ['tip-off', ['tipoff']],
    ["can't", ['cannot']],
    ['pleeeease help', ['help']],
    ['What are your opening hours', ['hours']],
    // Mixed scripts keep both.
    ['ถนน broken ครับ', ['ถนน', 'broken']],
    ['PDPA คืออะไร', ['personaldata', 'คืออะไร']],
    // Nothing to match.
    ['', []],
    ['👍🙏😀', []],
    ['ครับ ค่ะ นะ', []],
    ['the of and', []],
    ['!!!???', []],
  ])('%j → %j', (text, tokens) => {
    expect(tokenizer.tokenize(text)).toEqual(tokens);
  });

  test('keeps question words that tell entries apart', () => {
    expect(tokenizer.tokenize('อยู่ที่ไหน')).toEqual(['ที่ไหน']);
    expect(tokenizer.tokenize('ใช้เวลากี่วัน')).toEqual(['ระยะเวลา', 'ระยะเวลา']);
    expect(tokenizer.tokenize('how long')).toEqual(['howlong']);
    expect(tokenizer.tokenize('where')).toEqual(['where']);
  });

  test('does not correct words it knows or words too short to guess', () => {
    expect(tokenizer.tokenize('complaint')).toEqual(['complain']);
    expect(tokenizer.tokenize('wat')).toEqual(['wat']);
    expect(tokenizer.tokenize('weather')).toEqual(['weather']);
  });

  test('reads only the first MAX_INPUT_CHARS characters', () => {
    const tail = 'หนี้นอกระบบ';
    expect(tokenizer.tokenize(`${'ก'.repeat(MAX_INPUT_CHARS)}${tail}`)).not.toContain('หนี้นอกระบบ');
    expect(tokenizer.tokenize(`${' '.repeat(MAX_INPUT_CHARS - tail.length)}${tail}`)).toEqual(['หนี้นอกระบบ']);
  });

  test.each([
    ['ร้องเรียน '.repeat(2000)],
    ['a b '.repeat(5000)],
    ['x'.repeat(10_000)],
    ['\u0E31'.repeat(10_000)],
    ['\uD800\uDC00\uD800'.repeat(3000)],
  ])('bounds the work on long input %#', (text) => {
    const tokens = tokenizer.tokenize(text);
    expect(tokens.length).toBeLessThanOrEqual(200);
    for (const token of tokens) expect(token.length).toBeLessThanOrEqual(MAX_INPUT_CHARS);
  });

  test('returns nothing for values that are not strings', () => {
    for (const value of [undefined, null, 42, {}, ['ร้องเรียน']]) {
      expect(tokenizer.tokenize(value as unknown as string)).toEqual([]);
    }
  });

  test('a synonym table without groups still tokenizes', () => {
    const bare = new FaqTokenizer({ th: [], en: [] });
    expect(bare.tokenize('ร้องเรียนครับ Complaints')).toEqual(['ร้อง', 'เรียน', 'complaint']);
  });
});
