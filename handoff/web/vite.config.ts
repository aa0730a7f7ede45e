import path from 'node:path';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { preloadFont } from '../../lib/http/preloadFont';
import { precompress } from '../../lib/http/precompress';

/**
 * The officer web app (handoff/web: Vue single-file components in src/), built into dist/web/officer and served
 * under /officer/ by handoff/web/routes.ts: templates compiled ahead of time (the page's CSP allows no eval),
 * every file but index.html content-hashed, and every text file given a .br and a .gz sibling. The fonts are the
 * chat page's stylesheet (bot/web/page/fonts.css), built into this app's own files. `npm run build:web` runs
 * this.
 */
const repository = path.join(__dirname, '..', '..');

export default defineConfig({
  root: __dirname,
  base: '/officer/',
  publicDir: false,
  logLevel: 'warn',
  define: {
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'false',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
    // vue-i18n compiles messages to functions without eval (JIT compilation): the CSP has no unsafe-eval.
    __INTLIFY_JIT_COMPILATION__: 'true',
    __INTLIFY_DROP_MESSAGE_COMPILER__: 'false',
  },
  build: {
    outDir: path.join(repository, 'dist', 'web', 'officer'),
    emptyOutDir: true,
    manifest: true,
    // No inline <script> or data: module: the CSP allows scripts from this origin only.
    modulePreload: { polyfill: false },
    // Fonts and icons stay files of their own: a data: URL inside CSS would defeat caching and the CSP's font-src.
    assetsInlineLimit: 0,
    sourcemap: false,
    // Brotli at its highest quality is slow by design; the build need not report it as a slow plugin.
    rolldownOptions: { checks: { pluginTimings: false } },
  },
  server: { fs: { allow: [repository] } },
  plugins: [vue(), preloadFont('sarabun-thai-400-normal.woff2'), precompress()],
});
