// Integration tests: the real app on real PostgreSQL and Redis, in a database made for this run.
module.exports = require('../../jest.base.js')({
  testMatch: ['<rootDir>/test/**/*.int-spec.ts'],
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  testTimeout: 30000,
});
