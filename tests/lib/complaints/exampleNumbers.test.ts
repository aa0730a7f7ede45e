import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { generateTrackingNumber, parseTrackingNumber } from '../../../lib/complaints/trackingNumber';

/**
 * Every tracking number shown as an example — in the bot's texts and the question bank, the chat page, the officer
 * app's hints, the README and the docs — is one the service would accept: a citizen who copies an example to try
 * tracking meets "no such complaint", never "that number has a typo". (Code may name a wrong number on purpose,
 * to say what happens to one; tests do.)
 */

const ROOT = path.resolve(__dirname, '..', '..', '..');
/** Where people read texts: the content seeds under lib, the two web apps, the README and the docs. */
const SHOWN = ['README.md', '.env.example', 'docs', 'lib', 'bot/web', 'handoff/web'];
const TEXT_FILE = /\.(js|json|md|html|css|txt|yaml|example)$/;
/** Anything written like a tracking number: DD, a four-digit year and seven characters, with or without dashes. */
const NUMBER_LIKE = /(?<![A-Za-z0-9])DD[\s-]?[0-9๐-๙]{4}[\s-]?[0-9A-Za-z]{7}(?![A-Za-z0-9])/g;

function shownFiles(): string[] {
  const files: string[] = [];
  const walk = (relative: string) => {
    const absolute = path.join(ROOT, relative);
    if (statSync(absolute).isDirectory()) {
      for (const entry of readdirSync(absolute)) walk(path.join(relative, entry));
    } else if (TEXT_FILE.test(relative) || relative === '.env.example') {
      files.push(relative);
    }
  };
  for (const entry of SHOWN) walk(entry);
  return files;
}

/** The example's code, drawn by the real generator: it is the number a complaint filed in 2569 could get. */
function drawn(code: string): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  let next = 0;
  return generateTrackingNumber(2569, () => alphabet.indexOf(code[next++]));
}

describe('example tracking numbers', () => {
  test('the example the texts use is one the generator makes', () => {
    expect(drawn('7K3Q9X')).toBe('DD-2569-7K3Q9XR');
  });

  test('every number written where people read it passes the checksum', () => {
    const found: Array<{ file: string; number: string }> = [];
    for (const file of shownFiles()) {
      for (const match of readFileSync(path.join(ROOT, file), 'utf8').matchAll(NUMBER_LIKE)) found.push({ file, number: match[0] });
    }
    // The texts, the README and the officer app all carry examples: finding none would mean the scan is broken.
    expect(found.map((entry) => entry.file)).toEqual(expect.arrayContaining(['README.md', 'lib/content/seed/messages.json', 'handoff/web/src/i18n/th.json']));
    const invalid = found.filter((entry) => !parseTrackingNumber(entry.number).ok);
    expect(invalid).toEqual([]);
  });
});
