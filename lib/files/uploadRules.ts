/**
 * What an upload may be: the rules the service enforces when it reads one (lib/http/upload.ts, by the file's
 * own bytes) and that the officer app checks before sending a reply photo, so the officer reads the problem in
 * their language. Browser-safe: no Node module, nothing but the rules.
 */

/** The only file types kept: images that every browser and Web Chat shows. */
export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

export const MAX_UPLOAD_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_UPLOAD_FILES = 5;

/** Whether a declared content type is one of the image types (parameters and case aside). */
export function isImageType(contentType: unknown): contentType is string {
  return typeof contentType === 'string' && (IMAGE_TYPES as readonly string[]).includes(contentType.toLowerCase().split(';')[0].trim());
}
