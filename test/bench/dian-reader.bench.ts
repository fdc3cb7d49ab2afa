import { XMLParser } from 'fast-xml-parser';
import { readDianFile } from '../../server/dian';
import { fixtureNames } from '../support/fixtures';
import { fixtureBytes } from '../dian/read-helpers';

/**
 * Speed of the DIAN reader (issue #2) on the whole real corpus in test/fixtures/dian, held in memory:
 *
 * - documents per second through `readDianFile` (bytes in, typed record out: decoding, safety checks, parse,
 *   arithmetic checks). Target ≥ 1,000 on the 2-core reference machine.
 * - ratio of our time to a plain, full fast-xml-parser parse of the same decoded text (`new XMLParser().parse`,
 *   default options, each file once per iteration). Target ≤ 0.80: the reader must cost less than merely parsing.
 *
 * The two are timed in alternating rounds so that load from other processes affects both sides alike.
 */

const TARGET_DOCS_PER_SECOND = 1_000;
const TARGET_RATIO = 0.8;
const WARM_UP_MS = 1_500;
const MEASURE_MS = 4_000;

export async function run(): Promise<void> {
  const corpus = fixtureNames().map((name) => ({ name, bytes: fixtureBytes(name) }));
  const decoder = new TextDecoder();
  const texts = corpus.map((file) => decoder.decode(file.bytes));
  const plain = new XMLParser();

  // The figures only mean something if every document is actually read.
  for (const file of corpus) {
    const outcome = readDianFile(file.bytes, { name: file.name }).outcomes[0];
    if (!outcome?.ok) throw new Error(`${file.name} no se lee: ${outcome ? outcome.error.message : 'sin resultado'}`);
  }

  let sink = 0; // every result is consumed, so no engine can skip the work
  const ours = (): number => {
    const start = performance.now();
    for (const file of corpus) sink += readDianFile(file.bytes, { name: file.name }).outcomes.length;
    return performance.now() - start;
  };
  const theirs = (): number => {
    const start = performance.now();
    for (const text of texts) sink += Object.keys(plain.parse(text) as object).length;
    return performance.now() - start;
  };

  const warmUpEnd = performance.now() + WARM_UP_MS;
  while (performance.now() < warmUpEnd) {
    ours();
    theirs();
  }
  globalThis.gc?.();

  let oursMs = 0;
  let theirsMs = 0;
  let iterations = 0;
  while (oursMs < MEASURE_MS) {
    // Alternate which side goes first so neither always runs right after a collection.
    if (iterations % 2 === 0) {
      oursMs += ours();
      theirsMs += theirs();
    } else {
      theirsMs += theirs();
      oursMs += ours();
    }
    iterations++;
  }

  const documents = iterations * corpus.length;
  const docsPerSecond = documents / (oursMs / 1000);
  const ratio = oursMs / theirsMs;
  const fmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
  const mark = (ok: boolean) => (ok ? '✓' : '✗ BELOW TARGET');
  process.stdout.write(
    `dian reader: ${fmt.format(docsPerSecond)} docs/s (target ≥ ${fmt.format(TARGET_DOCS_PER_SECOND)}) ${mark(docsPerSecond >= TARGET_DOCS_PER_SECOND)}` +
      ` · ratio vs plain fast-xml-parser ${ratio.toFixed(2)} (target ≤ ${TARGET_RATIO.toFixed(2)}) ${mark(ratio <= TARGET_RATIO)}\n` +
      `  ${corpus.length} files × ${iterations} iterations: reader ${(oursMs / documents).toFixed(3)} ms/doc,` +
      ` plain parse ${(theirsMs / documents).toFixed(3)} ms/doc\n`,
  );
}
