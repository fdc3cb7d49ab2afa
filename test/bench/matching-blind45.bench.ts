import { buildBlind45Scenarios } from '../fixtures/matching/blind45/scenarios';
import { runScenarioSet } from './matching-unseen.bench';

/**
 * The forty-seventh matching benchmark (issue #13): «a ciegas 45» (test/fixtures/matching/blind45), written without
 * reading the engine, its tables or the other sets' vocabulary — gold and silver refinery, broom and mop factory,
 * electricity retailer, home-textile wholesaler, scrap yard, pet shop, online cosmetics shop, rural satellite and radio
 * ISP, trademark and franchise licensor, literary creation house; vocabulary from UNSPSC class names and suppliers' own
 * wording on DIAN invoices, accounts from the PUC and accounting-co.md. Run and reported exactly like the «no visto»
 * and the other blind sets, separately. Its first, untouched result is in the fixture's README and first-run.txt.
 */
export async function run(): Promise<void> {
  await runScenarioSet(
    'Conjunto a ciegas 45 (test/fixtures/matching/blind45: refinería de oro y plata, fábrica de escobas y traperos, comercializadora de energía, mayorista de textiles para el hogar, chatarrería, tienda de mascotas, tienda de cosmética en línea, internet rural satelital, licenciante de marcas y franquicias, casa de creación literaria; escrito sin leer el motor)',
    buildBlind45Scenarios(),
  );
}
