import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { bangkokToday, formatDateTime, parseWhen } from '../../../lib/thai/dates';

// The recognizer computes in the process's local time zone and a process's zone cannot be changed from
// inside jest, so these cases also run in child processes started with other TZ values. The child compiles
// lib/thai/dates.ts on the fly with TypeScript's transpiler, so it tests the source, not a stale build.

const DATES_MODULE = path.resolve(__dirname, '../../../lib/thai/dates.ts');

/** Thursday 1 January 2026, 01:30 in Bangkok: still 31 December in UTC and in New York. */
const NEW_YEAR_NIGHT = '2025-12-31T18:30:00Z';
/** Monday 5 January 2026, 10:00 in Bangkok; Sunday evening in New York. */
const MON_5_JAN = '2026-01-05T03:00:00Z';

const CASES: readonly [text: string, lang: 'th' | 'en', now: string, expected: unknown][] = [
  ['today', 'en', NEW_YEAR_NIGHT, { ok: true, date: '2026-01-01', approximate: false }],
  ['yesterday', 'en', NEW_YEAR_NIGHT, { ok: true, date: '2025-12-31', approximate: false }],
  ['yesterday at 11pm', 'en', NEW_YEAR_NIGHT, { ok: true, date: '2025-12-31', time: '23:00', approximate: false }],
  ['now', 'en', NEW_YEAR_NIGHT, { ok: true, date: '2026-01-01', time: '01:30', approximate: false }],
  ['2 hours ago', 'en', NEW_YEAR_NIGHT, { ok: true, date: '2025-12-31', time: '23:30', approximate: false }],
  ['last Thursday', 'en', NEW_YEAR_NIGHT, { ok: true, date: '2025-12-25', approximate: false }],
  ['last month', 'en', NEW_YEAR_NIGHT, { ok: true, date: '2025-12-01', approximate: false, precision: 'month' }],
  ['Jan 2', 'en', NEW_YEAR_NIGHT, { ok: true, date: '2025-01-02', approximate: false }],
  ['at 2am', 'en', NEW_YEAR_NIGHT, { ok: false, reason: 'future' }],
  ['tomorrow', 'en', NEW_YEAR_NIGHT, { ok: false, reason: 'future' }],
  ['3 days ago', 'en', MON_5_JAN, { ok: true, date: '2026-01-02', approximate: false }],
  ['last Monday', 'en', MON_5_JAN, { ok: true, date: '2025-12-29', approximate: false }],
  ['last week', 'en', MON_5_JAN, { ok: true, date: '2025-12-29', approximate: false, precision: 'week' }],
  ['about three months ago', 'en', MON_5_JAN, { ok: true, date: '2025-10-01', approximate: true, precision: 'month' }],
  ['last Saturday', 'en', MON_5_JAN, { ok: true, date: '2026-01-03', approximate: false }],
  ['เมื่อวาน', 'th', NEW_YEAR_NIGHT, { ok: true, date: '2025-12-31', approximate: false }],
  ['ตีหนึ่ง', 'th', NEW_YEAR_NIGHT, { ok: true, date: '2026-01-01', time: '01:00', approximate: false }],
  ['วันนี้ 3pm', 'th', MON_5_JAN, { ok: false, reason: 'future' }],
  ['3 ม.ค. 3pm', 'th', MON_5_JAN, { ok: true, date: '2026-01-03', time: '15:00', approximate: false }],
];

interface Observed {
  when: unknown[];
  today: string;
  formatted: string;
}

function observe(): Observed {
  return {
    when: CASES.map(([text, lang, now]) => parseWhen(text, lang, new Date(now))),
    today: bangkokToday(new Date(NEW_YEAR_NIGHT)),
    formatted: formatDateTime(Date.parse(NEW_YEAR_NIGHT), 'en'),
  };
}

const CHILD = `
const fs = require('node:fs');
const ts = require('typescript');
require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  module._compile(outputText, filename);
};
const { parseWhen, bangkokToday, formatDateTime } = require(process.env.DATES_MODULE);
const cases = JSON.parse(process.env.CASES);
const at = process.env.NEW_YEAR_NIGHT;
process.stdout.write(JSON.stringify({
  when: cases.map(([text, lang, now]) => parseWhen(text, lang, new Date(now))),
  today: bangkokToday(new Date(at)),
  formatted: formatDateTime(Date.parse(at), 'en'),
}));
`;

function observeIn(timeZone: string): Observed {
  const output = execFileSync(process.execPath, ['-e', CHILD], {
    cwd: path.resolve(__dirname, '../../..'),
    env: { ...process.env, TZ: timeZone, DATES_MODULE, CASES: JSON.stringify(CASES), NEW_YEAR_NIGHT },
    encoding: 'utf8',
  });
  return JSON.parse(output) as Observed;
}

const EXPECTED: Observed = {
  when: CASES.map(([, , , expected]) => expected),
  today: '2026-01-01',
  formatted: '1 January 2026, 01:30',
};

describe('results are Bangkok dates whatever the process time zone', () => {
  test('in this process', () => {
    expect(observe()).toEqual(EXPECTED);
  });

  test.each(['UTC', 'America/New_York', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'])(
    'TZ=%s',
    (timeZone) => {
      expect(observeIn(timeZone)).toEqual(EXPECTED);
    },
  );
});
