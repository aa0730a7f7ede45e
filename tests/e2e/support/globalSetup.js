// The browser tests run the service in-process from the sources, and it serves the web apps from their build
// (dist/web): scripts/build-web.mjs brings that up to date first (nothing to do when it is).
const { execFileSync } = require('node:child_process');
const path = require('node:path');

module.exports = async function buildWebApps() {
  const root = path.resolve(__dirname, '..', '..', '..');
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build-web.mjs')], { cwd: root, stdio: 'inherit' });
};
