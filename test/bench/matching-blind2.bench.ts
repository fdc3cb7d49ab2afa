import { buildBlind2Scenarios } from '../fixtures/matching/blind2/scenarios';
import { runScenarioSet } from './matching-unseen.bench';

/**
 * The fourth matching benchmark (issue #13): «a ciegas 2» (test/fixtures/matching/blind2), written without reading
 * the engine, its tables or the other sets' vocabulary — dental IPS, hardware store, cattle farm, printing shop, law
 * firm, hotel, cleaning services, car workshop, school canteen, construction company; vocabulary from UNSPSC class
 * names and suppliers' own wording on DIAN invoices, accounts from the PUC and accounting-co.md. Run and reported
 * exactly like the «no visto» and blind sets, separately. Its first, untouched result is in the fixture's README.
 */
export async function run(): Promise<void> {
  await runScenarioSet(
    'Conjunto a ciegas 2 (test/fixtures/matching/blind2: IPS odontológica, ferretería, finca ganadera, tipografía, firma de abogados, hotel, empresa de aseo, taller automotriz, casino escolar, constructora; escrito sin leer el motor)',
    buildBlind2Scenarios(),
  );
}
