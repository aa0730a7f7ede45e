/** Unit and integration tests: `npm test`. Browser tests live in tests/e2e and run with `npm run test:e2e`. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/e2e/'],
  transform: {
    // Type checking is done once by `tsc --noEmit` before jest runs; per-file transpiling keeps jest fast.
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
    // The officer app's components, for their tests (tests/web/components, under jsdom).
    '^.+\\.vue$': '<rootDir>/tests/web/vueTransform.js',
  },
  moduleFileExtensions: ['ts', 'js', 'json', 'vue'],
  globalSetup: '<rootDir>/tests/globalSetup.js',
  testTimeout: 20000,
};
