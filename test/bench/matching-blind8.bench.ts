import { buildBlind8Scenarios } from '../fixtures/matching/blind8/scenarios';
import { runScenarioSet } from './matching-unseen.bench';

/**
 * The tenth matching benchmark (issue #13): «a ciegas 8» (test/fixtures/matching/blind8), written without reading
 * the engine, its tables or the other sets' vocabulary — ambulance transfers, swimming school, river cargo, finishing
 * contractor, banana farm, soap plant, appliance store, gastrobar, testing lab, landscaping; vocabulary from UNSPSC
 * class names and suppliers' own wording on DIAN invoices, accounts from the PUC and accounting-co.md. Run and
 * reported exactly like the «no visto» and the other blind sets, separately. Its first, untouched result is in the
 * fixture's README and first-run.txt.
 */
export async function run(): Promise<void> {
  await runScenarioSet(
    'Conjunto a ciegas 8 (test/fixtures/matching/blind8: ambulancias, escuela de natación, transporte fluvial de carga, acabados, bananera, jabonera, almacén de electrodomésticos, gastrobar, laboratorio de ensayos, paisajismo; escrito sin leer el motor)',
    buildBlind8Scenarios(),
  );
}
