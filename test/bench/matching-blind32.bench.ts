import { buildBlind32Scenarios } from '../fixtures/matching/blind32/scenarios';
import { runScenarioSet } from './matching-unseen.bench';

/**
 * The thirty-fourth matching benchmark (issue #13): «a ciegas 32» (test/fixtures/matching/blind32), written without
 * reading the engine, its tables or the other sets' vocabulary — copper mine, phosphate rock quarry, coke plant,
 * synthetic rubber plant, switchboard plant, hydraulic cylinder plant, garment-machinery plant, vending machine
 * operator, international cargo airline, employees' fund; vocabulary from UNSPSC class names and suppliers' own
 * wording on DIAN invoices, accounts from the PUC and accounting-co.md. Run and reported exactly like the «no visto»
 * and the other blind sets, separately. Its first, untouched result is in the fixture's README and first-run.txt.
 */
export async function run(): Promise<void> {
  await runScenarioSet(
    'Conjunto a ciegas 32 (test/fixtures/matching/blind32: mina de cobre, mina de roca fosfórica, planta de coque, planta de caucho sintético, fábrica de tableros eléctricos, fábrica de cilindros hidráulicos, fábrica de maquinaria para confección, operador de máquinas dispensadoras, aerolínea de carga internacional, fondo de empleados; escrito sin leer el motor)',
    buildBlind32Scenarios(),
  );
}
