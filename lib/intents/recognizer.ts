import type { Category, Intent, IntentTable } from '../content/types';
import { findTrackingNumber } from '../complaints/trackingNumber';
import { normalizeText, withoutPoliteEnding } from '../thai/text';

/**
 * What a citizen's message asks for, before any flow sees it. Two kinds of recognition:
 * - commands: the whole message is one of the command words ("ยกเลิก", "menu"), in either language;
 * - routes: free text that names a flow ("อยากร้องเรียนเรื่องถนนพัง", "I want to report a corrupt official").
 * The words come from content, so admins can add the ways people in their province say things.
 */

export type Route =
  | { kind: 'file'; categoryId?: string }
  | { kind: 'track'; number?: string }
  | { kind: 'faq' }
  | { kind: 'officer' }
  | { kind: 'menu' }
  | { kind: 'greeting' }
  | { kind: 'unknown' };

const THAI = /[\u0E00-\u0E7F]/;
const MAX_ROUTED_LENGTH = 2000;
/**
 * A message is a clear request for a human when a talk-to-an-officer phrase is most of it: what is left once
 * the phrase is taken out, spaces removed, is at most this many characters ("I want to", "ขอ…หน่อยค่ะ").
 * "เจ้าหน้าที่ไม่ยอมคุยกับคนในหมู่บ้าน" (an officer who will not talk to the villagers) leaves 27 and is a
 * description, not a request.
 */
const MAX_HUMAN_REQUEST_REST = 20;
/** Longer messages are descriptions that may mention officers, never a request for one. */
const MAX_HUMAN_REQUEST_LENGTH = 120;

/** Thai is written without spaces: compare Thai words as substrings of the space-free text. */
function compact(text: string): string {
  return normalizeText(text).replace(/ /g, '');
}

/** A command or keyword, normalised once: recognition runs on every message and must not redo this work. */
interface Word {
  normalized: string;
  compacted: string;
  thai: boolean;
}

function prepare(word: string): Word {
  const normalized = normalizeText(word);
  return { normalized, compacted: normalized.replace(/ /g, ''), thai: THAI.test(normalized) };
}

function containsWord(normalized: string, compacted: string, word: Word): boolean {
  if (word.normalized === '') return false;
  if (word.thai) return compacted.includes(word.compacted);
  return ` ${normalized} `.includes(` ${word.normalized} `);
}

type PreparedTable = Record<Intent, Word[]>;

export class IntentRecognizer {
  // Prepared forms, rebuilt only when content hands out a new table (an admin edit).
  private preparedFor: IntentTable | undefined;
  private prepared: PreparedTable | undefined;
  private categoriesFor: readonly Category[] | undefined;
  private categoryWords: Array<{ id: string; words: Word[] }> = [];

  constructor(private readonly intents: () => IntentTable, private readonly categories: () => readonly Category[]) {}

  private table(): PreparedTable {
    const current = this.intents();
    if (current !== this.preparedFor || !this.prepared) {
      const prepared = {} as PreparedTable;
      for (const intent of Object.keys(current) as Intent[]) prepared[intent] = [...current[intent].th, ...current[intent].en].map(prepare);
      this.prepared = prepared;
      this.preparedFor = current;
    }
    return this.prepared;
  }

  private categoryTable(): Array<{ id: string; words: Word[] }> {
    const current = this.categories();
    if (current !== this.categoriesFor) {
      this.categoryWords = current.map((category) => ({ id: category.id, words: [...category.keywords.th, ...category.keywords.en].map(prepare) }));
      this.categoriesFor = current;
    }
    return this.categoryWords;
  }

  /** The command the whole message is, if it is one. */
  command(text: string | undefined, only?: readonly Intent[]): Intent | undefined {
    if (!text || text.length > 60) return undefined;
    const trimmed = text.trim();
    const normalized = normalizeText(text);
    if (normalized === '' && trimmed !== '?') return undefined;
    const table = this.table();
    // "ข้ามค่ะ", "ยกเลิกครับ", "skip please": the command without the polite words that end it.
    const core = withoutPoliteEnding(text);
    for (const intent of only ?? (Object.keys(table) as Intent[])) {
      // "?" normalises to nothing, so it is compared as typed.
      if (table[intent].some((word) => (word.normalized === '' ? trimmed === '?' && normalized === '' : word.normalized === normalized || word.normalized === core))) return intent;
    }
    return undefined;
  }

  /** Whether the message is the given command (for prompts that accept "skip", "done", "not sure"). */
  is(text: string | undefined, intent: Intent): boolean {
    return this.command(text, [intent]) === intent;
  }

  /** Where free text should go. Tracking numbers win; then tracking, complaint and officer words. */
  route(text: string | undefined): Route {
    if (!text || text.trim() === '') return { kind: 'unknown' };
    const bounded = text.slice(0, MAX_ROUTED_LENGTH);
    const command = this.command(bounded, ['menu', 'greeting', 'officer', 'faq', 'file', 'track']);
    if (command === 'menu') return { kind: 'menu' };
    if (command === 'greeting') return { kind: 'greeting' };
    if (command === 'officer') return { kind: 'officer' };
    if (command === 'faq') return { kind: 'faq' };

    const number = findTrackingNumber(bounded);
    if (number?.ok) return { kind: 'track', number: number.number };

    const normalized = normalizeText(bounded);
    const compacted = normalized.replace(/ /g, '');
    const table = this.table();
    const mentions = (intent: Intent) => table[intent].some((word) => containsWord(normalized, compacted, word));
    if (command === 'track' || mentions('track')) return { kind: 'track' };
    if (command === 'file' || mentions('file')) {
      const categoryId = this.guessCategory(normalized, compacted);
      return categoryId ? { kind: 'file', categoryId } : { kind: 'file' };
    }
    // Phrases only: the bare word for officer (เจ้าหน้าที่) is as likely the subject of a complaint.
    if (mentions('talkToOfficer')) return { kind: 'officer' };
    return { kind: 'unknown' };
  }

  /**
   * Whether the message is a clear request for a human and little else ("I want to talk to a real person",
   * "ขอคุยกับเจ้าหน้าที่หน่อยค่ะ"): such a request counts even where free text is expected (a complaint's title
   * or description), where a mere mention of an officer must not.
   */
  asksForHuman(text: string | undefined): boolean {
    if (!text || text.length > MAX_HUMAN_REQUEST_LENGTH) return false;
    if (this.command(text, ['officer']) === 'officer') return true;
    const normalized = normalizeText(text);
    const compacted = normalized.replace(/ /g, '');
    return this.table().talkToOfficer.some((word) => {
      if (!containsWord(normalized, compacted, word)) return false;
      const rest = word.thai ? compacted.replace(word.compacted, '') : ` ${normalized} `.replace(` ${word.normalized} `, ' ').replace(/ /g, '');
      return rest.length <= MAX_HUMAN_REQUEST_REST;
    });
  }

  /**
   * Whether the text asks something ("ร้องเรียนต้องเสียเงินไหม", "How do I report drug dealing?"): a question
   * about filing is for the question bank, not a request to file. Thai question words may stand anywhere;
   * English ones count as the first word, or a question mark at the end.
   */
  isQuestion(text: string | undefined): boolean {
    if (!text) return false;
    const bounded = text.slice(0, MAX_ROUTED_LENGTH);
    if (/[?？]\s*$/.test(bounded)) return true;
    const normalized = normalizeText(bounded);
    const compacted = normalized.replace(/ /g, '');
    const words = this.table().question;
    if (words.some((word) => word.thai && compacted.includes(word.compacted))) return true;
    const first = normalized.split(' ')[0];
    return words.some((word) => !word.thai && word.normalized === first);
  }

  /** The category whose keywords the text mentions most, if any does. */
  guessCategory(normalized: string, compacted = normalized.replace(/ /g, '')): string | undefined {
    let best: { id: string; hits: number } | undefined;
    for (const category of this.categoryTable()) {
      const hits = category.words.filter((word) => containsWord(normalized, compacted, word)).length;
      if (hits > 0 && (!best || hits > best.hits)) best = { id: category.id, hits };
    }
    return best?.id;
  }
}
