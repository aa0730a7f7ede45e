// Builds the two web apps with Vite (the citizen chat page and the officer app) into dist/web/<app>, unless
// nothing they are built from has changed since the last build: `npm start` and the tests run this every
// time, and an unchanged app costs a hash of its sources instead of a Vite build. `--force` builds anyway.
//
// What an app is built from: its source directory, its Vite config, the shared stylesheet and build helpers,
// and package-lock.json (an upgraded Web Chat or font is a new build).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = ['bot/web/page/fonts.css', 'bot/web/page/brand.css', 'bot/web/page/favicon.svg', 'lib/http/precompress.ts', 'lib/http/compressible.ts', 'lib/http/preloadFont.ts', 'package-lock.json', 'scripts/build-web.mjs'];

const APPS = [
  { name: 'page', config: 'bot/web/vite.config.ts', sources: ['bot/web/page', 'bot/web/webChatBundle.ts'] },
  // The officer app's whole directory: today three files, tomorrow components; routes.ts is the service's.
  { name: 'officer', config: 'handoff/web/vite.config.ts', sources: ['handoff/web'], skip: ['handoff/web/routes.ts'] },
];

function filesUnder(relative) {
  const full = path.join(root, relative);
  if (!existsSync(full)) return [];
  if (statSync(full).isFile()) return [relative];
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.parentPath.includes('node_modules'))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

function inputsHash(app) {
  const files = [...new Set([app.config, ...shared, ...app.sources.flatMap(filesUnder)])].filter((file) => !(app.skip ?? []).includes(file)).sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(existsSync(path.join(root, file)) ? readFileSync(path.join(root, file)) : Buffer.alloc(0));
    hash.update('\0');
  }
  return hash.digest('hex');
}

const stampFile = path.join(root, 'dist', 'web', 'inputs.json');
const stamps = existsSync(stampFile) ? JSON.parse(readFileSync(stampFile, 'utf8')) : {};
const force = process.argv.includes('--force');

// The configs are TypeScript in a CommonJS package, which Vite's default loader bundles as it should; the note
// that a future loader will not is for Vite's next major version.
process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';
// What is built is what the service serves, always the production build: Vite takes NODE_ENV as it finds it,
// and under jest (NODE_ENV=test, the tests' global setup runs this) Vue would be built in its development form,
// warnings and all, about a quarter larger over the wire, and kept for `npm start` since its sources match.
process.env.NODE_ENV = 'production';
// Loaded only when something is to be built: an up-to-date check stays quick.
let vite;
for (const app of APPS) {
  const hash = inputsHash(app);
  const built = existsSync(path.join(root, 'dist', 'web', app.name, 'index.html'));
  if (!force && built && stamps[app.name] === hash) continue;
  vite ??= await import('vite');
  const started = Date.now();
  await vite.build({ configFile: path.join(root, app.config), logLevel: 'warn' });
  stamps[app.name] = hash;
  mkdirSync(path.dirname(stampFile), { recursive: true });
  writeFileSync(stampFile, `${JSON.stringify(stamps, null, 2)}\n`);
  console.log(`build-web: ${app.name} built into dist/web/${app.name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
