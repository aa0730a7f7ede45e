import { FileStore } from '../../../lib/files/fileStore';
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

describe('FileStore', () => {
  test('keeps a file in chunks and gives it back byte for byte', async () => {
    const { store, close } = await openTempStore();
    const files = new FileStore(store, () => 42);
    const content = Buffer.alloc(1_300_000);
    for (let i = 0; i < content.length; i += 1) content[i] = (i * 31) % 256;
    const saved = await files.save('conv-1', 'image/png', 'ภาพถนน.png', content);
    expect(saved).toMatchObject({ conversationId: 'conv-1', contentType: 'image/png', name: 'ภาพถนน.png', size: content.length, chunks: 3, createdAt: 42 });
    const info = await files.info(saved._id);
    expect(info).toEqual(saved);
    expect((await files.read(saved)).equals(content)).toBe(true);
    expect(await files.info('nope')).toBeNull();
    await close();
  });
});
