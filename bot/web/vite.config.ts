import path from 'node:path';
import { defineConfig } from 'vite';
import { preloadFont } from '../../lib/http/preloadFont';
import { precompress } from '../../lib/http/precompress';
import { webChatBundle } from './webChatBundle';

/**
 * The citizen chat page (bot/web/page), built into dist/web/page: every file but index.html gets a
 * content-hashed name, and every text file a .br and a .gz sibling. The service serves the result
 * (bot/web/pageRoutes.ts); `npm run build:web` runs this.
 */
export default defineConfig({
  root: path.join(__dirname, 'page'),
  base: '/',
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: path.join(__dirname, '..', '..', 'dist', 'web', 'page'),
    emptyOutDir: true,
    manifest: true,
    // Fonts and icons stay files of their own: a data: URL inside CSS would defeat caching and the CSP's font-src.
    assetsInlineLimit: 0,
    // Brotli at its highest quality is slow by design; the build need not report it as a slow plugin.
    rolldownOptions: { checks: { pluginTimings: false } },
  },
  plugins: [webChatBundle(), preloadFont('sarabun-thai-400-normal.woff2'), precompress()],
});
