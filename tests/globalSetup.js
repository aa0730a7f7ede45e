// Builds the service once before the suites run: the start-up tests run the real entry point
// (dist/bot/index.js) in a child process, exactly as `npm start` does, and the service serves the web apps
// from their build (dist/web), which scripts/build-web.mjs brings up to date (nothing to do when it is).
const { execFileSync } = require('node:child_process');
const path = require('node:path');

module.exports = async function buildOnce() {
  const root = path.resolve(__dirname, '..');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build-web.mjs')], { cwd: root, stdio: 'inherit' });
};
