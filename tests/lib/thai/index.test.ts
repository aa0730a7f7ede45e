import * as thai from '../../../lib/thai';

describe('lib/thai re-exports the public API', () => {
  test.each([
    'toAsciiDigits', 'segmentWords', 'normalizeText',
    'parsePhone', 'maskPhone',
    'parseNationalId', 'maskNationalId',
    'parseWhen', 'formatDate', 'formatDateTime', 'bangkokToday', 'buddhistYear',
  ])('%s', (name) => {
    expect(typeof (thai as Record<string, unknown>)[name]).toBe('function');
  });

  test('and nothing else', () => {
    expect(Object.keys(thai).sort()).toEqual([
      'bangkokToday', 'buddhistYear', 'formatDate', 'formatDateTime', 'maskNationalId', 'maskPhone',
      'normalizeText', 'parseNationalId', 'parsePhone', 'parseWhen', 'segmentWords', 'toAsciiDigits',
    ]);
  });

  test('the modules work together: Thai digits throughout', () => {
    const now = new Date('2026-01-05T03:00:00Z');
    expect(thai.parsePhone('๐๘๑-๒๓๔-๕๖๗๘')).toMatchObject({ ok: true, national: '0812345678' });
    expect(thai.parseNationalId('๑-๑๐๑๗-๐๐๒๓๐-๗๐-๘')).toMatchObject({ ok: true, digits: '1101700230708' });
    const when = thai.parseWhen('๓๑ ธ.ค. ๖๘', 'th', now);
    expect(when).toEqual({ ok: true, date: '2025-12-31', approximate: false });
    expect(thai.buddhistYear(now)).toBe(2569);
  });
});
