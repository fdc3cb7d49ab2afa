import { buildBlind29Scenarios } from '../fixtures/matching/blind29/scenarios';
import { runScenarioSet } from './matching-unseen.bench';

/**
 * The thirty-first matching benchmark (issue #13): «a ciegas 29» (test/fixtures/matching/blind29), written without
 * reading the engine, its tables or the other sets' vocabulary — nickel mine, diesel–biodiesel blender, patient monitor
 * plant, power tool plant, food machinery plant, string instrument workshop, tarp and canvas repair shop, catalogue
 * seller, group holding, trade union; vocabulary from UNSPSC class names and suppliers' own wording on DIAN invoices,
 * accounts from the PUC and accounting-co.md. Run and reported exactly like the «no visto» and the other blind sets,
 * separately. Its first, untouched result is in the fixture's README and first-run.txt.
 */
export async function run(): Promise<void> {
  await runScenarioSet(
    'Conjunto a ciegas 29 (test/fixtures/matching/blind29: mina de níquel, mezcladora de biocombustibles, fábrica de monitores médicos, fábrica de herramientas eléctricas, fábrica de maquinaria para alimentos, taller de tiples y guitarras, reparación de carpas y lonas, venta por catálogo, casa matriz de un grupo, sindicato; escrito sin leer el motor)',
    buildBlind29Scenarios(),
  );
}
