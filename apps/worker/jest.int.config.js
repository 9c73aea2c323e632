// Integration tests: the built worker as a child process against real PostgreSQL and Redis, a local
// SMTP server and a local HTTP server standing in for the group robots, in a database made for this run.
module.exports = require('../../jest.base.js')({
  testMatch: ['<rootDir>/test/**/*.int-spec.ts'],
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  // Fault tests wait out retries and BullMQ's stalled-job recovery; each test sets its own ceiling.
  testTimeout: 180_000,
});
