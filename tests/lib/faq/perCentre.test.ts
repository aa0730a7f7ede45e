import { FaqMatcher } from '../../../lib/faq/matcher';
import { assessQuestion } from '../../../lib/faq/perCentre';
import faqSeed from '../../../lib/faq/seed/faq.json';
import type { FaqEntry, FaqLang } from '../../../lib/faq/types';

const matcher = new FaqMatcher(faqSeed as FaqEntry[]);
/** A stand-in for the centre search: the place is whichever of these the text names. */
const places = ['Chiang Mai', 'เชียงใหม่', 'หางดง'];
const placeOf = (text: string) => places.find((place) => text.includes(place));

describe('questions answered for one centre', () => {
  test.each<[string, FaqLang, string, string | undefined]>([
    ['where is the Chiang Mai centre?', 'en', 'locations', 'Chiang Mai'],
    ['ศูนย์ดำรงธรรมเชียงใหม่อยู่ที่ไหน', 'th', 'locations', 'เชียงใหม่'],
    ['เบอร์ศูนย์ดำรงธรรมอำเภอหางดง', 'th', 'locations', 'หางดง'],
  ])('%j is about %s, at %s', (text, lang, entry, place) => {
    expect(assessQuestion(matcher.match(text, lang), text, placeOf)).toMatchObject({ kind: 'centre', entry: { id: entry }, centre: place });
  });

  test('without a place, the general answer', () => {
    expect(assessQuestion(matcher.match('where is the damrongdham centre', 'en'), 'where is the damrongdham centre', placeOf)).toMatchObject({ kind: 'confident', entry: { id: 'locations' } });
  });

  test('a place in a question about something else is not read as one', () => {
    const text = 'ร้องเรียนต้องเสียเงินไหม เชียงใหม่';
    const seen: string[] = [];
    const assessment = assessQuestion(matcher.match(text, 'th'), text, (place) => {
      seen.push(place);
      return placeOf(place);
    });
    expect(assessment.kind).not.toBe('centre');
    expect(seen).toEqual([]);
  });

  test('a long message is looked at for a place in its first 500 characters only', () => {
    const text = `where is the centre? ${'x '.repeat(2000)} Chiang Mai`;
    const seen: string[] = [];
    assessQuestion({ kind: 'confident', entry: (faqSeed as FaqEntry[]).find((entry) => entry.id === 'locations')!, score: 1 }, text, (place) => {
      seen.push(place);
      return undefined;
    });
    expect(seen).toEqual([text.slice(0, 500)]);
  });
});
