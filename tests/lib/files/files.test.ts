import { FileStore, type NewFile, type StoredFile } from '../../../lib/files/fileStore';
import { fileOfLink, filePath } from '../../../lib/files/links';
import type { Store } from '../../../lib/store/types';
import { sniffImageType } from '../../../lib/files/imageType';
import { openTempStore } from '../../helpers/tempStore';

describe('sniffImageType', () => {
  test.each([
    [[0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'image/jpeg'],
    [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0], 'image/png'],
    [[...Buffer.from('GIF89a'), 1, 0], 'image/gif'],
    [[...Buffer.from('RIFF'), 0, 0, 0, 0, ...Buffer.from('WEBPVP8 ')], 'image/webp'],
    [[...Buffer.from('<svg xmlns="http://www.w3.org/2000/svg">')], undefined],
    [[...Buffer.from('#!/bin/sh\nrm -rf /')], undefined],
    [[0x25, 0x50, 0x44, 0x46], undefined],
    [[], undefined],
  ])('%j → %s', (bytes, type) => {
    expect(sniffImageType(Buffer.from(bytes))).toBe(type);
  });
});

const MB = 1024 * 1024;
const QUOTA = { conversationFiles: 3, conversationBytes: 5 * MB, totalBytes: 8 * MB };
const photo = (bytes: number, name = 'photo.png'): NewFile => ({ contentType: 'image/png', name, content: Buffer.alloc(bytes, 7) });

describe('FileStore', () => {
  let store: Store;
  let close: () => Promise<void>;
  beforeEach(async () => ({ store, close } = await openTempStore()));
  afterEach(async () => close());

  test('keeps a file in chunks and gives it back byte for byte', async () => {
    const files = new FileStore(store, QUOTA, () => 42);
    const content = Buffer.alloc(1_300_000);
    for (let i = 0; i < content.length; i += 1) content[i] = (i * 31) % 256;
    const saved = await files.saveAll('conv-1', [{ contentType: 'image/png', name: 'ภาพถนน.png', content }], 'citizen');
    if (!saved.ok) throw new Error('refused');
    const [file] = saved.files;
    expect(file).toMatchObject({ conversationId: 'conv-1', source: 'citizen', contentType: 'image/png', name: 'ภาพถนน.png', size: content.length, chunks: 3, createdAt: 42 });
    expect(file).not.toHaveProperty('state');
    expect(await files.info(file._id)).toEqual(file);
    expect((await files.read(file)).equals(content)).toBe(true);
    expect(await files.info('nope')).toBeNull();
  });

  test('a citizen\'s uploads are held to the conversation\'s quota, in files and in bytes; a refused upload keeps nothing', async () => {
    const files = new FileStore(store, QUOTA);
    expect((await files.saveAll('conv-1', [photo(MB), photo(MB)], 'citizen')).ok).toBe(true);
    // Three files would pass the byte quota (2 + 3.5 > 5 MB): refused whole.
    expect(await files.saveAll('conv-1', [photo(3.5 * MB)], 'citizen')).toEqual({ ok: false, refusal: { quota: 'conversation', maxFiles: 3, maxBytes: 5 * MB } });
    expect((await files.saveAll('conv-1', [photo(MB)], 'citizen')).ok).toBe(true);
    expect(await files.saveAll('conv-1', [photo(10)], 'citizen')).toMatchObject({ ok: false, refusal: { quota: 'conversation' } });
    expect(await store.collection('files').countDocuments({ conversationId: 'conv-1' })).toBe(3);
    expect(await store.collection('file_chunks').countDocuments()).toBe(6);
    // Another conversation has its own; an officer's photo is not the citizen's.
    expect((await files.saveAll('conv-2', [photo(MB)], 'citizen')).ok).toBe(true);
    expect((await files.saveAll('conv-1', [photo(MB)], 'officer')).ok).toBe(true);
  });

  test('two uploads arriving together cannot pass a conversation\'s quota together', async () => {
    const files = new FileStore(store, { ...QUOTA, conversationFiles: 2 });
    const outcomes = await Promise.all([1, 2, 3, 4].map((n) => files.saveAll('conv-1', [photo(1000, `p${n}.png`)], 'citizen')));
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(2);
    expect(await store.collection('files').countDocuments()).toBe(2);
  });

  test('the overall quota counts citizens and officers in every conversation; what is deleted is counted off', async () => {
    const files = new FileStore(store, QUOTA);
    const first = await files.saveAll('conv-1', [photo(3 * MB)], 'citizen');
    expect((await files.saveAll('conv-2', [photo(3 * MB)], 'citizen')).ok).toBe(true);
    expect(await files.saveAll('conv-3', [photo(3 * MB)], 'officer')).toEqual({ ok: false, refusal: { quota: 'total', maxBytes: 8 * MB } });
    expect(await files.saveAll('conv-3', [photo(2 * MB), photo(MB)], 'citizen')).toMatchObject({ ok: false, refusal: { quota: 'total' } });
    expect(await store.collection('files').countDocuments()).toBe(2);
    expect((await files.saveAll('conv-3', [photo(2 * MB)], 'officer')).ok).toBe(true);
    if (!first.ok) throw new Error('refused');
    await files.delete(first.files[0]);
    expect(await files.info(first.files[0]._id)).toBeNull();
    expect(await store.collection('file_chunks').countDocuments({ fileId: first.files[0]._id })).toBe(0);
    expect((await files.saveAll('conv-4', [photo(3 * MB)], 'citizen')).ok).toBe(true);
  });

  test('uploads from before the quota are counted, and a count left wrong by a crash is set back to what is stored', async () => {
    // Two records as an earlier version wrote them: no source, no usage counter.
    for (const id of ['old-1', 'old-2']) {
      await store.collection<StoredFile>('files').insertOne({ _id: id, conversationId: 'conv-old', contentType: 'image/png', name: 'x.png', size: 3 * MB, chunks: 1, createdAt: 1 });
    }
    const files = new FileStore(store, QUOTA);
    expect(await files.saveAll('conv-1', [photo(3 * MB)], 'citizen')).toMatchObject({ ok: false, refusal: { quota: 'total' } });
    expect((await files.saveAll('conv-1', [photo(2 * MB)], 'citizen')).ok).toBe(true);
    // A crash after reserving: the bytes are counted, but no file holds them.
    await store.collection('counters').updateOne({ _id: 'uploads' }, { $inc: { bytes: 5 * MB, version: 1 } });
    expect(await files.saveAll('conv-2', [photo(10)], 'citizen')).toMatchObject({ ok: false });
    expect(await files.reconcileUsage()).toBe(8 * MB);
    await store.collection('files').deleteOne({ _id: 'old-1' });
    expect(await files.reconcileUsage()).toBe(5 * MB);
    expect((await files.saveAll('conv-2', [photo(MB)], 'citizen')).ok).toBe(true);
  });
});

describe('file links', () => {
  test('a link made for a file points back at it, whatever the address and token', () => {
    const path = filePath('conv_AbC-123', 'f1le-Id_9');
    expect(path).toBe('/v3/directline/conversations/conv_AbC-123/files/f1le-Id_9');
    for (const base of ['http://localhost:3978', 'https://bot.example.go.th']) {
      expect(fileOfLink(`${base}${path}?t=abc.def`)).toEqual({ conversationId: 'conv_AbC-123', fileId: 'f1le-Id_9', token: 'abc.def' });
    }
  });

  test.each([
    'https://maps.example/v3/directline/conversations/conv_AbC-123',
    'https://example.com/photo.png',
    'https://bot.example.go.th/v3/directline/conversations/conv_AbC-123/files/a/b',
    'not a url',
    'javascript:alert(1)',
  ])('any other link is no uploaded file: %s', (url) => {
    expect(fileOfLink(url)).toBeUndefined();
  });
});
