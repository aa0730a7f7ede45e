import { HandoffRepository, type HandoffRequest } from '../../../lib/handoff/handoffs';
import { botOwns, HANDOFF_EVENTS, HANDOFF_STATES, handoffStatus, nextState } from '../../../lib/handoff/stateMachine';
import type { Store } from '../../../lib/store/types';
import { openTempStore } from '../../helpers/tempStore';

describe('the handoff state machine', () => {
  test.each([
    ['bot', 'request', 'queued'],
    ['queued', 'claim', 'live'],
    ['queued', 'transfer', 'queued'],
    ['queued', 'withdraw', 'bot'],
    ['queued', 'close', 'closed'],
    ['live', 'transfer', 'queued'],
    ['live', 'close', 'closed'],
    ['closed', 'release', 'bot'],
    ['closed', 'request', 'queued'],
  ] as const)('%s --%s--> %s', (from, event, to) => {
    expect(nextState(from, event)).toBe(to);
  });

  test('every other move is refused', () => {
    const allowed = new Set(['bot:request', 'queued:claim', 'queued:transfer', 'queued:withdraw', 'queued:close', 'live:transfer', 'live:close', 'closed:release', 'closed:request']);
    for (const state of HANDOFF_STATES) {
      for (const event of HANDOFF_EVENTS) {
        if (!allowed.has(`${state}:${event}`)) expect([state, event, nextState(state, event)]).toEqual([state, event, undefined]);
      }
    }
  });

  test('the bot speaks only when no officer owns the conversation, and clients hear the handoff status', () => {
    expect(HANDOFF_STATES.filter(botOwns)).toEqual(['bot', 'closed']);
    expect(handoffStatus('live')).toBe('accepted');
    expect(handoffStatus('closed')).toBe('completed');
    expect(handoffStatus('queued')).toBeUndefined();
  });
});

describe('HandoffRepository', () => {
  let store: Store;
  let close: () => Promise<void>;
  let now: number;
  let repo: HandoffRepository;
  beforeEach(async () => {
    ({ store, close } = await openTempStore());
    now = 1_000_000;
    repo = new HandoffRepository(store, () => now);
  });
  afterEach(async () => close());

  const request = (key: string, centreCode = '50', kind: 'live' | 'question' = 'live'): HandoffRequest => ({
    key, kind, centreCode, reason: 'ถนนพัง', lang: 'th', channelId: 'directline', conversation: { conversation: { id: key } },
  });

  test('a request queues the conversation; a second request while waiting is refused', async () => {
    const first = await repo.request(request('c1'));
    expect(first).toMatchObject({ ok: true, handoff: { _id: 'c1', state: 'queued', centreCode: '50', queuedAt: now } });
    const again = await repo.request(request('c1', '40'));
    expect(again).toMatchObject({ ok: false, current: { state: 'queued', centreCode: '50' } });
  });

  test('of 20 officers claiming one citizen at once, exactly one wins', async () => {
    await repo.request(request('c1'));
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => repo.claim('c1', `officer-${i}`, ['50'])));
    const winners = results.filter((result) => result.ok);
    expect(winners).toHaveLength(1);
    expect((await repo.get('c1'))?.officerId).toBe(winners[0].ok ? winners[0].handoff.officerId : undefined);
  });

  test('an officer cannot claim outside their centres', async () => {
    await repo.request(request('c1', '50'));
    expect((await repo.claim('c1', 'o1', ['40'])).ok).toBe(false);
    expect((await repo.get('c1'))?.state).toBe('queued');
    expect((await repo.claim('c1', 'admin', 'all')).ok).toBe(true);
  });

  test('transfer puts it in another centre\'s queue, anew; close, release and a new request follow', async () => {
    await repo.request(request('c1', '50'));
    await repo.claim('c1', 'o1', ['50']);
    now += 1000;
    const moved = await repo.transfer('c1', '5001', ['50']);
    expect(moved).toMatchObject({ ok: true, handoff: { state: 'queued', centreCode: '5001', queuedAt: now } });
    expect(moved.ok && moved.handoff.officerId).toBeUndefined();
    await repo.claim('c1', 'o2', ['5001']);
    expect(await repo.close('c1', 'o2', ['5001'])).toMatchObject({ ok: true, handoff: { state: 'closed', closedBy: 'o2' } });
    expect(await repo.release('c1')).toMatchObject({ ok: true, handoff: { state: 'bot' } });
    expect(await repo.request(request('c1', '40'))).toMatchObject({ ok: true, handoff: { state: 'queued', centreCode: '40' } });
  });

  test('withdrawing and claiming at once: exactly one happens', async () => {
    await repo.request(request('c1'));
    const [withdrawn, claimed] = await Promise.all([repo.withdraw('c1'), repo.claim('c1', 'o1', ['50'])]);
    expect([withdrawn.ok, claimed.ok].filter(Boolean)).toHaveLength(1);
  });

  test('the queue is per centre, oldest first, and positions count live chats ahead', async () => {
    for (const [key, centre, kind] of [['a', '50', 'live'], ['b', '40', 'live'], ['c', '50', 'question'], ['d', '50', 'live']] as const) {
      await repo.request(request(key, centre, kind));
      now += 1000;
    }
    expect((await repo.queue(['50'])).map((handoff) => handoff._id)).toEqual(['a', 'c', 'd']);
    expect((await repo.queue('all')).map((handoff) => handoff._id)).toEqual(['a', 'b', 'c', 'd']);
    expect(await repo.position((await repo.get('d'))!)).toBe(2);
    expect(await repo.position((await repo.get('a'))!)).toBe(1);
  });

  test('the wait estimate comes from recent claims, or is not given', async () => {
    expect(await repo.estimateWaitMs('50', 1)).toBeUndefined();
    for (const [i, wait] of [60_000, 120_000, 180_000].entries()) {
      await repo.request(request(`w${i}`));
      now += wait;
      await repo.claim(`w${i}`, 'o', ['50']);
    }
    expect(await repo.estimateWaitMs('50', 2)).toBe(240_000);
  });

  test('idle live chats and long waits are found for closing and for the offer to leave a question', async () => {
    await repo.request(request('old'));
    await repo.claim('old', 'o', ['50']);
    now += 60_000;
    await repo.request(request('new'));
    expect((await repo.idleLive(now - 30_000)).map((handoff) => handoff._id)).toEqual(['old']);
    expect((await repo.unclaimedSince(now + 1)).map((handoff) => handoff._id)).toEqual(['new']);
    expect(await repo.toQuestion('new')).toMatchObject({ ok: true, handoff: { kind: 'question', state: 'queued' } });
    expect((await repo.unclaimedSince(now + 1)).map((handoff) => handoff._id)).toEqual([]);
  });
  test('the queue of all centres merges waiting and live chats in order, page by page', async () => {
    for (const key of ['a', 'b', 'c', 'd', 'e']) {
      await repo.request(request(key, key < 'c' ? '50' : '40'));
      now += 1000;
    }
    await repo.claim('b', 'o', 'all');
    await repo.claim('e', 'o', 'all');
    expect((await repo.queue('all', { states: ['queued', 'live'] })).map((handoff) => handoff._id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect((await repo.queue('all', { states: ['queued', 'live'], limit: 2, skip: 2 })).map((handoff) => handoff._id)).toEqual(['c', 'd']);
    expect((await repo.queue(['50', '40'], { states: ['queued', 'live'], limit: 3 })).map((handoff) => handoff._id)).toEqual(['a', 'b', 'c']);
    expect((await repo.queue('all')).map((handoff) => handoff._id)).toEqual(['a', 'c', 'd']);
  });

  test('the offer to leave a question is made once per request', async () => {
    await repo.request(request('slow'));
    now += 60_000;
    expect(await repo.markOffered('slow')).toBe(true);
    expect(await repo.markOffered('slow')).toBe(false);
    expect((await repo.unclaimedSince(now + 1)).map((handoff) => handoff._id)).toEqual([]);
    // A new request after the first ended is offered again.
    await repo.withdraw('slow');
    await repo.request(request('slow'));
    expect((await repo.unclaimedSince(now + 1)).map((handoff) => handoff._id)).toEqual(['slow']);
  });
});
