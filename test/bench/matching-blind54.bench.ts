import { buildBlind54Scenarios } from '../fixtures/matching/blind54/scenarios';
import { runScenarioSet } from './matching-unseen.bench';

/**
 * The fifty-sixth matching benchmark (issue #13): «a ciegas 54» (test/fixtures/matching/blind54), written without
 * reading the engine, its tables or the other sets' vocabulary — bookshop and stationer, building-cleaning company,
 * waterproofing and roofing subcontractor, photo studio, ambulance service, warehouse, leather-shoe workshop, car
 * rental, chemicals and resins wholesaler, freshwater fish farm; vocabulary from UNSPSC class names and suppliers' own
 * wording on DIAN invoices, accounts from the PUC and accounting-co.md. Run and reported exactly like the «no visto» and
 * the other blind sets, separately. Its first, untouched result is in the fixture's README and first-run.txt.
 */
export async function run(): Promise<void> {
  await runScenarioSet(
    'Conjunto a ciegas 54 (test/fixtures/matching/blind54: librería y papelería, empresa de aseo de edificios, impermeabilizadora de cubiertas, estudio de fotografía, ambulancias, bodega de almacenamiento, fábrica de calzado de cuero, alquiler de vehículos, mayorista de resinas y químicos, piscícola de agua dulce; escrito sin leer el motor)',
    buildBlind54Scenarios(),
  );
}
