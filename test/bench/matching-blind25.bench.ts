import { buildBlind25Scenarios } from '../fixtures/matching/blind25/scenarios';
import { runScenarioSet } from './matching-unseen.bench';

/**
 * The twenty-seventh matching benchmark (issue #13): «a ciegas 25» (test/fixtures/matching/blind25), written without
 * reading the engine, its tables or the other sets' vocabulary — rubber plantation, emerald mine, recycled paper mill,
 * computer assembler, truck body builder, machinery installer, second-hand store, magazine publisher, fund manager,
 * theatre company; vocabulary from UNSPSC class names and suppliers' own wording on DIAN invoices, accounts from the
 * PUC and accounting-co.md. Reported like the other blind sets, separately. Its first, untouched result is in the
 * fixture's README and first-run.txt.
 */
export async function run(): Promise<void> {
  await runScenarioSet(
    'Conjunto a ciegas 25 (test/fixtures/matching/blind25: plantación de caucho, mina de esmeraldas, fábrica de papel reciclado, ensambladora de computadores, fábrica de carrocerías, montajes de maquinaria industrial, almacén de usados, editorial de revistas, administradora de fondos de inversión, compañía de teatro; escrito sin leer el motor)',
    buildBlind25Scenarios(),
  );
}
