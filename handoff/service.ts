import { type Activity, EventFactory, TurnContext } from 'botbuilder';
import { textMessage } from '../cards/activity';
import { idOf, keyOf } from './conversationIds';
import { replyText } from './replyText';
import { conversationKey } from '../lib/conversationKey';
import type { CentreDirectory } from '../lib/centres';
import type { AuditLog } from '../lib/audit';
import { markWrittenBy } from '../lib/handoff/author';
import type { Texts } from '../lib/content/texts';
import type { HandoffDocument, HandoffKind, HandoffRepository } from '../lib/handoff/handoffs';
import { type OfficeCalendar, OfficeHours } from '../lib/handoff/officeHours';
import type { Transcript, TranscriptAttachment, TranscriptMessage } from '../lib/handoff/transcript';
import type { ComplaintSummary, Message, QueueItem } from '../lib/contract/officer';
import type { Lang } from '../lib/i18n/language';
import type { Officer } from '../lib/officers/accounts';
import { formatDate } from '../lib/thai/dates';
import { officerAttachments, transcriptAttachment } from './attachments';
import type { Deliverer, DeliveryOutcome } from './delivery';
import type { OfficerHub } from './hub';

/**
 * The handoff between the bot and officers, for both sides: a citizen's request (a live chat in office hours,
 * a question after hours), their messages while an officer owns the conversation, and each officer action —
 * claim, reply, transfer, close — with what the citizen is told, proactively, on their own channel.
 */

/** A request not claimed within this time is offered to become a question (HANDOFF_OFFER_MINUTES). */
export const UNCLAIMED_OFFER_MS = 10 * 60 * 1000;
/** A live chat with no message for this long is closed (HANDOFF_IDLE_MINUTES). */
export const LIVE_IDLE_MS = 20 * 60 * 1000;
/** Live chats are not begun this close to closing time: the request becomes a question. */
const CLOSING_MARGIN_MS = 10 * 60 * 1000;
/**
 * An answered question is closed once nobody has written for this long: time for the officer to add a photo or a
 * link, or for a citizen who is there to write back (which makes it a conversation again).
 */
export const ANSWERED_QUIET_MS = 10 * 60 * 1000;

/**
 * A queue item and a message as the officer API gives them (lib/contract/officer/conversations.ts). An item's
 * `state` is where the conversation is now: the queue lists only `queued` and `live`; a conversation opened from
 * history may be `closed` or back with the `bot`. `answeredAt`: when an officer answered this question (the
 * citizen has not written since): no live chat.
 */
export type { QueueItem };
export type MessageView = Message;

export type ActionResult<T> = { ok: true; value: T } | { ok: false; reason: 'not-found' | 'conflict' | 'not-yours' | 'unknown-centre' };

export interface HandoffServiceDependencies {
  repo: HandoffRepository;
  transcript: Transcript;
  texts: Texts;
  calendar: () => OfficeCalendar;
  directory: CentreDirectory;
  hub: OfficerHub;
  deliverer: Deliverer;
  audit: AuditLog;
  officerName: (officerId: string) => Promise<string | undefined>;
  /** The number and subject of a complaint a conversation is about, for its queue item; undefined when there is none. */
  complaintSummary?: (number: string) => Promise<ComplaintSummary | undefined>;
  /** Whether any officer account works for the centre (lib/officers/accounts.ts, staffs). */
  staffed: (centreCode: string) => Promise<boolean>;
  now?: () => number;
  offerAfterMs?: number;
  idleAfterMs?: number;
}

export class HandoffService {
  private readonly now: () => number;
  private hoursFor: OfficeCalendar | undefined;
  private hours: OfficeHours | undefined;

  constructor(private readonly deps: HandoffServiceDependencies) {
    this.now = deps.now ?? Date.now;
  }

  /** Office hours from the current calendar (content), rebuilt only when an admin changed it. */
  officeHours(): OfficeHours {
    const calendar = this.deps.calendar();
    if (calendar !== this.hoursFor || !this.hours) {
      this.hours = new OfficeHours(calendar);
      this.hoursFor = calendar;
    }
    return this.hours;
  }

  /** Whether a request made now gets a live chat, or becomes a question for the next opening. */
  liveNow(): boolean {
    const now = this.now();
    const closes = this.officeHours().closesAt(now);
    return closes !== undefined && closes - now > CLOSING_MARGIN_MS;
  }

  /** When officers next answer, as the citizen reads it ("วันจันทร์ที่ 30 พฤศจิกายน 2569 เวลา 08:30 น."). */
  describeNextOpening(lang: Lang): string | undefined {
    const next = this.officeHours().nextOpening(this.now() + CLOSING_MARGIN_MS);
    if (next === undefined) return undefined;
    const bangkok = new Date(next + 7 * 60 * 60 * 1000);
    return formatDate(bangkok.toISOString().slice(0, 10), lang, { weekday: true, time: bangkok.toISOString().slice(11, 16) });
  }

  /**
   * Why officers are not in right now, from the calendar, as the citizen reads it: today's holiday by name, a day
   * without office hours, or today's hours and that they have not begun, are on a break, are over or end too soon.
   */
  describeClosedNow(lang: Lang): string {
    const t = (key: string, vars?: Record<string, string>) => this.deps.texts.get(lang, key, vars);
    const day = this.officeHours().dayAt(this.now());
    switch (day.kind) {
      case 'holiday':
        return t('handoff.closedNow.holiday', { holiday: lang === 'th' ? day.holiday.nameTh : day.holiday.nameEn });
      case 'noHours':
        return t('handoff.closedNow.noHours', { today: formatDate(day.date, lang, { weekday: true }) });
      case 'hours': {
        const hours = day.spans.map((span) => `${span.start}–${span.end}`).join(', ');
        if (day.phase === 'open') return t('handoff.closedNow.closing', { end: this.closingTime() ?? day.spans[day.spans.length - 1].end });
        return t(`handoff.closedNow.${day.phase}`, { hours });
      }
    }
  }

  /** Whether the centre has officers at all: a centre without any is said to be so, not given a wait. */
  staffed(centreCode: string): Promise<boolean> {
    return this.deps.staffed(centreCode);
  }

  get(key: string): Promise<HandoffDocument | null> {
    return this.deps.repo.get(key);
  }

  /** The time of day (HH:mm, Bangkok) at which the current opening ends, if open now. */
  private closingTime(): string | undefined {
    const closes = this.officeHours().closesAt(this.now());
    return closes === undefined ? undefined : new Date(closes + 7 * 60 * 60 * 1000).toISOString().slice(11, 16);
  }

  position(handoff: HandoffDocument): Promise<number> {
    return this.deps.repo.position(handoff);
  }

  /** An honest wait estimate for that place, in whole minutes; undefined when there is too little history. */
  async estimateMinutes(handoff: HandoffDocument, position: number): Promise<number | undefined> {
    const ms = await this.deps.repo.estimateWaitMs(handoff.centreCode, position);
    return ms === undefined ? undefined : Math.max(1, Math.round(ms / 60000));
  }

  /**
   * The citizen asks for an officer. What the bot said before is copied into the officers' transcript, so the
   * officer knows what the citizen was told. Returns the handoff, or the one already waiting.
   */
  async request(
    context: TurnContext,
    options: { centreCode: string; kind: HandoffKind; reason: string; lang: Lang; complaintId?: string; history: ReadonlyArray<Omit<TranscriptMessage, '_id' | 'conversationKey'>> },
  ): Promise<{ handoff: HandoffDocument; created: boolean }> {
    const key = conversationKey(context.activity);
    const reference = { ...TurnContext.getConversationReference(context.activity) } as Record<string, unknown>;
    const result = await this.deps.repo.request({
      key,
      kind: options.kind,
      centreCode: options.centreCode,
      reason: options.reason,
      lang: options.lang,
      channelId: context.activity.channelId,
      conversation: reference,
      ...(options.complaintId ? { complaintId: options.complaintId } : {}),
    });
    if (!result.ok) {
      if (!result.current) throw new Error('The handoff request failed');
      return { handoff: result.current, created: false };
    }
    for (const entry of options.history) await this.deps.transcript.add({ ...entry, conversationKey: key });
    await this.deps.transcript.add({ conversationKey: key, speaker: 'system', text: `handoff.request:${options.kind}:${options.centreCode}` });
    await context.sendActivity(EventFactory.createHandoffInitiation(context, { kind: options.kind, centreCode: options.centreCode }) as Partial<Activity>);
    await this.publishItem(result.handoff);
    return { handoff: result.handoff, created: true };
  }

  /** A citizen's message while officers own the conversation: kept, shown to officers, acknowledged if waiting. */
  async citizenMessage(context: TurnContext, handoff: HandoffDocument): Promise<void> {
    const { activity } = context;
    const attachments = (activity.attachments ?? [])
      .filter((attachment) => typeof attachment.contentType === 'string')
      .map((attachment) => transcriptAttachment(handoff._id, attachment));
    const message = await this.deps.transcript.add({
      conversationKey: handoff._id,
      speaker: 'citizen',
      ...(activity.text ? { text: activity.text } : {}),
      ...(attachments.length > 0 ? { attachments } : {}),
    });
    await this.deps.repo.touch(handoff._id);
    this.deps.hub.publish(handoff.centreCode, { type: 'message', id: idOf(handoff._id), message: { ...this.view(message) } });
    // Writing back to an answered question makes it a conversation, in the officers' queue too.
    if (handoff.kind === 'question' && handoff.answeredAt !== undefined && (await this.deps.repo.answeredToConversation(handoff._id))) {
      const conversation = await this.deps.repo.get(handoff._id);
      if (conversation) await this.publishItem(conversation);
    }
    if (handoff.state !== 'queued') return;
    const lang = handoff.lang;
    if (handoff.kind === 'question') {
      const when = this.describeNextOpening(lang);
      const soon = this.liveNow() || !when || !(await this.deps.staffed(handoff.centreCode));
      await context.sendActivity(textMessage(
        soon ? this.deps.texts.get(lang, 'handoff.question.addedSoon') : this.deps.texts.get(lang, 'handoff.question.added', { when }),
      ));
      return;
    }
    const position = await this.deps.repo.position(handoff);
    await context.sendActivity(textMessage(this.deps.texts.get(lang, 'handoff.stillQueued', { position })));
  }

  async queue(scope: readonly string[] | 'all'): Promise<QueueItem[]> {
    const handoffs = await this.deps.repo.queue(scope, { states: ['queued', 'live'], limit: 200 });
    return Promise.all(handoffs.map((handoff) => this.item(handoff)));
  }

  /** A conversation in scope, with its transcript; undefined outside the scope, as if it did not exist. */
  async conversation(id: string, scope: readonly string[] | 'all'): Promise<{ item: QueueItem; messages: MessageView[]; handoff: HandoffDocument } | undefined> {
    const handoff = await this.inScope(id, scope);
    if (!handoff) return undefined;
    const messages = await this.deps.transcript.history(handoff._id);
    return { item: await this.item(handoff), messages: await Promise.all(messages.map((message) => this.viewWithName(message))), handoff };
  }

  async claim(officer: Officer, id: string, scope: readonly string[] | 'all'): Promise<ActionResult<QueueItem>> {
    const handoff = await this.inScope(id, scope);
    if (!handoff) return { ok: false, reason: 'not-found' };
    const result = await this.deps.repo.claim(handoff._id, officer._id, scope);
    if (!result.ok) return { ok: false, reason: 'conflict' };
    await this.deps.audit.record(officer._id, 'handoff.claim', handoff._id);
    await this.note(result.handoff, 'handoff.claim', officer._id);
    const lang = result.handoff.lang;
    // A question's citizen is told when the answer comes ("your answer has arrived"), not that it is being written.
    const joined = result.handoff.kind === 'live' ? [textMessage(this.deps.texts.get(lang, 'handoff.claimed', { officer: officer.displayName }))] : [];
    await this.sendToCitizen(result.handoff, [
      ...joined,
      EventFactory.createHandoffStatus({ id: handoff._id.slice(handoff._id.indexOf('/') + 1), isGroup: false, conversationType: 'personal', name: '' }, 'accepted') as Partial<Activity>,
    ], undefined);
    return { ok: true, value: await this.publishItem(result.handoff) };
  }

  /**
   * Whether the officer may reply to the conversation: in their scope, live, and theirs (or they are an admin).
   * The API asks before it reads an uploaded photo, so that nothing is stored for a reply that is refused.
   */
  async mayReply(officer: Officer, id: string, scope: readonly string[] | 'all'): Promise<ActionResult<HandoffDocument>> {
    const handoff = await this.inScope(id, scope);
    if (!handoff) return { ok: false, reason: 'not-found' };
    if (handoff.state !== 'live' || (handoff.officerId !== officer._id && officer.role !== 'admin')) return { ok: false, reason: 'not-yours' };
    return { ok: true, value: handoff };
  }

  /** An officer's reply; kept whatever happens, with whether it reached the citizen. */
  async reply(officer: Officer, id: string, scope: readonly string[] | 'all', content: { text?: string; attachments?: TranscriptAttachment[] }): Promise<ActionResult<MessageView>> {
    const allowed = await this.mayReply(officer, id, scope);
    if (!allowed.ok) return allowed;
    const handoff = allowed.value;
    const message = await this.deps.transcript.add({
      conversationKey: handoff._id,
      speaker: 'officer',
      officerId: officer._id,
      ...(content.text ? { text: content.text } : {}),
      ...(content.attachments && content.attachments.length > 0 ? { attachments: content.attachments } : {}),
      delivery: 'pending',
    });
    const activity: Partial<Activity> = markWrittenBy({
      type: 'message',
      ...(content.text ? replyText(handoff.channelId, content.text) : {}),
      ...(content.attachments && content.attachments.length > 0
        ? { attachments: content.attachments.map((attachment) => ({ contentType: attachment.contentType, contentUrl: attachment.url, name: attachment.name })) }
        : {}),
    }, { officerId: officer._id, displayName: officer.displayName });
    // The first answer to a question comes with the news that it has arrived: a citizen coming back sees that first.
    const answering = handoff.kind === 'question' ? await this.deps.repo.markAnswered(handoff._id) : null;
    const arrived = answering ? [textMessage(this.deps.texts.get(handoff.lang, 'handoff.answer.arrived', { officer: officer.displayName }))] : [];
    const outcome = await this.sendToCitizen(handoff, [...arrived, activity], message._id);
    // Not delivered, not answered: the next try says again that the answer has arrived.
    if (answering && !outcome.delivered) await this.deps.repo.unmarkAnswered(handoff._id);
    await this.deps.repo.touch(handoff._id);
    await this.deps.audit.record(officer._id, 'handoff.reply', handoff._id, { delivered: outcome.delivered });
    const stored: TranscriptMessage = outcome.delivered
      ? { ...message, delivery: 'delivered' }
      : { ...message, delivery: 'undeliverable', failure: outcome.failure };
    const view = await this.viewWithName(stored);
    this.deps.hub.publish(handoff.centreCode, { type: 'message', id, message: { ...view } });
    if (answering && outcome.delivered) await this.publishItem(answering);
    return { ok: true, value: view };
  }

  /** Moves the conversation to another centre's queue; `note`, for the receiving centre, stays on its item until the next transfer. */
  async transfer(officer: Officer, id: string, scope: readonly string[] | 'all', centreCode: string, note?: string): Promise<ActionResult<QueueItem>> {
    const target = this.deps.directory.centre(centreCode);
    if (!target) return { ok: false, reason: 'unknown-centre' };
    const handoff = await this.inScope(id, scope);
    if (!handoff) return { ok: false, reason: 'not-found' };
    const transferNote = note ? { text: note, at: this.now(), from: handoff.centreCode, officerId: officer._id } : undefined;
    const result = await this.deps.repo.transfer(handoff._id, centreCode, scope, transferNote);
    if (!result.ok) return { ok: false, reason: 'conflict' };
    await this.deps.audit.record(officer._id, 'handoff.transfer', handoff._id, { from: handoff.centreCode, to: centreCode, ...(note ? { note: true } : {}) });
    // Noted before the old centre hears it left, so its officers' open view shows where it went.
    await this.note(handoff, `handoff.transfer:${handoff.centreCode}:${centreCode}`, officer._id);
    const lang = result.handoff.lang;
    await this.sendToCitizen(result.handoff, [textMessage(this.deps.texts.get(lang, 'handoff.transferred', { centre: lang === 'th' ? target.nameTh : target.nameEn }))], undefined);
    // The old centre's officers see it leave; the new centre's see it arrive.
    this.deps.hub.publish(handoff.centreCode, { type: 'removed', id });
    return { ok: true, value: await this.publishItem(result.handoff) };
  }

  /**
   * An officer can no longer hold their live chats (their account was disabled, or their centres changed): each
   * chat outside `keepScope` goes back to its centre's queue, the citizen is told, and the centre's officers see
   * it arrive. Returns how many went back.
   */
  async requeueLiveChats(officerId: string, keepScope: readonly string[] | 'all' | 'none', actorId: string): Promise<number> {
    let requeued = 0;
    for (const handoff of await this.deps.repo.liveWith(officerId)) {
      if (keepScope === 'all' || (keepScope !== 'none' && keepScope.includes(handoff.centreCode))) continue;
      const result = await this.deps.repo.transfer(handoff._id, handoff.centreCode, 'all');
      if (!result.ok) continue;
      requeued += 1;
      await this.deps.audit.record(actorId, 'handoff.requeue', handoff._id, { from: officerId });
      await this.note(result.handoff, 'handoff.requeue', officerId);
      const lang = result.handoff.lang;
      const centre = this.deps.directory.centre(handoff.centreCode);
      await this.sendToCitizen(result.handoff, [textMessage(this.deps.texts.get(lang, 'handoff.requeued', { centre: (lang === 'th' ? centre?.nameTh : centre?.nameEn) ?? handoff.centreCode }))], undefined);
      await this.publishItem(result.handoff);
    }
    return requeued;
  }

  /**
   * Closes a conversation (an officer; idleness; or, for an answered question, the quiet after the answer): the
   * citizen is told, and the bot takes over with its menu.
   */
  async close(actor: Officer | 'idle' | 'answered', id: string, scope: readonly string[] | 'all'): Promise<ActionResult<QueueItem>> {
    const handoff = await this.inScope(id, scope);
    if (!handoff) return { ok: false, reason: 'not-found' };
    const byOfficer = typeof actor === 'object';
    const actorId = byOfficer ? actor._id : 'system';
    const result = await this.deps.repo.close(handoff._id, actorId, scope);
    if (!result.ok) return { ok: false, reason: 'conflict' };
    const code = byOfficer ? 'handoff.close' : actor === 'idle' ? 'handoff.idleClose' : 'handoff.answeredClose';
    await this.deps.audit.record(actorId, code, handoff._id);
    await this.note(result.handoff, code, byOfficer ? actor._id : undefined);
    const lang = result.handoff.lang;
    const farewell = byOfficer ? 'handoff.closed' : actor === 'idle' ? 'handoff.idleClosed' : 'handoff.answer.closed';
    await this.sendToCitizen(result.handoff, [
      textMessage(this.deps.texts.get(lang, farewell)),
      EventFactory.createHandoffStatus({ id: handoff._id.slice(handoff._id.indexOf('/') + 1), isGroup: false, conversationType: 'personal', name: '' }, 'completed') as Partial<Activity>,
      textMessage(this.deps.texts.get(lang, 'menu.anythingElse'), ['menu.file', 'menu.track', 'menu.faq', 'menu.officer'].map((key) => this.deps.texts.get(lang, key))),
    ], undefined);
    await this.deps.repo.release(handoff._id);
    this.deps.hub.publish(handoff.centreCode, { type: 'removed', id });
    return { ok: true, value: await this.item(result.handoff) };
  }

  /** The citizen gives up waiting ("ยกเลิก" while queued). */
  async withdraw(context: TurnContext, handoff: HandoffDocument): Promise<boolean> {
    const result = await this.deps.repo.withdraw(handoff._id);
    if (!result.ok) return false;
    await this.note(handoff, 'handoff.withdraw');
    await context.sendActivity(textMessage(this.deps.texts.get(handoff.lang, 'handoff.cancelled')));
    this.deps.hub.publish(handoff.centreCode, { type: 'removed', id: idOf(handoff._id) });
    return true;
  }

  /**
   * The citizen leaves a conversation an officer holds ("เมนู", "ยกเลิก", "เริ่มใหม่" — an answered question
   * included, where the officer may be long gone): it is closed, the officers see why, and the bot takes over
   * with its menu. False when the conversation moved meanwhile.
   */
  async leave(context: TurnContext, handoff: HandoffDocument): Promise<boolean> {
    const result = await this.deps.repo.close(handoff._id, 'citizen');
    if (!result.ok) return false;
    await this.note(result.handoff, 'handoff.citizenLeft');
    const lang = result.handoff.lang;
    await context.sendActivity(textMessage(this.deps.texts.get(lang, 'handoff.left')));
    await context.sendActivity(EventFactory.createHandoffStatus(context.activity.conversation, 'completed') as Partial<Activity>);
    await context.sendActivity(textMessage(this.deps.texts.get(lang, 'menu.anythingElse'), ['menu.file', 'menu.track', 'menu.faq', 'menu.officer'].map((key) => this.deps.texts.get(lang, key))));
    await this.deps.repo.release(handoff._id);
    this.deps.hub.publish(handoff.centreCode, { type: 'removed', id: idOf(handoff._id) });
    return true;
  }

  /** Turns a waiting live request into a question (the citizen took the offer). */
  async leaveQuestion(context: TurnContext, handoff: HandoffDocument): Promise<void> {
    const result = await this.deps.repo.toQuestion(handoff._id);
    if (result.ok) await this.note(handoff, 'handoff.toQuestion');
    await context.sendActivity(textMessage(this.deps.texts.get(handoff.lang, 'handoff.offer.left')));
    if (result.ok) await this.publishItem(result.handoff);
  }

  /**
   * Periodic work: answered questions gone quiet and live chats idle too long are closed; requests unclaimed too
   * long are offered to become a question (once).
   */
  async sweep(): Promise<void> {
    const now = this.now();
    for (const handoff of await this.deps.repo.answeredQuiet(now - ANSWERED_QUIET_MS)) await this.close('answered', idOf(handoff._id), 'all');
    for (const handoff of await this.deps.repo.idleLive(now - (this.deps.idleAfterMs ?? LIVE_IDLE_MS))) await this.close('idle', idOf(handoff._id), 'all');
    for (const handoff of await this.deps.repo.unclaimedSince(now - (this.deps.offerAfterMs ?? UNCLAIMED_OFFER_MS))) {
      if (await this.deps.repo.markOffered(handoff._id)) {
        await this.note(handoff, 'handoff.offer');
        const lang = handoff.lang;
        await this.sendToCitizen(handoff, [
          textMessage(this.deps.texts.get(lang, 'handoff.noOfficer.offer'), [this.deps.texts.get(lang, 'handoff.offer.leave'), this.deps.texts.get(lang, 'handoff.offer.wait')]),
        ], undefined);
      }
    }
  }

  /**
   * A line in the conversation's history saying what happened to it (claimed, transferred, closed, …), as a code
   * the officer app puts into words in the officer's language; officers with the conversation open see it at once.
   */
  private async note(handoff: HandoffDocument, code: string, officerId?: string): Promise<void> {
    const message = await this.deps.transcript.add({ conversationKey: handoff._id, speaker: 'system', text: code, ...(officerId ? { officerId } : {}) });
    this.deps.hub.publish(handoff.centreCode, { type: 'message', id: idOf(handoff._id), message: { ...(await this.viewWithName(message)) } });
  }

  /** Sends to the citizen's channel; records whether an officer's message arrived. */
  private async sendToCitizen(handoff: HandoffDocument, activities: Array<Partial<Activity>>, messageId: string | undefined): Promise<DeliveryOutcome> {
    const outcome = await this.deps.deliverer.deliver(handoff.conversation, activities);
    if (messageId) {
      await this.deps.transcript.markDelivery(messageId, outcome.delivered ? 'delivered' : 'undeliverable', outcome.delivered ? undefined : outcome.failure);
    }
    if (!outcome.delivered && !messageId) {
      await this.deps.transcript.add({ conversationKey: handoff._id, speaker: 'system', text: 'undeliverable', delivery: 'undeliverable', failure: outcome.failure });
    }
    return outcome;
  }

  private async inScope(id: string, scope: readonly string[] | 'all'): Promise<HandoffDocument | undefined> {
    const key = keyOf(id);
    if (!key) return undefined;
    const handoff = await this.deps.repo.get(key);
    if (!handoff || (scope !== 'all' && !scope.includes(handoff.centreCode))) return undefined;
    return handoff;
  }

  private async publishItem(handoff: HandoffDocument): Promise<QueueItem> {
    const item = await this.item(handoff);
    this.deps.hub.publish(handoff.centreCode, { type: 'queue', item: { ...item } });
    return item;
  }

  private async item(handoff: HandoffDocument): Promise<QueueItem> {
    const centre = this.deps.directory.centre(handoff.centreCode);
    const officerName = handoff.officerId ? await this.deps.officerName(handoff.officerId) : undefined;
    const complaint = handoff.complaintId && this.deps.complaintSummary ? await this.deps.complaintSummary(handoff.complaintId) : undefined;
    const note = handoff.transferNote;
    const noteBy = note ? await this.deps.officerName(note.officerId) : undefined;
    return {
      id: idOf(handoff._id),
      state: handoff.state,
      kind: handoff.kind,
      centreCode: handoff.centreCode,
      centreName: { th: centre?.nameTh ?? handoff.centreCode, en: centre?.nameEn ?? handoff.centreCode },
      channelId: handoff.channelId,
      lang: handoff.lang,
      reason: handoff.reason,
      requestedAt: handoff.requestedAt,
      queuedAt: handoff.queuedAt,
      lastActivityAt: handoff.lastActivityAt,
      ...(handoff.officerId ? { officerId: handoff.officerId } : {}),
      ...(officerName ? { officerName } : {}),
      ...(handoff.complaintId ? { complaintId: handoff.complaintId } : {}),
      ...(complaint ? { complaint } : {}),
      ...(handoff.kind === 'question' && handoff.answeredAt !== undefined ? { answeredAt: handoff.answeredAt } : {}),
      ...(note ? { transferNote: { ...note, ...(noteBy ? { officerName: noteBy } : {}) } } : {}),
    };
  }

  private view(message: TranscriptMessage): MessageView {
    return {
      id: message._id,
      at: message.at,
      speaker: message.speaker,
      ...(message.text !== undefined ? { text: message.text } : {}),
      ...(message.attachments ? { attachments: officerAttachments(message.conversationKey, message.attachments) } : {}),
      ...(message.delivery ? { delivery: message.delivery } : {}),
      ...(message.failure ? { failure: message.failure } : {}),
    };
  }

  private async viewWithName(message: TranscriptMessage): Promise<MessageView> {
    const name = message.officerId ? await this.deps.officerName(message.officerId) : undefined;
    return { ...this.view(message), ...(name ? { officerName: name } : {}) };
  }
}
