import { buildBlindScenarios } from '../fixtures/matching/blind/scenarios';
import { runScenarioSet } from './matching-unseen.bench';

/**
 * The third matching benchmark (issue #13): the blind set (test/fixtures/matching/blind), written before its
 * author read the engine or the other sets' vocabulary — veterinary clinic, preschool, bakery, restaurant,
 * electrical contractor, passenger transport, coffee farm, software shop; vocabulary from UNSPSC class names and
 * suppliers' own wording, accounts from the PUC and accounting-co.md. Run and reported exactly like the «no visto»
 * set, separately. Goals (issue #13): recurring ≥ 98 %, similar item ≥ 95 %, cold start ≥ 75 %; «por verificar»
 * catches ≥ 80 % of wrong lines while flagging ≤ 25 %.
 */
export async function run(): Promise<void> {
  await runScenarioSet('Conjunto ciego (test/fixtures/matching/blind: veterinaria, jardín infantil, panadería, restaurante, contratista eléctrico, transporte de pasajeros, finca cafetera, casa de software; escrito sin leer el motor)', buildBlindScenarios());
}
