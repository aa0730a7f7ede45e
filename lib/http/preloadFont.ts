/**
 * A `<link rel="preload">` for the font a page needs first (Sarabun's Thai regular face), added to the built
 * index.html under the name the build gave the font: without it the browser learns of the font only once the
 * stylesheet has arrived and the first Thai text is laid out, and shows that text in a fallback face first.
 */

/** The parts of Vite's plugin interface this uses (see bot/web/webChatBundle.ts for why they are spelled out). */
interface PreloadFontPlugin {
  name: string;
  apply: 'build';
  configResolved(config: { base: string }): void;
  transformIndexHtml: {
    order: 'post';
    handler(html: string, context: { bundle?: Readonly<Record<string, { fileName: string }>> }): { tag: string; attrs: Record<string, string | boolean>; injectTo: 'head' }[];
  };
}

/** `font` is the font file's name before the build hashed it, e.g. `sarabun-thai-400-normal.woff2`. */
export function preloadFont(font: string): PreloadFontPlugin {
  const dot = font.lastIndexOf('.');
  const built = new RegExp(`^assets/${font.slice(0, dot).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-[A-Za-z0-9_-]{8}\\${font.slice(dot)}$`);
  let base = '/';
  return {
    name: 'damrongdham:preload-font',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        const file = Object.values(bundle ?? {}).find((output) => built.test(output.fileName));
        if (!file) throw new Error(`preloadFont: the build emitted no ${font}`);
        return [{ tag: 'link', attrs: { rel: 'preload', href: `${base}${file.fileName}`, as: 'font', type: 'font/woff2', crossorigin: true }, injectTo: 'head' }];
      },
    },
  };
}
