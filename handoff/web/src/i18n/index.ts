import { createI18n } from 'vue-i18n';
import en from './en.json';
import th from './th.json';

/**
 * The app's own words, in Thai and English (th.json, en.json): no text lives in code or templates. The
 * officer's choice of language is kept in the browser; Thai is the default.
 */
export type AppLang = 'th' | 'en';
const LANG_KEY = 'damrongdham.officer.lang';

function storedLang(): AppLang {
  try {
    return window.localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'th';
  } catch {
    return 'th';
  }
}

export const i18n = createI18n<[typeof th], AppLang, false>({
  legacy: false,
  locale: storedLang(),
  fallbackLocale: 'th',
  messages: { th, en },
  missingWarn: false,
  fallbackWarn: false,
});

export function currentLang(): AppLang {
  return i18n.global.locale.value;
}

export function chooseLang(lang: AppLang): void {
  i18n.global.locale.value = lang;
  try {
    window.localStorage.setItem(LANG_KEY, lang);
  } catch {
    // Storage switched off: the choice holds until the page is closed.
  }
}
