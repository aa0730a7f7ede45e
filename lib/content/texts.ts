import type { Lang } from '../i18n/language';
import seedMessages from './seed/messages.json';

/**
 * Every text the bot says, in Thai and English, looked up by key. Keys are dotted names such as
 * `language.set`. `{name}` placeholders are filled from vars; values are inserted as plain text.
 */
export interface Texts {
  get(lang: Lang, key: string, vars?: Readonly<Record<string, string | number>>): string;
  has(key: string): boolean;
}

export type MessageTable = Readonly<Record<string, Readonly<Record<Lang, string>>>>;

export const SEED_MESSAGES: MessageTable = seedMessages;

function fill(template: string, vars: Readonly<Record<string, string | number>> | undefined): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** Texts from a fixed table (the seed). A missing key is a programming error and throws. */
export class StaticTexts implements Texts {
  constructor(private readonly table: MessageTable = SEED_MESSAGES) {}

  has(key: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.table, key);
  }

  get(lang: Lang, key: string, vars?: Readonly<Record<string, string | number>>): string {
    if (!this.has(key)) throw new Error(`No text for key "${key}"`);
    return fill(this.table[key][lang], vars);
  }
}
