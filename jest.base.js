// Shared jest settings: TypeScript through SWC (decorators and their metadata kept for NestJS and
// TypeORM), workspace packages resolved to their sources so tests never need a prior build.
const path = require('node:path');

/** @param {{ testMatch: string[], extra?: object }} opts */
module.exports = function jestConfig({ testMatch, ...extra }) {
  return {
    testEnvironment: 'node',
    testMatch,
    // A ceiling, not an assertion: CI runs typecheck, lint and tests side by side on two cores, and a
    // test that inflates a zip bomb or hashes many passwords must not fail for being slow there.
    testTimeout: 30_000,
    transform: {
      '^.+\\.tsx?$': [
        '@swc/jest',
        {
          jsc: {
            parser: { syntax: 'typescript', decorators: true },
            transform: { legacyDecorator: true, decoratorMetadata: true },
            target: 'es2022',
          },
          module: { type: 'commonjs' },
        },
      ],
      '^.+\\.m?js$': [
        '@swc/jest',
        { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } },
      ],
    },
    // otplib 13 depends on ESM-only packages; Node 20 loads them, jest's CommonJS runtime needs them compiled.
    transformIgnorePatterns: ['/node_modules/(?!(@scure|@noble|@otplib|otplib)/)'],
    moduleNameMapper: {
      '^@guanai/(contracts|domain|db)$': path.join(__dirname, 'packages/$1/src/index.ts'),
      '^@guanai/db/testing$': path.join(__dirname, 'packages/db/src/testing/index.ts'),
    },
    ...extra,
  };
};
