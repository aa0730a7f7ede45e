/**
 * A damaged embedded store is refused before anything is written: the database, its write-ahead log and its
 * shared-memory index are compared byte for byte, with their modification times, before and after each refusal.
 */

import fs from 'node:fs';
import path from 'node:path';
import { rejection } from '../../helpers/rejection';
import { snapshotFiles } from '../../helpers/fileSnapshot';
import { makeTempDir } from '../../helpers/tempDir';
import { EmbeddedStore, STORE_FILE } from '../../../lib/store/embedded';
import type { BaseDocument } from '../../../lib/store';

type Doc = BaseDocument & Record<string, unknown>;

const cleanups: Array<() => void> = [];
function tempDir(): string {
  const { dir, cleanup } = makeTempDir('store-preflight-');
  cleanups.push(cleanup);
  return dir;
}
afterAll(() => cleanups.forEach((cleanup) => cleanup()));

const WAL = `${STORE_FILE}-wal`;
const SHM = `${STORE_FILE}-shm`;

/**
 * The files a store leaves when its process dies mid-work (kill -9, power loss): copied while it is open, with
 * the last commits still in the write-ahead log.
 */
async function crashedStore(documents: number): Promise<string> {
  const live = tempDir();
  const store = await EmbeddedStore.open(live);
  const items = store.collection<Doc>('items');
  for (let i = 0; i < documents; i += 1) await items.insertOne({ _id: `item-${i}`, n: i, text: 'ข้อความ '.repeat(300) });
  const copy = tempDir();
  for (const name of fs.readdirSync(live)) fs.copyFileSync(path.join(live, name), path.join(copy, name));
  await store.close();
  return copy;
}

/** Files get distinct modification times only if time passes: a write made by the refused open would show. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('opening an embedded store whose files are damaged', () => {
  test('a healthy store left by a crash opens with every commit in its log', async () => {
    const dir = await crashedStore(400);
    expect(fs.statSync(path.join(dir, WAL)).size).toBeGreaterThan(0);
    const store = await EmbeddedStore.open(dir);
    expect(await store.collection<Doc>('items').countDocuments()).toBe(400);
    await store.close();
  });

  test('a zero-byte database beside a non-empty log is refused, and nothing changes', async () => {
    const dir = await crashedStore(1500);
    fs.truncateSync(path.join(dir, STORE_FILE), 0);
    expect(fs.statSync(path.join(dir, WAL)).size).toBeGreaterThan(3 * 1024 * 1024);
    const before = snapshotFiles(dir);
    await tick();
    const error = await rejection(EmbeddedStore.open(dir), 'STORE_CORRUPT');
    expect(error.message).toContain(`${path.join(dir, STORE_FILE)} is empty but its write-ahead log ${WAL} holds`);
    expect(error.message).toMatch(/Nothing was changed\.$/);
    expect(snapshotFiles(dir)).toEqual(before);
  });

  test.each([
    ['the log and the index', [STORE_FILE]],
    ['the log alone', [STORE_FILE, SHM]],
    ['the index alone', [STORE_FILE, WAL]],
  ])('a database file that is missing, leaving %s, is refused rather than started empty', async (_left, removed) => {
    const dir = await crashedStore(50);
    for (const name of removed) fs.rmSync(path.join(dir, name));
    const before = snapshotFiles(dir);
    await tick();
    const error = await rejection(EmbeddedStore.open(dir), 'STORE_CORRUPT');
    expect(error.message).toContain(`${path.join(dir, STORE_FILE)} is missing, but`);
    expect(snapshotFiles(dir)).toEqual(before);
    expect(fs.existsSync(path.join(dir, STORE_FILE))).toBe(false);
  });

  test('a database with damaged pages is refused without merging or deleting its log', async () => {
    const dir = tempDir();
    const seeded = await EmbeddedStore.open(dir);
    const bulk = seeded.collection<Doc>('bulk');
    for (let i = 0; i < 400; i += 1) await bulk.insertOne({ n: i, text: 'x'.repeat(200) });
    await seeded.close();
    // Later commits, still in the log when the process died.
    const crashed = await (async () => {
      const store = await EmbeddedStore.open(dir);
      await store.collection<Doc>('later').insertOne({ _id: 'only-in-the-log' });
      const copy = tempDir();
      for (const name of fs.readdirSync(dir)) fs.copyFileSync(path.join(dir, name), path.join(copy, name));
      await store.close();
      return copy;
    })();
    const file = path.join(crashed, STORE_FILE);
    const bytes = fs.readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    for (let offset = pageSize * 2; offset < bytes.length; offset += pageSize) bytes.fill(0xa5, offset, offset + 64);
    fs.writeFileSync(file, bytes);
    const before = snapshotFiles(crashed);
    expect(before[WAL].size).toBeGreaterThan(0);
    await tick();
    const error = await rejection(EmbeddedStore.open(crashed), 'STORE_CORRUPT');
    expect(error.message).toMatch(/left untouched/);
    expect(snapshotFiles(crashed)).toEqual(before);
  });

  test('a damaged database without a log is refused, and the check leaves no log or index behind', async () => {
    const dir = tempDir();
    const seeded = await EmbeddedStore.open(dir);
    for (let i = 0; i < 400; i += 1) await seeded.collection<Doc>('bulk').insertOne({ n: i, text: 'x'.repeat(200) });
    await seeded.close();
    const file = path.join(dir, STORE_FILE);
    const bytes = fs.readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    for (let offset = pageSize * 2; offset < bytes.length; offset += pageSize) bytes.fill(0xa5, offset, offset + 64);
    fs.writeFileSync(file, bytes);
    const before = snapshotFiles(dir);
    await tick();
    await rejection(EmbeddedStore.open(dir), 'STORE_CORRUPT');
    expect(snapshotFiles(dir)).toEqual(before);
    expect(fs.readdirSync(dir)).toEqual([STORE_FILE]);
  });

  test('a log whose header is damaged is refused: its commits cannot be read', async () => {
    const dir = await crashedStore(50);
    const wal = path.join(dir, WAL);
    const bytes = fs.readFileSync(wal);
    bytes.fill(0, 0, 8);
    fs.writeFileSync(wal, bytes);
    const before = snapshotFiles(dir);
    await tick();
    const error = await rejection(EmbeddedStore.open(dir), 'STORE_CORRUPT');
    expect(error.message).toContain(`${wal} is not a SQLite write-ahead log`);
    expect(snapshotFiles(dir)).toEqual(before);
  });

  test('an empty database file with no log is a new store', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, STORE_FILE), '');
    const store = await EmbeddedStore.open(dir);
    await store.collection<Doc>('items').insertOne({ _id: 'first' });
    expect(await store.collection<Doc>('items').countDocuments()).toBe(1);
    await store.close();
  });
});
