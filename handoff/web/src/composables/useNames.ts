import { useI18n } from 'vue-i18n';
import type { Bilingual, QueueItem } from '../api/types';
import { channelKey } from '../logic/queue';
import { centreByCode } from '../state/desk';

/** Names the screens show for codes: centres, channels, languages, roles, all in the officer's language. */
export function useNames() {
  const { t, locale } = useI18n();
  const lang = () => (locale.value === 'en' ? 'en' : 'th');

  const bilingual = (value: Bilingual | string | undefined | null): string => {
    if (value && typeof value === 'object') return value[lang()] || value.th || value.en || '';
    return value ?? '';
  };

  /** A centre by its code: "ศูนย์ดำรงธรรมจังหวัดเชียงใหม่ (50)"; a code the list does not have stays a code. */
  const centre = (code: string): string => {
    const found = centreByCode(code);
    return found ? `${bilingual(found.name)} (${code})` : code;
  };

  const centreOf = (item: Pick<QueueItem, 'centreCode' | 'centreName'>): string => {
    if (item.centreName) return bilingual(item.centreName) || item.centreCode;
    const found = centreByCode(item.centreCode);
    return found ? bilingual(found.name) : item.centreCode;
  };

  const channel = (channelId: string): string => {
    const key = channelKey(channelId);
    return key ? t(key) : channelId;
  };

  const language = (code: string | undefined): string => (code === 'en' ? t('langEn') : t('langTh'));

  const role = (code: string): string => t(`role.${code}`);

  return { lang, bilingual, centre, centreOf, channel, language, role };
}
