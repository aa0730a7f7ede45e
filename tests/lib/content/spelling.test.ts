import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * One spelling for each term, in every text a citizen or an officer reads: the bot's catalogues, the question
 * bank, the holiday names, the chat page, the officer app, the README and the docs. What people type is another
 * matter: the words the bot recognises (intents.json, the bank's keywords and synonyms.json) keep every variant
 * on purpose, so that "แชท" still finds the answer about chatting with an officer.
 */

const ROOT = path.resolve(__dirname, '..', '..', '..');

interface Variant {
  /** What must not appear. */
  pattern: RegExp;
  /** What is written instead, and why. */
  use: string;
}

/** Thai terms, in every text. */
const THAI: Variant[] = [
  { pattern: /แชท/g, use: 'แชต (the Royal Institute\'s transliteration of "chat")' },
  { pattern: /อีเมล์/g, use: 'อีเมล' },
  { pattern: /ลิงค์/g, use: 'ลิงก์' },
  { pattern: /อัพโหลด|อัพเดท|อัพเดต|อัปเดท/g, use: 'อัปโหลด, อัปเดต' },
  { pattern: /เว็บไซท์|เว็บไซด์|เว็ป|เวป/g, use: 'เว็บไซต์, เว็บ' },
  { pattern: /คลิ๊ก/g, use: 'คลิก' },
  { pattern: /อินเตอร์เน็ต/g, use: 'อินเทอร์เน็ต' },
  { pattern: /แอพ/g, use: 'แอป' },
  { pattern: /เฟสบุ๊ค|เฟซบุ๊ค|เฟสบุ๊ก/g, use: 'เฟซบุ๊ก' },
  { pattern: /เลขรับเรื่อง|หมายเลขเรื่อง|เลขที่รับเรื่อง/g, use: 'เลขที่เรื่อง (the one name of the tracking number)' },
  // SARA AM typed as NIKHAHIT + SARA AA looks the same and compares different ("ดํารงธรรม").
  { pattern: /\u0E4D\u0E32/g, use: 'ำ (U+0E33)' },
  // Times as the bot's own dates write them ("เวลา 08:30 น.").
  { pattern: /\b\d{2}\.\d{2}(?=\s*(?:–|-|น\.))/g, use: 'a colon: 08:30' },
];

/** English terms, in prose (not in code, where `email` is a field's name). */
const ENGLISH: Variant[] = [
  { pattern: /\bemails?\b/gi, use: 'e-mail' },
  { pattern: /Damrongdham Centres?\b/g, use: 'Damrongdham Center (the centres\' own name)' },
];

/** The strings of a JSON document, without the words it lists for recognising what people type. */
function strings(value: unknown, skip: readonly string[]): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap((item) => strings(item, skip));
  if (value && typeof value === 'object') {
    return Object.entries(value).filter(([key]) => !skip.includes(key)).flatMap(([, item]) => strings(item, skip));
  }
  return [];
}

const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const json = (file: string, skip: readonly string[] = []) => strings(JSON.parse(read(file)), skip).join('\n');
const docs = readdirSync(path.join(ROOT, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`);
/** The chat page's script: app.js and the modules it imports. */
const pageScripts = readdirSync(path.join(ROOT, 'bot/web/page')).filter((name) => name.endsWith('.js')).map((name) => `bot/web/page/${name}`);

/** Where texts are read, with the text of each. */
const TEXTS: Array<[string, () => string, { english: boolean }]> = [
  ['lib/content/seed/messages.json', () => json('lib/content/seed/messages.json'), { english: true }],
  ['lib/content/seed/canned.json', () => json('lib/content/seed/canned.json'), { english: true }],
  ['lib/content/seed/categories.json', () => json('lib/content/seed/categories.json', ['keywords']), { english: true }],
  ['lib/faq/seed/faq.json', () => json('lib/faq/seed/faq.json', ['keywords']), { english: true }],
  ['lib/handoff/seed/th-holidays-2026-2027.json', () => json('lib/handoff/seed/th-holidays-2026-2027.json'), { english: false }],
  ['bot/web/page/index.html', () => read('bot/web/page/index.html'), { english: false }],
  ...pageScripts.map((file): [string, () => string, { english: boolean }] => [file, () => read(file), { english: false }]),
  ['handoff/web/index.html', () => read('handoff/web/index.html'), { english: false }],
  ['handoff/web/src/i18n/th.json', () => json('handoff/web/src/i18n/th.json'), { english: false }],
  ['handoff/web/src/i18n/en.json', () => json('handoff/web/src/i18n/en.json'), { english: false }],
  ['README.md', () => read('README.md'), { english: true }],
  ...docs.map((file): [string, () => string, { english: boolean }] => [file, () => read(file), { english: true }]),
];

describe('one spelling', () => {
  test.each(TEXTS)('%s', (file, text, { english }) => {
    const content = text();
    // Code in the Markdown (field names such as `email`) is not prose.
    const prose = file.endsWith('.md') ? content.replace(/```[\s\S]*?```/g, '').replace(/`[^`]*`/g, '') : content;
    const found = [
      ...THAI.flatMap((variant) => [...content.matchAll(variant.pattern)].map((match) => `"${match[0]}": write ${variant.use}`)),
      ...(english ? ENGLISH : []).flatMap((variant) => [...prose.matchAll(variant.pattern)].map((match) => `"${match[0]}": write ${variant.use}`)),
    ];
    expect(found).toEqual([]);
  });

  test('the variants are still recognised where people type them', () => {
    const synonyms = read('lib/faq/seed/synonyms.json');
    for (const typed of ['แชท', 'แชต', 'เลขรับเรื่อง', 'เลขที่เรื่อง', 'อินเตอร์เน็ต', 'แอพ']) expect(synonyms).toContain(`"${typed}"`);
  });
});
