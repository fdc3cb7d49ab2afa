import { buildBlind35Scenarios } from '../fixtures/matching/blind35/scenarios';
import { runScenarioSet } from './matching-unseen.bench';

/**
 * The thirty-seventh matching benchmark (issue #13): «a ciegas 35» (test/fixtures/matching/blind35), written without
 * reading the engine, its tables or the other sets' vocabulary — sea fishing company, animal feed mill, agrochemical
 * formulator, iron and steel foundry, household appliance plant, hazardous-waste incinerator, lubricants and car-care
 * store, letting agent, live concert promoter, bicycle repair shop; vocabulary from UNSPSC class names and suppliers'
 * own wording on DIAN invoices, accounts from the PUC and accounting-co.md. Run and reported exactly like the «no
 * visto» and the other blind sets, separately. Its first, untouched result is in the fixture's README and
 * first-run.txt.
 */
export async function run(): Promise<void> {
  await runScenarioSet(
    'Conjunto a ciegas 35 (test/fixtures/matching/blind35: pesquera marítima, planta de alimentos balanceados, formuladora de agroquímicos, fundición de hierro y acero, fábrica de electrodomésticos, incineradora de residuos peligrosos, almacén de lubricantes, inmobiliaria por contrata, productora de conciertos, taller de bicicletas; escrito sin leer el motor)',
    buildBlind35Scenarios(),
  );
}
