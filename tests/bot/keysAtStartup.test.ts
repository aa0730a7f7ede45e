import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort, startService, waitForOk } from '../helpers/serviceProcess';
import { makeTempDir } from '../helpers/tempDir';

/**
 * The built entry point, as an operator runs it, beside a store that already holds data (after a first start it
 * holds the first admin) whose keys are lost: it refuses to start rather than make new ones, unless the keys come
 * from the environment or the operator creates new ones with `npm run new-secrets`.
 */
describe('keys beside a store that holds data', () => {
  let dir: string;
  let cleanup: () => void;
  let dataDir: string;
  let secretsFile: string;
  let original: Record<string, string>;
  const NEW_SECRETS = path.resolve(__dirname, '../../dist/bot/newSecrets.js');

  beforeAll(async () => {
    ({ dir, cleanup } = makeTempDir());
    dataDir = path.join(dir, 'data');
    secretsFile = path.join(dataDir, 'secrets.json');
    const port = await freePort();
    const first = startService({ PORT: String(port) }, dir);
    await waitForOk(`http://127.0.0.1:${port}/healthz`, 15000);
    first.child.kill('SIGTERM');
    expect((await first.exited).code).toBe(0);
    original = JSON.parse(fs.readFileSync(secretsFile, 'utf8')) as Record<string, string>;
  });
  afterAll(() => cleanup());

  async function startsAndStops(env: Record<string, string> = {}): Promise<void> {
    const port = await freePort();
    const service = startService({ PORT: String(port), ...env }, dir);
    try {
      await waitForOk(`http://127.0.0.1:${port}/healthz`, 15000);
    } finally {
      service.child.kill('SIGTERM');
    }
    expect((await service.exited).code).toBe(0);
  }

  test('a lost secrets.json stops start-up with one line, and no new keys are made', async () => {
    fs.rmSync(secretsFile);
    const service = startService({ PORT: String(await freePort()) }, dir);
    expect(await service.exited).toEqual({ code: 1, signal: null });
    expect(service.stderr()).toBe(
      `damrongdham-bot: cannot start: ${secretsFile} is missing, but the store already holds data: with new keys ` +
        'no stored tracking check or keyed hash would match again (citizens could no longer track earlier complaints); ' +
        'every open chat session and every photo link would stop working; servers that hold the Direct Line secret would ' +
        'need the new one. Restore secrets.json from a backup, or set HASHING_KEY, TOKEN_SIGNING_KEY, DIRECTLINE_SECRET ' +
        'to the keys in use; to create new keys anyway, run "npm run new-secrets" (see docs/operations.md).\n',
    );
    expect(fs.existsSync(secretsFile)).toBe(false);
  });

  test('keys set in the environment count as present: the service starts and writes no file', async () => {
    fs.rmSync(secretsFile, { force: true });
    await startsAndStops({ DIRECTLINE_SECRET: original.directLineSecret, TOKEN_SIGNING_KEY: original.tokenSigningKey, HASHING_KEY: original.hashingKey });
    expect(fs.existsSync(secretsFile)).toBe(false);
  });

  test('a secrets.json without its hashing key is refused and left as it was; npm run new-secrets adds one on purpose', async () => {
    const partial = `${JSON.stringify({ directLineSecret: original.directLineSecret, tokenSigningKey: original.tokenSigningKey, createdAt: original.createdAt })}\n`;
    fs.writeFileSync(secretsFile, partial, { mode: 0o600 });
    const refused = startService({ PORT: String(await freePort()) }, dir);
    expect((await refused.exited).code).toBe(1);
    expect(refused.stderr()).toMatch(/^damrongdham-bot: cannot start: \S+secrets\.json has no hashingKey, but the store already holds data: [^\n]*set HASHING_KEY to the keys in use[^\n]*\n$/);
    expect(fs.readFileSync(secretsFile, 'utf8')).toBe(partial);

    const created = spawnSync(process.execPath, [NEW_SECRETS], { cwd: dir, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' });
    expect(created.status).toBe(0);
    expect(created.stdout).toContain(`Created new keys in ${secretsFile}`);
    expect(created.stdout).toContain('hashingKey (HASHING_KEY when set in the environment): no stored tracking check');
    expect(created.stdout).not.toContain('tokenSigningKey');
    const renewed = JSON.parse(fs.readFileSync(secretsFile, 'utf8')) as Record<string, string>;
    expect(renewed).toMatchObject({ directLineSecret: original.directLineSecret, tokenSigningKey: original.tokenSigningKey });
    expect(renewed.hashingKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(renewed.hashingKey).not.toBe(original.hashingKey);

    const again = spawnSync(process.execPath, [NEW_SECRETS], { cwd: dir, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' });
    expect(again.stdout).toMatch(/^Nothing to create/);
    await startsAndStops();
    expect(JSON.parse(fs.readFileSync(secretsFile, 'utf8'))).toEqual(renewed);
  });
});
