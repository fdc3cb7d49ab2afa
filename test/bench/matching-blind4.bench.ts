import { buildBlind4Scenarios } from '../fixtures/matching/blind4/scenarios';
import { runScenarioSet } from './matching-unseen.bench';

/**
 * The sixth matching benchmark (issue #13): «a ciegas 4» (test/fixtures/matching/blind4), written without reading the
 * engine, its tables or the other sets' vocabulary — fish farm, furniture workshop, book publisher, road haulier, car
 * park, travel agency, private security, industrial laundry, beauty spa, funeral home; vocabulary from UNSPSC class
 * names and suppliers' own wording on DIAN invoices, accounts from the PUC and accounting-co.md. Run and reported
 * exactly like the «no visto» and the other blind sets, separately. Its first, untouched result is in the fixture's
 * README and first-run.txt.
 */
export async function run(): Promise<void> {
  await runScenarioSet(
    'Conjunto a ciegas 4 (test/fixtures/matching/blind4: piscícola, fábrica de muebles, editorial, transporte de carga, parqueadero, agencia de viajes, vigilancia privada, lavandería industrial, centro de estética, funeraria; escrito sin leer el motor)',
    buildBlind4Scenarios(),
  );
}
