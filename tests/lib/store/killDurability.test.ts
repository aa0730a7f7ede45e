/**
 * kill -9 durability of the embedded store: a child process writes in a tight loop and reports each write after
 * it was acknowledged; the child is SIGKILLed mid-stream; every acknowledged write must then be in the file, and
 * the file must pass SQLite's integrity check. Three rounds append to the same store.
 */

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { EmbeddedStore, STORE_FILE } from '../../../lib/store/embedded';
import type { BaseDocument } from '../../../lib/store';

type Doc = BaseDocument & Record<string, unknown>;

const FIXTURE = path.join(__dirname, 'fixtures', 'killWriter.js');

interface Round {
  inserted: string[];
  increments: number;
}

/** Runs the writer until it has acknowledged `acks` inserts, then SIGKILLs it. */
function writeUntilKilled(dir: string, acks: number): Promise<Round> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [FIXTURE, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let seen = 0;
    let killed = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      if (killed) return;
      seen += chunk.split('\n').length - 1;
      if (seen >= acks) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') {
        reject(new Error(`writer exited on its own (code ${String(code)}): ${err}`));
        return;
      }
      // The last line may have been cut by the kill: only complete lines are acknowledgements.
      const lines = out.split('\n').slice(0, -1);
      if (lines[0] !== 'ready') {
        reject(new Error(`writer was killed before it was ready: ${err}`));
        return;
      }
      resolve({
        inserted: lines.filter((line) => line.startsWith('ins ')).map((line) => line.slice(4)),
        increments: lines.filter((line) => line === 'inc').length,
      });
    });
  });
}

describe('embedded store under kill -9', () => {
  let dir: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-kill-'));
  });

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged write and an intact file', async () => {
    const acknowledged: string[] = [];
    let increments = 0;
    const rounds = [300, 700, 1200];
    for (const [i, acks] of rounds.entries()) {
      const round = await writeUntilKilled(dir, acks);
      expect(round.inserted.length).toBeGreaterThan(acks * 0.7);
      acknowledged.push(...round.inserted);
      increments += round.increments;

      // Checked on a plain connection first: opening the store runs its own checks and checkpoints.
      const raw = new Database(path.join(dir, STORE_FILE));
      try {
        expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        raw.close();
      }

      const store = await EmbeddedStore.open(dir);
      try {
        const stored = new Set((await store.collection<Doc>('items').find({}, { projection: { _id: 1 } }).toArray()).map((doc) => doc._id));
        const lost = acknowledged.filter((id) => !stored.has(id));
        expect(lost).toEqual([]);
        // At most one write per round can have committed without being reported before the kill.
        expect(stored.size).toBeGreaterThanOrEqual(acknowledged.length);
        expect(stored.size).toBeLessThanOrEqual(acknowledged.length + i + 1);
        const counter = await store.collection<Doc>('counters').findOne({ _id: 'writes' });
        expect(counter?.n).toBeGreaterThanOrEqual(increments);
        expect(counter?.n).toBeLessThanOrEqual(increments + i + 1);
      } finally {
        await store.close();
      }
    }
  }, 60_000);
});
