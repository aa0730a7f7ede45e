import { readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { builtAppDirectory } from '../../../lib/http/builtFiles';
import { isCompressible } from '../../../lib/http/compressible';
import { listFiles } from '../../../lib/http/precompress';

/**
 * The build output of both web apps, as `npm run build:web` leaves it (tests/globalSetup.js brings it up to
 * date): names made from content, compressed siblings that are the same file, pages without inline code.
 */

const APPS = [
  { app: 'page' as const, base: '/' },
  { app: 'officer' as const, base: '/officer/' },
];

describe.each(APPS)('dist/web/$app', ({ app, base }) => {
  const dir = builtAppDirectory(app);
  const files = listFiles(dir).filter((file) => !file.startsWith('.vite/'));
  const served = files.filter((file) => !/\.(br|gz)$/.test(file));

  test('every file but index.html has a content-hashed name under assets/', () => {
    expect(served).toContain('index.html');
    for (const file of served.filter((name) => name !== 'index.html')) expect(file).toMatch(/^assets\/[\w.-]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/);
  });

  test('every text file has a brotli and a gzip sibling that decompress to the same bytes; nothing else has one', () => {
    for (const file of served) {
      const body = readFileSync(path.join(dir, file));
      if (isCompressible(file)) {
        expect(brotliDecompressSync(readFileSync(path.join(dir, `${file}.br`))).equals(body)).toBe(true);
        expect(gunzipSync(readFileSync(path.join(dir, `${file}.gz`))).equals(body)).toBe(true);
      } else {
        expect(files).not.toContain(`${file}.br`);
        expect(files).not.toContain(`${file}.gz`);
      }
    }
    expect(files.filter((file) => /\.(br|gz)$/.test(file)).every((file) => served.includes(file.replace(/\.(br|gz)$/, '')))).toBe(true);
  });

  test('index.html has no inline script or style, and references only files of this build', () => {
    const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=/);
    const references = [...html.matchAll(/\b(?:src|href)="([^"#]+)"/g)].map((match) => match[1] as string).filter((url) => !url.startsWith('/privacy'));
    expect(references.length).toBeGreaterThan(2);
    for (const url of references) {
      expect(url.startsWith(`${base}assets/`)).toBe(true);
      expect(served).toContain(url.slice(base.length));
    }
  });

  test('the stylesheets reference fonts of this build only', () => {
    for (const file of served.filter((name) => name.endsWith('.css'))) {
      const css = readFileSync(path.join(dir, file), 'utf8');
      for (const [, url] of css.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)) {
        if ((url as string).startsWith('data:')) continue;
        expect(served).toContain((url as string).slice(base.length));
      }
    }
  });
});

describe("the officer app's first load", () => {
  const dir = builtAppDirectory('officer');
  const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]*\bsrc="\/officer\/([^"]+)"/g)].map((match) => readFileSync(path.join(dir, match[1] as string), 'utf8'));

  test("is Vue's production build, though the tests build it with NODE_ENV=test", () => {
    expect(process.env.NODE_ENV).toBe('test');
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).not.toContain('[Vue warn]');
  });

  test('carries no schema library: the limits and rules it imports come without the contract\'s schemas', () => {
    for (const script of scripts) expect(script).not.toMatch(/\b_zod\b|ZodType/);
  });
});
