import { isAppError } from '../errors';
import type { Lang } from '../i18n/language';
import type { Collection, Filter, IndexSpec, Store } from '../store/types';
import { type HandoffEvent, type HandoffState, nextState, statesAllowing } from './stateMachine';

/**
 * The handoff of each conversation, in the store: who owns it now, which centre's queue it waits in, and what
 * the citizen asked. Every move is one conditional write on the state the move was computed from, so two
 * officers claiming one citizen at once cannot both win, and a citizen withdrawing while being claimed ends
 * in exactly one of the two outcomes.
 */

export const HANDOFFS_COLLECTION = 'handoffs';
export const HANDOFF_WAITS_COLLECTION = 'handoff_waits';

export const HANDOFF_INDEXES: readonly IndexSpec[] = [
  // A centre's queue, first page: the officers' most frequent query.
  { collection: HANDOFFS_COLLECTION, keys: { centreCode: 1, state: 1, queuedAt: 1 } },
  // The queue of all centres (admins), per state, in order.
  { collection: HANDOFFS_COLLECTION, keys: { state: 1, queuedAt: 1 } },
  // Finding idle live chats to close.
  { collection: HANDOFFS_COLLECTION, keys: { state: 1, lastActivityAt: 1 } },
  // Recent waits per centre, for the wait estimate.
  { collection: HANDOFF_WAITS_COLLECTION, keys: { centreCode: 1, claimedAt: -1 } },
];

/** A live chat in office hours, or a question left for officers to answer later. */
export type HandoffKind = 'live' | 'question';

export interface HandoffDocument {
  /** The conversation key: channel and conversation id. */
  _id: string;
  state: HandoffState;
  kind: HandoffKind;
  centreCode: string;
  /** What the citizen said they need, as typed (bounded). */
  reason: string;
  lang: Lang;
  channelId: string;
  /** The channel's conversation reference, for the officer's replies. */
  conversation: Record<string, unknown>;
  complaintId?: string;
  /** When the citizen asked; `queuedAt` restarts on a transfer, so the queue orders by it. */
  requestedAt: number;
  queuedAt: number;
  officerId?: string;
  claimedAt?: number;
  closedAt?: number;
  closedBy?: string;
  /** When the citizen was offered to leave a question instead of waiting (once per request). */
  offeredAt?: number;
  /**
   * When an officer's first answer to a question reached the citizen. While the citizen has not written since, the
   * question is no live chat, and it is closed once quiet (HandoffService.sweep); a message from the citizen makes
   * it a conversation (kind `live`) with the officer who answered.
   */
  answeredAt?: number;
  lastActivityAt: number;
  updatedAt: number;
  /** The note the last transfer came with, for the receiving centre (officers' words: not the citizen's). */
  transferNote?: TransferNoteRecord;
}

export interface TransferNoteRecord {
  text: string;
  at: number;
  /** The centre it came from. */
  from: string;
  officerId: string;
}

interface WaitRecord {
  _id: string;
  centreCode: string;
  waitedMs: number;
  claimedAt: number;
}

/** A citizen's request: the fields of the document they decide, and the conversation's key. */
export type HandoffRequest = Pick<HandoffDocument, 'kind' | 'centreCode' | 'reason' | 'lang' | 'channelId' | 'conversation' | 'complaintId'> & { key: string };

/** The outcome of a move: the document after it, or the document as it stands when the move was not allowed. */
export type MoveResult = { ok: true; handoff: HandoffDocument } | { ok: false; current: HandoffDocument | null };

/** Waits remembered per centre for the estimate, and how far back they count. */
const WAIT_SAMPLE = 20;
const WAIT_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;
export const MAX_REASON_LENGTH = 500;

export class HandoffRepository {
  private readonly handoffs: Collection<HandoffDocument>;
  private readonly waits: Collection<WaitRecord>;

  constructor(store: Store, private readonly now: () => number = Date.now) {
    this.handoffs = store.collection<HandoffDocument>(HANDOFFS_COLLECTION);
    this.waits = store.collection<WaitRecord>(HANDOFF_WAITS_COLLECTION);
  }

  get(key: string): Promise<HandoffDocument | null> {
    return this.handoffs.findOne({ _id: key });
  }

  /** Puts the conversation in its centre's queue, from `bot` or `closed`; refused while it waits or is live. */
  async request(request: HandoffRequest): Promise<MoveResult> {
    const now = this.now();
    const fields = {
      state: 'queued' as const,
      kind: request.kind,
      centreCode: request.centreCode,
      reason: request.reason.slice(0, MAX_REASON_LENGTH),
      lang: request.lang,
      channelId: request.channelId,
      conversation: request.conversation,
      requestedAt: now,
      queuedAt: now,
      lastActivityAt: now,
      updatedAt: now,
      ...(request.complaintId ? { complaintId: request.complaintId } : {}),
    };
    try {
      const handoff = await this.handoffs.findOneAndUpdate(
        { _id: request.key, state: { $in: statesAllowing('request') } },
        { $set: fields, $unset: { officerId: '', claimedAt: '', closedAt: '', closedBy: '', offeredAt: '', answeredAt: '', transferNote: '', ...(request.complaintId ? {} : { complaintId: '' }) } },
        { upsert: true, returnDocument: 'after' },
      );
      return handoff ? { ok: true, handoff } : { ok: false, current: await this.get(request.key) };
    } catch (error) {
      // The document exists in a state that does not allow the request: the upsert collided with it.
      if (isAppError(error, 'STORE_DUPLICATE_KEY')) return { ok: false, current: await this.get(request.key) };
      throw error;
    }
  }

  /** An officer takes a waiting conversation of one of their centres. Exactly one of racing officers wins. */
  async claim(key: string, officerId: string, centreCodes: readonly string[] | 'all'): Promise<MoveResult> {
    const now = this.now();
    const scope: Filter = centreCodes === 'all' ? {} : { centreCode: { $in: [...centreCodes] } };
    const result = await this.move(key, 'claim', { officerId, claimedAt: now }, scope);
    if (result.ok) {
      await this.waits.insertOne({ centreCode: result.handoff.centreCode, waitedMs: now - result.handoff.queuedAt, claimedAt: now });
    }
    return result;
  }

  /** Moves a waiting or live conversation to another centre's queue, where it waits anew, with the transferring officer's note or none. */
  transfer(key: string, toCentre: string, centreCodes: readonly string[] | 'all', note?: TransferNoteRecord): Promise<MoveResult> {
    const scope: Filter = centreCodes === 'all' ? {} : { centreCode: { $in: [...centreCodes] } };
    return this.move(key, 'transfer', { centreCode: toCentre, queuedAt: this.now(), ...(note ? { transferNote: note } : {}) }, scope, { officerId: '', claimedAt: '', ...(note ? {} : { transferNote: '' }) });
  }

  withdraw(key: string): Promise<MoveResult> {
    return this.move(key, 'withdraw', {});
  }

  close(key: string, closedBy: string, centreCodes: readonly string[] | 'all' = 'all'): Promise<MoveResult> {
    const scope: Filter = centreCodes === 'all' ? {} : { centreCode: { $in: [...centreCodes] } };
    return this.move(key, 'close', { closedAt: this.now(), closedBy }, scope);
  }

  release(key: string): Promise<MoveResult> {
    return this.move(key, 'release', {});
  }

  /** Records activity on a waiting or live conversation (for idle closing and the queue's display). */
  /**
   * Deletes handoffs that ended (back with the bot, or closed) and were last active before `cutoff`
   * (retention): they hold what the citizen said they needed.
   */
  async purgeEndedBefore(cutoff: number): Promise<number> {
    return (await this.handoffs.deleteMany({ state: { $in: ['bot', 'closed'] }, lastActivityAt: { $lt: cutoff } })).deletedCount;
  }

  async touch(key: string): Promise<void> {
    await this.handoffs.updateOne({ _id: key, state: { $in: ['queued', 'live'] } }, { $set: { lastActivityAt: this.now() } });
  }

  /** A centre's queue, oldest first: the first page is what an officer sees. */
  async queue(centreCodes: readonly string[] | 'all', options: { states?: HandoffState[]; limit?: number; skip?: number } = {}): Promise<HandoffDocument[]> {
    const states = options.states ?? ['queued'];
    const limit = options.limit ?? 50;
    const skip = options.skip ?? 0;
    if (centreCodes !== 'all') {
      // A centre's queue (or a province's): the (centreCode, state, queuedAt) index narrows it to that scope.
      return this.handoffs.find({ centreCode: centreCodes.length === 1 ? centreCodes[0] : { $in: [...centreCodes] }, state: { $in: states } }, { sort: { queuedAt: 1 }, limit, skip }).toArray();
    }
    // Everything (admins): one query per state, merged. Each reads the (state, queuedAt) index in order and stops
    // at the page, where one query over several states would sort every waiting conversation first.
    const pages = await Promise.all(states.map((state) => this.handoffs.find({ state }, { sort: { queuedAt: 1 }, limit: skip + limit }).toArray()));
    return pages.flat().sort((a, b) => a.queuedAt - b.queuedAt || (a._id < b._id ? -1 : 1)).slice(skip, skip + limit);
  }

  /** The citizen's place among live-chat requests waiting for the same centre (1 = next). */
  async position(handoff: HandoffDocument): Promise<number> {
    const ahead = await this.handoffs.countDocuments({
      centreCode: handoff.centreCode,
      state: 'queued',
      kind: 'live',
      queuedAt: { $lt: handoff.queuedAt },
    });
    return ahead + 1;
  }

  /**
   * An honest estimate of the wait for a place in the queue: the median of recent waits at this centre times
   * the place; undefined when the centre has too little recent history to say.
   */
  async estimateWaitMs(centreCode: string, position: number): Promise<number | undefined> {
    const recent = await this.waits
      .find({ centreCode, claimedAt: { $gt: this.now() - WAIT_WINDOW_MS } }, { sort: { claimedAt: -1 }, limit: WAIT_SAMPLE })
      .toArray();
    if (recent.length < 3) return undefined;
    const sorted = recent.map((wait) => wait.waitedMs).sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] * position;
  }

  /** The live chats an officer has: when their account is disabled or their centres change, these need someone else. */
  liveWith(officerId: string, limit = 200): Promise<HandoffDocument[]> {
    return this.handoffs.find({ state: 'live', officerId }, { sort: { claimedAt: 1 }, limit }).toArray();
  }

  /** Live chats with no activity since `before`: to be closed for idleness. */
  idleLive(before: number, limit = 100): Promise<HandoffDocument[]> {
    return this.handoffs.find({ state: 'live', lastActivityAt: { $lt: before } }, { sort: { lastActivityAt: 1 }, limit }).toArray();
  }

  /**
   * Records that an officer is answering a question. Returns the handoff when this is its first answer (the
   * citizen is then told that their answer has arrived), or null. Atomic: of two answers sent at once, one is first.
   */
  markAnswered(key: string): Promise<HandoffDocument | null> {
    return this.handoffs.findOneAndUpdate(
      { _id: key, state: 'live', kind: 'question', answeredAt: { $exists: false } },
      { $set: { answeredAt: this.now() } },
      { returnDocument: 'after' },
    );
  }

  /** The first answer did not reach the citizen: the question is not answered yet. */
  async unmarkAnswered(key: string): Promise<void> {
    await this.handoffs.updateOne({ _id: key, state: 'live', kind: 'question' }, { $unset: { answeredAt: '' } });
  }

  /** The citizen wrote back to an answered question: it is now a conversation. True when it was an answered question. */
  async answeredToConversation(key: string): Promise<boolean> {
    const update = await this.handoffs.updateOne({ _id: key, state: 'live', kind: 'question', answeredAt: { $exists: true } }, { $set: { kind: 'live', updatedAt: this.now() } });
    return update.modifiedCount > 0;
  }

  /** Answered questions with no activity since `before`: done, to be closed. */
  answeredQuiet(before: number, limit = 100): Promise<HandoffDocument[]> {
    return this.handoffs
      .find({ state: 'live', kind: 'question', answeredAt: { $exists: true }, lastActivityAt: { $lt: before } }, { sort: { lastActivityAt: 1 }, limit })
      .toArray();
  }

  /** Live-chat requests waiting since before `before` and not yet offered to leave a question instead. */
  unclaimedSince(before: number, limit = 100): Promise<HandoffDocument[]> {
    return this.handoffs
      .find({ state: 'queued', kind: 'live', queuedAt: { $lt: before }, offeredAt: { $exists: false } }, { sort: { queuedAt: 1 }, limit })
      .toArray();
  }

  /** Records that the offer was made; false if it already was (or the request moved on), so it is made once. */
  async markOffered(key: string): Promise<boolean> {
    const marked = await this.handoffs.findOneAndUpdate(
      { _id: key, state: 'queued', kind: 'live', offeredAt: { $exists: false } },
      { $set: { offeredAt: this.now() } },
      { returnDocument: 'after' },
    );
    return marked !== null;
  }

  /** Turns a waiting live-chat request into a question (it keeps its place in the queue). */
  async toQuestion(key: string): Promise<MoveResult> {
    const handoff = await this.handoffs.findOneAndUpdate(
      { _id: key, state: 'queued', kind: 'live' },
      { $set: { kind: 'question', updatedAt: this.now() } },
      { returnDocument: 'after' },
    );
    return handoff ? { ok: true, handoff } : { ok: false, current: await this.get(key) };
  }

  private async move(key: string, event: HandoffEvent, set: Record<string, unknown>, scope: Filter = {}, unset: Record<string, ''> = {}): Promise<MoveResult> {
    const from = statesAllowing(event);
    const current = await this.get(key);
    if (!current || !from.includes(current.state)) return { ok: false, current };
    const target = nextState(current.state, event) as HandoffState;
    const handoff = await this.handoffs.findOneAndUpdate(
      { _id: key, state: current.state, ...scope },
      { $set: { ...set, state: target, updatedAt: this.now() }, ...(Object.keys(unset).length > 0 ? { $unset: unset } : {}) },
      { returnDocument: 'after' },
    );
    return handoff ? { ok: true, handoff } : { ok: false, current: await this.get(key) };
  }
}
