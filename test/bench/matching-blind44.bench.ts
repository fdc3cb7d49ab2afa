import { buildBlind44Scenarios } from '../fixtures/matching/blind44/scenarios';
import { runScenarioSet } from './matching-unseen.bench';

/**
 * The forty-sixth matching benchmark (issue #13): «a ciegas 44» (test/fixtures/matching/blind44), written without
 * reading the engine, its tables or the other sets' vocabulary — underground coal mine, chlor-alkali chemical plant,
 * refractory brick plant, wheelbarrow plant, piped gas distributor, fuel wholesaler, supermarket, news agency, general
 * insurer, association of community action boards; vocabulary from UNSPSC class names and suppliers' own wording on
 * DIAN invoices, accounts from the PUC and accounting-co.md. Run and reported exactly like the «no visto» and the
 * other blind sets, separately. Its first, untouched result is in the fixture's README and first-run.txt.
 */
export async function run(): Promise<void> {
  await runScenarioSet(
    'Conjunto a ciegas 44 (test/fixtures/matching/blind44: mina de carbón, planta de cloro y álcalis, fábrica de refractarios, fábrica de carretillas, distribuidora de gas por red, mayorista de combustibles, supermercado, agencia de noticias, aseguradora de seguros generales, asociación de juntas de acción comunal; escrito sin leer el motor)',
    buildBlind44Scenarios(),
  );
}
