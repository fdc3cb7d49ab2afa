import { buildBlind11Scenarios } from '../fixtures/matching/blind11/scenarios';
import { runScenarioSet } from './matching-unseen.bench';

/**
 * The thirteenth matching benchmark (issue #13): «a ciegas 11» (test/fixtures/matching/blind11), written without
 * reading the engine, its tables or the other sets' vocabulary — day centre for older people, music and dance academy,
 * port stevedoring, lifts and insulation, shrimp farm, water and soft-drink bottler, chemicals and agrochemicals
 * wholesaler, accounting firm, photo studio, packing contractor; vocabulary from UNSPSC class names and suppliers' own
 * wording on DIAN invoices, accounts from the PUC and accounting-co.md. Run and reported exactly like the «no visto»
 * and the other blind sets, separately. Its first, untouched result is in the fixture's README and first-run.txt.
 */
export async function run(): Promise<void> {
  await runScenarioSet(
    'Conjunto a ciegas 11 (test/fixtures/matching/blind11: centro día para personas mayores, academia de música y danza, operador portuario de cargue y descargue, ascensores y aislamientos, camaronera, embotelladora de agua y refrescos, mayorista de químicos y agroquímicos, firma contable, estudio de fotografía, maquila de empaque; escrito sin leer el motor)',
    buildBlind11Scenarios(),
  );
}
