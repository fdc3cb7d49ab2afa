import { buildBlind5Scenarios } from '../fixtures/matching/blind5/scenarios';
import { runScenarioSet } from './matching-unseen.bench';

/**
 * The seventh matching benchmark (issue #13): «a ciegas 5» (test/fixtures/matching/blind5), written without reading the
 * engine, its tables or the other sets' vocabulary — clinic, primary school, regional airline, road contractor, pig
 * farm, dairy, shoe workshop, call center, service station, waste collection; vocabulary from UNSPSC class
 * names and suppliers' own wording on DIAN invoices, accounts from the PUC and accounting-co.md. Run and reported
 * exactly like the «no visto» and the other blind sets, separately. Its first, untouched result is in the fixture's
 * README and first-run.txt.
 */
export async function run(): Promise<void> {
  await runScenarioSet(
    'Conjunto a ciegas 5 (test/fixtures/matching/blind5: clínica, colegio, aerolínea regional, obras viales, granja porcícola, lácteos, calzado, call center, estación de servicio, recolección de residuos; escrito sin leer el motor)',
    buildBlind5Scenarios(),
  );
}
