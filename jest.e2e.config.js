/**
 * Browser tests: `npm run test:e2e`. They drive Debian's Chromium (CHROMIUM_PATH, default /usr/bin/chromium)
 * against the whole service running in-process, one test at a time (--runInBand): a browser per suite is
 * enough load for a build machine. Screenshots go to test-artifacts/e2e/.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests/e2e'],
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e.ts'],
  transform: {
    // As in jest.config.js: tsc type-checks once (`npm test`), ts-jest only transpiles.
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  globalSetup: '<rootDir>/tests/e2e/support/globalSetup.js',
  // A whole complaint through a real browser takes tens of seconds; a slow machine gets room to finish.
  testTimeout: 180000,
};
