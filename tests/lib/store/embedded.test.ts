/**
 * Behaviour of the embedded store that the contract suite cannot see: the file on disk, reopening, the query
 * plans SQLite picks, and how opening fails.
 */

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { rejection } from '../../helpers/rejection';
import { EmbeddedStore, STORE_FILE } from '../../../lib/store/embedded';
import { openStore, type BaseDocument } from '../../../lib/store';

type Doc = BaseDocument & Record<string, unknown>;

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-embedded-'));
  dirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of dirs) {
    fs.chmodSync(dir, 0o700);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});


/** Whether this process can write into a directory whose mode forbids it (root can). */
function bypassesPermissions(): boolean {
  const probe = fs.mkdtempSync(path.join(os.tmpdir(), 'store-probe-'));
  fs.chmodSync(probe, 0o500);
  try {
    fs.writeFileSync(path.join(probe, 'x'), 'x');
    return true;
  } catch {
    return false;
  } finally {
    fs.chmodSync(probe, 0o700);
    fs.rmSync(probe, { recursive: true, force: true });
  }
}

describe('EmbeddedStore on disk', () => {
  it('keeps its files readable by their owner only, whatever the umask; an older store\'s files are narrowed too', async () => {
    const parent = tempDir();
    const dir = path.join(parent, 'data');
    const umask = process.umask(0o022);
    try {
      const store = await EmbeddedStore.open(dir);
      await store.collection<Doc>('people').insertOne({ _id: 'a', name: 'สมชาย' });
      const modes = () => fs.readdirSync(dir).filter((name) => name.startsWith(STORE_FILE)).map((name) => [name, fs.statSync(path.join(dir, name)).mode & 0o777]);
      expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
      expect(modes()).toEqual(expect.arrayContaining([[STORE_FILE, 0o600], [`${STORE_FILE}-wal`, 0o600]]));
      expect(modes().every(([, mode]) => mode === 0o600)).toBe(true);
      await store.close();
      fs.chmodSync(path.join(dir, STORE_FILE), 0o644);
      const reopened = await EmbeddedStore.open(dir);
      expect(modes().every(([, mode]) => mode === 0o600)).toBe(true);
      await reopened.close();
    } finally {
      process.umask(umask);
    }
  });

  it('keeps documents and indexes across close and reopen', async () => {
    const dir = tempDir();
    const first = await EmbeddedStore.open(dir);
    const people = first.collection<Doc>('people');
    await people.createIndex({ code: 1 }, { unique: true });
    await people.createIndex({ tag: 1 });
    await people.insertOne({ _id: 'a', code: 'A1', tag: 'x', name: 'สมชาย' });
    await people.updateOne({ _id: 'a' }, { $set: { seen: 1 } });
    await first.close();
    expect(fs.existsSync(path.join(dir, STORE_FILE))).toBe(true);

    const second = await EmbeddedStore.open(dir);
    const again = second.collection<Doc>('people');
    expect(await again.findOne({ _id: 'a' })).toEqual({ _id: 'a', code: 'A1', tag: 'x', name: 'สมชาย', seen: 1 });
    // The index rules were read back from the file.
    await rejection(again.insertOne({ code: 'A1' }), 'STORE_DUPLICATE_KEY');
    await rejection(again.insertOne({ code: 'B1', tag: ['x'] }), 'STORE_INVALID_DOCUMENT');
    await rejection(again.insertOne({ tag: 'y' }), 'STORE_INVALID_DOCUMENT');
    expect(await again.createIndex({ code: 1 }, { unique: true })).toBe('code_1');
    expect(second.explainFind('people', { tag: 'x' }).join('\n')).toContain('USING INDEX ix:people:tag_1');
    await second.close();
  });

  it('answers the officer queue page from the compound index, sort included', async () => {
    const store = await EmbeddedStore.open(tempDir());
    const handoffs = store.collection<Doc>('handoffs');
    await handoffs.createIndex({ centreCode: 1, state: 1, queuedAt: 1 });
    for (let i = 0; i < 50; i += 1) {
      await handoffs.insertOne({ centreCode: `C${i % 5}`, state: i % 3 === 0 ? 'queued' : 'live', queuedAt: 1000 - i });
    }
    const plan = store.explainFind('handoffs', { centreCode: 'C1', state: 'queued' }, { sort: { queuedAt: 1 }, limit: 20 });
    expect(plan.join('\n')).toMatch(/SEARCH c_handoffs USING INDEX ix:handoffs:centreCode_1_state_1_queuedAt_1 \(<expr>=\? AND <expr>=\?\)/);
    expect(plan.join('\n')).not.toMatch(/TEMP B-TREE/);
    const descending = store.explainFind('handoffs', { centreCode: 'C1', state: 'queued' }, { sort: { queuedAt: -1 } });
    expect(descending.join('\n')).not.toMatch(/TEMP B-TREE/);
    const range = store.explainFind('handoffs', { centreCode: 'C1', state: 'queued', queuedAt: { $gt: 960 } });
    expect(range.join('\n')).toMatch(/<expr>=\? AND <expr>=\? AND <expr>>\? AND <expr><\?/);

    const page = await handoffs.find({ centreCode: 'C1', state: 'queued' }, { sort: { queuedAt: 1 }, limit: 20 }).toArray();
    const times = page.map((doc) => doc.queuedAt as number);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(page.every((doc) => doc.centreCode === 'C1' && doc.state === 'queued')).toBe(true);
    expect(page.length).toBe(3);
    // A field outside every index is still found, by a scan.
    expect(store.explainFind('handoffs', { channel: 'line' }).join('\n')).toMatch(/SCAN c_handoffs/);
    await store.close();
  });

  it('learns index rules created by another connection to the same file', async () => {
    const dir = tempDir();
    const a = await EmbeddedStore.open(dir);
    const b = await EmbeddedStore.open(dir);
    await a.collection<Doc>('shared').insertOne({ _id: 'one', key: 'k1' });
    await b.collection<Doc>('shared').createIndex({ key: 1 }, { unique: true });
    await rejection(a.collection<Doc>('shared').insertOne({ key: 'k1' }), 'STORE_DUPLICATE_KEY');
    await rejection(a.collection<Doc>('shared').insertOne({ other: 1 }), 'STORE_INVALID_DOCUMENT');
    await a.close();
    await b.close();
  });

  it('refuses a corrupt file with STORE_CORRUPT and leaves its bytes as they were', async () => {
    const dir = tempDir();
    const file = path.join(dir, STORE_FILE);
    const garbage = Buffer.concat([Buffer.from('this is not a database\n'), Buffer.alloc(8192, 0x5a)]);
    fs.writeFileSync(file, garbage);
    const error = await rejection(EmbeddedStore.open(dir), 'STORE_CORRUPT');
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/left untouched/);
    expect(fs.readFileSync(file).equals(garbage)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual([STORE_FILE]);
  });

  it('refuses a database whose pages are damaged, without writing to it', async () => {
    const dir = tempDir();
    const store = await EmbeddedStore.open(dir);
    const c = store.collection<Doc>('bulk');
    await c.createIndex({ n: 1 });
    for (let i = 0; i < 400; i += 1) await c.insertOne({ n: i, text: 'x'.repeat(200) });
    await store.close();
    const file = path.join(dir, STORE_FILE);
    const bytes = fs.readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    // Overwrite every page after the schema page: b-tree headers become nonsense.
    for (let offset = pageSize * 2; offset < bytes.length; offset += pageSize) bytes.fill(0xa5, offset, offset + 64);
    fs.writeFileSync(file, bytes);
    await rejection(EmbeddedStore.open(dir), 'STORE_CORRUPT');
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('creates a missing data directory, nested', async () => {
    const dir = path.join(tempDir(), 'a', 'b', 'data');
    const store = await openStore({ dataDir: dir });
    expect(store.kind).toBe('embedded');
    await store.ping();
    await store.close();
    expect(fs.statSync(path.join(dir, STORE_FILE)).isFile()).toBe(true);
  });

  it('refuses a DATA_DIR that is a file, naming it', async () => {
    const file = path.join(tempDir(), 'not-a-dir');
    fs.writeFileSync(file, 'x');
    const error = await rejection(EmbeddedStore.open(file), 'DATA_DIR_UNUSABLE');
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/not a directory/);
    const below = await rejection(EmbeddedStore.open(path.join(file, 'sub')), 'DATA_DIR_UNUSABLE');
    expect(below.message).toContain(path.join(file, 'sub'));
  });

  it('refuses a store.sqlite that is a directory', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, STORE_FILE));
    const error = await rejection(EmbeddedStore.open(dir), 'DATA_DIR_UNUSABLE');
    expect(error.message).toContain(path.join(dir, STORE_FILE));
  });

  // Root ignores permission bits, so under root a 0o500 directory stays writable and there is nothing to refuse.
  const canBypass = bypassesPermissions();
  (canBypass ? it.skip : it)(
    `refuses a DATA_DIR it cannot write${canBypass ? ' (skipped: this process bypasses permission bits, e.g. runs as root)' : ''}`,
    async () => {
      const dir = tempDir();
      fs.chmodSync(dir, 0o500);
      const error = await rejection(EmbeddedStore.open(dir), 'DATA_DIR_UNUSABLE');
      expect(error.message).toContain(dir);
      expect(error.message).toMatch(/not writable/);
    },
  );

  it('rejects every operation after close with STORE_CLOSED', async () => {
    const store = await EmbeddedStore.open(tempDir());
    const c = store.collection<Doc>('things');
    await c.insertOne({ _id: 'x' });
    await store.close();
    await rejection(c.findOne({}), 'STORE_CLOSED');
    await rejection(c.find({}).toArray(), 'STORE_CLOSED');
    await rejection(c.deleteMany({}), 'STORE_CLOSED');
    await rejection(c.createIndex({ a: 1 }), 'STORE_CLOSED');
    await rejection(store.ping(), 'STORE_CLOSED');
  });

  it('uses write-ahead logging and checkpoints it into the file on close', async () => {
    const dir = tempDir();
    const store = await EmbeddedStore.open(dir);
    await store.collection<Doc>('w').insertOne({ a: 1 });
    expect(fs.existsSync(path.join(dir, `${STORE_FILE}-wal`))).toBe(true);
    await store.close();
    const db = new Database(path.join(dir, STORE_FILE), { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const row = db.prepare('SELECT doc FROM c_w').get() as { doc: string };
      expect(JSON.parse(row.doc)).toMatchObject({ a: 1 });
    } finally {
      db.close();
    }
    const walSize = fs.existsSync(path.join(dir, `${STORE_FILE}-wal`)) ? fs.statSync(path.join(dir, `${STORE_FILE}-wal`)).size : 0;
    expect(walSize).toBe(0);
  });
});
