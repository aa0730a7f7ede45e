import path from 'node:path';

/**
 * Which built files are text and so worth compressing. One rule for both sides: the build writes a `.br` and a
 * `.gz` sibling for exactly these (lib/http/precompress.ts), and the service expects the siblings of exactly
 * these (lib/http/builtFiles.ts). Fonts (woff2) and images other than SVG are compressed already.
 */
const TEXT_EXTENSIONS = new Set(['.html', '.js', '.mjs', '.css', '.svg', '.json', '.txt', '.map', '.webmanifest']);

export function isCompressible(file: string): boolean {
  return TEXT_EXTENSIONS.has(path.extname(file).toLowerCase());
}

/** The content codings prepared at build time, in the order the service prefers them. */
export const PREPARED_ENCODINGS = [
  { coding: 'br', suffix: '.br' },
  { coding: 'gzip', suffix: '.gz' },
] as const;

export type PreparedCoding = (typeof PREPARED_ENCODINGS)[number]['coding'];
