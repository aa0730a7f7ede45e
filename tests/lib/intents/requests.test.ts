import { generateTrackingNumber } from '../../../lib/complaints/trackingNumber';
import { SEED_CONTENT } from '../../../lib/content/seed';
import { likeliestFlows } from '../../../lib/intents/likeliest';
import { IntentRecognizer } from '../../../lib/intents/recognizer';
import { type Answerability, type Readiness, recognizeRequest } from '../../../lib/intents/requests';

const recognizer = new IntentRecognizer(() => SEED_CONTENT.intents, () => SEED_CONTENT.categories);
/** A number that passes its check character, made the way the service makes them. */
const NUMBER = generateTrackingNumber(2569, (max) => 7 % max);

describe('a clear request for a human', () => {
  test.each([
    ['I want to talk to a real person', true],
    ['Can I talk to a human?', true],
    ['ขอคุยกับเจ้าหน้าที่หน่อยค่ะ', true],
    ['อยากคุยกับเจ้าหน้าที่', true],
    ['เจ้าหน้าที่', true],
    ['talk to an officer', true],
    // Descriptions that mention officers or talking are not requests.
    ['เจ้าหน้าที่ไม่ยอมคุยกับคนในหมู่บ้าน', false],
    ['The officer refused to talk to someone like me and shouted at my mother', false],
    ['เจ้าหน้าที่ไม่ยอมให้บริการ', false],
    ['ถนนพัง', false],
    ['', false],
    [`I want to talk to a real person ${'x'.repeat(200)}`, false],
  ])('%j → %s', (text, expected) => {
    expect(recognizer.asksForHuman(text)).toBe(expected);
  });
});

describe('requests in the middle of a flow', () => {
  const answerable = (table: Record<string, Answerability>) => (text: string): Answerability => table[text] ?? 'none';

  test.each<[string, Readiness, Record<string, Answerability>, object | undefined]>([
    ['track my complaint', 'any', {}, { kind: 'track' }],
    [`ติดตามเรื่อง ${NUMBER}`, 'explicit', {}, { kind: 'track', number: NUMBER }],
    // A number that fails its check is still someone tracking.
    [`${NUMBER.slice(0, -1)}${NUMBER.endsWith('A') ? 'B' : 'A'}`, 'any', {}, { kind: 'track' }],
    ['อยากร้องเรียนเรื่องถนนพัง', 'explicit', {}, { kind: 'file', categoryId: 'utilities' }],
    ['I want to talk to a real person', 'explicit', {}, { kind: 'officer' }],
    ['คำถามที่พบบ่อย', 'any', {}, { kind: 'faq' }],
    // A question about filing is a question, when it can be answered.
    ['ร้องเรียนต้องเสียเงินไหม', 'explicit', { 'ร้องเรียนต้องเสียเงินไหม': 'confident' }, { kind: 'question' }],
    ['ร้องเรียนต้องเสียเงินไหม', 'any', {}, { kind: 'file' }],
    // A rough match counts where options were expected, not where free words are.
    ['how do I pay?', 'any', { 'how do I pay?': 'weak' }, { kind: 'question' }],
    ['how do I pay?', 'explicit', { 'how do I pay?': 'weak' }, undefined],
    ['where is the Chiang Mai centre?', 'explicit', { 'where is the Chiang Mai centre?': 'place' }, { kind: 'question' }],
    // A statement the bank knows is not a question: at a choice it is more likely an answer in other words.
    ['a shop cheated me', 'any', { 'a shop cheated me': 'confident' }, undefined],
    ['เชียงใหม่', 'explicit', {}, undefined],
    ['😀', 'any', {}, undefined],
    ['', 'any', {}, undefined],
  ])('%j (%s) → %j', (text, readiness, table, expected) => {
    const found = recognizeRequest(text, recognizer, answerable(table), readiness);
    if (expected === undefined) expect(found).toBeUndefined();
    else expect(found).toEqual(expected);
  });
});

describe('the likeliest ways on for a message not understood', () => {
  test.each([
    ['asdf qwer', ['file', 'faq', 'officer']],
    ['😀', ['file', 'faq', 'officer']],
    ['', ['file', 'faq', 'officer']],
    ['DD 2569', ['track', 'file', 'faq']],
    ['ราคาทองวันนี้เท่าไหร่', ['faq', 'file', 'officer']],
    ['น้ำประปาไม่ไหลมาสามวันแล้ว', ['file', 'faq', 'officer']],
  ])('%j → %j', (text, expected) => {
    expect(likeliestFlows(text, recognizer)).toEqual(expected);
  });
});
