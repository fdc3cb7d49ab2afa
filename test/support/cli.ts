import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEST_ANCHOR_FILE } from './pki';

/** The repository root: where `bin/agente.js` runs from in tests. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node bin/agente.js …` as a user would (a real process), collecting its output. The process trusts the
 * tests' certification authority (`AGENTE_ANCLAS_CONFIANZA`, test/support/pki.ts), as the documents tests build are
 * signed under it, unless the given environment names other anchors.
 */
export function runAgente(args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<CliRun> {
  const env = { ...(options.env ?? process.env) };
  env.AGENTE_ANCLAS_CONFIANZA ??= TEST_ANCHOR_FILE;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/agente.js'), ...args], { cwd: options.cwd ?? ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
