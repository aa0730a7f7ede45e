/**
 * What an uploaded file really is, read from its first bytes: the declared content type is the client's word,
 * and a script renamed photo.jpg must not be kept or served as an image.
 */
import type { ImageType } from './uploadRules';

export type { ImageType };

export function sniffImageType(content: Buffer): ImageType | undefined {
  if (content.length >= 3 && content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff) return 'image/jpeg';
  if (content.length >= 8 && content.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (content.length >= 6 && (content.subarray(0, 6).toString('latin1') === 'GIF87a' || content.subarray(0, 6).toString('latin1') === 'GIF89a')) return 'image/gif';
  if (content.length >= 12 && content.subarray(0, 4).toString('latin1') === 'RIFF' && content.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  return undefined;
}
