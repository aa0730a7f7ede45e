import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SERVICE_INDEXES } from '../../../bot/indexes';
import { isAppError } from '../../../lib/errors';
import { ensureIndexes } from '../../../lib/store/indexes';
import type { Store } from '../../../lib/store/types';
import { openTempStore } from '../../helpers/tempStore';

/** The store creates the indexes it is given, and knows no feature: each feature declares its own. */

describe('indexes', () => {
  let store: Store;
  let close: () => Promise<void>;
  beforeEach(async () => ({ store, close } = await openTempStore()));
  afterEach(async () => close());

  test('creates what it is given, and again without complaint', async () => {
    const given = [{ collection: 'things', keys: { name: 1 as const }, options: { unique: true } }];
    await ensureIndexes(store, given);
    await ensureIndexes(store, given);
    await store.collection<{ _id: string; name: string }>('things').insertOne({ _id: 'a', name: 'same' });
    const duplicate = await store.collection<{ _id: string; name: string }>('things').insertOne({ _id: 'b', name: 'same' }).catch((error: unknown) => error);
    expect(isAppError(duplicate, 'STORE_DUPLICATE_KEY')).toBe(true);
  });

  test('the service hands over every feature’s indexes, each one once', async () => {
    const described = SERVICE_INDEXES.map((index) => `${index.collection}:${JSON.stringify(index.keys)}`);
    expect(new Set(described).size).toBe(described.length);
    for (const collection of ['botstate', 'complaints', 'dl_activities', 'files', 'handoffs', 'messages', 'handoff_notes', 'officers', 'sessions', 'audit', 'faq_feedback']) {
      expect([collection, SERVICE_INDEXES.some((index) => index.collection === collection)]).toEqual([collection, true]);
    }
    await ensureIndexes(store, SERVICE_INDEXES);
  });

  test('lib/store/indexes.ts imports no feature', () => {
    const source = readFileSync(path.join(__dirname, '../../../lib/store/indexes.ts'), 'utf8');
    expect([...source.matchAll(/from '([^']+)'/g)].map((match) => match[1])).toEqual(['./types']);
  });
});
