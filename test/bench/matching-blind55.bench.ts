import { buildBlind55Scenarios } from '../fixtures/matching/blind55/scenarios';
import { runScenarioSet } from './matching-unseen.bench';

/**
 * The fifty-seventh matching benchmark (issue #13): «a ciegas 55» (test/fixtures/matching/blind55), written without
 * reading the engine, its tables or the other sets' vocabulary — shoe store, events and conventions organiser,
 * land-clearing contractor, market research firm, primary school, machinery rental, plastic sheet and film plant,
 * machinery repair shop, household-goods wholesaler, farm support services; vocabulary from UNSPSC class names and
 * suppliers' own wording on DIAN invoices, accounts from the PUC and accounting-co.md. Run and reported exactly like
 * the «no visto» and the other blind sets, separately. Its first, untouched result is in the fixture's README and
 * first-run.txt.
 */
export async function run(): Promise<void> {
  await runScenarioSet(
    'Conjunto a ciegas 55 (test/fixtures/matching/blind55: zapatería, organizador de congresos y ferias, movimiento de tierras, estudios de mercado, colegio de primaria, alquiler de maquinaria y andamios, fábrica de láminas plásticas, taller de reparación de maquinaria, mayorista de menaje, servicios agrícolas; escrito sin leer el motor)',
    buildBlind55Scenarios(),
  );
}
