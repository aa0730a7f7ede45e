/** The time of day in Thai text: the 24-hour clock and the traditional six-hour clock. */

import type { ClockTime } from '../bangkokCalendar';
import { NUM, thaiNumber } from './thaiNumbers';

// Thai times of day: the 24-hour clock ("14.30 น.") and the traditional six-hour clock, in which the day has
// four watches: ตี 1–5 (01–05), N โมงเช้า (07–11; N = 1–5 counts from 06), บ่าย N โมง (13–16), N โมงเย็น
// (16–18), N ทุ่ม (19–23), and เที่ยง / เที่ยงคืน for noon and midnight.
interface TimeRule {
  pattern: RegExp;
  // The hour and, when the pattern itself holds them, the minutes; undefined when the numbers do not fit.
  read: (match: RegExpMatchArray) => { hour: number; minute?: number } | undefined;
}

function hourFrom(token: string | undefined): number | undefined {
  return token === undefined ? undefined : thaiNumber(token);
}

function inRange(value: number, low: number, high: number): boolean {
  return value >= low && value <= high;
}

const THAI_TIME_RULES: readonly TimeRule[] = [
  { pattern: /เที่ยง\s*คืน|สองยาม|(?:หก|6)\s*ทุ่ม/g, read: () => ({ hour: 0 }) },
  {
    pattern: /(?<![\d.:/])(\d{1,2})[.:](\d{2})(?!\d)/g,
    read: (m) => ({ hour: Number(m[1]), minute: Number(m[2]) }),
  },
  { pattern: /(?<![\d.:/])(\d{1,2})\s*(?:นาฬิกา|น\.)/g, read: (m) => ({ hour: Number(m[1]) }) },
  // "ถูกตีสองครั้ง" is "was hit twice", not 2 a.m.
  {
    pattern: new RegExp(`ตี\\s*${NUM}(?!\\s*(?:ครั้ง|ที|หน|คน))`, 'g'),
    read: (m) => {
      const n = hourFrom(m[1]);
      return n !== undefined && inRange(n, 1, 6) ? { hour: n } : undefined;
    },
  },
  {
    pattern: new RegExp(`บ่าย\\s*(?:${NUM}\\s*(?:โมง)?|โมง)`, 'g'),
    read: (m) => {
      const n = hourFrom(m[1]) ?? 1;
      if (inRange(n, 1, 6)) return { hour: n + 12 };
      return inRange(n, 12, 18) ? { hour: n } : undefined;
    },
  },
  {
    pattern: new RegExp(`${NUM}\\s*ทุ่ม|ทุ่ม\\s*(?:หนึ่ง|นึง)?`, 'g'),
    read: (m) => {
      const n = hourFrom(m[1]) ?? 1;
      return inRange(n, 1, 5) ? { hour: n + 18 } : undefined;
    },
  },
  {
    // Not the โมง of ชั่วโมง (hour, the unit).
    pattern: new RegExp(`(?:${NUM}\\s*)?(?<!ชั่ว)โมง\\s*(?<half>ครึ่ง)?\\s*(?<part>เช้า|เย็น|ค่ำ)?`, 'g'),
    read: (m) => {
      const n = hourFrom(m[1]);
      const part = m.groups?.part;
      const minute = m.groups?.half === undefined ? undefined : 30;
      if (n === undefined) return part === 'เช้า' ? { hour: 7, minute } : undefined;
      if (part === 'เช้า') {
        if (inRange(n, 1, 5)) return { hour: n + 6, minute };
        return inRange(n, 6, 11) ? { hour: n, minute } : undefined;
      }
      if (part !== undefined) return inRange(n, 1, 11) ? { hour: n + 12, minute } : undefined;
      // Without a part of day: 7–11 o'clock is morning; 1–6 is afternoon or evening, as in speech
      // ("ห้าโมง" = 17:00; five in the morning would be ตีห้า).
      if (inRange(n, 1, 6)) return { hour: n + 12, minute };
      return inRange(n, 7, 23) ? { hour: n, minute } : undefined;
    },
  },
  // Not เที่ยงธรรม (fair, just), a word complaints use.
  { pattern: /เที่ยง(?!ธรรม)/g, read: () => ({ hour: 12 }) },
];

const MINUTES_AFTER = /^\s*(?:(ครึ่ง)|(\d{1,2})\s*นาที)/;

export function findThaiTime(text: string): ClockTime | undefined {
  for (const rule of THAI_TIME_RULES) {
    // Every match, not just the first: "ชั่วโมง" or "ตีกัน" earlier in the text must not hide a real time.
    for (const match of text.matchAll(rule.pattern)) {
      const read = rule.read(match);
      if (!read) continue;
      let minute = read.minute;
      if (minute === undefined) {
        const after = MINUTES_AFTER.exec(text.slice((match.index ?? 0) + match[0].length));
        minute = after?.[1] !== undefined ? 30 : after?.[2] !== undefined ? Number(after[2]) : 0;
      }
      if (inRange(read.hour, 0, 23) && inRange(minute, 0, 59)) return { hour: read.hour, minute };
    }
  }
  return undefined;
}
