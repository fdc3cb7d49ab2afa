import { buildBlind49Scenarios } from '../fixtures/matching/blind49/scenarios';
import { runScenarioSet } from './matching-unseen.bench';

/**
 * The fifty-first matching benchmark (issue #13): «a ciegas 49» (test/fixtures/matching/blind49), written without
 * reading the engine, its tables or the other sets' vocabulary — appliance and furniture store, kiosks and food carts,
 * rural water-works contractor, law firm, vet clinic, mixed passenger-and-cargo transport, offset printer, food
 * wholesaler, laundry and dry cleaner, mixed cattle-and-plantain farm; vocabulary from UNSPSC class names and
 * suppliers' own wording on DIAN invoices, accounts from the PUC and accounting-co.md. Run and reported exactly like
 * the «no visto» and the other blind sets, separately. Its first, untouched result is in the fixture's README and
 * first-run.txt.
 */
export async function run(): Promise<void> {
  await runScenarioSet(
    'Conjunto a ciegas 49 (test/fixtures/matching/blind49: almacén de electrodomésticos y muebles, kioscos de comidas, obras de acueductos rurales, firma de abogados, clínica veterinaria, transporte mixto, litografía, mayorista de víveres, lavandería y tintorería, finca de ganado y plátano; escrito sin leer el motor)',
    buildBlind49Scenarios(),
  );
}
