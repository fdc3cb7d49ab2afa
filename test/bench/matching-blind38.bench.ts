import { buildBlind38Scenarios } from '../fixtures/matching/blind38/scenarios';
import { runScenarioSet } from './matching-unseen.bench';

/**
 * The fortieth matching benchmark (issue #13): «a ciegas 38» (test/fixtures/matching/blind38), written without
 * reading the engine, its tables or the other sets' vocabulary — seed treatment plant, pasta plant, textile dye and
 * finishing house, wooden crate and cask maker, bonded abrasives plant, lead-acid battery plant, motorcycle dealer,
 * commercials producer, tour operator, business association; vocabulary from UNSPSC class names and suppliers' own
 * wording on DIAN invoices, accounts from the PUC and accounting-co.md. Run and reported exactly like the «no visto»
 * and the other blind sets, separately. Its first, untouched result is in the fixture's README and first-run.txt.
 */
export async function run(): Promise<void> {
  await runScenarioSet(
    'Conjunto a ciegas 38 (test/fixtures/matching/blind38: tratamiento de semillas, fábrica de pastas, tintorería y acabados textiles, huacales y tonelería, abrasivos aglomerados, fábrica de baterías, concesionario de motos, productora de comerciales, operador turístico, asociación empresarial; escrito sin leer el motor)',
    buildBlind38Scenarios(),
  );
}
