/** Runs one benchmark module (see index.ts): `node --expose-gc --import tsx test/bench/run-one.ts dian-reader.bench.ts`. */
const file = process.argv[2];
try {
  const module = (await import(new URL(file!, import.meta.url).href)) as { run?: () => Promise<void> };
  if (typeof module.run !== 'function') throw new Error(`${file} no exporta run()`);
  await module.run();
} catch (error) {
  process.stderr.write(`✗ ${file}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
}
