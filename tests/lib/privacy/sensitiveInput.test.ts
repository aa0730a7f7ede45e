import { maskEmail, redactAnswer, scrubText } from '../../../lib/privacy/sensitiveInput';

// A valid national ID (its check digit holds) in the forms citizens type it.
const ID = '1101700230708';
const MASKED_ID = 'x-xxxx-xxxx0-70-8';

describe('what is kept of an answer to a sensitive question', () => {
  test.each([
    ['1101700230708', MASKED_ID],
    ['1-1017-00230-70-8', MASKED_ID],
    ['1 1017 00230 70 8', MASKED_ID],
    ['๑๑๐๑๗๐๐๒๓๐๗๐๘', MASKED_ID],
    ['１１０１７００２３０７０８', MASKED_ID],
    // Mistyped IDs are still someone's ID: only the last four digits stay.
    ['1101700230709', 'xxxxxxxxx0709'],
    ['110170023070', 'xxxxxxxx3070'],
    ['บัตร 1-1017-00230', 'บัตร x-xxxx-x0230'],
  ])('national ID %s is kept as %s', (typed, kept) => {
    expect(redactAnswer('nationalId', typed)).toBe(kept);
  });

  test.each([
    ['123456', '••••••'],
    ['๔๘๒๙', '••••'],
    ['PIN 12 34 56 ครับ', 'PIN •• •• •• ครับ'],
    // A tracking number given instead of the check is kept; the digits around it are not.
    ['DD-2569-7K3Q9XR 1234', 'DD-2569-7K3Q9XR ••••'],
    ['dd 2569 7k3q9xm', 'dd 2569 7k3q9xm'],
  ])('a tracking check %s is kept as %s', (typed, kept) => {
    expect(redactAnswer('trackingCheck', typed)).toBe(kept);
  });

  test.each([
    ['0812345678', '08x-xxx-5678'],
    ['+66 81 234 5678', '08x-xxx-5678'],
    ['๐๘๑๒๓๔๕๖๗๘', '08x-xxx-5678'],
    ['081234567', 'xxxxx4567'],
  ])('phone %s is kept as %s', (typed, kept) => {
    expect(redactAnswer('phone', typed)).toBe(kept);
  });

  test('e-mail addresses keep their first character and domain', () => {
    expect(redactAnswer('email', 'somchai.j@example.co.th')).toBe('s•••@example.co.th');
    expect(maskEmail('สมชาย@ตัวอย่าง.ไทย')).toBe('ส•••@ตัวอย่าง.ไทย');
    expect(redactAnswer('email', 'ข้าม')).toBe('ข้าม');
  });

  test('any other message keeps everything but thirteen-digit numbers', () => {
    expect(redactAnswer(undefined, `ถนนพัง บัตรประชาชน ${ID} โทร 0812345678`)).toBe(`ถนนพัง บัตรประชาชน ${MASKED_ID} โทร 0812345678`);
    expect(scrubText('my id is 1-1017-00230-70-8.')).toBe(`my id is ${MASKED_ID}.`);
    expect(scrubText('เมื่อ 12 พ.ย. 2569 เวลา 14:30 จ่ายไป 15,000 บาท')).toBe('เมื่อ 12 พ.ย. 2569 เวลา 14:30 จ่ายไป 15,000 บาท');
    // Longer numbers are not IDs, and no thirteen digits inside them are taken for one.
    expect(scrubText('บัญชี 12345678901234567890')).toBe('บัญชี 12345678901234567890');
    expect(scrubText('081 234 5678 081 234 5678')).toBe('081 234 5678 081 234 5678');
    expect(scrubText('DD-2569-7K3Q9XR')).toBe('DD-2569-7K3Q9XR');
    // A PIN given in passing, and only the number after the word.
    expect(scrubText('I have more info on the tip-off, my PIN is 115959')).toBe('I have more info on the tip-off, my PIN is ••••••');
    expect(scrubText('เรื่อง DD-2569-7K3Q9XR รหัส PIN ๑๑๕๙๕๙ ค่ะ')).toBe('เรื่อง DD-2569-7K3Q9XR รหัส PIN •••••• ค่ะ');
    expect(scrubText('pin: 1159 59')).toBe('pin: •••• ••');
    expect(scrubText('รหัสไปรษณีย์ 50230 โทร 0812345678')).toBe('รหัสไปรษณีย์ 50230 โทร 0812345678');
  });
});
