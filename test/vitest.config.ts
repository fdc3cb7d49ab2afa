import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * One config, two projects. `unit` runs in Node (server tests must: happy-dom drops the Origin header that CORS
 * tests need); extension component tests opt into happy-dom with a `// @vitest-environment happy-dom` comment.
 * `e2e` drives real Chromium, Dovecot and the built extension, one file at a time.
 */
export default defineConfig({
  plugins: [WxtVitest()],
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  test: {
    globalSetup: ['test/support/build-server.ts'],
    // Anchors installed on the developer's machine (`agente anclas`) never count in the tests: only the bundle and
    // the tests' own certification authority (AGENTE_ANCLAS_CONFIANZA, test/support/pki.ts).
    env: { AGENTE_ANCLAS_INSTALADAS: '' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // One PostgreSQL server for the storage tests on both engines (test/support/engines.ts), added to the
          // inherited build step.
          globalSetup: ['test/support/postgres-global.ts'],
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/e2e/**', 'node_modules/**'],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          // PostgreSQL too: the mailbox takeover runs two agent processes on each engine.
          globalSetup: ['test/support/postgres-global.ts'],
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
