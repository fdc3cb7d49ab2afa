import { buildBlind46Scenarios } from '../fixtures/matching/blind46/scenarios';
import { runScenarioSet } from './matching-unseen.bench';

/**
 * The forty-eighth matching benchmark (issue #13): «a ciegas 46» (test/fixtures/matching/blind46), written without
 * reading the engine, its tables or the other sets' vocabulary — supermarket, sit-down restaurant, residential
 * builder, accounting firm, outpatient medical centre, intercity bus company, industrial bakery, beauty salon,
 * hardware and paint store, kindergarten; vocabulary from UNSPSC class names and suppliers' own wording on DIAN
 * invoices, accounts from the PUC and accounting-co.md. Run and reported exactly like the «no visto» and the other
 * blind sets, separately. Its first, untouched result is in the fixture's README and first-run.txt.
 */
export async function run(): Promise<void> {
  await runScenarioSet(
    'Conjunto a ciegas 46 (test/fixtures/matching/blind46: supermercado, restaurante a la mesa, constructora de vivienda, firma contable, centro médico ambulatorio, empresa de buses intermunicipales, panificadora industrial, peluquería y spa, ferretería y pinturas, jardín infantil; escrito sin leer el motor)',
    buildBlind46Scenarios(),
  );
}
