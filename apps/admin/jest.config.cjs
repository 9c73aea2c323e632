// Unit tests of the SPA's pure helpers (browser behaviour is Playwright's, in e2e/).
module.exports = require('../../jest.base.js')({ testMatch: ['<rootDir>/src/**/*.spec.ts'] });
