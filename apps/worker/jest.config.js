module.exports = require('../../jest.base.js')({ testMatch: ['<rootDir>/src/**/*.spec.ts'] });
