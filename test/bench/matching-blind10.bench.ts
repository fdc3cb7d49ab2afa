import { buildBlind10Scenarios } from '../fixtures/matching/blind10/scenarios';
import { runScenarioSet } from './matching-unseen.bench';

/**
 * The twelfth matching benchmark (issue #13): «a ciegas 10» (test/fixtures/matching/blind10), written without reading
 * the engine, its tables or the other sets' vocabulary — children's protection home, school, customs agency,
 * earthmoving, sugar-cane grower, paint plant, sports store, engineering firm, computer repair shop, cafetería;
 * vocabulary from UNSPSC class names and suppliers' own wording on DIAN invoices, accounts from the PUC and
 * accounting-co.md. Run and reported exactly like the «no visto» and the other blind sets, separately. Its first,
 * untouched result is in the fixture's README and first-run.txt.
 */
export async function run(): Promise<void> {
  await runScenarioSet(
    'Conjunto a ciegas 10 (test/fixtures/matching/blind10: hogar de protección, colegio, agencia de aduanas, movimiento de tierras, caña de azúcar, pinturas, artículos deportivos, ingeniería, reparación de computadores, cafetería; escrito sin leer el motor)',
    buildBlind10Scenarios(),
  );
}
