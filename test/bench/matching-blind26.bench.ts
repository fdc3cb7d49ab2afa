import { buildBlind26Scenarios } from '../fixtures/matching/blind26/scenarios';
import { runScenarioSet } from './matching-unseen.bench';

/**
 * The twenty-eighth matching benchmark (issue #13): «a ciegas 26» (test/fixtures/matching/blind26), written without
 * reading the engine, its tables or the other sets' vocabulary — tobacco grower, underground gold mine, cider and
 * kombucha maker, circuit board assembler, transformer plant, shipyard, used-car dealer, rail freight operator, film
 * post-production house, leasing company; vocabulary from UNSPSC class names and suppliers' own wording on DIAN
 * invoices, accounts from the PUC and accounting-co.md. Run and reported exactly like the «no visto» and the other
 * blind sets, separately. Its first, untouched result is in the fixture's README and first-run.txt.
 */
export async function run(): Promise<void> {
  await runScenarioSet(
    'Conjunto a ciegas 26 (test/fixtures/matching/blind26: cultivo de tabaco, mina de oro, sidra y kombucha, tarjetas electrónicas, transformadores, astillero, compraventa de usados, ferrocarril de carga, posproducción, leasing financiero; escrito sin leer el motor)',
    buildBlind26Scenarios(),
  );
}
