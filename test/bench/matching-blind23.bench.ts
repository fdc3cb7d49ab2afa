import { buildBlind23Scenarios } from '../fixtures/matching/blind23/scenarios';
import { runScenarioSet } from './matching-unseen.bench';

/**
 * The «a ciegas 23» matching benchmark (issue #13; test/fixtures/matching/blind23), written without reading the
 * engine, its tables or the other sets' vocabulary — sheep and goat farm, instant coffee plant, knitting plant, metal
 * tank plant, luminaire plant, toy and puzzle maker, fabric store, building cleaning company, social research centre,
 * appliance repair shop; vocabulary from UNSPSC class names and suppliers' own wording on DIAN invoices, accounts from
 * the PUC and accounting-co.md. Run and reported exactly like the «no visto» and the other blind sets, separately. Its
 * first, untouched result is in the fixture's README and first-run.txt.
 */
export async function run(): Promise<void> {
  await runScenarioSet(
    'Conjunto a ciegas 23 (test/fixtures/matching/blind23: granja de ovejas y cabras, solubles de café, tejidos de punto, tanques metálicos, luminarias, juguetes y rompecabezas, almacén de telas, aseo y mantenimiento de edificios, investigación en ciencias sociales, reparación de electrodomésticos; escrito sin leer el motor)',
    buildBlind23Scenarios(),
  );
}
