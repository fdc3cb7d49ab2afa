import { loadavg } from 'node:os';
import type { ReadOutcome } from '#shared/dian-document';
import { verifyOutcome } from '../../server/authenticity';
import { readDianFile } from '../../server/dian';
import { encoder, fixtureNames, fixtureText, retarget } from '../support/fixtures';

/**
 * Where verification spends its time (a tool, not a benchmark): the authenticity bench's corpus, read once, then
 * verified N times in the main thread. Run under `node --cpu-prof` to see the costs:
 *
 *   node --expose-gc --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx test/bench/profile-authenticity.ts 20
 *
 * Prints the CPU per document of verification alone, and the load average.
 */
const rounds = Number(process.argv[2] ?? 20);
const names = fixtureNames().filter((name) => /Invoice|Generica|Servicios|Combustible|IBUA|ICUI|Licores|IVA|Exent|Divisas|Moneda|Consumidor|Autoretenedor|Saludables|Muestras|ubl21dian/.test(name) && !/nota_|Note|RADIAN|volt/.test(name));
const outcomes = names.map((name, i) => readDianFile(encoder.encode(retarget(fixtureText(name), { customerNit: '900123456', cufeSeed: `bench-auth-${name}`, number: `BA${i}`, issueDate: '2026-03-10' }))).outcomes[0] as ReadOutcome);
const now = new Date('2026-03-10T15:00:00Z');
for (const outcome of outcomes) {
  const result = await verifyOutcome(outcome, now);
  if (result?.code !== 'verified') throw new Error(`${result?.code} ${result?.reason}`);
}
const cpu = process.cpuUsage();
const start = performance.now();
for (let r = 0; r < rounds; r++) for (const outcome of outcomes) await verifyOutcome(outcome, now);
const used = process.cpuUsage(cpu);
const docs = rounds * outcomes.length;
process.stdout.write(
  `${docs} verifications: ${((performance.now() - start) / docs).toFixed(2)} ms wall, ${((used.user + used.system) / 1000 / docs).toFixed(2)} ms CPU per document · load ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`,
);
