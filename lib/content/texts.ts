import type { Lang } from '../i18n/language';

/**
 * Every text the bot says, in Thai and English, looked up by key. Keys are dotted names such as
 * `language.set`. `{name}` placeholders are filled from vars; values are inserted as plain text.
 */
export interface Texts {
  get(lang: Lang, key: string, vars?: Readonly<Record<string, string | number>>): string;
  has(key: string): boolean;
}
