import { buildBlind50Scenarios } from '../fixtures/matching/blind50/scenarios';
import { runScenarioSet } from './matching-unseen.bench';

/**
 * The fifty-second matching benchmark (issue #13): «a ciegas 50» (test/fixtures/matching/blind50), written without
 * reading the engine, its tables or the other sets' vocabulary — building-materials wholesaler, bar, plumbing and HVAC
 * installer, clinic, sauce plant, butcher's shop, management consultancy, fuel station, secondary school, banana farm;
 * vocabulary from UNSPSC class names and suppliers' own wording on DIAN invoices, accounts from the PUC and
 * accounting-co.md. Run and reported exactly like the «no visto» and the other blind sets, separately. Its first,
 * untouched result is in the fixture's README and first-run.txt.
 */
export async function run(): Promise<void> {
  await runScenarioSet(
    'Conjunto a ciegas 50 (test/fixtures/matching/blind50: mayorista de materiales y ferretería, bar, instaladora de fontanería y aire acondicionado, clínica, fábrica de salsas, carnicería, consultoría de gestión, estación de servicio, colegio, finca bananera; escrito sin leer el motor)',
    buildBlind50Scenarios(),
  );
}
