import { afterAll } from 'vitest';
import { builtinEnvironments } from 'vitest/environments';

/**
 * Installs happy-dom for the extension's component tests. Import it first in the test file.
 *
 * Why not `// @vitest-environment happy-dom`: that pragma also makes Vite transform every module for a browser,
 * which rewrites `new URL('…', import.meta.url)` (test/support/fixtures.ts, reading the DIAN samples) into the
 * fake page's address. These tests run the components against the real agent in the same process, so modules
 * stay transformed for Node and only the DOM globals come from happy-dom, set up exactly as Vitest would.
 */
const environment = await builtinEnvironments['happy-dom'].setup(globalThis, {});

afterAll(async () => {
  // Preact runs effects after the next frame, or after 35 ms without one: let the last ones finish first.
  await new Promise((resolve) => setTimeout(resolve, 60));
  await environment.teardown(globalThis);
});
