import { parseWhen } from '../../../../lib/thai/dates';
import type { WhenResult } from '../../../../lib/thai/dates';
import { recognizerWindow } from '../../../../lib/thai/when/recognizerWindow';

/** Monday 5 January 2026, 10:00 in Bangkok. */
const MON_5_JAN = new Date('2026-01-05T03:00:00Z');

function on(date: string, time?: string): WhenResult {
  return time === undefined ? { ok: true, date, approximate: false } : { ok: true, date, time, approximate: false };
}

describe('recognizerWindow: what of a text the English recognizer is shown', () => {
  test.each<[string, string, string]>([
    ['numbers and nothing that makes a date', '12 '.repeat(66), ''],
    ['Thai only', 'ม.ค. '.repeat(40), ''],
    ['a short answer, whole', 'on 3 jan at 3pm', 'on 3 jan at 3pm'],
    ['numbers far from the date word left out', `${'12 '.repeat(30)}yesterday`, '12 12 12 yesterday'],
    ['a gap between two date words kept apart', `yesterday ${'x '.repeat(10)}at 3pm`, 'yesterday x x x . x x x at 3pm'],
    ['one long word of numbers cut to its first piece', '1/'.repeat(100), '1/1/1/1/1/1/'],
    ['a time glued to Thai', 'เมื่อวานตอน3pm', 'เมื่อวานตอน3pm'],
  ])('%s', (_name, text, shown) => {
    expect(recognizerWindow(text).text).toBe(shown);
  });

  test('at most 12 words are shown, however many date words there are', () => {
    expect(recognizerWindow('yesterday '.repeat(20)).text.split(' ')).toHaveLength(12);
  });

  test('at most 8 numbers are shown', () => {
    expect(recognizerWindow('1/1 2/2 3/3 4/4 5/5 6/6').text).toBe('1/1 2/2 3/3 4/4');
  });

  test('each character shown maps back to its place in the text', () => {
    const text = `${'12 '.repeat(30)}it was on 3 january 2026 ${'x '.repeat(10)}at 3pm`;
    const window = recognizerWindow(text);
    for (const word of ['3 january 2026', '3pm']) {
      const at = window.text.indexOf(word);
      expect(at).toBeGreaterThanOrEqual(0);
      expect(text.slice(window.original(at), window.original(at + word.length - 1) + 1)).toBe(word);
    }
  });
});

describe('parseWhen still finds the date in a long, number-heavy text', () => {
  test.each<[string, 'th' | 'en', WhenResult]>([
    [`${'12 '.repeat(50)}on 3 january 2026`, 'en', on('2026-01-03')],
    [`on 3 january 2026 ${'12 '.repeat(50)}`, 'en', on('2026-01-03')],
    [`${'house 12 moo 3 soi 4, '.repeat(5)}around 20 december`, 'en', { ok: true, date: '2025-12-20', approximate: true }],
    ['ref 123 456 789 012 345 678 901 234 567 890 last friday at 5pm', 'en', on('2026-01-02', '17:00')],
    [`${'12 '.repeat(40)}yesterday at 3pm`, 'en', on('2026-01-04', '15:00')],
    [`${'12 '.repeat(40)}yesterday at 3pm`, 'th', on('2026-01-04', '15:00')],
    [`${'12 '.repeat(40)}เมื่อวาน 3pm`, 'th', on('2026-01-04', '15:00')],
    ['เมื่อวาน ตอน3pm', 'th', on('2026-01-04', '15:00')],
    // The recognizer's "yesterday" is blanked at its place in the whole text, and the Thai-style time after it read.
    [`${'12 '.repeat(30)}yesterday 14.30`, 'en', on('2026-01-04', '14:30')],
    ['yesterday '.repeat(20), 'en', on('2026-01-04')],
    ['2 jan 2026 '.repeat(15), 'en', on('2026-01-02')],
    ['1/'.repeat(100), 'th', on('2026-01-01')],
  ])('%s (%s)', (text, lang, expected) => {
    expect(parseWhen(text, lang, MON_5_JAN)).toEqual(expected);
  });
});
