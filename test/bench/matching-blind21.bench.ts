import { buildBlind21Scenarios } from '../fixtures/matching/blind21/scenarios';
import { runScenarioSet } from './matching-unseen.bench';

/**
 * The twenty-third matching benchmark (issue #13): «a ciegas 21» (test/fixtures/matching/blind21), written without
 * reading the engine, its tables or the other sets' vocabulary — avocado packing house, cotton spinning mill, joinery,
 * engine liner and water pump plant, jewellery workshop, carpet and flooring store, self-service restaurant, satellite
 * internet operator, bike and kayak rental, records storage company; vocabulary from UNSPSC class names and
 * suppliers' own wording on DIAN invoices, accounts from the PUC and accounting-co.md. Run and reported exactly like
 * the «no visto» and the other blind sets, separately. Its first, untouched result is in the fixture's README and
 * first-run.txt.
 */
export async function run(): Promise<void> {
  await runScenarioSet(
    'Conjunto a ciegas 21 (test/fixtures/matching/blind21: centro de acopio y empaque de aguacate, hilandería de algodón, carpintería de obra, fábrica de camisas y bombas para motor, taller de joyería, almacén de tapetes y pisos, restaurante de autoservicio, operador satelital, alquiler de bicicletas y kayaks, custodia de archivos; escrito sin leer el motor)',
    buildBlind21Scenarios(),
  );
}
