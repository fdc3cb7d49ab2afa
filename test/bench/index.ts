import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * `npm run bench` runs every benchmark module in this folder (`*.bench.ts`), one after the other;
 * `npm run bench -- dian` runs only those whose file name contains "dian" (several filters: any of them).
 * Each module exports `run(): Promise<void>` and prints its own figures next to its targets.
 *
 * The script runs under `node --expose-gc`, so modules may call `globalThis.gc?.()` between phases.
 */
const here = new URL('./', import.meta.url);
const filters = process.argv.slice(2).filter((arg) => arg !== '--');
const modules = readdirSync(fileURLToPath(here))
  .filter((file) => file.endsWith('.bench.ts'))
  .sort()
  .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)));

if (modules.length === 0) {
  process.stderr.write(`No hay benchmarks que coincidan con: ${filters.join(', ')}\n`);
  process.exitCode = 1;
}

for (const file of modules) {
  process.stdout.write(`\n▶ ${file}\n`);
  try {
    const module = (await import(new URL(file, here).href)) as { run?: () => Promise<void> };
    if (typeof module.run !== 'function') throw new Error(`${file} no exporta run()`);
    await module.run();
  } catch (error) {
    // One broken benchmark must not hide the figures of the others.
    process.stderr.write(`✗ ${file}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  }
  globalThis.gc?.();
}
