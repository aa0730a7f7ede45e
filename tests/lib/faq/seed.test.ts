import categoriesSeed from '../../../lib/content/seed/categories.json';
import faqSeed from '../../../lib/faq/seed/faq.json';
import synonymsSeed from '../../../lib/faq/seed/synonyms.json';
import { FAQ_LANGS, type FaqEntry } from '../../../lib/faq/types';
import { normalizeText } from '../../../lib/thai/text';

const entries = faqSeed as FaqEntry[];
const THAI = /[\u0E00-\u0E7F]/;
const KNOWN_HOSTS = ['www.damrongdham.moi.go.th', 'www.1111.go.th', 'www.ocpb.go.th', 'www.dopa.go.th'];

describe('FAQ seed bank', () => {
  test('has at least 32 entries with unique, URL-safe ids', () => {
    expect(entries.length).toBeGreaterThanOrEqual(32);
    const ids = entries.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  describe.each(entries.map((entry) => [entry.id, entry] as const))('%s', (_id, entry) => {
    test.each(FAQ_LANGS)('is complete in %s', (lang) => {
      const questions = entry.questions[lang];
      expect(questions.length).toBeGreaterThanOrEqual(2);
      expect(questions.length).toBeLessThanOrEqual(5);
      for (const question of questions) expect(question.trim().length).toBeGreaterThan(3);
      expect(entry.answer[lang].trim().length).toBeGreaterThan(20);
      expect(entry.keywords?.[lang].length ?? 0).toBeGreaterThan(0);
      for (const link of entry.links ?? []) expect(link.title[lang].trim().length).toBeGreaterThan(0);
    });

    test('keeps each language in its own script', () => {
      // A Thai phrasing may quote a Latin word ("walk in", "PDPA") but must itself be Thai; keywords may be
      // bare numbers ("1567").
      for (const text of [entry.answer.th, ...entry.questions.th]) expect(text).toMatch(THAI);
      for (const text of [entry.answer.en, ...entry.questions.en, ...entry.keywords!.en]) expect(text).not.toMatch(THAI);
    });

    test('answers in one to four sentences', () => {
      const sentences = entry.answer.en.split(/(?<=[.!?])\s+(?=[A-Z0-9])/).filter((part) => part.trim());
      expect(sentences.length).toBeGreaterThanOrEqual(1);
      expect(sentences.length).toBeLessThanOrEqual(4);
    });

    test('links only to official sites over https', () => {
      for (const link of entry.links ?? []) {
        const url = new URL(link.url);
        expect(url.protocol).toBe('https:');
        expect(KNOWN_HOSTS).toContain(url.host);
      }
    });
  });

  test('no question appears in two entries', () => {
    const owner = new Map<string, string>();
    for (const entry of entries) {
      for (const lang of FAQ_LANGS) {
        for (const question of entry.questions[lang]) {
          const key = normalizeText(question);
          expect({ question, owner: owner.get(key) ?? entry.id }).toEqual({ question, owner: entry.id });
          owner.set(key, entry.id);
        }
      }
    }
  });

  test.each([
    ['hotline', '1567'],
    ['hours', '08:30–16:30'],
    ['live-officer', '08:30–16:30'],
    ['emergency', '191'],
    ['emergency', '1669'],
    ['emergency', '199'],
    ['pm-1111', '1111'],
    ['ocpb-1166', '1166'],
    ['dopa-1548', '1548'],
  ])('%s states %s in Thai and English', (id, fact) => {
    const entry = entries.find((candidate) => candidate.id === id)!;
    expect(entry.answer.th).toContain(fact);
    expect(entry.answer.en).toContain(fact.replace(/\./g, ':'));
  });
});

describe('where answers lead', () => {
  const categories = new Set(categoriesSeed.map((category) => category.id));

  test('a topic names a category that exists', () => {
    for (const entry of entries.filter((candidate) => candidate.categoryId !== undefined)) {
      expect({ id: entry.id, known: categories.has(entry.categoryId!) }).toEqual({ id: entry.id, known: true });
    }
    // The complaint topics do lead to filing in their category.
    expect(entries.filter((entry) => entry.categoryId).map((entry) => entry.id)).toEqual(expect.arrayContaining(['roads', 'land', 'drugs', 'consumer', 'informal-debt', 'officials']));
  });

  test('the answers about where a centre is and how to reach it are answered per centre', () => {
    expect(entries.filter((entry) => entry.perCentre).map((entry) => entry.id).sort()).toEqual(['hotline', 'in-person', 'locations']);
  });
});

describe('synonym seed', () => {
  test.each(FAQ_LANGS)('%s: every word belongs to one group only', (lang) => {
    const groupOf = new Map<string, number>();
    synonymsSeed[lang].forEach((group, index) => {
      expect(group.length).toBeGreaterThan(0);
      for (const word of group) {
        const key = normalizeText(word).replace(/ /g, '');
        expect({ word, group: groupOf.get(key) ?? index }).toEqual({ word, group: index });
        groupOf.set(key, index);
      }
    });
  });

  test('Thai groups are Thai and English groups are not', () => {
    for (const group of synonymsSeed.th) expect(group.some((word) => THAI.test(word))).toBe(true);
    for (const group of synonymsSeed.en) for (const word of group) expect(word).not.toMatch(THAI);
  });
});
