/** Small counts and hours as Thai speakers write them: digits or the number words from one to twelve. */

const THAI_NUMBER_WORDS: Readonly<Record<string, number>> = {
  หนึ่ง: 1, นึง: 1, สอง: 2, สาม: 3, สี่: 4, ห้า: 5, หก: 6, เจ็ด: 7, แปด: 8, เก้า: 9, สิบ: 10, สิบเอ็ด: 11, สิบสอง: 12,
};
// Longest first: a regex alternation takes the first alternative that matches, not the longest.
const NUMBER_WORD = Object.keys(THAI_NUMBER_WORDS).sort((a, b) => b.length - a.length).join('|');
// A small count or hour: digits or a Thai number word from one to twelve.
export const NUM = `(\\d{1,4}|${NUMBER_WORD})`;

export function thaiNumber(token: string): number {
  return THAI_NUMBER_WORDS[token] ?? Number(token);
}
