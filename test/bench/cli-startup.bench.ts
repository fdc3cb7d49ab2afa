import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { buildState } from '../../scripts/build-state.js';
import { tempDir } from '../support/agent-harness';
import { ROOT } from '../support/cli';

/**
 * How long the CLI takes to answer (issue 17): `agente --help` and `agente summary` as a person or a script runs
 * them, a new `node bin/agente.js` process each time, wall-clock from spawn to exit; median of RUNS. Target on the
 * 2-core reference machine: under 300 ms each. For comparison: a bare `node -e 0`, and the same commands run from
 * the TypeScript sources through tsx (what every start cost before dist/). With GNU time installed it also gives the
 * CPU time (user + system), which a busy machine (other processes on the 2 cores) inflates less than the wall clock.
 */
const GNU_TIME = '/usr/bin/time';
const RUNS = 9;
const TARGET_MS = 300;

export async function run(): Promise<void> {
  if (buildState() !== 'current') throw new Error('dist/ falta o está desactualizado: ejecuta `npm run build:server` antes del benchmark.');
  const tmp = tempDir('agente-bench-cli-');
  try {
    const db = tmp.file('agente.db');
    const agente = (...args: string[]) => [path.join(ROOT, 'bin/agente.js'), '--db', db, ...args];
    const fromSources = (...args: string[]) => ['--import', 'tsx', path.join(ROOT, 'server/cli/run-from-source.ts'), '--db', db, ...args];
    once(agente('init'));
    once(agente('company', 'create', '--nit', '900123456', '--name', 'Comercializadora Prueba SAS', '--user', 'Ana'));
    once(agente('agent', 'activate'));
    once(agente('summary')); // also leaves V8's compile cache warm on Node 22+, as a second run of the day would

    const load = loadavg()[0]!.toFixed(2);
    const rows: [string, string[], number | undefined][] = [
      ['node -e 0 (referencia)', ['-e', '0'], undefined],
      ['agente --help', agente('--help'), TARGET_MS],
      ['agente summary', agente('summary'), TARGET_MS],
      ['agente --help (desde las fuentes, tsx)', fromSources('--help'), undefined],
      ['agente summary (desde las fuentes, tsx)', fromSources('summary'), undefined],
    ];
    console.log(`cli-startup: Node ${process.version}, carga del sistema ${load}, mediana de ${RUNS} procesos`);
    for (const [label, args, target] of rows) {
      const runs = Array.from({ length: RUNS }, () => timed(args));
      const ms = median(runs.map((r) => r.wall));
      const cpu = runs[0]!.cpu === undefined ? '' : `, CPU ${median(runs.map((r) => r.cpu!)).toFixed(0)} ms`;
      const verdict = target === undefined ? '' : ms < target ? ` (objetivo: < ${target} ms ✓)` : ` (objetivo: < ${target} ms ✗)`;
      console.log(`cli-startup: ${label}: ${ms.toFixed(0)} ms${cpu}${verdict}`);
    }
  } finally {
    tmp.remove();
  }
}

function once(args: string[]): void {
  const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${args.join(' ')}: ${result.stderr}`);
}

function timed(args: string[]): { wall: number; cpu?: number } {
  const withTime = existsSync(GNU_TIME);
  const started = performance.now();
  const result = withTime
    ? spawnSync(GNU_TIME, ['-f', '%U %S', process.execPath, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' })
    : spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
  const wall = performance.now() - started;
  if (result.status !== 0) throw new Error(`${args.join(' ')} salió con ${result.status}`);
  if (!withTime) return { wall };
  const [user, system] = String(result.stderr).trim().split('\n').at(-1)!.split(' ').map(Number);
  return { wall, cpu: (user! + system!) * 1000 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
