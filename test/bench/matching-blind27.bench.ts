import { buildBlind27Scenarios } from '../fixtures/matching/blind27/scenarios';
import { runScenarioSet } from './matching-unseen.bench';

/**
 * The twenty-ninth matching benchmark (issue #13): «a ciegas 27» (test/fixtures/matching/blind27), written without
 * reading the engine, its tables or the other sets' vocabulary — guinea-pig farm, oil and gas well services, weaving
 * mill, measuring instrument maker, furnace and burner maker, hazardous waste collector, market stall of clothing and
 * linen, motel, currency exchange house, zoo; vocabulary from UNSPSC class names and suppliers' own wording on DIAN
 * invoices, accounts from the PUC and accounting-co.md. Run and reported exactly like the «no visto» and the other
 * blind sets, separately. Its first, untouched result is in the fixture's README and first-run.txt.
 */
export async function run(): Promise<void> {
  await runScenarioSet(
    'Conjunto a ciegas 27 (test/fixtures/matching/blind27: granja de cuyes, servicios a pozos de petróleo y gas, tejeduría, fábrica de instrumentos de medición, fábrica de hornos y quemadores, recolección de residuos peligrosos, puesto de ropa y lencería en plaza, motel, casa de cambio, zoológico; escrito sin leer el motor)',
    buildBlind27Scenarios(),
  );
}
