import { SEED_CONTENT } from '../../lib/content/seed';
import type { Texts } from '../../lib/content/texts';

/** The shipped texts without a store, for tests of pieces that only need to look texts up. */
export const seedTexts: Texts = {
  has: (key) => key in SEED_CONTENT.messages,
  get: (lang, key, vars) => {
    const message = SEED_CONTENT.messages[key];
    if (!message) throw new Error(`No text for key "${key}"`);
    return message[lang].replace(/\{(\w+)\}/g, (whole, name: string) => (vars && name in vars ? String(vars[name]) : whole));
  },
};
