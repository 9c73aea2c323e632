// One lint config for the monorepo. Besides the recommended rules it enforces the package direction
// contracts ← domain ← db ← api/worker/admin (STYLE.md 1): the SPA never imports db, domain never
// imports db, contracts imports nothing of ours.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const forbid = (...names) => ({
  'no-restricted-imports': [
    'error',
    { paths: names.map((name) => ({ name, message: 'Packages depend one way: contracts ← domain ← db ← apps.' })),
      patterns: names.map((name) => ({ group: [`${name}/*`], message: 'Packages depend one way.' })) },
  ],
});

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.data/**', '**/*.js', '**/*.mjs', '**/*.cjs', '**/test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { disallowTypeAnnotations: false, fixStyle: 'inline-type-imports' }],
      'no-console': 'error',
    },
  },
  { files: ['packages/contracts/**'], rules: forbid('@guanai/domain', '@guanai/db', '@guanai/api', '@guanai/worker') },
  { files: ['packages/domain/**'], rules: forbid('@guanai/db', '@guanai/api', '@guanai/worker', 'typeorm', 'pg') },
  { files: ['packages/db/**'], rules: forbid('@guanai/api', '@guanai/worker', '@guanai/admin') },
  // The SPA's own code; its Playwright harness (e2e/) prepares a database through @guanai/db.
  { files: ['apps/admin/src/**'], rules: forbid('@guanai/db', '@guanai/api', '@guanai/worker', 'typeorm') },
  // Nest resolves constructor parameters by their runtime types, so those imports must stay values.
  { files: ['apps/api/**', 'apps/worker/**'], rules: { '@typescript-eslint/consistent-type-imports': 'off' } },
  { files: ['infra/**', '**/test/**', '**/e2e/**', '**/*.spec.ts'], rules: { 'no-console': 'off' } },
);
