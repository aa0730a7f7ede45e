import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ComplaintService } from '../../../lib/complaints/service';
import type { Attachment } from '../../../lib/complaints/types';
import { FileStore, type NewFile, type StoredFile } from '../../../lib/files/fileStore';
import { filePath } from '../../../lib/files/links';
import { FileRetention } from '../../../lib/files/retention';
import { EmbeddedStore, STORE_FILE } from '../../../lib/store/embedded';
import { ensureIndexes } from '../../../lib/store/indexes';
import { SERVICE_INDEXES } from '../../../bot/indexes';
import { TestClock } from '../../helpers/dialogHarness';
import { NAMED_DRAFT } from '../../helpers/drafts';
import { makeTempDir } from '../../helpers/tempDir';

/** The retention purge on a real embedded store, with the clock moved by the test rather than waited for. */

const DAY = 24 * 60 * 60 * 1000;
const MB = 1024 * 1024;
const LIMITS = { conversationFiles: 20, conversationBytes: 50 * MB, totalBytes: 200 * MB, retentionDays: 30, complaintRetentionDays: 730 };
const CONVERSATION = 'conversation-a1b2c3';
const OTHER = 'conversation-x9y8z7';

/** Bytes that stand for a photo's content, found again (or not) in the store's files. */
const marker = (n: number) => Buffer.from(`PHOTO-${n}-PERSONAL-DATA-`.padEnd(64, '#'));
/** The marker as the store keeps it: chunks hold base64 text, and a chunk's first bytes are aligned for it. */
const trace = (n: number) => Buffer.from(marker(n).subarray(0, 63).toString('base64'));
const photo = (n: number, bytes = 600 * 1024): NewFile => {
  const content = Buffer.alloc(bytes);
  for (let offset = 0; offset < bytes; offset += 64) marker(n).copy(content, offset);
  return { contentType: 'image/png', name: `p${n}.png`, content };
};

describe('FileRetention', () => {
  let dir: string;
  let cleanup: () => void;
  let store: EmbeddedStore;
  let clock: TestClock;
  let files: FileStore;
  let complaints: ComplaintService;
  let retention: FileRetention;

  beforeEach(async () => {
    ({ dir, cleanup } = makeTempDir('retention-'));
    store = await EmbeddedStore.open(dir);
    await ensureIndexes(store, SERVICE_INDEXES);
    clock = new TestClock();
    files = new FileStore(store, LIMITS, clock.now);
    complaints = new ComplaintService(store, { hashingKey: 'k'.repeat(40), now: clock.now });
    retention = new FileRetention({ files, complaints, store, limits: LIMITS, now: clock.now });
  });
  afterEach(async () => {
    await store.close();
    cleanup();
  });

  const upload = async (conversationId: string, ...photos: NewFile[]): Promise<StoredFile[]> => {
    const saved = await files.saveAll(conversationId, photos, 'citizen');
    if (!saved.ok) throw new Error('refused');
    return saved.files;
  };
  /** As the filing flow stores a photo: the link the upload answered with, with its address and token. */
  const asAttachment = (file: StoredFile): Attachment => ({ kind: 'image', url: `https://bot.example.go.th${filePath(file.conversationId, file._id)}?t=token`, contentType: file.contentType, name: file.name });
  const fileComplaint = async (conversationId: string, attachments: Attachment[]) => {
    const { complaint } = await complaints.file({
      draft: { ...NAMED_DRAFT, attachments },
      channelId: 'directline',
      userId: 'dl_user',
      conversation: { channelId: 'directline', serviceUrl: 'directline', conversation: { id: conversationId }, user: { id: 'dl_user' }, bot: { id: 'bot' } },
      lang: 'th',
    });
    return complaint;
  };
  const chunksOf = (file: StoredFile) => store.collection('file_chunks').countDocuments({ fileId: file._id });

  test('a photo no complaint refers to is deleted after the retention, chunks and all, and not a day before', async () => {
    const [early] = await upload(CONVERSATION, photo(1));
    clock.advance(10 * DAY);
    const [later] = await upload(CONVERSATION, photo(2));
    clock.advance(20 * DAY - 1);
    expect(await retention.purge()).toMatchObject({ deleted: 0 });
    expect(await files.info(early._id)).not.toBeNull();

    clock.advance(1);
    expect(await retention.purge()).toEqual({ deleted: 1, bytes: early.size, keptWithComplaints: 0, keptBytes: later.size });
    expect(await files.info(early._id)).toBeNull();
    expect(await chunksOf(early)).toBe(0);
    expect(await files.info(later._id)).not.toBeNull();
    clock.advance(10 * DAY);
    expect(await retention.purge()).toMatchObject({ deleted: 1, keptBytes: 0 });
    expect(await store.collection('files').countDocuments()).toBe(0);
  });

  test('a photo a filed complaint refers to is kept with it, until the complaint has been unchanged for its retention', async () => {
    const [evidence, spare] = await upload(CONVERSATION, photo(1), photo(2));
    const [elsewhere] = await upload(OTHER, photo(3));
    const complaint = await fileComplaint(CONVERSATION, [asAttachment(evidence), { kind: 'link', url: 'https://maps.example/x' }]);
    clock.advance(31 * DAY);
    expect(await retention.purge()).toMatchObject({ deleted: 2, keptWithComplaints: 1 });
    expect(await files.info(spare._id)).toBeNull();
    expect(await files.info(elsewhere._id)).toBeNull();
    expect(await files.info(evidence._id)).toMatchObject({ complaintId: complaint._id, keptSince: complaint.updatedAt });

    // An officer moves the complaint on a year later: its photo is kept 730 days from then.
    clock.advance(365 * DAY);
    await complaints.changeStatus(complaint._id, 'in_progress', 'รับเรื่องแล้ว', 'officer-1');
    const changedAt = clock.now();
    clock.advance(730 * DAY - 31 * DAY - 365 * DAY + 31 * DAY);
    expect(await retention.purge()).toMatchObject({ deleted: 0 });
    expect(await files.info(evidence._id)).toMatchObject({ keptSince: changedAt });
    clock.advance(365 * DAY - 1);
    expect(await retention.purge()).toMatchObject({ deleted: 0 });
    clock.advance(1);
    expect(await retention.purge()).toMatchObject({ deleted: 1, bytes: evidence.size });
    expect(await files.info(evidence._id)).toBeNull();
    expect(await chunksOf(evidence)).toBe(0);
    // The complaint stays; only its photo went.
    expect(await complaints.lastChange(complaint._id)).toBe(changedAt);
  });

  test('uploads and deletions a crash cut short are finished', async () => {
    const [stuck] = await upload(CONVERSATION, photo(1));
    await store.collection<StoredFile>('files').updateOne({ _id: stuck._id }, { $set: { state: 'deleting' } });
    await store.collection<StoredFile>('files').insertOne({ _id: 'half-written', conversationId: CONVERSATION, source: 'citizen', contentType: 'image/png', name: 'x.png', size: 1000, chunks: 2, createdAt: clock.now(), state: 'writing' });
    await store.collection<{ _id: string; fileId: string; index: number; data: string }>('file_chunks').insertOne({ _id: 'half-written:0', fileId: 'half-written', index: 0, data: 'AAAA' });
    expect(await files.info(stuck._id)).toBeNull();
    expect(await retention.purge()).toMatchObject({ deleted: 1 });
    clock.advance(60 * 60 * 1000);
    expect(await retention.purge()).toMatchObject({ deleted: 1, keptBytes: 0 });
    expect(await store.collection('files').countDocuments()).toBe(0);
    expect(await store.collection('file_chunks').countDocuments()).toBe(0);
  });

  test('deleted photos leave no trace in the store\'s files, and a new store gives their space back', async () => {
    await upload(CONVERSATION, ...Array.from({ length: 8 }, (_, i) => photo(i, 1.5 * MB)));
    const [kept] = await upload(OTHER, photo(99, 100 * 1024));
    clock.advance(29 * DAY);
    await upload(OTHER, photo(100, 100 * 1024));
    const file = path.join(dir, STORE_FILE);
    const contains = (n: number) => [file, `${file}-wal`].some((name) => fs.existsSync(name) && fs.readFileSync(name).includes(trace(n)));
    expect(contains(0) && contains(7)).toBe(true);
    const grown = fs.statSync(file).size + fs.statSync(`${file}-wal`).size;

    clock.advance(1 * DAY);
    expect(await retention.purge()).toMatchObject({ deleted: 9 });
    expect(Array.from({ length: 8 }, (_, i) => contains(i)).some(Boolean)).toBe(false);
    expect(contains(99)).toBe(false);
    expect(contains(100)).toBe(true);
    // The log was emptied into the database, and the database gave its free pages back.
    expect(fs.statSync(`${file}-wal`).size).toBe(0);
    expect(fs.statSync(file).size).toBeLessThan(grown / 10);
    expect(await files.info(kept._id)).toBeNull();
  });

  test('a store created before incremental vacuum keeps its size, but deleted photos are zeroed all the same', async () => {
    await store.close();
    // An older store: written without auto_vacuum and without secure_delete.
    const legacyDir = path.join(dir, 'legacy');
    fs.mkdirSync(legacyDir);
    const legacy = new Database(path.join(legacyDir, STORE_FILE));
    legacy.pragma('journal_mode = WAL');
    legacy.exec('CREATE TABLE old_things (x TEXT)');
    legacy.close();
    store = await EmbeddedStore.open(legacyDir);
    await ensureIndexes(store, SERVICE_INDEXES);
    files = new FileStore(store, LIMITS, clock.now);
    retention = new FileRetention({ files, complaints: new ComplaintService(store, { hashingKey: 'k'.repeat(40), now: clock.now }), store, limits: LIMITS, now: clock.now });
    await upload(CONVERSATION, ...Array.from({ length: 4 }, (_, i) => photo(i, 1.5 * MB)));
    await store.reclaimSpace();
    const file = path.join(legacyDir, STORE_FILE);
    const before = fs.statSync(file).size;
    expect(fs.readFileSync(file).includes(trace(0))).toBe(true);
    clock.advance(30 * DAY);
    expect(await retention.purge()).toMatchObject({ deleted: 4 });
    expect(fs.statSync(file).size).toBe(before);
    expect(fs.readFileSync(file).includes(trace(0))).toBe(false);
    expect(fs.readFileSync(file).includes(trace(3))).toBe(false);
  });
});
