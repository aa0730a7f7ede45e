import { randomBytes } from 'node:crypto';
import type { UploadLimits } from '../config';
import { KeyedLock } from '../keyedLock';
import type { Collection, IndexSpec, Store } from '../store/types';
import { StorageUsage } from './usage';

/**
 * Files citizens upload (photos as evidence) and officers send, kept in the store so that every instance of the
 * service can serve them and backups hold them: split into chunks of base64 text, because a document store limits
 * the size of one document and the embedded store takes JSON only. Uploads are held to quotas, per conversation
 * (what the citizen sent) and overall; lib/files/retention.ts deletes them again.
 */

export const FILES_COLLECTION = 'files';
export const FILE_CHUNKS_COLLECTION = 'file_chunks';

export const FILE_INDEXES: readonly IndexSpec[] = [
  // Reading an uploaded file's chunks in order.
  { collection: FILE_CHUNKS_COLLECTION, keys: { fileId: 1, index: 1 }, options: { unique: true } },
  // A conversation's uploads, for its quota; the retention purge's three queries (lib/files/retention.ts).
  { collection: FILES_COLLECTION, keys: { conversationId: 1 } },
  { collection: FILES_COLLECTION, keys: { createdAt: 1 } },
  { collection: FILES_COLLECTION, keys: { keptSince: 1 } },
  { collection: FILES_COLLECTION, keys: { state: 1 } },
];
const CHUNK_BYTES = 512 * 1024;

export type UploadSource = 'citizen' | 'officer';

export interface StoredFile {
  _id: string;
  /** The conversation it was uploaded in: only a token of that conversation opens it. */
  conversationId: string;
  /** Who sent it; files from before this was recorded were all citizens'. */
  source?: UploadSource;
  contentType: string;
  name: string;
  size: number;
  chunks: number;
  createdAt: number;
  /** 'writing' until every chunk is written, 'deleting' while it is removed: such a file is never served. */
  state?: 'writing' | 'deleting';
  /** The filed complaint that refers to it, once the retention purge found one. */
  complaintId?: string;
  /** That complaint's last change when last looked at: the file is kept while the complaint is younger than the retention. */
  keptSince?: number;
}

interface FileChunk {
  _id: string;
  fileId: string;
  index: number;
  data: string;
}

export interface NewFile {
  contentType: string;
  name: string;
  content: Buffer;
}

export type UploadQuota = Pick<UploadLimits, 'conversationFiles' | 'conversationBytes' | 'totalBytes'>;

/** Which quota an upload would pass, with its limits (for the answer and the citizen's message). */
export type QuotaRefusal =
  | { quota: 'conversation'; maxFiles: number; maxBytes: number }
  | { quota: 'total'; maxBytes: number };

/** A refusal as an event carries it: checked, because a client can send events of any name and value. */
export function isQuotaRefusal(value: unknown): value is QuotaRefusal {
  const refusal = value as Partial<Record<'quota' | 'maxFiles' | 'maxBytes', unknown>> | null;
  if (typeof refusal !== 'object' || refusal === null || typeof refusal.maxBytes !== 'number') return false;
  return refusal.quota === 'total' || (refusal.quota === 'conversation' && typeof refusal.maxFiles === 'number');
}

export type SaveOutcome = { ok: true; files: StoredFile[] } | { ok: false; refusal: QuotaRefusal };

export class FileStore {
  private readonly files: Collection<StoredFile>;
  private readonly chunks: Collection<FileChunk>;
  private readonly usage: StorageUsage;
  // One upload of a conversation at a time, so two cannot both pass its quota. Conversations stick to one instance.
  private readonly conversationLock = new KeyedLock({ reentrant: false });

  constructor(store: Store, private readonly quota: UploadQuota, private readonly now: () => number = Date.now) {
    this.files = store.collection<StoredFile>(FILES_COLLECTION);
    this.chunks = store.collection<FileChunk>(FILE_CHUNKS_COLLECTION);
    this.usage = new StorageUsage(store, () => this.sumOf({}).then((sum) => sum.bytes));
  }

  /**
   * Keeps the files of one upload, all or none: refused when a citizen's files would pass the conversation's
   * quota, or anyone's the overall one. Every record is written first, marked 'writing', then its chunks, then
   * the mark is removed: a file that is served is always complete.
   */
  async saveAll(conversationId: string, files: readonly NewFile[], source: UploadSource): Promise<SaveOutcome> {
    return this.conversationLock.run(conversationId, async () => {
      await this.usage.ensureCounter();
      const bytes = files.reduce((total, file) => total + file.content.length, 0);
      if (source === 'citizen') {
        const used = await this.sumOf({ conversationId, source: { $ne: 'officer' } });
        if (used.files + files.length > this.quota.conversationFiles || used.bytes + bytes > this.quota.conversationBytes) {
          return { ok: false, refusal: { quota: 'conversation', maxFiles: this.quota.conversationFiles, maxBytes: this.quota.conversationBytes } };
        }
      }
      const createdAt = this.now();
      const records: StoredFile[] = files.map((file) => ({
        _id: randomBytes(16).toString('base64url'),
        conversationId,
        source,
        contentType: file.contentType,
        name: file.name,
        size: file.content.length,
        chunks: Math.max(1, Math.ceil(file.content.length / CHUNK_BYTES)),
        createdAt,
        state: 'writing',
      }));
      let reserved = false;
      try {
        for (const record of records) await this.files.insertOne(record);
        reserved = await this.usage.reserve(bytes, this.quota.totalBytes);
        if (!reserved) {
          await this.removeAll(records);
          return { ok: false, refusal: { quota: 'total', maxBytes: this.quota.totalBytes } };
        }
        for (const [i, record] of records.entries()) await this.writeChunks(record, files[i].content);
        for (const record of records) await this.files.updateOne({ _id: record._id }, { $unset: { state: '' } });
      } catch (error) {
        // What is left after a failure here is removed by the retention purge (a 'writing' record).
        await this.removeAll(records).catch(() => undefined);
        if (reserved) await this.usage.release(bytes).catch(() => undefined);
        throw error;
      }
      return { ok: true, files: records.map(({ state: _writing, ...complete }) => complete) };
    });
  }

  /** A complete file; null for one that does not exist or is being written or deleted. */
  async info(fileId: string): Promise<StoredFile | null> {
    return this.files.findOne({ _id: fileId, state: { $exists: false } });
  }

  async read(file: StoredFile): Promise<Buffer> {
    const parts = await this.chunks.find({ fileId: file._id }, { sort: { index: 1 } }).toArray();
    return Buffer.concat(parts.map((part) => Buffer.from(part.data, 'base64')));
  }

  /**
   * Deletes a file: marked first, so it is no longer served and a deletion cut short is found again by the
   * purge; then its chunks, its record, and its bytes from the overall count.
   */
  async delete(file: StoredFile): Promise<void> {
    await this.files.updateOne({ _id: file._id }, { $set: { state: 'deleting' } });
    await this.removeAll([file]);
    // A file still being written never reserved its bytes for sure; reconcile() settles those.
    if (file.state !== 'writing') await this.usage.release(file.size);
  }

  /** Files no complaint was found to refer to, uploaded at or before `cutoff`, oldest first. */
  async unattachedBefore(cutoff: number, limit: number): Promise<StoredFile[]> {
    return this.files.find({ complaintId: { $exists: false }, state: { $exists: false }, createdAt: { $lte: cutoff } }, { sort: { createdAt: 1 }, limit }).toArray();
  }

  /** Files kept with a complaint that was last seen unchanged since `cutoff` or earlier. */
  async keptBefore(cutoff: number, limit: number): Promise<StoredFile[]> {
    return this.files.find({ keptSince: { $lte: cutoff }, state: { $exists: false } }, { sort: { keptSince: 1 }, limit }).toArray();
  }

  /** Uploads cut short at or before `cutoff` (a crash while writing) and deletions cut short at any time. */
  async unfinished(cutoff: number, limit: number): Promise<StoredFile[]> {
    return this.files.find({ $or: [{ state: 'writing', createdAt: { $lte: cutoff } }, { state: 'deleting' }] }, { limit }).toArray();
  }

  /** Records that a complaint refers to the file, and that complaint's last change. */
  async keepWith(fileId: string, complaintId: string, keptSince: number): Promise<void> {
    await this.files.updateOne({ _id: fileId, state: { $exists: false } }, { $set: { complaintId, keptSince } });
  }

  /** Sets the overall count back to what the file records hold (see StorageUsage). Returns the bytes counted. */
  async reconcileUsage(): Promise<number> {
    return this.usage.reconcile();
  }

  private async writeChunks(record: StoredFile, content: Buffer): Promise<void> {
    for (let index = 0; index < record.chunks; index += 1) {
      const data = content.subarray(index * CHUNK_BYTES, (index + 1) * CHUNK_BYTES).toString('base64');
      await this.chunks.insertOne({ _id: `${record._id}:${index}`, fileId: record._id, index, data });
    }
  }

  private async removeAll(records: readonly StoredFile[]): Promise<void> {
    for (const record of records) {
      // One chunk at a time: the embedded store zeroes what it deletes, and a whole 10 MB file at once holds the
      // thread for a tenth of a second. Then whatever a cut-short write left.
      for (let index = 0; index < record.chunks; index += 1) await this.chunks.deleteOne({ _id: `${record._id}:${index}` });
      await this.chunks.deleteMany({ fileId: record._id });
      await this.files.deleteOne({ _id: record._id });
    }
  }

  private async sumOf(filter: Record<string, unknown>): Promise<{ files: number; bytes: number }> {
    const records = await this.files.find(filter, { projection: { size: 1 } }).toArray();
    return { files: records.length, bytes: records.reduce((total, record) => total + record.size, 0) };
  }
}
