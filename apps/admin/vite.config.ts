import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// The shared packages compile to CommonJS for Node; the SPA bundles their TypeScript sources instead.
// Only small modules of @guanai/domain are aliased: its index pulls in the common-password list.
export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^@\//, replacement: here('./src/') },
      { find: /^@guanai\/contracts$/, replacement: here('../../packages/contracts/src/index.ts') },
      {
        find: /^@guanai\/domain\/access$/,
        replacement: here('../../packages/domain/src/access/permissions.ts'),
      },
      { find: /^@guanai\/domain\/roles$/, replacement: here('../../packages/domain/src/access/roles.ts') },
      { find: /^@guanai\/domain\/orgs$/, replacement: here('../../packages/domain/src/orgs/tree.ts') },
      {
        find: /^@guanai\/domain\/programmes$/,
        replacement: here('../../packages/domain/src/programmes/template-rules.ts'),
      },
      { find: /^@guanai\/domain$/, replacement: here('../../packages/domain/src/index.ts') },
    ],
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
});
