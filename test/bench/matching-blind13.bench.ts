import { buildBlind13Scenarios } from '../fixtures/matching/blind13/scenarios';
import { runScenarioSet } from './matching-unseen.bench';

/**
 * The fifteenth matching benchmark (issue #13): «a ciegas 13» (test/fixtures/matching/blind13), written without
 * reading the engine, its tables or the other sets' vocabulary — surgical and dental instrument maker, secondary
 * school, passenger launches, waterproofing contractor, forest plantation, steel structures, agricultural-machinery
 * wholesaler, surveyor, food truck and catering, copy centre; vocabulary from UNSPSC class names and suppliers' own
 * wording on DIAN invoices, accounts from the PUC and accounting-co.md. Run and reported exactly like the «no visto»
 * and the other blind sets, separately. Its first, untouched result is in the fixture's README and first-run.txt.
 */
export async function run(): Promise<void> {
  await runScenarioSet(
    'Conjunto a ciegas 13 (test/fixtures/matching/blind13: fábrica de instrumental quirúrgico y odontológico, colegio de media académica, lanchas de pasajeros, impermeabilizadora, reforestadora, estructuras metálicas, mayorista de maquinaria agrícola, topografía y peritajes, food truck y catering, centro de fotocopiado; escrito sin leer el motor)',
    buildBlind13Scenarios(),
  );
}
