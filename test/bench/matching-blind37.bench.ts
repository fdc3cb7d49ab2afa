import { buildBlind37Scenarios } from '../fixtures/matching/blind37/scenarios';
import { runScenarioSet } from './matching-unseen.bench';

/**
 * The thirty-ninth matching benchmark (issue #13): «a ciegas 37» (test/fixtures/matching/blind37), written without
 * reading the engine, its tables or the other sets' vocabulary — plant nursery, coffee threshing mill, tannery,
 * adhesives plant, valve and faucet plant, materials recovery, wholesaler of telecom equipment, local TV channel,
 * staffing company, museum in a colonial cloister; vocabulary from UNSPSC class names and suppliers' own wording on
 * DIAN invoices, accounts from the PUC and accounting-co.md. Run and reported exactly like the «no visto» and the
 * other blind sets, separately. Its first, untouched result is in the fixture's README and first-run.txt.
 */
export async function run(): Promise<void> {
  await runScenarioSet(
    'Conjunto a ciegas 37 (test/fixtures/matching/blind37: vivero de propagación, trilladora de café, curtiembre, fábrica de adhesivos, fábrica de válvulas y grifería, recuperadora de materiales, mayorista de equipo de telecomunicaciones, canal local de televisión, suministro de personal, museo en claustro colonial; escrito sin leer el motor)',
    buildBlind37Scenarios(),
  );
}
