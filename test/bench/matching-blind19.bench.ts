import { buildBlind19Scenarios } from '../fixtures/matching/blind19/scenarios';
import { runScenarioSet } from './matching-unseen.bench';

/**
 * The twenty-first matching benchmark (issue #13): «a ciegas 19» (test/fixtures/matching/blind19), written without
 * reading the engine, its tables or the other sets' vocabulary — fish farm, industrial kitchen, rope and net plant,
 * non-ferrous foundry, motor rewinding shop, demolition contractor, appliance wholesaler, river cargo carrier, research
 * lab, upholstery shop; vocabulary from UNSPSC class names and suppliers' own wording on DIAN invoices, accounts from
 * the PUC and accounting-co.md. Run and reported exactly like the «no visto» and the other blind sets, separately.
 * Its first, untouched result is in the fixture's README and first-run.txt.
 */
export async function run(): Promise<void> {
  await runScenarioSet(
    'Conjunto a ciegas 19 (test/fixtures/matching/blind19: piscícola, cocina industrial de comidas preparadas, fábrica de cuerdas y redes, fundición de bronce y aluminio, taller de rebobinado de motores, demoledora, mayorista de electrodomésticos, naviera fluvial, laboratorio de investigación, taller de tapicería; escrito sin leer el motor)',
    buildBlind19Scenarios(),
  );
}
