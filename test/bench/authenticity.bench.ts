import { availableParallelism } from 'node:os';
import type { ReadOutcome } from '#shared/dian-document';
import { closeVerifyThreads, THREADS_VARIABLE, verifyOutcome, verifyOutcomes } from '../../server/authenticity';
import { readDianFile } from '../../server/dian';
import { encoder, fixtureNames, fixtureText, retarget } from '../support/fixtures';

/**
 * Speed of receiving with the authenticity checks (issue #11): documents per second through `readDianFile` plus
 * the checks (both XAdES signatures over the exact CDATA texts, the certificates and their chains), on every
 * invoice of the real corpus delivered as suppliers deliver them (AttachedDocument, supplier signature, DIAN's signed
 * response), signed under the tests' authority. Target ≥ 300 documents/s on the 2-core reference machine; the cost
 * ratio to reading alone is reported beside it.
 *
 * Two ways are measured: as reception does it (`verifyOutcomes`: the main thread reads, the verification threads
 * check, several documents in flight) and everything in the main thread (`verifyOutcome`, one after the other).
 * Wall time and CPU time (all threads of the process) are both given: other processes share the cores, and CPU
 * time per document is the figure that load disturbs least. Rounds alternate, so load affects all alike.
 */

const TARGET_DOCS_PER_SECOND = 300;
const WARM_UP_MS = 1_500;
const MEASURE_MS = 6_000;

interface Tally {
  wallMs: number;
  cpuMs: number;
}

export async function run(): Promise<void> {
  const names = fixtureNames().filter((name) => /Invoice|Generica|Servicios|Combustible|IBUA|ICUI|Licores|IVA|Exent|Divisas|Moneda|Consumidor|Autoretenedor|Saludables|Muestras|ubl21dian/.test(name) && !/nota_|Note|RADIAN|volt/.test(name));
  const corpus = names.map((name, i) => encoder.encode(retarget(fixtureText(name), { customerNit: '900123456', cufeSeed: `bench-auth-${name}`, number: `BA${i}`, issueDate: '2026-03-10' })));
  const now = new Date('2026-03-10T15:00:00Z');
  const threads = Number(process.env[THREADS_VARIABLE] ?? availableParallelism());
  const inFlight = Math.max(2, 2 * threads);

  // The figures only mean something if every document is read and verified, and the threads say what the main
  // thread says.
  for (const bytes of corpus) {
    const outcome = readDianFile(bytes).outcomes[0] as ReadOutcome;
    const [pooled] = await verifyOutcomes([outcome], now);
    const result = await verifyOutcome(outcome, now);
    if (result?.code !== 'verified') throw new Error(`Un documento de la muestra no sale verificado: ${result?.code} ${result?.reason}`);
    if (JSON.stringify(pooled) !== JSON.stringify(result)) throw new Error('Los hilos de verificación no dan el mismo resultado que el hilo principal.');
  }

  let sink = 0;
  const timed = async (tally: Tally, body: () => Promise<void> | void) => {
    const cpu = process.cpuUsage();
    const start = performance.now();
    await body();
    tally.wallMs += performance.now() - start;
    const used = process.cpuUsage(cpu);
    tally.cpuMs += (used.user + used.system) / 1000;
  };
  const readOnly = () => {
    for (const bytes of corpus) sink += readDianFile(bytes).outcomes.length;
  };
  const inMainThread = async () => {
    for (const bytes of corpus) {
      const outcome = readDianFile(bytes).outcomes[0]!;
      sink += (await verifyOutcome(outcome, now))?.code.length ?? 0;
    }
  };
  // As reception does it: read here, check on the threads, a few documents in flight.
  const onThreads = async () => {
    const pending = new Set<Promise<void>>();
    for (const bytes of corpus) {
      const outcome = readDianFile(bytes).outcomes[0]!;
      const done: Promise<void> = verifyOutcomes([outcome], now).then(([result]) => {
        sink += result?.code.length ?? 0;
        pending.delete(done);
      });
      pending.add(done);
      if (pending.size >= inFlight) await Promise.race(pending);
    }
    await Promise.all(pending);
  };

  const scratch: Tally = { wallMs: 0, cpuMs: 0 };
  const warmUpEnd = performance.now() + WARM_UP_MS;
  while (performance.now() < warmUpEnd) {
    await timed(scratch, readOnly);
    await timed(scratch, inMainThread);
    await timed(scratch, onThreads);
  }
  globalThis.gc?.();

  const read: Tally = { wallMs: 0, cpuMs: 0 };
  const main: Tally = { wallMs: 0, cpuMs: 0 };
  const pooled: Tally = { wallMs: 0, cpuMs: 0 };
  const rounds: [Tally, () => Promise<void> | void][] = [
    [pooled, onThreads],
    [read, readOnly],
    [main, inMainThread],
  ];
  let iterations = 0;
  while (pooled.wallMs + main.wallMs < 2 * MEASURE_MS) {
    // A different order each round, so that none always runs right after another.
    for (let k = 0; k < rounds.length; k++) {
      const [tally, body] = rounds[(iterations + k) % rounds.length]!;
      await timed(tally, body);
    }
    iterations++;
  }
  await closeVerifyThreads();

  const documents = iterations * corpus.length;
  const perSecond = (t: Tally) => documents / (t.wallMs / 1000);
  const ms = (t: Tally, field: keyof Tally) => (t[field] / documents).toFixed(2);
  const fmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
  const best = perSecond(pooled);
  process.stdout.write(
    `reader + authenticity: ${fmt.format(best)} docs/s on ${threads} verification thread(s) (target ≥ ${fmt.format(TARGET_DOCS_PER_SECOND)}) ${best >= TARGET_DOCS_PER_SECOND ? '✓' : '✗ BELOW TARGET'}` +
      ` · ${(pooled.wallMs / read.wallMs).toFixed(1)}× the time of reading alone, ${(pooled.cpuMs / read.cpuMs).toFixed(1)}× its CPU\n` +
      `  ${corpus.length} containers × ${iterations} iterations, per document (wall / CPU of all threads):\n` +
      `  read + verify on threads ${ms(pooled, 'wallMs')} / ${ms(pooled, 'cpuMs')} ms · all in the main thread ${ms(main, 'wallMs')} / ${ms(main, 'cpuMs')} ms (${fmt.format(perSecond(main))} docs/s, ${(main.cpuMs / read.cpuMs).toFixed(1)}× the CPU of reading)` +
      ` · read only ${ms(read, 'wallMs')} / ${ms(read, 'cpuMs')} ms (sink ${sink % 10})\n`,
  );
}
