/*
 * The citizen's choices of language and text size, remembered in this browser between visits.
 */
import { SIZES } from './webChatStyle.js';

export const STORAGE_KEYS = { lang: 'damrongdham.chat.lang', size: 'damrongdham.chat.textSize' };

/* Storage can be switched off (private windows, strict settings): the page then works and just forgets. */
export function readSetting(key) {
  try {
    return window.localStorage.getItem(key);
  } catch (error) {
    return null;
  }
}

export function writeSetting(key, value) {
  try {
    window.localStorage.setItem(key, value);
  } catch (error) {
    /* Nothing to do: the choice holds until the page is closed. */
  }
}

export function initialLanguage() {
  const saved = readSetting(STORAGE_KEYS.lang);
  if (saved === 'th' || saved === 'en') return saved;
  return /^en\b/i.test(navigator.language || '') ? 'en' : 'th';
}

export function initialSize() {
  const saved = readSetting(STORAGE_KEYS.size);
  return Object.prototype.hasOwnProperty.call(SIZES, saved) ? saved : 'medium';
}
