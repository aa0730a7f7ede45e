import fs from 'node:fs';
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { createApp } from '../bot/app';
import { SERVICE_INDEXES } from '../bot/indexes';
import { loadConfig } from '../lib/config';
import { createLogger } from '../lib/logger';
import { loadSecrets } from '../lib/secrets';
import { openStore } from '../lib/store';
import { ensureIndexes } from '../lib/store/indexes';

/**
 * `npm run bench -- firstload`: what a first visit to each web app costs over the wire. The whole service runs
 * in this process on 127.0.0.1 (embedded store in a temp dir), serving the apps from their build (dist/web).
 * Each app's page is loaded as a browser with an empty cache loads it: the page, then everything it references
 * (scripts, stylesheets, preloads, icons, and what the stylesheets reference in turn: every font face, so the
 * figure is an upper bound, since a browser fetches only the faces its text needs), each file once. It is run
 * with what browsers send (Accept-Encoding: br, gzip), then with gzip only (an older or stricter client), and
 * the bytes of each answer's body as sent are added up, beside the same files uncompressed.
 *
 * Goals: the officer app at most 250 KB over the wire, the chat page at most 1.2 MB (with br and gzip).
 */

const APPS = [
  { name: 'chat page', path: '/', goalBytes: 1.2 * 1000 * 1000, goalLabel: '1.2 MB' },
  { name: 'officer app', path: '/officer', goalBytes: 250 * 1000, goalLabel: '250 KB' },
] as const;

interface Fetched {
  url: string;
  status: number;
  contentType: string;
  /** The body's bytes as sent (compressed when the answer says so). */
  wireBytes: number;
  body: Buffer;
}

/** One GET, the body kept as it came over the wire: node:http does not decompress. */
function get(agent: Agent, url: string, acceptEncoding: string): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { agent, headers: { 'accept-encoding': acceptEncoding } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const raw = Buffer.concat(chunks);
        const coding = response.headers['content-encoding'];
        const body = coding === 'br' ? zlib.brotliDecompressSync(raw) : coding === 'gzip' ? zlib.gunzipSync(raw) : raw;
        resolve({ url, status: response.statusCode ?? 0, contentType: String(response.headers['content-type'] ?? ''), wireBytes: raw.length, body });
      });
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/** What a page or a stylesheet makes a browser fetch next. */
function references(file: Fetched): string[] {
  const text = file.body.toString('utf8');
  if (file.contentType.startsWith('text/html')) {
    const found: string[] = [];
    for (const tag of text.match(/<(script|link)\b[^>]*>/g) ?? []) {
      const rel = /\brel="([^"]*)"/.exec(tag)?.[1] ?? '';
      const src = /\b(?:src|href)="([^"]*)"/.exec(tag)?.[1];
      if (!src) continue;
      if (tag.startsWith('<script') || /\b(stylesheet|preload|modulepreload|icon)\b/.test(rel)) found.push(src);
    }
    return found;
  }
  if (file.contentType.startsWith('text/css')) {
    return [...text.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)].map((match) => match[1] as string).filter((url) => !url.startsWith('data:'));
  }
  return [];
}

async function firstLoad(base: string, page: string, acceptEncoding: string): Promise<Fetched[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 6 });
  const seen = new Set<string>();
  const fetched: Fetched[] = [];
  let wave = [new URL(page, base).href];
  try {
    while (wave.length > 0) {
      const next = wave.filter((url) => !seen.has(url));
      next.forEach((url) => seen.add(url));
      const answers = await Promise.all(next.map((url) => get(agent, url, acceptEncoding)));
      for (const answer of answers) if (answer.status !== 200) throw new Error(`${answer.url}: ${answer.status}`);
      fetched.push(...answers);
      wave = answers.flatMap((answer) => references(answer).map((ref) => new URL(ref, answer.url).href));
    }
  } finally {
    agent.destroy();
  }
  return fetched;
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

export async function runFirstLoadBench(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ddbot-bench-firstload-'));
  const store = await openStore({ dataDir: dir });
  await ensureIndexes(store, SERVICE_INDEXES);
  const config = loadConfig({ DATA_DIR: dir });
  const app = await createApp({ config, logger: createLogger('info', { write: () => undefined }), store, secrets: loadSecrets(dir, {}) });
  const base = await new Promise<string>((resolve) => {
    app.server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}`));
  });
  try {
    console.log('| app | files | br, gzip (over the wire) | gzip only | uncompressed | goal |');
    console.log('| --- | --- | --- | --- | --- | --- |');
    const details: string[] = [];
    for (const target of APPS) {
      const browser = await firstLoad(base, target.path, 'br, gzip');
      const gzipOnly = await firstLoad(base, target.path, 'gzip');
      const wire = browser.reduce((sum, file) => sum + file.wireBytes, 0);
      const gzip = gzipOnly.reduce((sum, file) => sum + file.wireBytes, 0);
      const plain = browser.reduce((sum, file) => sum + file.body.length, 0);
      const verdict = wire <= target.goalBytes ? 'met' : 'MISSED';
      console.log(`| ${target.name} | ${browser.length} | ${kb(wire)} | ${kb(gzip)} | ${kb(plain)} | ≤ ${target.goalLabel}: ${verdict} |`);
      for (const file of browser) details.push(`  ${target.name}: ${new URL(file.url).pathname} ${kb(file.wireBytes)} (${kb(file.body.length)} uncompressed)`);
    }
    console.log(`\n${details.join('\n')}`);
  } finally {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
