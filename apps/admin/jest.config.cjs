// Unit tests only (src/**/*.spec.ts); the Playwright specs in e2e/ run under `playwright test`.
module.exports = require('../../jest.base.js')({ testMatch: ['<rootDir>/src/**/*.spec.ts'] });
