import type { Collection, IndexSpec, Store } from '../store/types';
import { isSensitiveInput, type SensitiveInput } from './sensitiveInput';

/**
 * Which sensitive question each conversation is waiting on, if any. A channel writes a citizen's message down
 * before the bot's turn runs, so it must know, before the turn, that the message answers the national-ID or
 * PIN question and is to be kept masked; the bot records the question as it asks it. Kept in the store so that
 * it holds across a restart; remembered in memory because every incoming message reads it and few change it.
 */

export const SENSITIVE_PROMPTS_COLLECTION = 'sensitive_prompts';
/** Retention: prompts past their time. */
export const SENSITIVE_PROMPT_INDEXES: readonly IndexSpec[] = [{ collection: SENSITIVE_PROMPTS_COLLECTION, keys: { at: 1 } }];

interface PendingPrompt {
  _id: string;
  kind: SensitiveInput;
  at: number;
}

/** Conversations whose state is remembered; the least recently used are forgotten (and read back). */
const MAX_REMEMBERED = 10_000;

export class SensitivePrompts {
  private readonly prompts: Collection<PendingPrompt>;
  private readonly remembered = new Map<string, SensitiveInput | null>();

  constructor(store: Store, private readonly now: () => number = Date.now) {
    this.prompts = store.collection<PendingPrompt>(SENSITIVE_PROMPTS_COLLECTION);
  }

  /** The sensitive question the conversation's next message answers, if any. */
  async pending(conversationKey: string): Promise<SensitiveInput | undefined> {
    let kind = this.remembered.get(conversationKey);
    if (kind === undefined) {
      const found = await this.prompts.findOne({ _id: conversationKey });
      kind = found && isSensitiveInput(found.kind) ? found.kind : null;
    }
    this.remember(conversationKey, kind);
    return kind ?? undefined;
  }

  /** Records the question just asked (undefined: not a sensitive one); writes only when it changes. */
  async asked(conversationKey: string, kind: SensitiveInput | undefined): Promise<void> {
    if ((await this.pending(conversationKey)) === kind) return;
    if (kind) await this.prompts.updateOne({ _id: conversationKey }, { $set: { kind, at: this.now() } }, { upsert: true });
    else await this.prompts.deleteOne({ _id: conversationKey });
    this.remember(conversationKey, kind ?? null);
  }

  /** Forgets questions left unanswered since before `cutoff` (their conversations are gone by then). */
  async purgeBefore(cutoff: number): Promise<number> {
    this.remembered.clear();
    return (await this.prompts.deleteMany({ at: { $lt: cutoff } })).deletedCount;
  }

  private remember(conversationKey: string, kind: SensitiveInput | null): void {
    this.remembered.delete(conversationKey);
    this.remembered.set(conversationKey, kind);
    if (this.remembered.size > MAX_REMEMBERED) {
      const oldest = this.remembered.keys().next().value;
      if (oldest !== undefined) this.remembered.delete(oldest);
    }
  }
}
