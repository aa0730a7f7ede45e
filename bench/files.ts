import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ComplaintService } from '../lib/complaints/service';
import { FileStore, type NewFile } from '../lib/files/fileStore';
import { FileRetention } from '../lib/files/retention';
import { EmbeddedStore, STORE_FILE } from '../lib/store/embedded';
import { ensureIndexes } from '../lib/store/indexes';
import { SERVICE_INDEXES } from '../bot/indexes';
import { formatRow, nowMs } from './stats';

/**
 * `npm run bench -- files`: uploaded photos on the embedded store, and what the retention purge gives back.
 * 300 MB of photos (60 of 5 MB, in 12 conversations) are kept, then purged 30 days later, on a store created by
 * this version (incremental vacuum) and on one created before it (no auto_vacuum). Reported: the data
 * directory's size (database and write-ahead log) at each step, the time taken, and whether any byte of a
 * deleted photo is still in the files.
 */

const MB = 1024 * 1024;
const DAY = 24 * 60 * 60 * 1000;
const PHOTOS = 60;
const PHOTO_BYTES = 5 * MB;
const PER_CONVERSATION = 5;
const LIMITS = { conversationFiles: 20, conversationBytes: 50 * MB, totalBytes: 2048 * MB, retentionDays: 30, complaintRetentionDays: 730 };

const marker = (n: number) => Buffer.from(`BENCH-PHOTO-${n}-`.padEnd(63, '#'));
/** How the marker looks in the store: chunks are base64 text, and each chunk starts on a marker. */
const trace = (n: number) => Buffer.from(marker(n).toString('base64'));

function photo(n: number): NewFile {
  const content = Buffer.alloc(PHOTO_BYTES);
  for (let offset = 0; offset + 63 <= PHOTO_BYTES; offset += 63) marker(n).copy(content, offset);
  return { contentType: 'image/jpeg', name: `photo-${n}.jpg`, content };
}

function sizeOf(file: string): number {
  return fs.existsSync(file) ? fs.statSync(file).size : 0;
}

/** Database plus log, in MB. */
function onDisk(dir: string): { db: number; wal: number } {
  const file = path.join(dir, STORE_FILE);
  return { db: sizeOf(file) / MB, wal: sizeOf(`${file}-wal`) / MB };
}

/** How many of the photos still have bytes in the database or its log. */
function tracesLeft(dir: string): number {
  const file = path.join(dir, STORE_FILE);
  const contents = [file, `${file}-wal`].filter((name) => fs.existsSync(name)).map((name) => fs.readFileSync(name));
  let left = 0;
  for (let n = 0; n < PHOTOS; n += 1) if (contents.some((bytes) => bytes.includes(trace(n)))) left += 1;
  return left;
}

async function run(kind: 'new' | 'older'): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ddbot-bench-files-'));
  try {
    if (kind === 'older') {
      // What a store created before this version is: write-ahead logging, no auto_vacuum.
      const db = new Database(path.join(dir, STORE_FILE));
      db.pragma('journal_mode = WAL');
      db.exec('CREATE TABLE created_before (x TEXT)');
      db.close();
    }
    let now = Date.UTC(2026, 10, 23, 3, 0, 0);
    const clock = () => now;
    const store = await EmbeddedStore.open(dir);
    await ensureIndexes(store, SERVICE_INDEXES);
    const files = new FileStore(store, LIMITS, clock);
    const retention = new FileRetention({ files, complaints: new ComplaintService(store, { hashingKey: 'k'.repeat(40), now: clock }), store, limits: LIMITS, now: clock });

    const began = nowMs();
    for (let n = 0; n < PHOTOS; n += PER_CONVERSATION) {
      const batch = Array.from({ length: PER_CONVERSATION }, (_, i) => photo(n + i));
      const saved = await files.saveAll(`bench-conversation-${n}`, batch, 'citizen');
      if (!saved.ok) throw new Error(`upload refused: ${saved.refusal.quota}`);
    }
    const uploadSeconds = (nowMs() - began) / 1000;
    const full = onDisk(dir);

    const before = tracesLeft(dir);
    now += 30 * DAY;
    // The longest the thread is held during the purge: how long a request arriving then would wait.
    let longestPause = 0;
    let tick = nowMs();
    const monitor = setInterval(() => {
      longestPause = Math.max(longestPause, nowMs() - tick);
      tick = nowMs();
    }, 1);
    const purgeBegan = nowMs();
    const outcome = await retention.purge();
    const purgeSeconds = (nowMs() - purgeBegan) / 1000;
    clearInterval(monitor);
    const after = onDisk(dir);
    const left = tracesLeft(dir);
    await store.close();
    if (outcome.deleted !== PHOTOS) throw new Error(`expected ${PHOTOS} files purged, got ${outcome.deleted}`);

    const widths = [44, 10, 10, 10];
    const label = kind === 'new' ? 'store created now (incremental vacuum)' : 'store created before (no auto_vacuum)';
    return [
      `${label}:`,
      formatRow(['  step', 'db MB', 'log MB', 'seconds'], widths),
      formatRow([`  ${PHOTOS} photos of ${PHOTO_BYTES / MB} MB kept (${(PHOTOS * PHOTO_BYTES) / MB} MB)`, full.db.toFixed(1), full.wal.toFixed(1), uploadSeconds.toFixed(2)], widths),
      formatRow(['  30 days later, purged', after.db.toFixed(1), after.wal.toFixed(1), purgeSeconds.toFixed(2)], widths),
      `  upload rate ${((PHOTOS * PHOTO_BYTES) / MB / uploadSeconds).toFixed(0)} MB/s; longest pause of the thread during the purge ${longestPause.toFixed(0)} ms`,
      `  photos with bytes in the files: ${before} of ${PHOTOS} before the purge, ${left} after`,
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * What zeroing deleted content costs the everyday write, a conversation's state replaced at every turn: SQLite
 * alone, on the embedded store's table layout and settings, with secure_delete off and on in alternation (the
 * machine is shared, so rounds alternate and the median counts).
 */
function secureDeleteCost(): string[] {
  const ROUNDS = 6;
  const DOCS = 2000;
  const WRITES = 20_000;
  const BATCH = 50;
  const state = JSON.stringify({ dialogState: { dialogStack: [{ id: 'main', state: { values: 'x'.repeat(2800) } }] } });
  const rates: Record<'off' | 'on', number[]> = { off: [], on: [] };
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const mode of ['off', 'on'] as const) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ddbot-bench-sd-'));
      const db = new Database(path.join(dir, STORE_FILE));
      try {
        db.pragma('auto_vacuum = INCREMENTAL');
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = NORMAL');
        db.pragma(`secure_delete = ${mode === 'on' ? 'ON' : 'OFF'}`);
        db.exec('CREATE TABLE c_botstate (_id TEXT PRIMARY KEY, doc TEXT NOT NULL)');
        const replace = db.prepare('INSERT OR REPLACE INTO c_botstate (_id, doc) VALUES (?, ?)');
        const batch = db.transaction((from: number) => {
          for (let i = from; i < from + BATCH; i += 1) replace.run(`conversation-${i % DOCS}`, `${state}${i}`);
        });
        for (let i = 0; i < DOCS; i += BATCH) batch(i);
        const began = nowMs();
        for (let i = 0; i < WRITES; i += BATCH) batch(i);
        rates[mode].push(WRITES / ((nowMs() - began) / 1000));
      } finally {
        db.close();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const off = median(rates.off);
  const on = median(rates.on);
  return [
    `secure_delete on the everyday write (a ${(state.length / 1024).toFixed(1)} KB conversation state replaced, ${WRITES} times, ${BATCH} per commit; median of ${ROUNDS}):`,
    `  off ${off.toFixed(0)} writes/s, on ${on.toFixed(0)} writes/s: ${((1 - on / off) * 100).toFixed(0)} % slower`,
  ];
}

export async function runFilesBench(): Promise<void> {
  for (const kind of ['new', 'older'] as const) console.log((await run(kind)).join('\n'));
  console.log(secureDeleteCost().join('\n'));
}
