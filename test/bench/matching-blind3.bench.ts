import { buildBlind3Scenarios } from '../fixtures/matching/blind3/scenarios';
import { runScenarioSet } from './matching-unseen.bench';

/**
 * The fifth matching benchmark (issue #13): «a ciegas 3» (test/fixtures/matching/blind3), written without reading the
 * engine, its tables or the other sets' vocabulary — droguería, clinical laboratory, flower farm, gym, technical
 * institute, courier, advertising agency, garment maker, poultry farm, care home for the elderly; vocabulary from
 * UNSPSC class names and suppliers' own wording on DIAN invoices, accounts from the PUC and accounting-co.md. Run and
 * reported exactly like the «no visto» and the other blind sets, separately. Its first, untouched result is in the
 * fixture's README.
 */
export async function run(): Promise<void> {
  await runScenarioSet(
    'Conjunto a ciegas 3 (test/fixtures/matching/blind3: droguería, laboratorio clínico, floricultura, gimnasio, instituto técnico, mensajería, agencia de publicidad, confecciones, granja avícola, hogar geriátrico; escrito sin leer el motor)',
    buildBlind3Scenarios(),
  );
}
