// Unit tests only (src/**/*.spec.ts); the Playwright specs in e2e/ run under `playwright test`.
const config = require('../../jest.base.js')({ testMatch: ['<rootDir>/src/**/*.spec.ts'] });
// The SPA's own path alias (tsconfig paths, vite alias), so modules under test import as the app does.
config.moduleNameMapper = { '^@/(.*)$': '<rootDir>/src/$1', ...config.moduleNameMapper };
module.exports = config;
