import { activityId, DirectLineLog, PAGE_SIZE } from '../../../lib/directline/log';
import { openStore } from '../../../lib/store';
import type { BaseDocument, Collection, Store } from '../../../lib/store/types';
import { makeTempDir } from '../../helpers/tempDir';

/**
 * The activity log every Direct Line client reads: numbering, watermark paging, order under concurrent
 * appends, and what survives closing and reopening the store (a restart).
 */

class Clock {
  constructor(public ms = Date.UTC(2026, 10, 23, 3, 0, 0)) {}
  now = (): number => this.ms;
}

/**
 * A store whose inserts finish in the reverse order they were started (each waits less than the one before),
 * the way writes to a remote database can complete out of order. Under it, only the log's own serialisation
 * keeps activity n+1 from being readable before activity n.
 */
function reorderingStore(inner: Store): Store {
  let pending = 0;
  const slow = <T extends BaseDocument>(collection: Collection<T>): Collection<T> => new Proxy(collection, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (property !== 'insertOne' || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value;
      return async (doc: Parameters<Collection<T>['insertOne']>[0]) => {
        pending += 1;
        const delay = Math.max(0, 40 - pending * 2);
        await new Promise((resolve) => setTimeout(resolve, delay));
        return target.insertOne(doc);
      };
    },
  });
  return {
    kind: inner.kind,
    collection: <T extends BaseDocument>(name: string) => slow(inner.collection<T>(name)),
    ping: () => inner.ping(),
    reclaimSpace: () => inner.reclaimSpace(),
    close: () => inner.close(),
  };
}

describe('DirectLineLog', () => {
  let dir: string;
  let cleanup: () => void;
  let store: Store;
  let clock: Clock;
  let log: DirectLineLog;
  beforeEach(async () => {
    ({ dir, cleanup } = makeTempDir());
    store = await openStore({ dataDir: dir });
    clock = new Clock();
    log = new DirectLineLog(store, clock.now);
  });
  afterEach(async () => {
    await store.close();
    cleanup();
  });

  const message = (text: string) => (id: string) => ({ type: 'message', text, id: `ignored-${id}` });

  describe('conversations', () => {
    test('open creates a conversation once; its user and locale are kept, later opens change nothing', async () => {
      const first = await log.open('conv-a', 'dl_owner', 'th-TH');
      expect(first.created).toBe(true);
      expect(first.conversation).toMatchObject({ _id: 'conv-a', channelId: 'directline', userId: 'dl_owner', locale: 'th-TH', createdAt: clock.ms, lastActivityAt: clock.ms });
      clock.ms += 1000;
      const second = await log.open('conv-a', 'dl_intruder', 'en-US');
      expect(second.created).toBe(false);
      expect(second.conversation).toMatchObject({ userId: 'dl_owner', locale: 'th-TH', createdAt: first.conversation.createdAt });
      expect(await log.get('conv-a')).toMatchObject({ userId: 'dl_owner' });
      expect(await log.get('conv-unknown')).toBeNull();
    });

    test('appending to a conversation that was never opened fails and writes nothing', async () => {
      await expect(log.append('conv-none', message('hello'))).rejects.toThrow(/No conversation conv-none/);
      expect(await log.since('conv-none', 0)).toEqual({ activities: [], watermark: 0 });
    });
  });

  describe('numbering', () => {
    test('activities are numbered 1, 2, 3… per conversation; the id is conversationId|0000001 and overrides what build returns', async () => {
      await log.open('conv-a', 'dl_a');
      await log.open('conv-b', 'dl_b');
      const seen: string[] = [];
      const build = (text: string) => (id: string) => {
        seen.push(id);
        return { type: 'message', text, id: 'client-chosen-id' };
      };
      const a1 = await log.append('conv-a', build('a1'));
      const a2 = await log.append('conv-a', build('a2'));
      const b1 = await log.append('conv-b', build('b1'));
      const a3 = await log.append('conv-a', build('a3'));
      expect([a1.seq, a2.seq, b1.seq, a3.seq]).toEqual([1, 2, 1, 3]);
      expect([a1.activity.id, a2.activity.id, b1.activity.id, a3.activity.id]).toEqual(['conv-a|0000001', 'conv-a|0000002', 'conv-b|0000001', 'conv-a|0000003']);
      expect(seen).toEqual(['conv-a|0000001', 'conv-a|0000002', 'conv-b|0000001', 'conv-a|0000003']);
      expect(a1.activity).toEqual({ type: 'message', text: 'a1', id: 'conv-a|0000001' });
    });

    test('activityId pads to seven digits and sorts as the numbers do', () => {
      expect(activityId('c', 1)).toBe('c|0000001');
      expect(activityId('c', 1234567)).toBe('c|1234567');
      const ids = [9, 10, 100, 2].map((n) => activityId('c', n));
      expect([...ids].sort()).toEqual([2, 9, 10, 100].map((n) => activityId('c', n)));
    });

    test('appends move the conversation\'s last activity time, at most once a minute', async () => {
      const opened = clock.ms;
      await log.open('conv-a', 'dl_a');
      clock.ms += 5000;
      await log.append('conv-a', message('soon'));
      expect(await log.get('conv-a')).toMatchObject({ lastActivityAt: opened });
      clock.ms += 61_000;
      await log.append('conv-a', message('later'));
      expect(await log.get('conv-a')).toMatchObject({ lastActivityAt: clock.ms });
    });

    test('after a restart the numbering continues from the log, and a number taken elsewhere is skipped', async () => {
      await log.open('conv-a', 'dl_a');
      await log.append('conv-a', message('one'));
      const other = new DirectLineLog(store, () => clock.ms);
      expect((await other.append('conv-a', message('two'))).seq).toBe(2);
      // The first log still believes 2 is next: the unique index refuses it and it moves on to 3.
      expect((await log.append('conv-a', message('three'))).seq).toBe(3);
      expect((await log.since('conv-a', 0)).activities.map((activity) => activity.text)).toEqual(['one', 'two', 'three']);
    });

    test('an activity comes back exactly as built, card keys such as $schema included', async () => {
      await log.open('conv-a', 'dl_a');
      const card = { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', 'a.b': 1, body: [{ type: 'TextBlock', text: 'ถนนชำรุด <b>' }] };
      await log.append('conv-a', (id) => ({ type: 'message', id, attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] }));
      const { activities } = await log.since('conv-a', 0);
      expect(activities).toEqual([{ type: 'message', id: 'conv-a|0000001', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] }]);
    });
  });

  describe('watermark paging', () => {
    test('since(watermark) returns what follows it, oldest first; the new watermark is the last number returned', async () => {
      await log.open('conv-a', 'dl_a');
      for (let n = 1; n <= 5; n += 1) await log.append('conv-a', message(`m${n}`));
      const all = await log.since('conv-a', 0);
      expect(all.activities.map((a) => a.text)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
      expect(all.watermark).toBe(5);
      const after3 = await log.since('conv-a', 3);
      expect(after3.activities.map((a) => a.id)).toEqual(['conv-a|0000004', 'conv-a|0000005']);
      expect(after3.watermark).toBe(5);
      // Nothing new: the watermark stays where the client is, it never goes back to 0.
      expect(await log.since('conv-a', 5)).toEqual({ activities: [], watermark: 5 });
      expect(await log.since('conv-a', 99)).toEqual({ activities: [], watermark: 99 });
    });

    test(`more than a page (${PAGE_SIZE}) is read page by page, with no gap and no repeat`, async () => {
      await log.open('conv-a', 'dl_a');
      await log.open('conv-other', 'dl_o');
      const total = PAGE_SIZE * 2 + 37;
      for (let n = 1; n <= total; n += 1) {
        await log.append('conv-a', message(`m${n}`));
        if (n % 50 === 0) await log.append('conv-other', message(`noise ${n}`));
      }
      const pages: number[] = [];
      const texts: unknown[] = [];
      let watermark = 0;
      for (let guard = 0; guard < 10; guard += 1) {
        const page = await log.since('conv-a', watermark);
        if (page.activities.length === 0) break;
        pages.push(page.activities.length);
        texts.push(...page.activities.map((a) => a.text));
        expect(page.watermark).toBe(watermark + page.activities.length);
        watermark = page.watermark;
      }
      expect(pages).toEqual([PAGE_SIZE, PAGE_SIZE, 37]);
      expect(texts).toEqual(Array.from({ length: total }, (_, i) => `m${i + 1}`));
      expect(watermark).toBe(total);
    });

    test('a smaller limit pages the same way', async () => {
      await log.open('conv-a', 'dl_a');
      for (let n = 1; n <= 7; n += 1) await log.append('conv-a', message(`m${n}`));
      const first = await log.since('conv-a', 0, { limit: 3 });
      const second = await log.since('conv-a', first.watermark, { limit: 3 });
      const third = await log.since('conv-a', second.watermark, { limit: 3 });
      expect([first, second, third].map((page) => [page.activities.map((a) => a.text), page.watermark])).toEqual([
        [['m1', 'm2', 'm3'], 3],
        [['m4', 'm5', 'm6'], 6],
        [['m7'], 7],
      ]);
    });
  });

  describe('concurrent appends', () => {
    test('concurrent appends to one conversation get distinct, gapless numbers, and ids match numbers', async () => {
      await log.open('conv-a', 'dl_a');
      const results = await Promise.all(Array.from({ length: 40 }, (_, i) => log.append('conv-a', message(`m${i}`))));
      expect(results.map((r) => r.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      for (const { seq, activity } of results) expect(activity.id).toBe(activityId('conv-a', seq));
      // Appends are served in the order they were made.
      expect(results.map((r) => r.activity.text)).toEqual(Array.from({ length: 40 }, (_, i) => `m${i}`));
    });

    test('even when the store finishes writes out of order, a reader polling during the appends never skips an activity', async () => {
      const slowLog = new DirectLineLog(reorderingStore(store), clock.now);
      await slowLog.open('conv-a', 'dl_a');
      await slowLog.open('conv-b', 'dl_b');
      const count = 15;
      const inA = 10;
      let writing = true;
      const read: string[] = [];
      const reader = (async () => {
        let watermark = 0;
        // Bounded: the appends take well under a second.
        for (let round = 0; round < 2000 && (writing || read.length < inA); round += 1) {
          const page = await log.since('conv-a', watermark);
          read.push(...page.activities.map((a) => a.id));
          watermark = page.watermark;
          await new Promise((resolve) => setTimeout(resolve, 1));
        }
      })();
      const appends = Array.from({ length: count }, (_, i) => slowLog.append(i % 3 === 2 ? 'conv-b' : 'conv-a', message(`m${i}`)));
      await Promise.all(appends);
      writing = false;
      await reader;
      const expected = Array.from({ length: inA }, (_, i) => activityId('conv-a', i + 1));
      expect(read).toEqual(expected);
      expect((await log.since('conv-b', 0)).activities.map((a) => a.id)).toEqual(Array.from({ length: count - inA }, (_, i) => activityId('conv-b', i + 1)));
    });
  });

  describe('persistence', () => {
    test('after closing and reopening the store, the log reads the same and numbering goes on where it stopped', async () => {
      await log.open('conv-a', 'dl_a', 'th');
      for (let n = 1; n <= 3; n += 1) await log.append('conv-a', message(`before ${n}`));
      const before = await log.since('conv-a', 0);
      await store.close();

      store = await openStore({ dataDir: dir });
      log = new DirectLineLog(store, clock.now);
      expect(await log.since('conv-a', 0)).toEqual(before);
      expect(await log.get('conv-a')).toMatchObject({ userId: 'dl_a', locale: 'th' });
      const next = await log.append('conv-a', message('after'));
      expect(next.seq).toBe(4);
      expect((await log.since('conv-a', 3)).activities).toEqual([{ type: 'message', text: 'after', id: 'conv-a|0000004' }]);
      expect((await log.open('conv-a', 'dl_other')).created).toBe(false);
    });
  });
});
