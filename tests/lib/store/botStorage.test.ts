import { AutoSaveStateMiddleware, ConversationState, MemoryStorage, MessageFactory, type Storage, TestAdapter } from 'botbuilder';
import { Dialog, DialogSet, TextPrompt, WaterfallDialog } from 'botbuilder-dialogs';
import { AppError } from '../../../lib/errors';
import { openStore } from '../../../lib/store';
import { StoreBotStorage } from '../../../lib/store/botStorage';
import type { Store } from '../../../lib/store/types';
import { makeTempDir } from '../../helpers/tempDir';

/**
 * The storage cases botbuilder runs against MemoryStorage (botbuilder-core's storage base tests), run here
 * against MemoryStorage and StoreBotStorage side by side: whatever MemoryStorage passes, ours must pass.
 */
type Item = Record<string, unknown> & { eTag?: string; count?: number; id?: number };
type Items = Record<string, Item>;

const storageCases: Array<[string, (storage: Storage) => Promise<void>]> = [
  ['returns an empty object when reading an unknown key', async (storage) => {
    const result = await storage.read(['unknown']);
    expect(result).not.toBeNull();
    expect(Object.keys(result)).toHaveLength(0);
  }],
  ['rejects null keys when reading', async (storage) => {
    await expect(storage.read(null as unknown as string[])).rejects.toThrow(new ReferenceError('Keys are required when reading.'));
  }],
  ['rejects null changes when writing', async (storage) => {
    await expect(storage.write(null as unknown as Items)).rejects.toThrow(new ReferenceError('Changes are required when writing.'));
  }],
  ['does not throw when writing no items', async (storage) => {
    await expect(storage.write([] as unknown as Items)).resolves.toBeUndefined();
  }],
  ['creates objects and gives them eTags', async (storage) => {
    const items: Items = { createPoco: { id: 1 }, createPocoStoreItem: { id: 2 } };
    await storage.write(items);
    const read = (await storage.read(Object.keys(items))) as Items;
    expect(read.createPoco.id).toBe(1);
    expect(read.createPocoStoreItem.id).toBe(2);
    expect(typeof read.createPoco.eTag).toBe('string');
    expect(typeof read.createPocoStoreItem.eTag).toBe('string');
  }],
  ['handles crazy keys', async (storage) => {
    const key = '!@#$%^&*()~/\\><,.?\';"`~';
    await storage.write({ [key]: { id: 1 } });
    const read = (await storage.read([key])) as Items;
    expect(read[key].id).toBe(1);
  }],
  ['updates objects with eTag rules: old eTag fails, no eTag and * succeed', async (storage) => {
    await storage.write({ pocoItem: { id: 1, count: 1 }, pocoStoreItem: { id: 1, count: 1 } });
    const loaded = (await storage.read(['pocoItem', 'pocoStoreItem'])) as Items;
    const pocoItem = loaded.pocoItem;
    delete pocoItem.eTag;
    const pocoStoreItem = loaded.pocoStoreItem;
    expect(pocoStoreItem.eTag).toBeDefined();
    pocoItem.count = 2;
    pocoStoreItem.count = 2;
    await storage.write(loaded);
    const reloaded = (await storage.read(['pocoItem', 'pocoStoreItem'])) as Items;
    expect(reloaded.pocoItem.eTag).toBeDefined();
    expect(reloaded.pocoStoreItem.eTag).not.toBe(pocoStoreItem.eTag);
    expect(reloaded.pocoItem.count).toBe(2);
    expect(reloaded.pocoStoreItem.count).toBe(2);

    pocoItem.count = 123;
    await expect(storage.write({ pocoItem })).resolves.toBeUndefined();
    pocoStoreItem.count = 123;
    await expect(storage.write({ pocoStoreItem })).rejects.toThrow(/eTag conflict/);

    const afterConflict = (await storage.read(['pocoItem', 'pocoStoreItem'])) as Items;
    expect(afterConflict.pocoItem.count).toBe(123);
    expect(afterConflict.pocoStoreItem.count).toBe(2);

    afterConflict.pocoItem.count = 100;
    afterConflict.pocoStoreItem.count = 100;
    afterConflict.pocoStoreItem.eTag = '*';
    await storage.write(afterConflict);
    const final = (await storage.read(['pocoItem', 'pocoStoreItem'])) as Items;
    expect(final.pocoItem.count).toBe(100);
    expect(final.pocoStoreItem.count).toBe(100);
  }],
  ['deletes objects', async (storage) => {
    await storage.write({ delete1: { id: 1, count: 1 } });
    const read = (await storage.read(['delete1'])) as Items;
    expect(read.delete1.eTag).toBeDefined();
    expect(read.delete1.count).toBe(1);
    await storage.delete(['delete1']);
    expect(((await storage.read(['delete1'])) as Items).delete1).toBeUndefined();
  }],
  ['deleting an unknown key does not throw', async (storage) => {
    await expect(storage.delete(['unknown_key'])).resolves.toBeUndefined();
  }],
  ['performs batch operations', async (storage) => {
    await storage.write({ batch1: { count: 10 }, batch2: { count: 20 }, batch3: { count: 30 } });
    let result = (await storage.read(['batch1', 'batch2', 'batch3'])) as Items;
    for (const key of ['batch1', 'batch2', 'batch3']) {
      expect(result[key].count).toBeGreaterThan(0);
      expect(result[key].eTag).toBeDefined();
    }
    await storage.delete(['batch1', 'batch2', 'batch3']);
    result = (await storage.read(['batch1', 'batch2', 'batch3'])) as Items;
    expect(result).toEqual({});
  }],
  ['writes an item with an eTag when nothing is stored under its key', async (storage) => {
    await expect(storage.write({ fresh: { eTag: 'from-elsewhere', count: 1 } })).resolves.toBeUndefined();
    expect(((await storage.read(['fresh'])) as Items).fresh.count).toBe(1);
  }],
  ['a conflict in a batch still writes the other items, like MemoryStorage', async (storage) => {
    await storage.write({ a: { count: 1 }, b: { count: 1 } });
    const loaded = (await storage.read(['a', 'b'])) as Items;
    await storage.write({ a: { ...loaded.a, count: 2 } });
    await expect(storage.write({ a: { ...loaded.a, count: 3 }, b: { ...loaded.b, count: 3 } })).rejects.toThrow(/eTag conflict/);
    const after = (await storage.read(['a', 'b'])) as Items;
    expect(after.a.count).toBe(2);
    expect(after.b.count).toBe(3);
  }],
  ['does not change the caller\'s objects', async (storage) => {
    const item: Item = { count: 1 };
    await storage.write({ untouched: item });
    expect(item).toEqual({ count: 1 });
  }],
  ['proceeds through a waterfall', async (storage) => {
    const convoState = new ConversationState(storage);
    const dialogs = new DialogSet(convoState.createProperty('dialogState'));
    const adapter = new TestAdapter(async (turnContext) => {
      const dc = await dialogs.createContext(turnContext);
      await dc.continueDialog();
      if (!turnContext.responded) await dc.beginDialog('waterfallDialog');
    }).use(new AutoSaveStateMiddleware(convoState));
    dialogs.add(new TextPrompt('textPrompt', async (prompt) => {
      if ((prompt.recognized.value ?? '').length > 3) {
        await prompt.context.sendActivity(MessageFactory.text(`You got it at the ${prompt.attemptCount}th try!`));
        return true;
      }
      await prompt.context.sendActivity(`Please send a name that is longer than 3 characters. ${prompt.attemptCount}`);
      return false;
    }));
    dialogs.add(new WaterfallDialog('waterfallDialog', [
      async (step) => {
        await step.context.sendActivity('step1');
        return Dialog.EndOfTurn;
      },
      async (step) => step.prompt('textPrompt', { prompt: MessageFactory.text('Please type your name.') }),
      async (step) => {
        await step.context.sendActivity('step3');
        return Dialog.EndOfTurn;
      },
    ]));
    await adapter
      .send('hello').assertReply('step1')
      .send('hello').assertReply('Please type your name.')
      .send('hi').assertReply('Please send a name that is longer than 3 characters. 1')
      .send('hi').assertReply('Please send a name that is longer than 3 characters. 2')
      .send('hi').assertReply('Please send a name that is longer than 3 characters. 3')
      .send('Kyle').assertReply('You got it at the 4th try!').assertReply('step3')
      .startTest();
  }],
];

describe.each([
  ['MemoryStorage', async () => ({ storage: new MemoryStorage() as Storage, done: async () => undefined })],
  ['StoreBotStorage on the embedded store', async () => {
    const temp = makeTempDir();
    const store = await openStore({ dataDir: temp.dir });
    return { storage: new StoreBotStorage(store) as Storage, done: async () => { await store.close(); temp.cleanup(); } };
  }],
])('%s', (_name, open) => {
  let storage: Storage;
  let done: () => Promise<void>;
  beforeEach(async () => ({ storage, done } = await open()));
  afterEach(async () => done());

  test.each(storageCases)('%s', async (_case, run) => {
    await run(storage);
  });
});

describe('StoreBotStorage', () => {
  let store: Store;
  let cleanup: () => void;
  beforeEach(async () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    store = await openStore({ dataDir: temp.dir });
  });
  afterEach(async () => {
    await store.close();
    cleanup();
  });

  test('of many writers holding the same eTag, exactly one wins', async () => {
    const storage = new StoreBotStorage(store);
    await storage.write({ contested: { count: 0 } });
    const { contested } = (await storage.read(['contested'])) as Items;
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, writer) => storage.write({ contested: { ...contested, count: writer + 1 } })),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(rejected).toHaveLength(19);
    for (const { reason } of rejected) expect((reason as AppError).code).toBe('STORAGE_ETAG_CONFLICT');
  });

  test('survives a reopen: state is on disk', async () => {
    const temp = makeTempDir();
    const first = await openStore({ dataDir: temp.dir });
    await new StoreBotStorage(first).write({ 'test/conversations/c1/': { dialogState: { stack: [] }, note: 'ไทย' } });
    await first.close();
    const second = await openStore({ dataDir: temp.dir });
    const read = (await new StoreBotStorage(second).read(['test/conversations/c1/'])) as Items;
    expect(read['test/conversations/c1/']).toMatchObject({ dialogState: { stack: [] }, note: 'ไทย' });
    await second.close();
    temp.cleanup();
  });

  test('bounds the size of one item', async () => {
    const storage = new StoreBotStorage(store);
    await expect(storage.write({ huge: { blob: 'x'.repeat(1024 * 1024 + 1) } })).rejects.toMatchObject({ code: 'STORE_INVALID_DOCUMENT' });
  });

  test('purges state idle since before the cutoff, and nothing newer', async () => {
    let now = 1_000;
    const storage = new StoreBotStorage(store, () => now);
    await storage.write({ old: { a: 1 } });
    now = 5_000;
    await storage.write({ recent: { a: 2 } });
    expect(await storage.purgeIdleBefore(2_000)).toBe(1);
    expect(Object.keys(await storage.read(['old', 'recent']))).toEqual(['recent']);
  });
});
