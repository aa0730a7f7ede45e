import { SEED_CONTENT } from '../../../lib/content/seed';
import { keptSaid, whenUnderstood, whenWithSaid } from '../../../lib/complaints/when';
import type { Lang } from '../../../lib/i18n/language';
import { parseWhen } from '../../../lib/thai/dates';

/** The seed's texts, placeholders filled: what the summary shows. */
function textOf(lang: Lang) {
  return (key: string, vars: Record<string, string> = {}): string => {
    const message = SEED_CONTENT.messages[key];
    if (!message) throw new Error(`no text ${key}`);
    return message[lang].replace(/\{(\w+)\}/g, (_all, name: string) => vars[name] ?? `{${name}}`);
  };
}

/** Thursday 10 December 2026, 10:00 in Bangkok: three months ago is September. */
const THU_10_DEC = new Date('2026-12-10T03:00:00Z');
/** Thursday 26 November 2026, 10:00 in Bangkok. */
const THU_26_NOV = new Date('2026-11-26T03:00:00Z');

/** What the citizen types at "when did it happen?", and the summary's line for it, on a fixed clock. */
describe('the summary shows what was understood, as precisely as the citizen was, beside what they wrote', () => {
  test.each<[string, Date, Lang, string]>([
    ['ประมาณ 3 เดือนก่อน', THU_10_DEC, 'th', 'ประมาณเดือนกันยายน 2569 (ที่แจ้งไว้: “ประมาณ 3 เดือนก่อน”)'],
    ['about three months ago', THU_10_DEC, 'en', 'Around September 2026 (you wrote: “about three months ago”)'],
    ['3 months ago', THU_10_DEC, 'en', 'Around September 2026 (you wrote: “3 months ago”)'],
    ['เดือนกันยายน', THU_10_DEC, 'th', 'เดือนกันยายน 2569 (ที่แจ้งไว้: “เดือนกันยายน”)'],
    ['last month', THU_10_DEC, 'en', 'November 2026 (you wrote: “last month”)'],
    ['อังคารที่แล้ว', THU_26_NOV, 'th', 'วันอังคารที่ 24 พฤศจิกายน 2569 (ที่แจ้งไว้: “อังคารที่แล้ว”)'],
    ['อังคารสัปดาห์ที่แล้ว', THU_26_NOV, 'th', 'วันอังคารที่ 17 พฤศจิกายน 2569 (ที่แจ้งไว้: “อังคารสัปดาห์ที่แล้ว”)'],
    ['last Tuesday', THU_26_NOV, 'en', 'Tuesday, 24 November 2026 (you wrote: “last Tuesday”)'],
    ['Tuesday last week', THU_26_NOV, 'en', 'Tuesday, 17 November 2026 (you wrote: “Tuesday last week”)'],
    ['สัปดาห์ที่แล้ว', THU_26_NOV, 'th', 'สัปดาห์วันที่ 16–22 พฤศจิกายน 2569 (ที่แจ้งไว้: “สัปดาห์ที่แล้ว”)'],
    ['2 weeks ago', THU_26_NOV, 'en', 'Around the week of 9–15 November 2026 (you wrote: “2 weeks ago”)'],
    ['ปีที่แล้ว', THU_26_NOV, 'th', 'ปี 2568 (ที่แจ้งไว้: “ปีที่แล้ว”)'],
    ['about 2 years ago', THU_26_NOV, 'en', 'Around 2024 (you wrote: “about 2 years ago”)'],
    ['ประมาณ 3 วันก่อน', THU_26_NOV, 'th', 'ประมาณวันที่ 23 พฤศจิกายน 2569 (ที่แจ้งไว้: “ประมาณ 3 วันก่อน”)'],
    ['เมื่อวาน บ่ายสองโมง', THU_26_NOV, 'th', 'วันพุธที่ 25 พฤศจิกายน 2569 เวลา 14:00 น. (ที่แจ้งไว้: “เมื่อวาน บ่ายสองโมง”)'],
    ['๒๔/๑๑/๒๕๖๙', THU_26_NOV, 'th', 'วันอังคารที่ 24 พฤศจิกายน 2569 (ที่แจ้งไว้: “๒๔/๑๑/๒๕๖๙”)'],
  ])('%s', (typed, now, lang, expected) => {
    const result = parseWhen(typed, /[\u0E00-\u0E7F]/.test(typed) ? 'th' : 'en', now);
    if (!result.ok) throw new Error(`${typed} was not understood`);
    const { ok: _ok, ...when } = result;
    expect(whenWithSaid({ ...when, said: keptSaid(typed) }, lang, textOf(lang))).toBe(expected);
  });

  test('without the citizen\'s words, what was understood alone; without a date, "not sure"', () => {
    expect(whenWithSaid({ date: '2026-09-01', precision: 'month', approximate: true }, 'th', textOf('th'))).toBe('ประมาณเดือนกันยายน 2569');
    expect(whenWithSaid({ unknownDate: true }, 'en', textOf('en'))).toBe('Not sure');
    expect(whenUnderstood({ date: '2024-01-01', precision: 'year' }, 'th', textOf('th'))).toBe('ปี 2567');
  });

  test('the words kept are cleaned and bounded: no control characters, no bidirectional overrides, no line breaks', () => {
    expect(keptSaid('  อังคาร\u202Eที่แล้ว\n ')).toBe('อังคารที่แล้ว');
    expect(keptSaid('\u0000\u200B')).toBeUndefined();
    expect(Array.from(keptSaid('ก'.repeat(500)) ?? '')).toHaveLength(200);
  });
});
