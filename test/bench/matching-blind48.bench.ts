import { buildBlind48Scenarios } from '../fixtures/matching/blind48/scenarios';
import { runScenarioSet } from './matching-unseen.bench';

/**
 * The fiftieth matching benchmark (issue #13): «a ciegas 48» (test/fixtures/matching/blind48), written without
 * reading the engine, its tables or the other sets' vocabulary — variety store, cafetería, finishing contractor,
 * architecture and engineering firm, clinical laboratory, sports complex, steel structures plant, drug and toiletries
 * wholesaler, poultry farm, language institute; vocabulary from UNSPSC class names and suppliers' own wording on DIAN
 * invoices, accounts from the PUC and accounting-co.md. Run and reported exactly like the «no visto» and the other
 * blind sets, separately. Its first, untouched result is in the fixture's README and first-run.txt.
 */
export async function run(): Promise<void> {
  await runScenarioSet(
    'Conjunto a ciegas 48 (test/fixtures/matching/blind48: almacén de variedades, cafetería, acabados de obra, arquitectura e ingeniería, laboratorio clínico, complejo deportivo, estructuras metálicas, distribuidora farmacéutica, granja avícola, instituto de idiomas; escrito sin leer el motor)',
    buildBlind48Scenarios(),
  );
}
