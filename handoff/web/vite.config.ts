import path from 'node:path';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

/**
 * The officer app's build: Vue single-file components compiled ahead of time (the page's CSP allows no eval),
 * every file content-hashed under /officer/assets/, and a manifest the service reads to know what it serves.
 */
const root = __dirname;
const repository = path.resolve(root, '..', '..');

export default defineConfig({
  root,
  base: '/officer/',
  plugins: [vue()],
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
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  server: { fs: { allow: [repository] } },
});
