import type { QueueItem } from '../../handoff/web/src/api/types';
import { afterRemoval, badgeOf, byWaiting, neighbour, sections, stateOf, waitingSince } from '../../handoff/web/src/logic/queue';

/** The officer app's queue: its order, its sections, what each item says of itself, and moving through it. */

const item = (id: string, queuedAt: number, extra: Partial<QueueItem> = {}): QueueItem => ({
  id,
  state: 'queued',
  kind: 'live',
  centreCode: '50',
  centreName: { th: 'ศูนย์ดำรงธรรมจังหวัดเชียงใหม่', en: 'Chiang Mai Provincial Damrongdham Center' },
  channelId: 'directline',
  lang: 'th',
  reason: '',
  requestedAt: queuedAt,
  queuedAt,
  lastActivityAt: queuedAt,
  ...extra,
});

test('oldest first, whatever order the service or the stream gave them in', () => {
  const items = [item('c', 3000), item('a', 1000), item('b', 2000)];
  expect(byWaiting(items).map((entry) => entry.id)).toEqual(['a', 'b', 'c']);
  // The same instant: a stable order, by id, so that the list does not jump between redraws.
  expect(byWaiting([item('y', 1000), item('x', 1000)]).map((entry) => entry.id)).toEqual(['x', 'y']);
});

test('live chats and questions apart, each oldest first', () => {
  const split = sections([item('q2', 4000, { kind: 'question' }), item('l2', 3000), item('q1', 2000, { kind: 'question' }), item('l1', 1000)]);
  expect(split.live.map((entry) => entry.id)).toEqual(['l1', 'l2']);
  expect(split.questions.map((entry) => entry.id)).toEqual(['q1', 'q2']);
});

test.each([
  ['waiting', item('a', 1), 'me', { key: 'stateQueued' }, 'queued'],
  ['with me', item('a', 1, { state: 'live', officerId: 'me', officerName: 'สมศรี' }), 'me', { key: 'stateLiveWithYou' }, 'mine'],
  ['with another officer', item('a', 1, { state: 'live', officerId: 'other', officerName: 'วิไล' }), 'me', { key: 'stateLiveWith', vars: { name: 'วิไล' } }, 'live'],
  ['with an officer the service does not name', item('a', 1, { state: 'live', officerId: 'other' }), 'me', { key: 'stateLiveWith', vars: { name: 'another officer' } }, 'live'],
  ['answered by me', item('a', 1, { state: 'live', officerId: 'me', answeredAt: 5 }), 'me', { key: 'stateAnsweredByYou' }, 'answered'],
  ['answered by another', item('a', 1, { state: 'live', officerId: 'other', officerName: 'วิไล', answeredAt: 5 }), 'me', { key: 'stateAnsweredBy', vars: { name: 'วิไล' } }, 'answered'],
  ['closed', item('a', 1, { state: 'closed' }), 'me', { key: 'stateClosed' }, 'queued'],
  ['back with the bot', item('a', 1, { state: 'bot' }), 'me', { key: 'stateBot' }, 'queued'],
] as const)('an item %s says so', (_, entry, me, said, badge) => {
  expect(stateOf(entry, me, 'another officer')).toEqual(said);
  expect(badgeOf(entry, me)).toBe(badge);
});

test('the wait counts from the request, or from when it was queued again', () => {
  expect(waitingSince(item('a', 2000, { requestedAt: 1000 }))).toBe(1000);
});

test('next and previous move through the order shown and stop at its ends', () => {
  const order = [item('a', 1), item('b', 2), item('c', 3)];
  expect(neighbour(order, undefined, 1)?.id).toBe('a');
  expect(neighbour(order, undefined, -1)?.id).toBe('c');
  expect(neighbour(order, 'a', 1)?.id).toBe('b');
  expect(neighbour(order, 'c', 1)?.id).toBe('c');
  expect(neighbour(order, 'a', -1)?.id).toBe('a');
  // A conversation no longer in the queue (closed): the first item.
  expect(neighbour(order, 'gone', 1)?.id).toBe('a');
  expect(neighbour([], 'a', 1)).toBeUndefined();
});

test.each([
  ['the first of three', ['a', 'b', 'c'], 'a', 'b'],
  ['the middle one', ['a', 'b', 'c'], 'b', 'c'],
  ['the last one: the one before it', ['a', 'b', 'c'], 'c', 'b'],
  ['the only one: none', ['a'], 'a', undefined],
  ['one already gone: the first', ['a', 'b'], 'gone', 'a'],
  ['from an empty queue: none', [], 'a', undefined],
])('after a close, the focus goes to the next item: %s', (_, ids, removed, next) => {
  const order = ids.map((id, index) => item(id, index));
  expect(afterRemoval(order, removed)?.id).toBe(next);
});
