import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * `npm run bench` runs every benchmark module in this folder (`*.bench.ts`), one after the other;
 * `npm run bench -- dian` runs only those whose file name contains "dian" (several filters: any of them);
 * `npm run bench -- matching -blind32` leaves out those whose name contains "blind32" (so a round's engine work can
 * run every set but its judges, which it must not see before it is judged).
 * Each module exports `run(): Promise<void>` and prints its own figures next to its targets.
 *
 * Every module runs in a process of its own (`run-one.ts`), so a memory figure is that benchmark's alone and not
 * what an earlier one left behind. The processes run under `node --expose-gc`: modules may call
 * `globalThis.gc?.()` between phases.
 */
const here = fileURLToPath(new URL('./', import.meta.url));
const args = process.argv.slice(2).filter((arg) => arg !== '--');
const filters = args.filter((arg) => !arg.startsWith('-'));
const excluded = args.filter((arg) => arg.startsWith('-')).map((arg) => arg.slice(1));
const modules = readdirSync(here)
  .filter((file) => file.endsWith('.bench.ts'))
  .sort()
  .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)))
  .filter((file) => !excluded.some((name) => file.includes(name)));

if (modules.length === 0) {
  process.stderr.write(`No hay benchmarks que coincidan con: ${args.join(', ')}\n`);
  process.exitCode = 1;
}

for (const file of modules) {
  process.stdout.write(`\n▶ ${file}\n`);
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(new URL('run-one.ts', import.meta.url)), file], { stdio: 'inherit' });
    child.on('close', (exitCode) => resolve(exitCode));
  });
  // One broken benchmark must not hide the figures of the others.
  if (code !== 0) process.exitCode = 1;
}
