import path from 'node:path';
import { defineConfig } from 'vite';
import { preloadFont } from '../../lib/http/preloadFont';
import { precompress } from '../../lib/http/precompress';

/**
 * The officer web app (handoff/web), built into dist/web/officer and served under /officer/ by
 * handoff/web/routes.ts: every file but index.html gets a content-hashed name, and every text file a .br and a
 * .gz sibling. The fonts are the chat page's stylesheet (bot/web/page/fonts.css), built into this app's own
 * files. `npm run build:web` runs this.
 */
export default defineConfig({
  root: __dirname,
  base: '/officer/',
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: path.join(__dirname, '..', '..', 'dist', 'web', 'officer'),
    emptyOutDir: true,
    manifest: true,
    // Fonts and icons stay files of their own: a data: URL inside CSS would defeat caching and the CSP's font-src.
    assetsInlineLimit: 0,
    // Brotli at its highest quality is slow by design; the build need not report it as a slow plugin.
    rolldownOptions: { checks: { pluginTimings: false } },
  },
  plugins: [preloadFont('sarabun-thai-400-normal.woff2'), precompress()],
});
