import { spawn } from 'node:child_process';
import path from 'node:path';

/**
 * The entry point's last line of defence, in a real Node.js process (the built code, as production runs it):
 * an uncaught exception and an unhandled rejection are logged without their messages, and the process goes
 * on serving. Without the guard the same script dies at the first error.
 */

const DIST = path.resolve(__dirname, '../../dist');

/** A process that serves HTTP, meets both kinds of stray error, then shows it still answers. */
const SCRIPT = (withGuard: boolean) => `
const http = require('node:http');
const { createLogger } = require(${JSON.stringify(path.join(DIST, 'lib/logger.js'))});
const { keepServingThroughUnexpectedErrors } = require(${JSON.stringify(path.join(DIST, 'bot/processGuard.js'))});
if (${withGuard}) keepServingThroughUnexpectedErrors(createLogger('info'));
const server = http.createServer((_req, res) => res.end('still serving'));
server.listen(0, '127.0.0.1', () => {
  setTimeout(() => { throw new TypeError('Invalid URL: สมชาย 0812345678'); }, 10);
  setTimeout(() => { Promise.reject(new Error('national id 1234567890121')); }, 20);
  setTimeout(async () => {
    const answer = await fetch('http://127.0.0.1:' + server.address().port + '/').then((res) => res.text());
    process.stdout.write(JSON.stringify({ answer }) + '\\n');
    server.close();
  }, 100);
});
`;

function run(withGuard: boolean): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', SCRIPT(withGuard)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the process guard of the entry point', () => {
  test('logs an uncaught exception and an unhandled rejection by name and stack, never by message, and keeps serving', async () => {
    const { code, stdout, stderr } = await run(true);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toEqual([
      expect.objectContaining({ level: 50, msg: 'uncaught exception; still serving', err: expect.objectContaining({ name: 'TypeError', stack: expect.stringContaining('at ') }) }),
      expect.objectContaining({ level: 50, msg: 'unhandled rejection; still serving', err: expect.objectContaining({ name: 'Error' }) }),
      { answer: 'still serving' },
    ]);
    expect(stdout).not.toMatch(/สมชาย|0812345678|1234567890121|Invalid URL/);
  });

  test('without it, the first stray error ends the process', async () => {
    const { code, stdout } = await run(false);
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
  });
});
