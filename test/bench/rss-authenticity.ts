import { loadavg } from 'node:os';
import type { ReadOutcome } from '#shared/dian-document';
import { verifyOutcome } from '../../server/authenticity';
import { readDianFile } from '../../server/dian';
import { encoder, fixtureNames, fixtureText, retarget } from '../support/fixtures';

/**
 * Memory over a long run of verifications (a tool, not a benchmark): libxml2's documents live in WebAssembly memory,
 * which no garbage collector frees, so a document not disposed of would show here as RSS growing without end.
 *
 *   node --expose-gc --import tsx test/bench/rss-authenticity.ts 20000
 *
 * Verifies the authenticity bench's corpus (valid and tampered documents, so failing paths run too) in the main
 * thread and prints RSS and heap after a GC every tenth of the run.
 */
const total = Number(process.argv[2] ?? 20_000);
const names = fixtureNames().filter((name) => /Invoice|Generica|Servicios|Combustible|IBUA|ICUI|Licores|IVA|Exent|Divisas|Moneda|Consumidor|Autoretenedor|Saludables|Muestras|ubl21dian/.test(name) && !/nota_|Note|RADIAN|volt/.test(name));
const containers = names.map((name, i) => retarget(fixtureText(name), { customerNit: '900123456', cufeSeed: `rss-${name}`, number: `RS${i}`, issueDate: '2026-03-10' }));
// Every other one altered after signing (an amount digit, a stray tag): the checks fail part-way.
const variants = containers.flatMap((xml) => [xml, xml.replace(/(<cbc:PayableAmount[^>]*>)(\d)/, (_m, tag: string, d: string) => `${tag}${d === '9' ? '8' : '9'}`), xml.replace('</cbc:Note>', '</cbc:Note></cbc:X>')]);
const outcomes = variants.map((xml) => readDianFile(encoder.encode(xml)).outcomes[0] as ReadOutcome).filter((o) => o?.document);
const now = new Date('2026-03-10T15:00:00Z');
const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
const report = async (done: number) => {
  // Back to the event loop first, as the server is between documents: libxml2-wasm keeps a WeakRef to each document
  // it hands out, and V8 holds a WeakRef's target until the running job ends. A loop that only ever awaits never
  // ends its job, so without this every document object (≈ 85 bytes of heap each) would seem to leak.
  await new Promise((resolve) => setImmediate(resolve));
  globalThis.gc?.();
  const m = process.memoryUsage();
  process.stdout.write(`${String(done).padStart(7)} verifications · RSS ${mb(m.rss)} MB · heap ${mb(m.heapUsed)} MB · external+arrayBuffers ${mb(m.external + m.arrayBuffers)} MB\n`);
};
await report(0);
for (let done = 0; done < total; ) {
  for (const outcome of outcomes) {
    await verifyOutcome(outcome, now);
    if (++done % Math.max(1, Math.floor(total / 10)) === 0) await report(done);
    if (done >= total) break;
  }
}
process.stdout.write(`load ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
