import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Vitest global set-up: the tests that run `node bin/agente.js` run what a user runs, the compiled dist/. Rebuilds
 * it when a source changed since the last build (a no-op otherwise), so a test never runs yesterday's code.
 */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build-server.js', '--if-stale'], { cwd: fileURLToPath(new URL('../../', import.meta.url)), stdio: 'inherit' });
}
