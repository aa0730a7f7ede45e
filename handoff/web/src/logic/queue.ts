import type { QueueItem } from '../api/types';
import { type Said, said } from './text';
import { toTime } from './time';

/** The queue as officers work it: oldest first, so that nobody who waited longer is passed over. */
export function byWaiting(items: Iterable<QueueItem>): QueueItem[] {
  return Array.from(items).sort((a, b) => (toTime(a.queuedAt) ?? 0) - (toTime(b.queuedAt) ?? 0) || a.id.localeCompare(b.id));
}

/** Live chats and questions left after hours, each oldest first. */
export function sections(items: Iterable<QueueItem>): { live: QueueItem[]; questions: QueueItem[] } {
  const sorted = byWaiting(items);
  return { live: sorted.filter((item) => item.kind !== 'question'), questions: sorted.filter((item) => item.kind === 'question') };
}

/** Since when the citizen has waited (their request, or when they were queued again). */
export function waitingSince(item: QueueItem): number | undefined {
  return toTime(item.requestedAt) ?? toTime(item.queuedAt);
}

export function isMine(item: Pick<QueueItem, 'officerId'> | undefined, officerId: string | undefined): boolean {
  return Boolean(item?.officerId && officerId && item.officerId === officerId);
}

/** Where an item stands, in words; an answered question waits for nothing, so it is no live chat. */
export function stateOf(item: QueueItem, officerId: string | undefined, anOfficer: string): Said {
  const name = item.officerName ?? anOfficer;
  const mine = isMine(item, officerId);
  switch (item.state) {
    case 'queued':
      return said('stateQueued');
    case 'live':
      if (item.answeredAt) return mine ? said('stateAnsweredByYou') : said('stateAnsweredBy', { name });
      return mine ? said('stateLiveWithYou') : said('stateLiveWith', { name });
    case 'closed':
      return said('stateClosed');
    default:
      return said('stateBot');
  }
}

/** The badge's look: waiting, with me, with someone else, answered. */
export function badgeOf(item: QueueItem, officerId: string | undefined): 'queued' | 'mine' | 'live' | 'answered' {
  if (item.state !== 'live') return 'queued';
  if (item.answeredAt) return 'answered';
  return isMine(item, officerId) ? 'mine' : 'live';
}

/** The item after or before `current` in the order shown (live chats, then questions), for the keyboard. */
export function neighbour(order: readonly QueueItem[], current: string | undefined, step: 1 | -1): QueueItem | undefined {
  if (order.length === 0) return undefined;
  const at = order.findIndex((item) => item.id === current);
  if (at === -1) return step === 1 ? order[0] : order[order.length - 1];
  return order[Math.min(order.length - 1, Math.max(0, at + step))];
}

/**
 * The item the officer is taken to once one leaves the queue (closed): the one after it, or the one before it
 * when it was the last; none when the queue is then empty.
 */
export function afterRemoval(order: readonly QueueItem[], removed: string): QueueItem | undefined {
  const at = order.findIndex((item) => item.id === removed);
  const rest = order.filter((item) => item.id !== removed);
  if (rest.length === 0) return undefined;
  return rest[Math.min(Math.max(at, 0), rest.length - 1)];
}

export function channelKey(channelId: string): string | undefined {
  switch (channelId) {
    case 'directline':
    case 'webchat':
      return 'channelWeb';
    case 'facebook':
      return 'channelMessenger';
    case 'line':
      return 'channelLine';
    default:
      return undefined;
  }
}
