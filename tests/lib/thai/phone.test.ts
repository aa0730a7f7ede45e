import { maskPhone, parsePhone } from '../../../lib/thai/phone';
import type { PhoneResult } from '../../../lib/thai/phone';

const mobile: PhoneResult = { ok: true, national: '0812345678', e164: '+66812345678', display: '081-234-5678', last4: '5678' };
const bangkok: PhoneResult = { ok: true, national: '021234567', e164: '+6621234567', display: '02-123-4567', last4: '4567' };

describe('parsePhone accepts Thai numbers however they are typed', () => {
  test.each<[string, PhoneResult]>([
    ['0812345678', mobile],
    ['081-234-5678', mobile],
    ['081 234 5678', mobile],
    ['081.234.5678', mobile],
    ['(081) 234-5678', mobile],
    ['  081-234-5678  ', mobile],
    ['๐๘๑-๒๓๔-๕๖๗๘', mobile],
    ['๐๘๑ 234 ๕๖๗๘', mobile],
    ['+66812345678', mobile],
    ['+66 81 234 5678', mobile],
    ['+66 (0)81-234-5678', mobile],
    ['66812345678', mobile],
    ['0066 81 234 5678', mobile],
    ['+๖๖ ๘๑ ๒๓๔ ๕๖๗๘', mobile],
    ['061-234-5678', { ok: true, national: '0612345678', e164: '+66612345678', display: '061-234-5678', last4: '5678' }],
    ['0991112222', { ok: true, national: '0991112222', e164: '+66991112222', display: '099-111-2222', last4: '2222' }],
    ['02-123-4567', bangkok],
    ['(02) 123 4567', bangkok],
    ['+66 2 123 4567', bangkok],
    ['๐๒๑๒๓๔๕๖๗', bangkok],
    ['053-123-456', { ok: true, national: '053123456', e164: '+6653123456', display: '053-123-456', last4: '3456' }],
    ['038 123 456', { ok: true, national: '038123456', e164: '+6638123456', display: '038-123-456', last4: '3456' }],
    ['044123456', { ok: true, national: '044123456', e164: '+6644123456', display: '044-123-456', last4: '3456' }],
    ['076-123-456', { ok: true, national: '076123456', e164: '+6676123456', display: '076-123-456', last4: '3456' }],
  ])('%j', (input, expected) => {
    expect(parsePhone(input)).toEqual(expected);
  });
});

describe('parsePhone refuses with a reason the re-prompt can use', () => {
  test.each<[string, string]>([
    ['', 'empty'],
    ['   ', 'empty'],
    ['---', 'empty'],
    ['081234567a', 'characters'],
    ['โทร 0812345678', 'characters'],
    ['081-234-5678 ต่อ 12', 'characters'],
    ['0812345678😀', 'characters'],
    ['08+12345678', 'characters'],
    ['1567', 'length'],
    ['1111', 'length'],
    ['191', 'length'],
    ['๑๕๖๗', 'length'],
    ['0', 'length'],
    ['081234567', 'length'],
    ['08123456789', 'length'],
    ['+66 81 234 567', 'length'],
    ['0212345678', 'length'],
    ['02123456', 'length'],
    ['061234567', 'length'],
    ['053-123-4567', 'length'],
    ['812345678', 'prefix'],
    ['012345678', 'prefix'],
    ['0112345678', 'prefix'],
    ['1234567890', 'prefix'],
    ['+1 202 555 0100', 'prefix'],
    ['0044 20 7123 4567', 'prefix'],
    ['5551234', 'prefix'],
  ])('%j → %s', (input, reason) => {
    expect(parsePhone(input)).toEqual({ ok: false, reason });
  });
});

describe('maskPhone', () => {
  test.each<[string, string]>([
    ['0812345678', '08x-xxx-5678'],
    ['+66 81 234 5678', '08x-xxx-5678'],
    ['๐๙๑๒๓๔๕๖๗๘', '09x-xxx-5678'],
    ['021234567', '02-xxx-4567'],
    ['053123456', '05x-xx3-456'],
  ])('%j → %s', (input, masked) => {
    expect(maskPhone(input)).toBe(masked);
  });

  test.each(['', '1567', 'abc'])('refuses %j', (input) => {
    expect(() => maskPhone(input)).toThrow(RangeError);
  });
});
