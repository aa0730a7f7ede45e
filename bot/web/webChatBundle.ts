import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Web Chat's own bundle (its UMD build, with the React it was made with) as a file of the chat page's build,
 * under a content-hashed name, loaded by a deferred script before app.js: deferred and module scripts run in
 * document order, so app.js finds window.WebChat.
 *
 * Why not Web Chat's ES module build, bundled with the page: that build renders with whichever React the page
 * installs, and with React 19 its renderWebChat fails (ReactDOM.render is gone) and, rendered through
 * createRoot instead, it logs "Cannot update a component while rendering a different component". It is not
 * smaller over the wire either: 655 KB with brotli against this file's 639 KB (README, benchmarks).
 */

/** The bundle: the package's exports map hides dist/, so it is found from the package's main module. */
function webChatBundlePath(): string {
  const main = require.resolve('botframework-webchat');
  return path.join(path.dirname(main), '..', 'dist', 'webchat.js');
}

/**
 * The parts of Vite's plugin interface this uses, spelled out: the service's TypeScript resolves modules the
 * CommonJS way, under which vite's types cannot be imported, and Vite checks the shape when it loads the config.
 */
interface WebChatBundlePlugin {
  name: string;
  apply: 'build';
  configResolved(config: { base: string }): void;
  transformIndexHtml: { order: 'post'; handler(): { tag: string; attrs: Record<string, string | boolean>; injectTo: 'head-prepend' }[] };
  generateBundle(this: { emitFile(file: { type: 'asset'; fileName: string; source: Uint8Array }): string }): void;
}

export function webChatBundle(): WebChatBundlePlugin {
  const source = readFileSync(webChatBundlePath());
  // Named as Vite names what it emits (name-<8 base64url characters>.js), so it is served as a hashed file.
  const fileName = `assets/webchat-${createHash('sha256').update(source).digest('base64url').slice(0, 8)}.js`;
  let base = '/';
  return {
    name: 'damrongdham:webchat-bundle',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      // After Vite's own pass (which bundles module scripts only), and prepended: before the page's module script
      // in the document, so it runs first.
      handler: () => [{ tag: 'script', attrs: { src: `${base}${fileName}`, defer: true }, injectTo: 'head-prepend' }],
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName, source });
    },
  };
}
