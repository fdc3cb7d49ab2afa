import { buildBlind6Scenarios } from '../fixtures/matching/blind6/scenarios';
import { runScenarioSet } from './matching-unseen.bench';

/**
 * The eighth matching benchmark (issue #13): «a ciegas 6» (test/fixtures/matching/blind6), written without reading
 * the engine, its tables or the other sets' vocabulary — university, care home for the elderly, river passenger
 * boats, plumbing contractor, oil-palm plantation, craft brewery, building-materials depot, events organiser, fibre
 * internet operator, auto-parts store; vocabulary from UNSPSC class names and suppliers' own wording on DIAN invoices,
 * accounts from the PUC and accounting-co.md. Run and reported exactly like the «no visto» and the other blind sets,
 * separately. Its first, untouched result is in the fixture's README and first-run.txt.
 */
export async function run(): Promise<void> {
  await runScenarioSet(
    'Conjunto a ciegas 6 (test/fixtures/matching/blind6: universidad, hogar geriátrico, transporte fluvial de pasajeros, instalaciones hidrosanitarias, palma de aceite, cervecería, depósito de materiales, eventos, internet por fibra, autopartes; escrito sin leer el motor)',
    buildBlind6Scenarios(),
  );
}
