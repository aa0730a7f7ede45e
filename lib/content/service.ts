import { createHash } from 'node:crypto';
import { AppError } from '../errors';
import type { FaqEntry } from '../faq/types';
import { checkCalendar, type OfficeCalendar } from '../handoff/officeHours';
import type { Lang } from '../i18n/language';
import type { Collection, JsonValue, Store } from '../store/types';
import { SEED_CONTENT, type ContentSeed } from './seed';
import type { Texts } from './texts';
import { MAX_CANNED_ANSWERS } from './cannedText';
import { type Bilingual, type CannedAnswer, type Category, INTENTS, type IntentTable } from './types';

/**
 * Everything the bot says and offers — prompts, menu texts, categories, the question bank, command words —
 * lives in the `content` collection, seeded from files in the repository, and is read through this service
 * from an in-memory copy. An admin's change is written to the store and bumps a version; every instance picks
 * it up on its next refresh, so what the bot says changes without a deploy.
 *
 * Seeding never overwrites an admin's edit; it updates seeded items whose seed text changed in a new release.
 */

export const CONTENT_COLLECTION = 'content';
const VERSION_ID = 'meta:version';
const MAX_TEXT_LENGTH = 4000;

type ContentKind = 'message' | 'category' | 'faq' | 'intents' | 'officeHours' | 'canned';
const KINDS: ContentKind[] = ['message', 'category', 'faq', 'intents', 'officeHours', 'canned'];

interface ContentDocument {
  _id: string;
  kind: ContentKind;
  value: JsonValue;
  source: 'seed' | 'admin';
  /** Hash of the seed value this document was last written from; tells a changed seed from an unchanged one. */
  seedHash: string;
  updatedAt: number;
  updatedBy?: string;
}

interface VersionDocument {
  _id: string;
  n: number;
}

interface SeedItem {
  id: string;
  kind: ContentKind;
  value: JsonValue;
}

function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}

function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]))].sort();
}

function fill(template: string, vars: Readonly<Record<string, string | number>> | undefined): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

function seedItems(seed: ContentSeed): SeedItem[] {
  const items: SeedItem[] = [];
  for (const [key, value] of Object.entries(seed.messages)) items.push({ id: `message:${key}`, kind: 'message', value: { ...value } });
  for (const category of seed.categories) items.push({ id: `category:${category.id}`, kind: 'category', value: category as unknown as JsonValue });
  for (const entry of seed.faq) items.push({ id: `faq:${entry.id}`, kind: 'faq', value: entry as unknown as JsonValue });
  items.push({ id: 'intents', kind: 'intents', value: seed.intents as unknown as JsonValue });
  items.push({ id: 'officeHours', kind: 'officeHours', value: seed.officeHours as unknown as JsonValue });
  for (const answer of seed.canned) items.push({ id: `canned:${answer.id}`, kind: 'canned', value: answer as unknown as JsonValue });
  return items;
}

function invalid(message: string): AppError {
  return new AppError('CONTENT_INVALID', message);
}

function checkBilingual(value: unknown, what: string): Bilingual {
  const record = value as Partial<Record<Lang, unknown>> | null;
  for (const lang of ['th', 'en'] as const) {
    const text = record?.[lang];
    if (typeof text !== 'string' || text.trim() === '') throw invalid(`${what} needs a ${lang} text`);
    if (text.length > MAX_TEXT_LENGTH) throw invalid(`${what} (${lang}) is longer than ${MAX_TEXT_LENGTH} characters`);
  }
  return { th: (record as Record<Lang, string>).th, en: (record as Record<Lang, string>).en };
}

/**
 * A stored canned answer as the app reads it, or undefined when an admin removed it. Answers stored before they
 * had a speaker form (one Thai text) read as neutral wording.
 */
function cannedFromStored(value: JsonValue): CannedAnswer | undefined {
  const stored = value as unknown as { id: string; title: Bilingual; removed?: boolean; text: CannedAnswer['text'] | Bilingual };
  if (stored.removed) return undefined;
  const text = stored.text;
  if ('form' in text) return { id: stored.id, title: stored.title, text };
  return { id: stored.id, title: stored.title, text: { form: 'neutral', th: text.th, en: text.en } };
}

export class ContentService implements Texts {
  private readonly documents: Collection<ContentDocument>;
  private readonly versions: Collection<VersionDocument>;
  private messages = new Map<string, Bilingual>();
  private categoryList: Category[] = [];
  /** The active categories, kept as one array so that callers can cache what they derive from it. */
  private activeCategories: readonly Category[] = [];
  private faqList: FaqEntry[] = [];
  private intentTable: IntentTable;
  private calendar: OfficeCalendar;
  private cannedList: CannedAnswer[] = [];
  private loadedVersion = -1;

  private constructor(store: Store, private readonly seed: ContentSeed, private readonly now: () => number) {
    this.documents = store.collection<ContentDocument>(CONTENT_COLLECTION);
    this.versions = store.collection<VersionDocument>(CONTENT_COLLECTION);
    this.intentTable = seed.intents;
    this.calendar = seed.officeHours;
  }

  /** Seeds what is missing or changed in the seed, then loads everything into memory. */
  static async open(store: Store, seed: ContentSeed = SEED_CONTENT, now: () => number = Date.now): Promise<ContentService> {
    const service = new ContentService(store, seed, now);
    await service.applySeed();
    await service.reload();
    return service;
  }

  /** Increases whenever the content was reloaded with changes; caches built on content (the FAQ index) compare it. */
  get version(): number {
    return this.loadedVersion;
  }

  has(key: string): boolean {
    return this.messages.has(key);
  }

  get(lang: Lang, key: string, vars?: Readonly<Record<string, string | number>>): string {
    const message = this.messages.get(key);
    if (!message) throw new Error(`No text for key "${key}"`);
    return fill(message[lang], vars);
  }

  /** Active categories, in their order. */
  categories(): readonly Category[] {
    return this.activeCategories;
  }

  category(id: string): Category | undefined {
    return this.categoryList.find((category) => category.id === id);
  }

  faqEntries(): readonly FaqEntry[] {
    return this.faqList;
  }

  intents(): IntentTable {
    return this.intentTable;
  }

  /** Office hours and holidays; the same object until an admin changes them. */
  officeHours(): OfficeCalendar {
    return this.calendar;
  }

  canned(): readonly CannedAnswer[] {
    return this.cannedList;
  }

  /**
   * An admin's new or edited canned answer (the API has checked its shape against the contract). `create` refuses
   * an id in use: CONTENT_DUPLICATE; an edit of an id not in use: CONTENT_NOT_FOUND.
   */
  async setCanned(answer: CannedAnswer, by: string, mode: 'create' | 'update'): Promise<void> {
    const exists = this.cannedList.some((candidate) => candidate.id === answer.id);
    if (mode === 'create' && exists) throw new AppError('CONTENT_DUPLICATE', `A canned answer "${answer.id}" exists`);
    if (mode === 'update' && !exists) throw new AppError('CONTENT_NOT_FOUND', `No canned answer "${answer.id}"`);
    if (mode === 'create' && this.cannedList.length >= MAX_CANNED_ANSWERS) throw invalid(`At most ${MAX_CANNED_ANSWERS} canned answers`);
    await this.writeAdmin(`canned:${answer.id}`, 'canned', { id: answer.id, title: { ...answer.title }, text: { ...answer.text } } as unknown as JsonValue, by);
  }

  /** An admin's removal of a canned answer: kept as removed, so that the seed does not bring it back. Returns whether it existed. */
  async deleteCanned(id: string, by: string): Promise<boolean> {
    if (!this.cannedList.some((candidate) => candidate.id === id)) return false;
    await this.writeAdmin(`canned:${id}`, 'canned', { id, removed: true }, by);
    return true;
  }

  /** An admin's change of office hours (a new holiday, different hours); a malformed calendar is refused. */
  async setOfficeHours(calendar: OfficeCalendar, by: string): Promise<void> {
    try {
      checkCalendar(calendar);
    } catch (error) {
      throw invalid(`Office hours refused: ${(error as Error).message}`);
    }
    await this.writeAdmin('officeHours', 'officeHours', calendar as unknown as JsonValue, by);
  }

  /** Reloads when another instance (or an admin screen) changed the content since the last load. */
  async refreshIfChanged(): Promise<boolean> {
    const version = (await this.versions.findOne({ _id: VERSION_ID }))?.n ?? 0;
    if (version === this.loadedVersion) return false;
    await this.reload();
    return true;
  }

  /** An admin's edit of a message. Placeholders must stay those of the seed, or the bot would print `{name}`. */
  async setMessage(key: string, value: Bilingual, by: string): Promise<void> {
    const seeded = this.seed.messages[key];
    if (!seeded) throw new AppError('CONTENT_NOT_FOUND', `No message "${key}"`);
    const checked = checkBilingual(value, `Message "${key}"`);
    for (const lang of ['th', 'en'] as const) {
      if (placeholders(checked[lang]).join() !== placeholders(seeded[lang]).join()) {
        throw invalid(`Message "${key}" (${lang}) must use the placeholders ${placeholders(seeded[lang]).map((p) => `{${p}}`).join(', ') || '(none)'}`);
      }
    }
    await this.writeAdmin(`message:${key}`, 'message', { ...checked }, by);
  }

  /** An admin's edit or addition of a question-bank entry. */
  async setFaqEntry(entry: FaqEntry, by: string): Promise<void> {
    if (!/^[a-z0-9-]{1,64}$/.test(entry.id)) throw invalid('A question id is 1–64 lower-case letters, digits or dashes');
    checkBilingual(entry.answer, `Answer "${entry.id}"`);
    for (const lang of ['th', 'en'] as const) {
      if (!Array.isArray(entry.questions?.[lang]) || entry.questions[lang].length === 0) {
        throw invalid(`Question "${entry.id}" needs at least one ${lang} phrasing`);
      }
    }
    await this.writeAdmin(`faq:${entry.id}`, 'faq', entry as unknown as JsonValue, by);
  }

  /** An admin's edit or addition of a category. */
  async setCategory(category: Category, by: string): Promise<void> {
    if (!/^[a-z0-9-]{1,32}$/.test(category.id)) throw invalid('A category id is 1–32 lower-case letters, digits or dashes');
    checkBilingual(category.label, `Category "${category.id}"`);
    await this.writeAdmin(`category:${category.id}`, 'category', category as unknown as JsonValue, by);
  }

  private async writeAdmin(id: string, kind: ContentKind, value: JsonValue, by: string): Promise<void> {
    const existing = await this.documents.findOne({ _id: id });
    await this.documents.replaceOne(
      { _id: id },
      { kind, value, source: 'admin', seedHash: existing?.seedHash ?? '', updatedAt: this.now(), updatedBy: by },
      { upsert: true },
    );
    await this.bumpVersion();
    await this.reload();
  }

  private async bumpVersion(): Promise<void> {
    await this.versions.updateOne({ _id: VERSION_ID }, { $inc: { n: 1 } }, { upsert: true });
  }

  private async applySeed(): Promise<void> {
    const existing = new Map<string, ContentDocument>();
    for (const document of await this.documents.find({ kind: { $in: KINDS } }).toArray()) {
      existing.set(document._id, document);
    }
    let changed = false;
    for (const item of seedItems(this.seed)) {
      const seedHash = hashOf(item.value);
      const current = existing.get(item.id);
      if (current && (current.source === 'admin' || current.seedHash === seedHash)) continue;
      await this.documents.replaceOne(
        { _id: item.id },
        { kind: item.kind, value: item.value, source: 'seed', seedHash, updatedAt: this.now() },
        { upsert: true },
      );
      changed = true;
    }
    if (changed) await this.bumpVersion();
  }

  private async reload(): Promise<void> {
    const version = (await this.versions.findOne({ _id: VERSION_ID }))?.n ?? 0;
    const documents = await this.documents.find({ kind: { $in: KINDS } }).toArray();
    const messages = new Map<string, Bilingual>();
    const categories: Category[] = [];
    const faq: FaqEntry[] = [];
    let intents = this.seed.intents;
    let calendar = this.seed.officeHours;
    const canned: CannedAnswer[] = [];
    for (const document of documents) {
      const key = document._id.slice(document._id.indexOf(':') + 1);
      switch (document.kind) {
        case 'message':
          messages.set(key, document.value as unknown as Bilingual);
          break;
        case 'category':
          categories.push(document.value as unknown as Category);
          break;
        case 'faq':
          faq.push(document.value as unknown as FaqEntry);
          break;
        case 'intents':
          intents = document.value as unknown as IntentTable;
          break;
        case 'officeHours':
          calendar = document.value as unknown as OfficeCalendar;
          break;
        case 'canned': {
          const answer = cannedFromStored(document.value);
          if (answer) canned.push(answer);
          break;
        }
      }
    }
    // A message added by a newer seed but not yet in an older store still has its text.
    for (const [key, value] of Object.entries(this.seed.messages)) if (!messages.has(key)) messages.set(key, value);
    for (const intent of INTENTS) if (!intents[intent]) intents = { ...intents, [intent]: this.seed.intents[intent] };
    this.messages = messages;
    this.categoryList = categories.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
    this.activeCategories = this.categoryList.filter((category) => category.active !== false);
    this.faqList = faq.sort((a, b) => a.id.localeCompare(b.id));
    this.intentTable = intents;
    this.calendar = calendar;
    this.cannedList = canned.sort((a, b) => a.id.localeCompare(b.id));
    this.loadedVersion = version;
  }
}
