import { findTrackingNumber, generateTrackingNumber, parseTrackingNumber } from '../../../lib/complaints/trackingNumber';

describe('tracking numbers', () => {
  test('look like DD-2569-XXXXXXX in Crockford base 32, and parse back as themselves', () => {
    for (let i = 0; i < 500; i += 1) {
      const number = generateTrackingNumber(2569);
      expect(number).toMatch(/^DD-2569-[0-9A-HJKMNP-TV-Z]{7}$/);
      expect(parseTrackingNumber(number)).toEqual({ ok: true, number });
    }
  });

  test('are not guessable from one another: 500 draws, 500 different numbers', () => {
    const numbers = new Set(Array.from({ length: 500 }, () => generateTrackingNumber(2569)));
    expect(numbers.size).toBe(500);
  });

  const number = generateTrackingNumber(2569, (() => {
    const digits = [7, 20, 3, 23, 9, 29];
    let i = 0;
    return () => digits[i++ % digits.length];
  })());

  test.each([
    [number.toLowerCase()],
    [number.replace(/-/g, '')],
    [number.replace(/-/g, ' ')],
    [` ${number} `],
    [number.slice(3)],
    [number.replace(/\d/g, (d) => '๐๑๒๓๔๕๖๗๘๙'[Number(d)])],
    [number.replace(/0/g, 'O').replace(/1/g, 'I')],
  ])('%j is read as the number', (typed) => {
    expect(parseTrackingNumber(typed)).toEqual({ ok: true, number });
  });

  test('every single mistyped character of the code is caught by the check character', () => {
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    const code = number.slice(8);
    for (let position = 0; position < code.length; position += 1) {
      for (const replacement of alphabet) {
        if (replacement === code[position]) continue;
        const typo = `DD-2569-${code.slice(0, position)}${replacement}${code.slice(position + 1)}`;
        expect(parseTrackingNumber(typo)).toEqual({ ok: false, reason: 'checksum' });
      }
    }
  });

  test('swapping two different neighbouring characters is caught', () => {
    const code = number.slice(8);
    for (let i = 0; i < code.length - 1; i += 1) {
      if (code[i] === code[i + 1]) continue;
      const swapped = `${code.slice(0, i)}${code[i + 1]}${code[i]}${code.slice(i + 2)}`;
      expect(parseTrackingNumber(`DD-2569-${swapped}`).ok).toBe(false);
    }
  });

  test.each(['', 'hello', 'DD-2569', 'DD-1999-7K3Q9XR', 'DD-2569-7K3Q9X', 'DD-2569-7K3Q9XRM', 'x'.repeat(10000), '<script>'])(
    '%j is not a tracking number',
    (typed) => {
      expect(parseTrackingNumber(typed)).toEqual({ ok: false, reason: 'format' });
    },
  );

  test('are found inside a sentence', () => {
    expect(findTrackingNumber(`ติดตามเรื่อง ${number} ค่ะ`)).toEqual({ ok: true, number });
    expect(findTrackingNumber(`status of ${number.toLowerCase()}?`)).toEqual({ ok: true, number });
    expect(findTrackingNumber('my phone is 0812345678')).toBeUndefined();
  });
});
