import { buildBlind40Scenarios } from '../fixtures/matching/blind40/scenarios';
import { runScenarioSet } from './matching-unseen.bench';

/**
 * The forty-second matching benchmark (issue #13): «a ciegas 40» (test/fixtures/matching/blind40), written without
 * reading the engine, its tables or the other sets' vocabulary — maize and soy farm, aggregates quarry, sauces and
 * seasonings plant, carpet plant, hard-chrome and machining shop, survey and optical instrument repair lab, beverage
 * and tobacco wholesaler, bookshop and stationer, IT support company, theatre company; vocabulary from UNSPSC class
 * names and suppliers' own wording on DIAN invoices, accounts from the PUC and accounting-co.md. Run and reported
 * exactly like the «no visto» and the other blind sets, separately. Its first, untouched result is in the fixture's
 * README and first-run.txt.
 */
export async function run(): Promise<void> {
  await runScenarioSet(
    'Conjunto a ciegas 40 (test/fixtures/matching/blind40: cultivo de maíz y soya, cantera de agregados, fábrica de salsas y condimentos, fábrica de tapetes, taller de cromo duro y mecanizado, laboratorio de reparación de instrumentos topográficos y ópticos, mayorista de licores y cigarrillos, librería y papelería, soporte de TI, compañía de teatro; escrito sin leer el motor)',
    buildBlind40Scenarios(),
  );
}
