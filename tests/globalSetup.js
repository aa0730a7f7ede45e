// Builds the service once before the suites run: the start-up tests run the real entry point
// (dist/bot/index.js) in a child process, exactly as `npm start` does.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

module.exports = async function buildOnce() {
  const root = path.resolve(__dirname, '..');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
};
