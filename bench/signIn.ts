import fs from 'node:fs';
import { Agent } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../bot/app';
import { loadConfig } from '../lib/config';
import { createLogger } from '../lib/logger';
import { loadSecrets } from '../lib/secrets';
import { openStore } from '../lib/store';
import { ensureIndexes } from '../lib/store/indexes';
import { SERVICE_INDEXES } from '../bot/indexes';
import { send } from './http';
import { formatRow, nowMs, summarise } from './stats';

/**
 * `npm run bench -- signin`: how long a failed officer sign-in takes, by what made it fail. The answer is the same
 * for each (401 InvalidCredentials); the time must not tell them apart either, so that nobody learns from it
 * which usernames exist or that an account is locked. The whole service runs in this process on 127.0.0.1 with the
 * embedded store, behind a "trusted proxy" so that every attempt comes from its own network (the per-network
 * limits would otherwise answer 429 after a few), on a clock that stands still (the locked account stays locked).
 * The four kinds of attempt take turns, so that the machine's ups and downs fall on all of them alike.
 *
 * Goal: the medians within 5 % of the unknown name's (the password hash, run for every attempt, is nearly all of
 * the time).
 */

const ROUNDS = 150;
const WARM_UP = 5;
const PASSWORD = 'bench-password-for-officers';

export async function runSignInBench(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ddbot-bench-signin-'));
  const store = await openStore({ dataDir: dir });
  await ensureIndexes(store, SERVICE_INDEXES);
  const config = loadConfig({ DATA_DIR: dir, TRUST_PROXY: 'true' });
  const stopped = Date.UTC(2026, 10, 23, 3, 0, 0);
  const app = await createApp({ config, logger: createLogger('info', { write: () => undefined }), store, secrets: loadSecrets(dir, {}), now: () => stopped });
  const base = await new Promise<string>((resolve) => {
    app.server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}`));
  });
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  let networks = 0;
  const attempt = async (username: string, password: string) => {
    networks += 1;
    const from = `10.${(networks >> 16) & 255}.${(networks >> 8) & 255}.${networks & 255}`;
    const started = nowMs();
    const answer = await send(agent, `${base}/api/officer/session`, 'POST', { 'x-forwarded-for': from }, { username, password });
    const elapsed = nowMs() - started;
    if (answer.status !== 401) throw new Error(`expected 401, got ${answer.status} ${answer.body}`);
    return { elapsed, body: answer.body };
  };
  try {
    await app.officers.create({ username: 'known.officer', displayName: 'known', role: 'officer', centres: ['50'], password: PASSWORD }, false);
    const disabled = await app.officers.create({ username: 'disabled.officer', displayName: 'disabled', role: 'officer', centres: ['50'], password: PASSWORD }, false);
    await app.officers.update(disabled._id, { disabled: true });
    await app.officers.create({ username: 'locked.officer', displayName: 'locked', role: 'officer', centres: ['50'], password: PASSWORD }, false);
    for (let i = 0; i < 10; i += 1) await attempt('locked.officer', `wrong-${i}`);

    const kinds: Array<{ label: string; username: string; password: string }> = [
      { label: 'unknown username', username: 'nobody.here', password: 'wrong-password-1' },
      { label: 'known username, wrong password', username: 'known.officer', password: 'wrong-password-1' },
      { label: 'disabled account, right password', username: 'disabled.officer', password: PASSWORD },
      { label: 'locked account, right password', username: 'locked.officer', password: PASSWORD },
    ];
    const times: number[][] = kinds.map(() => []);
    const bodies = new Set<string>();
    for (let round = 0; round < WARM_UP + ROUNDS; round += 1) {
      for (const [index, kind] of kinds.entries()) {
        const { elapsed, body } = await attempt(kind.username, kind.password);
        bodies.add(body);
        if (round >= WARM_UP) times[index].push(elapsed);
      }
    }
    const widths = [36, 9, 9, 9, 12];
    console.log(`signin: failed officer sign-ins over HTTP, 127.0.0.1, embedded store, ${ROUNDS} of each kind taking turns`);
    console.log(formatRow(['attempt', 'p50 ms', 'p99 ms', 'max ms', 'p50 vs first'], widths));
    const summaries = times.map((list) => summarise(list, 1));
    const reference = summaries[0].p50;
    let worst = 0;
    for (const [index, kind] of kinds.entries()) {
      const difference = (summaries[index].p50 - reference) / reference;
      worst = Math.max(worst, Math.abs(difference));
      console.log(formatRow([kind.label, summaries[index].p50, summaries[index].p99, summaries[index].max, `${difference >= 0 ? '+' : ''}${(difference * 100).toFixed(1)} %`], widths));
    }
    console.log(`answers: ${bodies.size === 1 ? 'one and the same body for every attempt' : `${bodies.size} different bodies (must be one)`}`);
    console.log(`largest difference of medians: ${(worst * 100).toFixed(1)} % (goal < 5 %): ${worst < 0.05 && bodies.size === 1 ? 'met' : 'NOT met'}`);
  } finally {
    agent.destroy();
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
