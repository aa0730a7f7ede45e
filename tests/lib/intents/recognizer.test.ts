import { SEED_CONTENT } from '../../../lib/content/seed';
import { IntentRecognizer } from '../../../lib/intents/recognizer';
import { withoutPoliteEnding } from '../../../lib/thai/text';

const recognizer = new IntentRecognizer(() => SEED_CONTENT.intents, () => SEED_CONTENT.categories);

describe('commands (whole messages)', () => {
  test.each([
    ['ยกเลิก', 'cancel'],
    [' Cancel! ', 'cancel'],
    ['เมนู', 'menu'],
    ['MENU', 'menu'],
    ['ช่วยด้วย', 'help'],
    ['?', 'help'],
    ['เจ้าหน้าที่', 'officer'],
    ['ข้าม', 'skip'],
    ['ไม่ทราบ', 'unknownDate'],
    ['เสร็จแล้ว', 'done'],
    // With the polite words that end a Thai sentence, and their English counterparts.
    ['ข้ามค่ะ', 'skip'],
    ['ไม่มีครับ', 'skip'],
    ['ไม่ทราบค่ะ', 'unknownDate'],
    ['ยกเลิกนะคะ', 'cancel'],
    ['skip please', 'skip'],
    ['ยกเลิกเรื่องนี้', 'cancel'],
    ['ยกเลิกเรื่องที่แจ้งไว้', undefined],
    ['เจ้าหน้าที่ไม่ยอมให้บริการ', undefined],
    ['', undefined],
  ])('%j → %s', (text, intent) => {
    expect(recognizer.command(text)).toBe(intent);
  });
});

describe('the polite words that end an answer', () => {
  test.each([
    ['ใช่ค่ะ', 'ใช่'],
    ['ยินยอมครับผม', 'ยินยอม'],
    ['ไม่ทราบคะ', 'ไม่ทราบ'],
    ['โอเคจ้า', 'โอเค'],
    ['Yes please', 'yes'],
    ['ค่ะ', 'ค่ะ'],
    ['คะแนน', 'คะแนน'],
  ])('%j → %j', (text, core) => {
    expect(withoutPoliteEnding(text)).toBe(core);
  });
});

describe('routes (free text)', () => {
  test.each([
    ['อยากร้องเรียนเรื่องถนนพัง', { kind: 'file', categoryId: 'utilities' }],
    ['I want to report a corrupt official', { kind: 'file', categoryId: 'official' }],
    ['แจ้งเบาะแสยาเสพติดในหมู่บ้าน', { kind: 'file', categoryId: 'tipoff' }],
    ['ขอร้องเรียน', { kind: 'file' }],
    ['ติดตามเรื่องที่แจ้งไว้', { kind: 'track' }],
    ['track DD-2569-7K3Q9XR please', { kind: 'track' }],
    ['ขอคุยกับเจ้าหน้าที่หน่อยค่ะ', { kind: 'officer' }],
    ['เจ้าหน้าที่ไม่ยอมให้บริการ', { kind: 'unknown' }],
    ['สวัสดีครับ', { kind: 'greeting' }],
    ['เมนู', { kind: 'menu' }],
    ['x'.repeat(50000), { kind: 'unknown' }],
  ] as const)('%j → %j', (text, route) => {
    expect(recognizer.route(text)).toMatchObject(route);
  });
});

describe('questions', () => {
  test.each([
    ['ร้องเรียนต้องเสียเงินไหม', true],
    ['ศูนย์ดำรงธรรมอยู่ที่ไหน', true],
    ['How do I report drug dealing', true],
    ['report drug dealing?', true],
    ['อยากร้องเรียนเรื่องถนนพัง', false],
    ['I want to report a corrupt official', false],
  ])('%j → %s', (text, question) => {
    expect(recognizer.isQuestion(text)).toBe(question);
  });
});
