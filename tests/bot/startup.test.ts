import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { snapshotFiles } from '../helpers/fileSnapshot';
import { freePort, startService, waitForOk } from '../helpers/serviceProcess';
import { makeTempDir } from '../helpers/tempDir';

/** The real entry point in a child process: what an operator sees when they run `npm start`. */
describe('starting and stopping the service', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = makeTempDir()));
  afterEach(() => cleanup());

  test('starts with no configuration, serves /healthz and /readyz, keeps its secrets, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const service = startService({ PORT: String(port) }, dir);
    try {
      await waitForOk(`http://127.0.0.1:${port}/healthz`, 15000);
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(await ready.json()).toEqual({ status: 'ready', store: 'embedded' });
    } finally {
      service.child.kill('SIGTERM');
    }
    expect(await service.exited).toEqual({ code: 0, signal: null });

    const dataDir = path.join(dir, 'data');
    expect(fs.statSync(path.join(dataDir, 'secrets.json')).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(path.join(dataDir, 'store.sqlite'))).toBe(true);
    const secrets = JSON.parse(fs.readFileSync(path.join(dataDir, 'secrets.json'), 'utf8')) as Record<string, string>;
    const lines = service.stdout().trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => line.msg)).toEqual(expect.arrayContaining(['listening', 'shutting down', 'stopped']));
    expect(service.stdout()).not.toContain(secrets.tokenSigningKey);
    expect(service.stdout()).not.toContain(secrets.directLineSecret);
    // The first admin's one-time password is shown once, on the terminal, and never in the JSON log.
    const password = /One-time password: (\S+)/.exec(service.stderr())?.[1];
    expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
    // Where citizens chat and where officers work, both on the banner and in the log.
    expect(service.stderr()).toContain(`Chat page:   http://localhost:${port}/\n  Officer app: http://localhost:${port}/officer\n`);
    expect(lines.find((line) => line.msg === 'listening')).toMatchObject({ chatPage: `http://localhost:${port}/`, officerApp: `http://localhost:${port}/officer` });
    expect(service.stdout()).not.toContain(password as string);

    // The operator's recovery: a new one-time password for the admin; the printed one stops working.
    const reset = spawnSync(process.execPath, [path.resolve(__dirname, '../../dist/bot/resetPassword.js'), 'admin'], { cwd: dir, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' });
    expect(reset.status).toBe(0);
    const renewed = /New one-time password for admin: (\S+)/.exec(reset.stdout)?.[1];
    expect(renewed).toMatch(/^[A-Za-z0-9]{20}$/);
    const unknown = spawnSync(process.execPath, [path.resolve(__dirname, '../../dist/bot/resetPassword.js'), 'nobody'], { cwd: dir, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' });
    expect(unknown.status).toBe(1);

    const again = startService({ PORT: String(port) }, dir);
    await waitForOk(`http://127.0.0.1:${port}/healthz`, 15000);
    const signIn = (password: string) => fetch(`http://127.0.0.1:${port}/api/officer/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password }) });
    expect((await signIn(password as string)).status).toBe(401);
    const signedIn = await signIn(renewed as string);
    expect(signedIn.status).toBe(200);
    expect(((await signedIn.json()) as { officer: { mustChangePassword: boolean } }).officer.mustChangePassword).toBe(true);
    again.child.kill('SIGTERM');
    expect((await again.exited).code).toBe(0);
    expect(again.stderr()).toBe('');
  });

  test.each([
    [{ PORT: 'abc' }, 'damrongdham-bot: cannot start: Invalid configuration: PORT must be a whole number from 1 to 65535 (got "abc")'],
    [{ LOG_LEVEL: 'verbose' }, 'damrongdham-bot: cannot start: Invalid configuration: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "verbose")'],
  ])('invalid configuration %j stops start-up with one clear line', async (env, line) => {
    const service = startService(env, dir);
    expect(await service.exited).toEqual({ code: 1, signal: null });
    expect(service.stderr()).toBe(`${line}\n`);
  });

  test('a DATA_DIR that is a file is a clear start-up error', async () => {
    const file = path.join(dir, 'not-a-dir');
    fs.writeFileSync(file, 'x');
    const service = startService({ PORT: String(await freePort()), DATA_DIR: file }, dir);
    expect((await service.exited).code).toBe(1);
    expect(service.stderr()).toMatch(/^damrongdham-bot: cannot start: .*not-a-dir.*\n$/);
  });

  test('a corrupt store is a clear start-up error, and the file is left as it was', async () => {
    const dataDir = path.join(dir, 'data');
    fs.mkdirSync(dataDir);
    const junk = Buffer.from('this is not a database, but it might be someone\'s only copy of one'.repeat(100));
    fs.writeFileSync(path.join(dataDir, 'store.sqlite'), junk);
    const service = startService({ PORT: String(await freePort()) }, dir);
    expect((await service.exited).code).toBe(1);
    expect(service.stderr()).toMatch(/^damrongdham-bot: cannot start: .*store\.sqlite.*\n$/);
    expect(fs.readFileSync(path.join(dataDir, 'store.sqlite')).equals(junk)).toBe(true);
  });

  test('a store file emptied beside its write-ahead log is refused, not started afresh, and no file changes', async () => {
    const port = await freePort();
    const first = startService({ PORT: String(port) }, dir);
    await waitForOk(`http://127.0.0.1:${port}/healthz`, 15000);
    // Killed as a crash or an out-of-memory killer would: the last commits are still in the log.
    first.child.kill('SIGKILL');
    await first.exited;
    const dataDir = path.join(dir, 'data');
    expect(fs.statSync(path.join(dataDir, 'store.sqlite-wal')).size).toBeGreaterThan(0);
    fs.truncateSync(path.join(dataDir, 'store.sqlite'), 0);
    const before = snapshotFiles(dataDir);
    await new Promise((resolve) => setTimeout(resolve, 20));

    const second = startService({ PORT: String(port) }, dir);
    expect((await second.exited).code).toBe(1);
    expect(second.stderr()).toMatch(/^damrongdham-bot: cannot start: \S*store\.sqlite is empty but its write-ahead log store\.sqlite-wal holds [\d.]+ MB: [^\n]*Nothing was changed\.\n$/);
    // Not a fresh install: no new admin, and the files are exactly as they were.
    expect(second.stderr()).not.toContain('One-time password');
    expect(snapshotFiles(dataDir)).toEqual(before);
  });

  test('a port already in use is a clear start-up error', async () => {
    const port = await freePort();
    const first = startService({ PORT: String(port), HOST: '127.0.0.1' }, dir);
    try {
      await waitForOk(`http://127.0.0.1:${port}/healthz`, 15000);
      const other = makeTempDir();
      const second = startService({ PORT: String(port), HOST: '127.0.0.1' }, other.dir);
      expect((await second.exited).code).toBe(1);
      expect(second.stderr()).toBe('damrongdham-bot: cannot start: the port is already in use (set PORT to another port)\n');
      other.cleanup();
    } finally {
      first.child.kill('SIGTERM');
      await first.exited;
    }
  });
});
