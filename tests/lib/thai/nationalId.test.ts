import { maskNationalId, parseNationalId } from '../../../lib/thai/nationalId';

// Each computed by hand with the rule: sum of digit[i] × (13 − i) over the first twelve digits,
// check = (11 − sum mod 11) mod 10. E.g. 110170023070: 13+12+0+10+63+0+0+12+15+0+21+0 = 146,
// 146 mod 11 = 3, (11 − 3) mod 10 = 8 → 1101700230708.
const VALID: readonly [string, string][] = [
  ['1101700230708', 'x-xxxx-xxxx0-70-8'],
  ['3100100123451', 'x-xxxx-xxxx3-45-1'],
  ['1234567890121', 'x-xxxx-xxxx0-12-1'],
  ['3709900123458', 'x-xxxx-xxxx3-45-8'],
  ['8410100543211', 'x-xxxx-xxxx3-21-1'],
  ['5000000000001', 'x-xxxx-xxxx0-00-1'],
  ['9999999999994', 'x-xxxx-xxxx9-99-4'],
  ['1000000000009', 'x-xxxx-xxxx0-00-9'],
];

describe('parseNationalId accepts valid IDs', () => {
  test.each(VALID)('%s', (digits, masked) => {
    expect(parseNationalId(digits)).toEqual({ ok: true, digits, masked });
  });

  test.each<[string, string]>([
    ['1-1017-00230-70-8', '1101700230708'],
    ['1 1017 00230 70 8', '1101700230708'],
    ['  1101700230708 ', '1101700230708'],
    ['๑-๑๐๑๗-๐๐๒๓๐-๗๐-๘', '1101700230708'],
    ['๑๑๐๑๗๐๐๒๓๐๗๐๘', '1101700230708'],
    ['3-1001-00123-45-1', '3100100123451'],
  ])('written as %j', (input, digits) => {
    expect(parseNationalId(input)).toEqual({ ok: true, digits, masked: maskNationalId(digits) });
  });
});

describe('parseNationalId refuses with a reason the re-prompt can use', () => {
  test.each<[string, string]>([
    ['', 'empty'],
    ['   ', 'empty'],
    ['---', 'empty'],
    ['1-1017-00230-70-x', 'characters'],
    ['1101700230708.', 'characters'],
    ['ID 1101700230708', 'characters'],
    ['1/1017/00230/70/8', 'characters'],
    ['110170023070', 'length'],
    ['11017002307080', 'length'],
    ['1567', 'length'],
    ['0101700230708', 'first-digit'],
    ['0-0000-00000-00-0', 'first-digit'],
  ])('%j → %s', (input, reason) => {
    expect(parseNationalId(input)).toEqual({ ok: false, reason });
  });

  // Typing mistakes of valid IDs above: one digit changed, or two neighbours swapped.
  test.each<[string, string]>([
    ['4101700230708', 'first digit of 1101700230708 changed'],
    ['1101000230708', 'fifth digit changed'],
    ['1101700530708', 'eighth digit changed'],
    ['1101700230701', 'check digit changed'],
    ['1011700230708', 'digits 2 and 3 swapped'],
    ['1101700237008', 'digits 10 and 11 swapped'],
    ['1101700230780', 'last two digits swapped'],
    ['6100100123451', 'first digit of 3100100123451 changed'],
    ['3100100124351', 'digits 10 and 11 of 3100100123451 swapped'],
    ['1324567890121', 'digits 2 and 3 of 1234567890121 swapped'],
    ['1234576890121', 'digits 6 and 7 of 1234567890121 swapped'],
    ['3079900123458', 'digits 2 and 3 of 3709900123458 swapped'],
    ['8140100543211', 'digits 2 and 3 of 8410100543211 swapped'],
  ])('%s (%s) → checksum', (input) => {
    expect(parseNationalId(input)).toEqual({ ok: false, reason: 'checksum' });
  });

  // The checksum cannot catch every typo: the third digit has weight 11, so changing it never changes the
  // sum mod 11; and the final mod 10 maps remainders 0 and 10 to the same check digit. Pinned so that
  // nobody takes a passing checksum as proof that the ID was typed correctly.
  test.each(['1151700230708', '3010100123451'])('%s passes the checksum although mistyped', (input) => {
    expect(parseNationalId(input).ok).toBe(true);
  });
});

describe('maskNationalId', () => {
  test.each<[string, string]>([
    ['1101700230708', 'x-xxxx-xxxx0-70-8'],
    ['1-1017-00230-70-8', 'x-xxxx-xxxx0-70-8'],
    ['๑๑๐๑๗๐๐๒๓๐๗๐๘', 'x-xxxx-xxxx0-70-8'],
    // Masking needs thirteen digits, not a valid check digit: a stored ID is shown whatever it is.
    ['1101700230709', 'x-xxxx-xxxx0-70-9'],
  ])('%j → %s', (input, masked) => {
    expect(maskNationalId(input)).toBe(masked);
  });

  test.each(['', '110170023070', '11017002307080', 'x-xxxx-xxxx0-70-8'])('refuses %j', (input) => {
    expect(() => maskNationalId(input)).toThrow(RangeError);
  });
});
