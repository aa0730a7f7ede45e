// Builds the officer app (handoff/web, Vite) once before the browser tests: the service serves what is built.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

module.exports = async function buildWeb() {
  const root = path.resolve(__dirname, '..', '..', '..');
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '-c', 'handoff/web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  });
};
