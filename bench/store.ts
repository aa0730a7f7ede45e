import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedStore } from '../lib/store/embedded';
import type { BaseDocument, Collection } from '../lib/store';
import { nowMs, summarise } from './stats';

// Benchmark of the embedded store (npm run bench -- store); prints its figures, unlike lib/ code.


interface HandoffEntry extends BaseDocument {
  centreCode: string;
  state: 'queued' | 'live' | 'closed';
  queuedAt: number;
  channel: 'webchat' | 'messenger' | 'line';
  lang: 'th' | 'en';
}

const CENTRES = 956;
// One centre (the ministry's) takes a fifth of all traffic: its queue is the long one.
const BUSY_CENTRE = 'C0000';

function option(args: string[], name: string, fallback: string): string {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && at + 1 < args.length ? args[at + 1] : fallback;
}

// Deterministic pseudo-random numbers, so that runs are comparable.
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function centre(random: () => number): string {
  if (random() < 0.2) return BUSY_CENTRE;
  return `C${String(1 + Math.floor(random() * (CENTRES - 1))).padStart(4, '0')}`;
}

function entry(random: () => number, start: number): Omit<HandoffEntry, '_id'> {
  const roll = random();
  return {
    centreCode: centre(random),
    state: roll < 0.3 ? 'queued' : roll < 0.4 ? 'live' : 'closed',
    queuedAt: start - Math.floor(random() * 7 * 24 * 3600 * 1000),
    channel: (['webchat', 'messenger', 'line'] as const)[Math.floor(random() * 3)],
    lang: random() < 0.8 ? 'th' : 'en',
  };
}

const fmt = (value: number, digits = 2): string => value.toFixed(digits);

async function fill(collection: Collection<HandoffEntry>, count: number, random: () => number): Promise<void> {
  const start = Date.now();
  const began = nowMs();
  for (let i = 0; i < count; i += 1) await collection.insertOne(entry(random, start));
  const seconds = (nowMs() - began) / 1000;
  console.log(`  inserted ${count} (indexed) in ${fmt(seconds)} s: ${Math.round(count / seconds)} inserts/s`);
}

async function queuePages(collection: Collection<HandoffEntry>, queries: number, random: () => number): Promise<void> {
  const latencies: number[] = [];
  let returned = 0;
  const began = nowMs();
  for (let i = 0; i < queries; i += 1) {
    const centreCode = i % 2 === 0 ? BUSY_CENTRE : centre(random);
    const t0 = nowMs();
    const page = await collection.find({ centreCode, state: 'queued' }, { sort: { queuedAt: 1 }, limit: 20 }).toArray();
    latencies.push(nowMs() - t0);
    returned += page.length;
  }
  const s = summarise(latencies, nowMs() - began);
  console.log(
    `  first queue page x${s.count}: p50 ${fmt(s.p50, 3)} ms, p99 ${fmt(s.p99, 3)} ms, max ${fmt(s.max, 3)} ms ` +
      `(${Math.round(s.perSecond)} pages/s, ${fmt(returned / s.count, 1)} entries per page; half on the busy centre)`,
  );
}

/**
 * The embedded store under the officer queue's load: indexed inserts per second, then the first queue page
 * (`find({centreCode, state: 'queued'}, {sort: {queuedAt: 1}, limit: 20})`) at 20,000 and 100,000 handoff
 * entries. Options: `--sizes 20000,100000` `--queries 1000`.
 */
export async function runStoreBench(args: string[]): Promise<void> {
  const sizes = option(args, 'sizes', '20000,100000')
    .split(',')
    .map(Number)
    .filter((n) => Number.isSafeInteger(n) && n > 0)
    .sort((a, b) => a - b);
  const queries = Number(option(args, 'queries', '1000'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-store-'));
  const store = await EmbeddedStore.open(dir);
  try {
    const handoffs = store.collection<HandoffEntry>('handoffs');
    await handoffs.createIndex({ centreCode: 1, state: 1, queuedAt: 1 });
    const plan = store.explainFind('handoffs', { centreCode: BUSY_CENTRE, state: 'queued' }, { sort: { queuedAt: 1 }, limit: 20 });
    console.log(`embedded store (SQLite, WAL, synchronous=NORMAL) in ${dir}`);
    console.log(`  plan: ${plan.join(' / ')}`);
    const random = generator(42);
    let stored = 0;
    for (const size of sizes) {
      console.log(`${size} handoff entries:`);
      await fill(handoffs, size - stored, random);
      stored = size;
      await queuePages(handoffs, queries, random);
    }
    console.log(`  database file: ${fmt(fs.statSync(path.join(dir, 'store.sqlite')).size / 1e6, 1)} MB before checkpoint`);
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
