import { buildBlind14Scenarios } from '../fixtures/matching/blind14/scenarios';
import { runScenarioSet } from './matching-unseen.bench';

/**
 * The sixteenth matching benchmark (issue #13): «a ciegas 14» (test/fixtures/matching/blind14), written without
 * reading the engine, its tables or the other sets' vocabulary — fish and seafood processor, paper cup and tray maker,
 * plastics injection moulder, grocery wholesaler, appliance and furniture store, motorbike courier, contract packer,
 * casino, mixed cattle and plantain farm, water utility; vocabulary from UNSPSC class names and suppliers' own wording
 * on DIAN invoices, accounts from the PUC and accounting-co.md. Run and reported exactly like the «no visto» and the
 * other blind sets, separately. Its first, untouched result is in the fixture's README and first-run.txt.
 */
export async function run(): Promise<void> {
  await runScenarioSet(
    'Conjunto a ciegas 14 (test/fixtures/matching/blind14: procesadora de pescados y mariscos, fábrica de vasos y bandejas de cartón, inyectora de plásticos, mayorista de víveres, almacén de electrodomésticos y muebles, mensajería motorizada, maquila y empaque por contrato, casino, finca ganadera y platanera, acueducto regional; escrito sin leer el motor)',
    buildBlind14Scenarios(),
  );
}
