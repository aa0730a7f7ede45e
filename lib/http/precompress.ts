import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { isCompressible } from './compressible';

/**
 * Compression done once at build time rather than per request: brotli at its highest quality is far too slow
 * to run for every visitor, and a file compressed once is compressed the same way for all of them.
 */

export function brotli(body: Buffer): Buffer {
  return brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
}

export function gzip(body: Buffer): Buffer {
  return gzipSync(body, { level: 9 });
}

/** Every file under `dir`, as paths relative to it, with '/' separators. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** Writes `<file>.br` and `<file>.gz` next to every text file under `dir`; returns how many files it compressed. */
export function precompressDirectory(dir: string): number {
  // Vite's own records (.vite/manifest.json) are read by tools, never served: nothing to compress.
  const texts = listFiles(dir).filter((file) => isCompressible(file) && !file.startsWith('.'));
  for (const file of texts) {
    const full = path.join(dir, file);
    const body = readFileSync(full);
    writeFileSync(`${full}.br`, brotli(body));
    writeFileSync(`${full}.gz`, gzip(body));
  }
  return texts.length;
}

/** The same as a Vite plugin: runs once the bundle is written, so it sees exactly the files Vite emitted. */
export function precompress(): { name: string; apply: 'build'; writeBundle: (options: { dir?: string }) => void } {
  return {
    name: 'damrongdham:precompress',
    apply: 'build',
    writeBundle(options) {
      if (!options.dir) throw new Error('precompress: the build has no output directory');
      precompressDirectory(options.dir);
    },
  };
}
