import { createHmac, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { AppError, isAppError } from '../errors';
import type { Lang } from '../i18n/language';
import type { Collection, IndexSpec, Store } from '../store/types';
import { buddhistYear } from '../thai/dates';
import { AttemptLimiter, type AttemptPolicy, DEFAULT_ATTEMPT_POLICY, DEFAULT_REQUESTER_ATTEMPT_POLICY } from './attemptLimiter';
import { generateTrackingNumber, parseTrackingNumber } from './trackingNumber';
import { cleanText } from './fields';
import { COMPLAINT_STATUSES, type ComplaintDocument, type ComplaintDraft, type ComplaintStatus, type Contact, type Owner } from './types';

export const COMPLAINTS_COLLECTION = 'complaints';
/** Where a complaint keeps the id of the conversation it was filed in (its conversation reference). */
export const CONVERSATION_ID_PATH = 'conversation.conversation.id';

export const COMPLAINT_INDEXES: readonly IndexSpec[] = [
  // listOwn: a citizen's complaints on a channel, newest first.
  { collection: COMPLAINTS_COLLECTION, keys: { 'owner.channelId': 1, 'owner.userKey': 1, createdAt: -1 } },
  // The forwarding worker picks up complaints with jobs still pending, oldest first.
  { collection: COMPLAINTS_COLLECTION, keys: { forwardingState: 1, createdAt: 1 } },
  // filedIn: the upload purge asks which complaints were filed in an upload's conversation.
  { collection: COMPLAINTS_COLLECTION, keys: { [CONVERSATION_ID_PATH]: 1 } },
];
/** The consent text's version: a new privacy notice gets a new version, and complaints record which they agreed to. */
export const CONSENT_VERSION = 'pdpa-2026-1';
const MAX_NUMBER_COLLISIONS = 5;
export const MAX_NOTE_LENGTH = 1000;

export interface FileRequest {
  draft: ComplaintDraft;
  /** The channel and the channel's user id of the citizen; only a keyed hash of the user id is stored. */
  channelId: string;
  userId: string;
  conversation: Record<string, unknown>;
  lang: Lang;
}

export interface Filed {
  complaint: ComplaintDocument;
  /** For anonymous filers only: shown once on the receipt, then only its hash exists. */
  pin?: string;
}

export type VerifyResult =
  | { kind: 'ok'; complaint: ComplaintDocument }
  | { kind: 'mismatch'; left: number }
  /** `number`: this number's checks are paused for everyone; `requester`: this person's checks of any number are. */
  | { kind: 'locked'; until: number; scope: 'number' | 'requester' };

export interface ComplaintServiceOptions {
  hashingKey: string;
  now?: () => number;
  random?: (max: number) => number;
  /** Wrong checks per tracking number. */
  attemptPolicy?: AttemptPolicy;
  /** Wrong checks per person trying, over all numbers. */
  requesterAttemptPolicy?: AttemptPolicy;
}

/** The fields a draft still lacks, in the order the flow asks for them. */
export function missingFields(draft: ComplaintDraft, anonymousAllowed: boolean): string[] {
  const missing: string[] = [];
  if (!draft.categoryId) missing.push('categoryId');
  if (!draft.destination) missing.push('destination');
  if (!draft.subject) missing.push('subject');
  if (!draft.description) missing.push('description');
  if (!draft.attachmentsDone) missing.push('attachments');
  if (!draft.incident?.place) missing.push('place');
  if (!draft.incident?.date && !draft.incident?.unknownDate) missing.push('when');
  // Where anonymity is not offered, the citizen is a named filer without being asked.
  const mode = anonymousAllowed ? draft.contactMode : 'named';
  if (mode === undefined) {
    missing.push('contactMode');
  } else if (mode === 'named') {
    if (!draft.name) missing.push('name');
    if (!draft.phone) missing.push('phone');
    if (draft.email === undefined) missing.push('email');
    if (draft.nationalId === undefined) missing.push('nationalId');
  }
  if (!draft.consent) missing.push('consent');
  return missing;
}

export class ComplaintService {
  private readonly complaints: Collection<ComplaintDocument>;
  private readonly numberLimiter: AttemptLimiter;
  private readonly requesterLimiter: AttemptLimiter;
  private readonly now: () => number;
  private readonly random: (max: number) => number;

  constructor(store: Store, private readonly options: ComplaintServiceOptions) {
    if (!options.hashingKey) throw new Error('ComplaintService needs a hashing key');
    this.complaints = store.collection<ComplaintDocument>(COMPLAINTS_COLLECTION);
    this.now = options.now ?? Date.now;
    this.random = options.random ?? randomInt;
    this.numberLimiter = new AttemptLimiter(store, options.attemptPolicy ?? DEFAULT_ATTEMPT_POLICY, this.now);
    this.requesterLimiter = new AttemptLimiter(store, options.requesterAttemptPolicy ?? DEFAULT_REQUESTER_ATTEMPT_POLICY, this.now);
  }

  /** A keyed hash: lets us compare a value later without keeping it. */
  hash(purpose: string, value: string): string {
    return createHmac('sha256', this.options.hashingKey).update(`${purpose}\u0000${value}`).digest('hex');
  }

  ownerOf(channelId: string, userId: string): Owner {
    return { channelId, userKey: this.hash('owner', `${channelId}\u0000${userId}`) };
  }

  /** Files a complete draft: one write holds the complaint, its first timeline entry and its forwarding job. */
  async file(request: FileRequest): Promise<Filed> {
    const draft = request.draft;
    if (!draft.categoryId || !draft.destination || !draft.subject || !draft.description || !draft.incident?.place || !draft.consent) {
      throw new AppError('COMPLAINT_INCOMPLETE', 'The complaint is missing required fields');
    }
    const anonymous = draft.contactMode === 'anonymous';
    if (!anonymous && (!draft.name || !draft.phone)) throw new AppError('COMPLAINT_INCOMPLETE', 'A named complaint needs a name and a phone');
    const pin = anonymous ? String(this.random(1_000_000)).padStart(6, '0') : undefined;
    const contact: Contact = anonymous
      ? { anonymous: true }
      : {
          anonymous: false,
          name: draft.name as string,
          phone: draft.phone as string,
          ...(draft.email ? { email: draft.email } : {}),
          ...(draft.nationalId ? { nationalIdMasked: draft.nationalId.masked, nationalIdHash: draft.nationalId.hash } : {}),
        };
    const now = this.now();
    for (let attempt = 0; attempt < MAX_NUMBER_COLLISIONS; attempt += 1) {
      const number = generateTrackingNumber(buddhistYear(new Date(now)), this.random);
      const complaint: ComplaintDocument = {
        _id: number,
        status: 'received',
        categoryId: draft.categoryId,
        destination: draft.destination,
        subject: draft.subject,
        description: draft.description,
        attachments: draft.attachments ?? [],
        incident: {
          place: draft.incident.place,
          ...(draft.incident.date ? { date: draft.incident.date } : {}),
          ...(draft.incident.time ? { time: draft.incident.time } : {}),
          ...(draft.incident.approximate ? { approximate: true } : {}),
          ...(draft.incident.precision ? { precision: draft.incident.precision } : {}),
          ...(draft.incident.said ? { said: draft.incident.said } : {}),
        },
        contact,
        verifier: this.verifierHash(number, anonymous ? (pin as string) : (draft.phone as string).slice(-4)),
        verifierKind: anonymous ? 'pin' : 'phone',
        consent: draft.consent,
        lang: request.lang,
        owner: this.ownerOf(request.channelId, request.userId),
        conversation: request.conversation,
        timeline: [{ at: now, status: 'received', by: 'citizen' }],
        forwarding: [{ target: draft.destination, state: 'pending', attempts: 0, idempotencyKey: randomUUID(), createdAt: now }],
        forwardingState: 'pending',
        createdAt: now,
        updatedAt: now,
      };
      try {
        await this.complaints.insertOne(complaint);
        return { complaint, ...(pin ? { pin } : {}) };
      } catch (error) {
        // Two complaints drawing the same number in one year is rare but possible: draw again.
        if (!isAppError(error, 'STORE_DUPLICATE_KEY')) throw error;
      }
    }
    throw new AppError('STORE_UNAVAILABLE', 'Could not allocate a tracking number');
  }

  /** The complaints a citizen filed on this channel, newest first. */
  async listOwn(channelId: string, userId: string, limit = 10): Promise<ComplaintDocument[]> {
    const owner = this.ownerOf(channelId, userId);
    return this.complaints
      .find({ 'owner.channelId': owner.channelId, 'owner.userKey': owner.userKey }, { sort: { createdAt: -1 }, limit })
      .toArray();
  }

  /** One of the citizen's own complaints (they proved who they are by being on the same channel account). */
  async getOwn(number: string, channelId: string, userId: string): Promise<ComplaintDocument | undefined> {
    const owner = this.ownerOf(channelId, userId);
    const complaint = await this.complaints.findOne({ _id: number, 'owner.channelId': owner.channelId, 'owner.userKey': owner.userKey });
    return complaint ?? undefined;
  }

  /** The complaints filed in a conversation, with what lib/files/retention.ts needs: their attachments and last change. */
  async filedIn(conversationId: string): Promise<Array<Pick<ComplaintDocument, '_id' | 'attachments' | 'updatedAt'>>> {
    return this.complaints.find({ [CONVERSATION_ID_PATH]: conversationId }, { projection: { attachments: 1, updatedAt: 1 } }).toArray();
  }

  /** When a complaint last changed; undefined when there is no such complaint. */
  async lastChange(number: string): Promise<number | undefined> {
    return (await this.complaints.findOne({ _id: number }, { projection: { updatedAt: 1 } }))?.updatedAt;
  }

  /** Any complaint by number (officers; the caller checks the officer's scope). */
  async get(number: string): Promise<ComplaintDocument | undefined> {
    const parsed = parseTrackingNumber(number);
    if (!parsed.ok) return undefined;
    return (await this.complaints.findOne({ _id: parsed.number })) ?? undefined;
  }

  /** An officer moves a complaint on, with a note the citizen is told; the timeline keeps every step. */
  async changeStatus(number: string, status: ComplaintStatus, note: string, officerId: string): Promise<ComplaintDocument | undefined> {
    if (!(COMPLAINT_STATUSES as readonly string[]).includes(status)) throw new AppError('COMPLAINT_INCOMPLETE', `Unknown status "${status}"`);
    const checked = cleanText(note).slice(0, MAX_NOTE_LENGTH);
    if (checked === '') throw new AppError('COMPLAINT_INCOMPLETE', 'A status change needs a note for the citizen');
    const now = this.now();
    const updated = await this.complaints.findOneAndUpdate(
      { _id: number },
      // The officer writes in one language; the note is shown as written whatever the citizen's language.
      { $set: { status, updatedAt: now }, $push: { timeline: { at: now, status, note: { th: checked, en: checked }, by: 'officer', officerId } } },
      { returnDocument: 'after' },
    );
    return updated ?? undefined;
  }

  /**
   * Checks a tracking number and its check (phone's last four digits, or PIN) for a requester. The answer is
   * the same whether the number does not exist or the check is wrong, and wrong answers are limited per number
   * (tightly: that is what stops a check being guessed) and per requester (loosely: one person trying many
   * numbers), so numbers can neither be discovered nor their checks guessed. A citizen's own complaints never
   * come here: they are shown without a check (getOwn).
   */
  async verify(typedNumber: string, check: string, requester: string): Promise<VerifyResult> {
    const parsed = parseTrackingNumber(typedNumber);
    const number = parsed.ok ? parsed.number : typedNumber.slice(0, 64);
    const numberKey = [`number:${number}`];
    const requesterKey = [`requester:${this.hash('requester', requester)}`];
    const numberLock = await this.numberLimiter.lockedUntil(numberKey);
    if (numberLock !== undefined) return { kind: 'locked', until: numberLock, scope: 'number' };
    const requesterLock = await this.requesterLimiter.lockedUntil(requesterKey);
    if (requesterLock !== undefined) return { kind: 'locked', until: requesterLock, scope: 'requester' };
    const complaint = parsed.ok ? await this.complaints.findOne({ _id: number }) : null;
    const given = this.verifierHash(number, check.replace(/\D/g, ''));
    if (complaint && safeEqual(complaint.verifier, given)) {
      await this.numberLimiter.reset(numberKey);
      await this.requesterLimiter.reset(requesterKey);
      return { kind: 'ok', complaint };
    }
    const onNumber = await this.numberLimiter.recordFailure(numberKey);
    const onRequester = await this.requesterLimiter.recordFailure(requesterKey);
    if (onNumber.lockedUntil !== undefined) return { kind: 'locked', until: onNumber.lockedUntil, scope: 'number' };
    if (onRequester.lockedUntil !== undefined) return { kind: 'locked', until: onRequester.lockedUntil, scope: 'requester' };
    return { kind: 'mismatch', left: Math.min(onNumber.left, onRequester.left) };
  }

  private verifierHash(number: string, check: string): string {
    return this.hash('verifier', `${number}\u0000${check}`);
  }
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
