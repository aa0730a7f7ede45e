import { randomBytes } from 'node:crypto';
import type { Collection, Store } from '../store/types';

/**
 * Files citizens upload (photos as evidence), kept in the store so that every instance of the service can
 * serve them and backups hold them: split into chunks of base64 text, because a document store limits the
 * size of one document and the embedded store takes JSON only.
 */

export const FILES_COLLECTION = 'files';
export const FILE_CHUNKS_COLLECTION = 'file_chunks';
const CHUNK_BYTES = 512 * 1024;

export interface StoredFile {
  _id: string;
  /** The conversation it was uploaded in: only a token of that conversation opens it. */
  conversationId: string;
  contentType: string;
  name: string;
  size: number;
  chunks: number;
  createdAt: number;
}

interface FileChunk {
  _id: string;
  fileId: string;
  index: number;
  data: string;
}

export class FileStore {
  private readonly files: Collection<StoredFile>;
  private readonly chunks: Collection<FileChunk>;

  constructor(store: Store, private readonly now: () => number = Date.now) {
    this.files = store.collection<StoredFile>(FILES_COLLECTION);
    this.chunks = store.collection<FileChunk>(FILE_CHUNKS_COLLECTION);
  }

  /** Writes the chunks first and the file record last, so a file that is listed is always complete. */
  async save(conversationId: string, contentType: string, name: string, content: Buffer): Promise<StoredFile> {
    const id = randomBytes(16).toString('base64url');
    const count = Math.max(1, Math.ceil(content.length / CHUNK_BYTES));
    for (let index = 0; index < count; index += 1) {
      const data = content.subarray(index * CHUNK_BYTES, (index + 1) * CHUNK_BYTES).toString('base64');
      await this.chunks.insertOne({ _id: `${id}:${index}`, fileId: id, index, data });
    }
    const file: StoredFile = { _id: id, conversationId, contentType, name, size: content.length, chunks: count, createdAt: this.now() };
    await this.files.insertOne(file);
    return file;
  }

  async info(fileId: string): Promise<StoredFile | null> {
    return this.files.findOne({ _id: fileId });
  }

  async read(file: StoredFile): Promise<Buffer> {
    const parts = await this.chunks.find({ fileId: file._id }, { sort: { index: 1 } }).toArray();
    return Buffer.concat(parts.map((part) => Buffer.from(part.data, 'base64')));
  }
}
