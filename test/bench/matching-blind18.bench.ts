import { buildBlind18Scenarios } from '../fixtures/matching/blind18/scenarios';
import { runScenarioSet } from './matching-unseen.bench';

/**
 * The twentieth matching benchmark (issue #13): «a ciegas 18» (test/fixtures/matching/blind18), written without
 * reading the engine, its tables or the other sets' vocabulary — tropical fruit farm, coffee roaster, tyre retreader,
 * electric cable plant, wastewater treatment plant, dairy and egg shop, apart-hotel, insurance agency, employment
 * agency, vocational institute; vocabulary from UNSPSC class names and suppliers' own wording on DIAN invoices,
 * accounts from the PUC and accounting-co.md. Run and reported exactly like the «no visto» and the other blind sets,
 * separately. Its first, untouched result is in the fixture's README and first-run.txt.
 */
export async function run(): Promise<void> {
  await runScenarioSet(
    'Conjunto a ciegas 18 (test/fixtures/matching/blind18: finca de frutas tropicales, tostadora de café, reencauchadora, fábrica de cables eléctricos, planta de tratamiento de aguas residuales, tienda de lácteos y huevos, apartahotel, agencia de seguros, agencia de empleo, instituto técnico laboral; escrito sin leer el motor)',
    buildBlind18Scenarios(),
  );
}
