import type { ReadOutcome } from '#shared/dian-document';
import { verifyOutcome } from '../../server/authenticity';
import { readDianFile } from '../../server/dian';
import { encoder, fixtureNames, fixtureText, retarget } from '../support/fixtures';

/**
 * Speed of receiving with the authenticity checks (issue #11): documents per second through `readDianFile` plus
 * `verifyOutcome` (both XAdES signatures over the exact CDATA texts, the certificates and their chains), on every
 * invoice of the real corpus delivered as suppliers deliver them (AttachedDocument, supplier signature, DIAN's signed
 * response), signed under the tests' authority. Target ≥ 300 documents/s on the 2-core reference machine; the cost
 * ratio to reading alone is reported beside it. Rounds alternate, so load from other processes affects both alike.
 */

const TARGET_DOCS_PER_SECOND = 300;
const WARM_UP_MS = 1_500;
const MEASURE_MS = 6_000;

export async function run(): Promise<void> {
  const names = fixtureNames().filter((name) => /Invoice|Generica|Servicios|Combustible|IBUA|ICUI|Licores|IVA|Exent|Divisas|Moneda|Consumidor|Autoretenedor|Saludables|Muestras|ubl21dian/.test(name) && !/nota_|Note|RADIAN|volt/.test(name));
  const corpus = names.map((name, i) => encoder.encode(retarget(fixtureText(name), { customerNit: '900123456', cufeSeed: `bench-auth-${name}`, number: `BA${i}`, issueDate: '2026-03-10' })));
  const now = new Date('2026-03-10T15:00:00Z');

  // The figures only mean something if every document is read and verified.
  for (const bytes of corpus) {
    const outcome = readDianFile(bytes).outcomes[0] as ReadOutcome;
    const result = await verifyOutcome(outcome, now);
    if (result?.code !== 'verified') throw new Error(`Un documento de la muestra no sale verificado: ${result?.code} ${result?.reason}`);
  }

  let sink = 0;
  const readOnly = (): number => {
    const start = performance.now();
    for (const bytes of corpus) sink += readDianFile(bytes).outcomes.length;
    return performance.now() - start;
  };
  const readAndVerify = async (): Promise<number> => {
    const start = performance.now();
    for (const bytes of corpus) {
      const outcome = readDianFile(bytes).outcomes[0]!;
      sink += (await verifyOutcome(outcome, now))?.code.length ?? 0;
    }
    return performance.now() - start;
  };

  const warmUpEnd = performance.now() + WARM_UP_MS;
  while (performance.now() < warmUpEnd) {
    readOnly();
    await readAndVerify();
  }
  globalThis.gc?.();

  let verifyMs = 0;
  let readMs = 0;
  let iterations = 0;
  while (verifyMs < MEASURE_MS) {
    if (iterations % 2 === 0) {
      verifyMs += await readAndVerify();
      readMs += readOnly();
    } else {
      readMs += readOnly();
      verifyMs += await readAndVerify();
    }
    iterations++;
  }
  const documents = iterations * corpus.length;
  const docsPerSecond = documents / (verifyMs / 1000);
  const fmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
  process.stdout.write(
    `reader + authenticity: ${fmt.format(docsPerSecond)} docs/s (target ≥ ${fmt.format(TARGET_DOCS_PER_SECOND)}) ${docsPerSecond >= TARGET_DOCS_PER_SECOND ? '✓' : '✗ BELOW TARGET'}` +
      ` · ${(verifyMs / readMs).toFixed(1)}× the cost of reading alone\n` +
      `  ${corpus.length} containers × ${iterations} iterations: read + verify ${(verifyMs / documents).toFixed(2)} ms/doc, read only ${(readMs / documents).toFixed(3)} ms/doc (sink ${sink % 10})\n`,
  );
}
