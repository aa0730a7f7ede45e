/**
 * Judges the embedded store's files before anything opens them for writing.
 *
 * Opening a SQLite database for writing is not a neutral act: an empty or missing `store.sqlite` is simply
 * started afresh (a zero-byte file beside a 4 MB write-ahead log would become a fresh install, the log deleted),
 * and a read-write connection that closes checkpoints its log into the database and deletes it, even when the
 * database was just found damaged. So this module first judges what can be judged from the files alone, then
 * checks the database on a read-only connection, which can neither checkpoint nor delete the log. A refused
 * start leaves every file as it found it.
 */

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../errors';

const SQLITE_HEADER = Buffer.from('SQLite format 3\u0000', 'latin1');
/** The two magic numbers a write-ahead log starts with (big- and little-endian checksums). */
const WAL_MAGIC = [0x377f0682, 0x377f0683];
const WAL_HEADER_BYTES = 32;

/** What the files say before the store is opened: nothing there yet, or an existing database that passed its checks. */
export type PreflightResult = 'new' | 'existing';

interface Companion {
  file: string;
  size: number | undefined;
}

function sizeOf(file: string): number | undefined {
  try {
    return fs.statSync(file).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function refused(message: string): AppError {
  return new AppError('STORE_CORRUPT', `${message} Nothing was changed.`);
}

/** The refusal of a file that SQLite cannot read as a database. */
export function notADatabase(file: string, reason: string): AppError {
  return new AppError(
    'STORE_CORRUPT',
    `${file} is not a usable SQLite database (${reason}). It was left untouched: move it aside or restore a backup.`,
  );
}

function readHeader(file: string, bytes: number): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const read = fs.readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, read);
  } finally {
    fs.closeSync(fd);
  }
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'unknown error';
}

/**
 * Checks `store.sqlite` and its `-wal` and `-shm` files. Returns 'new' when there is no database yet (or an
 * empty file with no log), 'existing' when the database passed SQLite's quick check.
 * @throws AppError STORE_CORRUPT, with every file left as it was, when the files cannot be a healthy store.
 */
export function preflight(file: string): PreflightResult {
  const name = path.basename(file);
  const wal: Companion = { file: `${file}-wal`, size: sizeOf(`${file}-wal`) };
  const shm: Companion = { file: `${file}-shm`, size: sizeOf(`${file}-shm`) };
  const size = sizeOf(file);

  if (size === undefined) {
    const left = [wal, shm].filter((companion) => companion.size !== undefined);
    if (left.length > 0) {
      const names = left.map((companion) => path.basename(companion.file)).join(' and ');
      throw refused(
        `${file} is missing, but ${names} ${left.length > 1 ? 'are' : 'is'} there${wal.size ? ` (the write-ahead log holds ${megabytes(wal.size)})` : ''}: ` +
          `the database was moved or deleted and the files SQLite keeps beside it were left behind. Restore ${name} from ` +
          `a backup; to start an empty store instead, move ${names} aside.`,
      );
    }
    return 'new';
  }

  if (size === 0) {
    if (wal.size) {
      throw refused(
        `${file} is empty but its write-ahead log ${name}-wal holds ${megabytes(wal.size)}: the database file was ` +
          `truncated or replaced, and starting would throw the log away. Restore ${name} from a backup.`,
      );
    }
    return 'new';
  }

  const header = readHeader(file, SQLITE_HEADER.length);
  if (!header.equals(SQLITE_HEADER)) throw notADatabase(file, 'no SQLite header');

  if (wal.size) {
    const walHeader = readHeader(wal.file, WAL_HEADER_BYTES);
    if (walHeader.length < WAL_HEADER_BYTES || !WAL_MAGIC.includes(walHeader.readUInt32BE(0))) {
      throw refused(
        `${wal.file} is not a SQLite write-ahead log (its header is damaged), and the commits it holds cannot be ` +
          `read. Restore the data directory from a backup, or move ${name}-wal aside to open the database without them.`,
      );
    }
  }

  checkReadOnly(file, wal);
  return 'existing';
}

/** Size and modification time of the database and its log: whether another process wrote them meanwhile. */
function fingerprint(file: string): string {
  return [file, `${file}-wal`].map((name) => {
    try {
      const stat = fs.statSync(name);
      return `${stat.size}:${stat.mtimeMs}`;
    } catch {
      return '-';
    }
  }).join('|');
}

/**
 * Reads the whole database, log included, on a read-only connection, which can neither checkpoint nor delete
 * the log. Even so, SQLite resets and rebuilds the shared-memory index (`-shm`) of a store no process has open,
 * and creates a missing log and index; so the connection opens hard links to the database and its log, made in
 * a directory of its own inside the data directory, and gets an index of its own there. A check that fails
 * while another process writes the store (the service, while `npm run reset-password` runs) may have read a log
 * being rewritten: it is repeated, and only a failure on files that stayed as they were counts.
 */
function checkReadOnly(file: string, wal: Companion): void {
  for (let attempt = 1; ; attempt += 1) {
    const before = fingerprint(file);
    const failure = checkThroughLinks(file, wal);
    if (!failure) return;
    if (fingerprint(file) === before || attempt === 3) throw failure;
  }
}

function checkThroughLinks(file: string, wal: Companion): AppError | undefined {
  let dir: string | undefined;
  try {
    dir = fs.mkdtempSync(path.join(path.dirname(file), '.check-'));
    const mirror = path.join(dir, path.basename(file));
    fs.linkSync(file, mirror);
    if (wal.size !== undefined) fs.linkSync(wal.file, `${mirror}-wal`);
    return checkDatabase(mirror, file);
  } catch (error) {
    // A file system without hard links: checked in place, and whatever the check created is removed again.
    if (!['EPERM', 'ENOTSUP', 'EXDEV', 'EMLINK', 'ENOSYS', 'EOPNOTSUPP'].includes(errorCode(error))) throw error;
    return checkInPlace(file, wal);
  } finally {
    if (dir !== undefined) fs.rmSync(dir, { recursive: true, force: true });
  }
}

function checkInPlace(file: string, wal: Companion): AppError | undefined {
  const shm = `${file}-shm`;
  const hadShm = fs.existsSync(shm);
  const failure = checkDatabase(file, file);
  if (failure) {
    if (wal.size === undefined && sizeOf(wal.file) === 0) fs.rmSync(wal.file, { force: true });
    if (!hadShm) fs.rmSync(shm, { force: true });
  }
  return failure;
}

/** Opens `path` read-only and reads every page; failures are reported under the store's own file name. */
function checkDatabase(target: string, file: string): AppError | undefined {
  let db: Database.Database | undefined;
  try {
    db = new Database(target, { readonly: true, fileMustExist: true });
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    if (db.pragma('quick_check', { simple: true }) !== 'ok') return notADatabase(file, 'PRAGMA quick_check found damage');
    return undefined;
  } catch (error) {
    const code = errorCode(error);
    if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return notADatabase(file, code);
    return new AppError('DATA_DIR_UNUSABLE', `the data directory cannot be used: ${file}: ${code}`);
  } finally {
    db?.close();
  }
}
