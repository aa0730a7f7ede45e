import { detectLanguage, languageFromLocale, recognizeLanguageSwitch } from '../../../lib/i18n/language';

describe('detectLanguage', () => {
  test.each([
    ['อยากร้องเรียนเรื่องถนนพัง', 'th'],
    ['ถนน broken ครับ', 'th'],
    ['I want to report a corrupt official', 'en'],
    ['ok', 'en'],
    ['a@b.co', undefined],
    ['https://maps.example.com/x', undefined],
    ['DD-2569-7K3Q9XR', undefined],
    ['๑๒๓', 'th'],
    ['12345', undefined],
    ['👍', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%j → %s', (text, expected) => {
    expect(detectLanguage(text)).toBe(expected);
  });
});

describe('detectLanguage, strict (a language is already known)', () => {
  test.each([
    ['ok', undefined],
    ['yes', undefined],
    ['Somchai Jaidee', undefined],
    ['Chiang Mai', undefined],
    ['my name is John', 'en'],
    ['สวัสดี', 'th'],
  ])('%j → %s', (text, expected) => {
    expect(detectLanguage(text, { strict: true })).toBe(expected);
  });
});

describe('languageFromLocale', () => {
  test.each([
    ['th-TH', 'th'],
    ['en-US', 'en'],
    ['EN_gb', 'en'],
    ['ja-JP', undefined],
    [undefined, undefined],
  ])('%j → %s', (locale, expected) => {
    expect(languageFromLocale(locale)).toBe(expected);
  });
});

describe('recognizeLanguageSwitch', () => {
  test.each([
    ['English', 'en'],
    ['  english! ', 'en'],
    ['ภาษาอังกฤษ', 'en'],
    ['ภาษาไทย', 'th'],
    ['ไทย', 'th'],
    ['Thai', 'th'],
    ['I speak Thai with my neighbour', undefined],
    ['อยากร้องเรียนเรื่องภาษาไทย', undefined],
    ['', undefined],
  ])('%j → %s', (text, expected) => {
    expect(recognizeLanguageSwitch(text)).toBe(expected);
  });
});
