import { useI18n } from 'vue-i18n';
import { isCalendarDate } from '../logic/hours';
import { bangkokClock, longDayParts } from '../logic/time';

/** Dates written out in full, in the catalogue's order: "วันจันทร์ที่ 7 ธันวาคม 2569", "Monday, 7 December 2026". */
export function useLongDates() {
  const { t, locale } = useI18n();
  const lang = () => (locale.value === 'en' ? 'en' : 'th');
  const day = (value: string): string => (isCalendarDate(value) ? t('longDay', longDayParts(new Date(`${value}T00:00:00Z`), 'UTC', lang())) : value);
  const opening = (at: number): string => t('longDayTime', { date: t('longDay', longDayParts(new Date(at), 'Asia/Bangkok', lang())), time: bangkokClock(at) });
  return { day, opening };
}
