import busboy from 'busboy';
import type { Request } from 'restify';
import type { QuotaRefusal } from '../files/fileStore';
import { sniffImageType, type ImageType } from '../files/imageType';
import { MAX_UPLOAD_FILE_BYTES, MAX_UPLOAD_FILES } from '../files/uploadRules';
import { HttpError } from './errors';
import { parseClientJson } from './json';

/**
 * Reads a Direct Line upload: either one file as the whole body, or a multipart body with `file` parts and an
 * optional `activity` part (what botframework-directlinejs sends). Only images are taken, judged by their
 * bytes, and sizes are bounded while reading: a client cannot make the service buffer more than the limits.
 */

export { MAX_UPLOAD_FILE_BYTES, MAX_UPLOAD_FILES };
const MAX_ACTIVITY_PART_BYTES = 64 * 1024;

export interface UploadedFile {
  contentType: ImageType;
  name: string;
  content: Buffer;
}

export interface Upload {
  /** The activity the files were attached to, if the client sent one. */
  activity: unknown;
  /** A plain `text` form field sent beside the file (the officer app's caption); Direct Line clients put text in the activity. */
  text?: string;
  files: UploadedFile[];
}

/**
 * An upload refused by a quota: 413, like a file too large. Clients give up on a 4xx rather than retry
 * (botframework-directlinejs treats 403 as an expired token, so not that one); Web Chat marks the photo as not sent.
 */
export function quotaExceeded(refusal: QuotaRefusal): HttpError {
  if (refusal.quota === 'conversation') {
    return new HttpError(413, 'ConversationQuotaExceeded', `This conversation already holds the most uploads it may keep (${refusal.maxFiles} files or ${refusal.maxBytes / (1024 * 1024)} MB); nothing of this upload was kept`);
  }
  return new HttpError(413, 'StorageQuotaExceeded', 'The service cannot keep more uploaded files at the moment; nothing of this upload was kept');
}

const tooLarge = () => new HttpError(413, 'PayloadTooLarge', `A file may be at most ${MAX_UPLOAD_FILE_BYTES / (1024 * 1024)} MB, and at most ${MAX_UPLOAD_FILES} files at once`);
const notImage = () => new HttpError(415, 'UnsupportedMediaType', 'Only images can be uploaded: JPEG, PNG, GIF or WebP');

function safeName(name: string | undefined, contentType: ImageType): string {
  // \p{M} too: Thai vowel and tone marks are combining marks, not letters, and a Thai name is unreadable without them.
  const cleaned = (name ?? '').replace(/[^\p{L}\p{M}\p{N}._ -]+/gu, '_').slice(0, 100).trim();
  return cleaned || `photo.${contentType.split('/')[1]}`;
}

function checkImage(content: Buffer, name: string | undefined): UploadedFile {
  const contentType = sniffImageType(content);
  if (!contentType) throw notImage();
  return { contentType, name: safeName(name, contentType), content };
}

function readRaw(req: Request): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_UPLOAD_FILE_BYTES) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    let chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_UPLOAD_FILE_BYTES) {
        // A body sent without Content-Length is only known to be too large here. Destroying the request now
        // would reset the connection before the 413 goes out, and the client would never learn why; so the
        // rest is read and dropped (nothing more is buffered) and the 413 is answered. A client still sending
        // at twice the limit is not uploading a photo: it is cut off.
        chunks = [];
        reject(tooLarge());
        if (size > 2 * MAX_UPLOAD_FILE_BYTES) req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function readMultipart(req: Request): Promise<Upload> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      // Browsers send a file's name as raw UTF-8 in the part header; busboy's default (latin1) turns Thai names into mojibake.
      parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { fileSize: MAX_UPLOAD_FILE_BYTES, files: MAX_UPLOAD_FILES + 1, fields: 2, fieldSize: MAX_ACTIVITY_PART_BYTES, parts: MAX_UPLOAD_FILES + 3 } });
    } catch {
      reject(new HttpError(400, 'BadArgument', 'The multipart body could not be read'));
      return;
    }
    const pending: Array<Promise<void>> = [];
    const files: UploadedFile[] = [];
    let activity: unknown;
    let text: string | undefined;
    let failure: HttpError | undefined;
    const fail = (error: HttpError) => {
      failure ??= error;
    };
    const parseActivity = (text: string) => {
      try {
        activity = parseClientJson(text);
      } catch (error) {
        fail(new HttpError(400, 'BadArgument', `The activity part: ${(error as HttpError).message}`));
      }
    };
    parser.on('file', (field, stream, info) => {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= (field === 'activity' ? MAX_ACTIVITY_PART_BYTES : MAX_UPLOAD_FILE_BYTES)) chunks.push(chunk);
      });
      pending.push(new Promise<void>((done) => {
        stream.on('end', () => {
          const truncated = (stream as NodeJS.ReadableStream & { truncated?: boolean }).truncated;
          if (field === 'activity') {
            if (size > MAX_ACTIVITY_PART_BYTES) fail(new HttpError(413, 'PayloadTooLarge', 'The activity part is too large'));
            else parseActivity(Buffer.concat(chunks).toString('utf8'));
          } else if (truncated || size > MAX_UPLOAD_FILE_BYTES) {
            fail(tooLarge());
          } else {
            try {
              files.push(checkImage(Buffer.concat(chunks), info.filename));
            } catch (error) {
              fail(error as HttpError);
            }
          }
          done();
        });
      }));
    });
    parser.on('field', (field, value, info) => {
      if (field !== 'activity' && field !== 'text') return;
      if (info.valueTruncated) fail(new HttpError(413, 'PayloadTooLarge', `The ${field} part is too large`));
      else if (field === 'text') text = value;
      else parseActivity(value);
    });
    parser.on('filesLimit', () => fail(tooLarge()));
    parser.on('partsLimit', () => fail(tooLarge()));
    parser.on('error', () => fail(new HttpError(400, 'BadArgument', 'The multipart body could not be read')));
    parser.on('close', () => {
      void Promise.all(pending).then(() => {
        if (failure) reject(failure);
        else if (files.length === 0) reject(new HttpError(400, 'BadArgument', 'The upload has no file'));
        else if (files.length > MAX_UPLOAD_FILES) reject(tooLarge());
        else resolve({ activity, ...(text !== undefined ? { text } : {}), files });
      });
    });
    req.pipe(parser);
  });
}

export async function readUpload(req: Request): Promise<Upload> {
  const contentType = (req.headers['content-type'] ?? '').toLowerCase();
  if (contentType.startsWith('multipart/form-data')) return readMultipart(req);
  if (contentType.startsWith('image/')) {
    const content = await readRaw(req);
    const name = typeof req.headers['content-disposition'] === 'string' ? /filename="?([^";]+)"?/.exec(req.headers['content-disposition'])?.[1] : undefined;
    return { activity: undefined, files: [checkImage(content, name)] };
  }
  throw notImage();
}
