import { readFileSync, existsSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import {
  auditEntry,
  cannedReply,
  cannedText,
  errorBody,
  parseCalendar,
  replyRequest,
  CalendarError,
  MAX_REPLY_LENGTH,
} from '../../lib/contract/officer';

/** The officer API's contract on its own: bundled by the officer app, so browser-safe, and strict. */

const ROOT = resolve(__dirname, '../..');

/** Every module the contract loads at run time (type-only imports are erased), and each bare import. */
function runtimeImports(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/^(?:import|export)\s+(type\s+)?[^'"]*?from\s+'([^']+)'/gm)) {
      if (match[1]) continue;
      const spec = match[2];
      if (!spec.startsWith('.')) {
        packages.add(spec);
        continue;
      }
      const base = resolve(dirname(file), spec);
      const found = [`${base}.ts`, `${base}/index.ts`].find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
      if (!found) throw new Error(`${relative(ROOT, file)}: cannot resolve ${spec}`);
      visit(found);
    }
  };
  visit(entry);
  return { files: [...files].map((file) => relative(ROOT, file)), packages: [...packages] };
}

describe('the officer API contract', () => {
  it('loads nothing a browser bundle cannot hold: zod only, and no store, botbuilder, restify or node:*', () => {
    const { files, packages } = runtimeImports(resolve(ROOT, 'lib/contract/officer/index.ts'));
    expect(packages).toEqual(['zod']);
    expect(files.filter((file) => /^lib\/store\//.test(file) || !file.startsWith('lib/'))).toEqual([]);
  });

  it('accepts only error bodies of a known code with the details that code carries', () => {
    expect(errorBody.safeParse({ error: { code: 'validation', message: 'm', details: { field: 'text', rule: 'too-long', limit: MAX_REPLY_LENGTH } } }).success).toBe(true);
    expect(errorBody.safeParse({ error: { code: 'validation', message: 'm' } }).success).toBe(false);
    expect(errorBody.safeParse({ error: { code: 'NotFound', message: 'm' } }).success).toBe(false);
    expect(errorBody.safeParse({ error: { code: 'not-found', message: 'm', extra: 1 } }).success).toBe(false);
    expect(errorBody.safeParse({ error: { code: 'locked-out', message: 'm', details: { until: '2026-12-03T08:00:00.000Z', retryAfter: 4 } } }).success).toBe(true);
  });

  it('types audit details per action and refuses details of another shape', () => {
    const entry = { id: '1', at: 1, actor: 'a', target: 'DD-2569-7K3Q9XR', action: 'complaint.status' };
    expect(auditEntry.safeParse({ ...entry, details: { from: 'received', to: 'in_progress' } }).success).toBe(true);
    expect(auditEntry.safeParse({ ...entry, details: { from: 'received', to: 'somewhere' } }).success).toBe(false);
    expect(auditEntry.safeParse({ ...entry, action: 'session.start', details: { from: 'received', to: 'closed' } }).success).toBe(false);
    // An action of a newer version is shown as it is, never dropped from the log.
    expect(auditEntry.safeParse({ ...entry, action: 'content.faq', details: { count: 3 } }).success).toBe(true);
  });

  it.each([
    [{ text: '  hello  ' }, { text: 'hello' }],
    [{ link: 'https://example.org' }, { link: 'https://example.org' }],
  ])('reads a reply %j', (input, expected) => {
    expect(replyRequest.parse(input)).toEqual(expected);
  });

  it.each([
    ['nothing', {}],
    ['blank text', { text: '   ' }],
    ['text over the limit', { text: 'x'.repeat(MAX_REPLY_LENGTH + 1) }],
  ])('refuses a reply with %s', (_case, input) => {
    expect(replyRequest.safeParse(input).success).toBe(false);
  });

  it('chooses a canned answer’s Thai form by the officer’s polite ending', () => {
    const answer = { text: cannedText.parse({ form: 'polite', th: { kha: 'ได้ค่ะ', khrap: 'ได้ครับ' }, en: 'Sure.' }) };
    expect([cannedReply(answer, 'th', 'khrap'), cannedReply(answer, 'th', 'kha'), cannedReply(answer, 'th', undefined), cannedReply(answer, 'en', 'khrap')]).toEqual(['ได้ครับ', 'ได้ค่ะ', 'ได้ค่ะ', 'Sure.']);
    expect(cannedReply({ text: { form: 'neutral', th: 'รับทราบ', en: 'Noted.' } }, 'th', 'khrap')).toBe('รับทราบ');
  });

  it('says which calendar field breaks which rule', () => {
    const week = [[], [{ start: '08:30', end: '16:30' }], [], [], [], [], []];
    const problem = (input: unknown) => {
      try {
        parseCalendar(input);
        return undefined;
      } catch (error) {
        return error instanceof CalendarError ? error.problem : error;
      }
    };
    expect(problem({ weekly: week, holidays: [] })).toBeUndefined();
    expect(problem({ weekly: week.slice(1), holidays: [] })).toEqual({ field: 'weekly', rule: 'count', limit: 7 });
    expect(problem({ weekly: [[], [{ start: '16:30', end: '08:30' }], [], [], [], [], []], holidays: [] })).toEqual({ field: 'weekly.1.0.end', rule: 'ends-before-start' });
    expect(problem({ weekly: week, holidays: [{ date: '2026-02-30', nameTh: 'x', nameEn: 'x' }] })).toEqual({ field: 'holidays.0.date', rule: 'not-a-date' });
    const day = { date: '2026-05-01', nameTh: 'x', nameEn: 'x' };
    expect(problem({ weekly: week, holidays: [day, day] })).toEqual({ field: 'holidays.1.date', rule: 'duplicate' });
  });
});
