/**
 * What parseWhen answers: a date on the Bangkok calendar, how precisely and how surely it was named, or why
 * there is none.
 */

/** Why a date was refused: nothing recognisable, a date after now, or older than the centre accepts. */
export type WhenFailureReason = 'unrecognised' | 'future' | 'too-old';

/**
 * How precisely the citizen named the date: a week ("last week", "2 สัปดาห์ก่อน"), a month ("เดือนกันยายน",
 * "three months ago") or a year ("ปีที่แล้ว"). A named day has no precision field: it is the default.
 */
export type WhenPrecision = 'week' | 'month' | 'year';

/** A recognised date on the Bangkok calendar, or why there is none. */
export type WhenResult =
  | {
      ok: true;
      /**
       * YYYY-MM-DD, Gregorian, Bangkok calendar date; with a `precision`, the first day of that period (a week
       * starts on Monday), never a day the citizen did not name.
       */
      date: string;
      /** HH:mm, 24-hour clock, Bangkok time; absent when the text gives no time of day or names a whole period. */
      time?: string;
      /**
       * True when the date is the citizen's estimate: hedged ("ประมาณ", "about", "a few days ago") or counted
       * back in weeks, months or years ("3 เดือนก่อน"), which people round.
       */
      approximate: boolean;
      /** Absent for a day; otherwise the period `date` begins. */
      precision?: WhenPrecision;
    }
  | { ok: false; reason: WhenFailureReason };
