import { buildBlind9Scenarios } from '../fixtures/matching/blind9/scenarios';
import { runScenarioSet } from './matching-unseen.bench';

/**
 * The eleventh matching benchmark (issue #13): «a ciegas 9» (test/fixtures/matching/blind9), written without reading
 * the engine, its tables or the other sets' vocabulary — therapeutic community, language institute, air cargo, water
 * and sewer networks, potato farm, concrete block plant, computer and phone store, rent-a-car, amusement park, alarm
 * monitoring; vocabulary from UNSPSC class names and suppliers' own wording on DIAN invoices, accounts from the PUC and
 * accounting-co.md. Run and reported exactly like the «no visto» and the other blind sets, separately. Its first,
 * untouched result is in the fixture's README and first-run.txt.
 */
export async function run(): Promise<void> {
  await runScenarioSet(
    'Conjunto a ciegas 9 (test/fixtures/matching/blind9: comunidad terapéutica, instituto de idiomas, carga aérea, redes de acueducto y alcantarillado, cultivo de papa, bloques de concreto, tienda de computadores y celulares, alquiler de vehículos, parque de atracciones, monitoreo de alarmas; escrito sin leer el motor)',
    buildBlind9Scenarios(),
  );
}
