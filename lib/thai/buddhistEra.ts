/**
 * Buddhist-era years: the year in Bangkok as Thai offices count it, and the Gregorian year a typed year
 * stands for (2569, 69, พ.ศ. 67, 2026, 26).
 */

import { type CivilDate, clockAt } from './bangkokCalendar';

export const BE_OFFSET = 543;
// Four-digit years from 2400 on are Buddhist era: 2400 BE is 1857 CE, so the readings cannot be confused.
const BE_THRESHOLD = 2400;
export const MIN_CE_YEAR = BE_THRESHOLD - BE_OFFSET;
// How far back the centre accepts a date; a two-digit year is also read within this window.
export const MAX_AGE_YEARS = 10;

/** The Buddhist-era year in Bangkok at `now`: 2569 during 2026. */
export function buddhistYear(now: Date): number {
  return clockAt(now.getTime()).today.year + BE_OFFSET;
}

export type Era = 'BE' | 'CE';

// The year ending in `twoDigits` nearest to `reference` (69 near 2569 → 2569; 99 near 2026 → 1999).
function nearestWithEnding(twoDigits: number, reference: number): number {
  const base = Math.floor(reference / 100) * 100 + twoDigits;
  return [base - 100, base, base + 100].reduce((best, year) =>
    Math.abs(year - reference) < Math.abs(best - reference) ? year : best);
}

// The Gregorian year a typed year stands for. Four digits: BE from 2400 on, CE below. Two digits: Thai
// writers abbreviate the BE year (69 = 2569 = 2026), so that reading comes first; only when it is more than
// ten years off and the CE reading (26 = 2026) is not, is the CE one taken. The two windows never overlap,
// because BE and CE two-digit years differ by 43.
export function resolveYear(raw: string, era: Era | undefined, today: CivilDate): number {
  const value = Number(raw);
  if (raw.length > 2) {
    if (era === 'BE' || (era === undefined && value >= BE_THRESHOLD)) return value - BE_OFFSET;
    return value;
  }
  const asBe = nearestWithEnding(value, today.year + BE_OFFSET) - BE_OFFSET;
  const asCe = nearestWithEnding(value, today.year);
  if (era === 'BE') return asBe;
  if (era === 'CE') return asCe;
  if (Math.abs(asBe - today.year) <= MAX_AGE_YEARS) return asBe;
  return Math.abs(asCe - today.year) <= MAX_AGE_YEARS ? asCe : asBe;
}
