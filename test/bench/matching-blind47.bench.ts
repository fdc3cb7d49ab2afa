import { buildBlind47Scenarios } from '../fixtures/matching/blind47/scenarios';
import { runScenarioSet } from './matching-unseen.bench';

/**
 * The forty-ninth matching benchmark (issue #13): «a ciegas 47» (test/fixtures/matching/blind47), written without
 * reading the engine, its tables or the other sets' vocabulary — auto parts store, car repair workshop, beach hotel,
 * advertising agency, custom software house, trucking company, potato and vegetable farm, dental clinic, children's
 * clothing maker, drugstore; vocabulary from UNSPSC class names and suppliers' own wording on DIAN invoices, accounts
 * from the PUC and accounting-co.md. Run and reported exactly like the «no visto» and the other blind sets,
 * separately. Its first, untouched result is in the fixture's README and first-run.txt.
 */
export async function run(): Promise<void> {
  await runScenarioSet(
    'Conjunto a ciegas 47 (test/fixtures/matching/blind47: almacén de autopartes y lujos, taller de mecánica automotriz, hotel, agencia de publicidad, casa de desarrollo de software, transporte de carga por carretera, cultivo de papa y hortalizas, consultorio odontológico, confección de ropa infantil, droguería y perfumería; escrito sin leer el motor)',
    buildBlind47Scenarios(),
  );
}
