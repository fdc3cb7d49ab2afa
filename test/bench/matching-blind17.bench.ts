import { buildBlind17Scenarios } from '../fixtures/matching/blind17/scenarios';
import { runScenarioSet } from './matching-unseen.bench';

/**
 * The nineteenth matching benchmark (issue #13): «a ciegas 17» (test/fixtures/matching/blind17), written without
 * reading the engine, its tables or the other sets' vocabulary — palm oil mill, tempered glass plant, screw and
 * fastener plant, small hydro plant, clothing store, event caterer, software publisher, landlord of its own buildings,
 * collection agency, parish; vocabulary from UNSPSC class names and suppliers' own wording on DIAN invoices, accounts
 * from the PUC and accounting-co.md. Run and reported exactly like the «no visto» and the other blind sets,
 * separately. Its first, untouched result is in the fixture's README and first-run.txt.
 */
export async function run(): Promise<void> {
  await runScenarioSet(
    'Conjunto a ciegas 17 (test/fixtures/matching/blind17: extractora de aceite de palma, fábrica de vidrio templado, fábrica de tornillería, pequeña central hidroeléctrica, almacén de ropa, catering para eventos, casa de software, inmobiliaria con bienes propios, agencia de cobranza, parroquia; escrito sin leer el motor)',
    buildBlind17Scenarios(),
  );
}
