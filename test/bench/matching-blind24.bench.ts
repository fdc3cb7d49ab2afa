import { buildBlind24Scenarios } from '../fixtures/matching/blind24/scenarios';
import { runScenarioSet } from './matching-unseen.bench';

/**
 * The twenty-sixth matching benchmark (issue #13): «a ciegas 24» (test/fixtures/matching/blind24), written without
 * reading the engine, its tables or the other sets' vocabulary — onion and pea grower, sea salt works, tent and
 * tarpaulin maker, shoe sole maker, polyester fibre plant, forge, hoist and crane maker, liquor store, hostel and
 * campsite, back-office outsourcer; vocabulary from UNSPSC class names and suppliers' own wording on DIAN invoices,
 * accounts from the PUC and accounting-co.md. Run and reported exactly like the «no visto» and the other blind sets,
 * separately. Its first, untouched result is in the fixture's README and first-run.txt.
 */
export async function run(): Promise<void> {
  await runScenarioSet(
    'Conjunto a ciegas 24 (test/fixtures/matching/blind24: cultivo de cebolla y arveja, salina marina, fábrica de carpas y lonas, fábrica de suelas, fábrica de fibras de poliéster, forja y estampado, fábrica de polipastos y puentes grúa, licorera, hostal y camping, outsourcing administrativo; escrito sin leer el motor)',
    buildBlind24Scenarios(),
  );
}
