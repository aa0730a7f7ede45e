import { removeBidiControls } from '../../lib/bidiControls';

describe('removeBidiControls', () => {
  const every = '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C';

  test('removes every bidirectional control and nothing else', () => {
    expect(removeBidiControls(`a${every}b`)).toBe('ab');
    expect(removeBidiControls('invoice\u202Egpj.exe')).toBe('invoicegpj.exe');
  });

  test('leaves Thai, with its vowel and tone marks, Thai digits and other scripts untouched', () => {
    const text = 'นางสาวน้ำผึ้ง ใจดี ๑๒๓ ถนนพัง หน้าวัด — Somchai, السلام 👍🏽';
    expect(removeBidiControls(text)).toBe(text);
  });
});
