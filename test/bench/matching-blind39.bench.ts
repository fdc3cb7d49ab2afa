import { buildBlind39Scenarios } from '../fixtures/matching/blind39/scenarios';
import { runScenarioSet } from './matching-unseen.bench';

/**
 * The forty-first matching benchmark (issue #13): «a ciegas 39» (test/fixtures/matching/blind39), written without
 * reading the engine, its tables or the other sets' vocabulary — forestry support contractor, sugar mill, leather
 * goods workshop, nitrogen fertiliser plant, wiring devices plant, river shipyard, butcher's and fish shop, web
 * portal, industrial cleaning company, music creation company; vocabulary from UNSPSC class names and suppliers' own
 * wording on DIAN invoices, accounts from the PUC and accounting-co.md. Run and reported exactly like the «no visto»
 * and the other blind sets, separately. Its first, untouched result is in the fixture's README and first-run.txt.
 */
export async function run(): Promise<void> {
  await runScenarioSet(
    'Conjunto a ciegas 39 (test/fixtures/matching/blind39: servicios de apoyo a la silvicultura, ingenio azucarero, marroquinería, fertilizantes nitrogenados, dispositivos de cableado, astillero y varadero fluvial, fama y pescadería, portal web, limpieza industrial, creación musical; escrito sin leer el motor)',
    buildBlind39Scenarios(),
  );
}
