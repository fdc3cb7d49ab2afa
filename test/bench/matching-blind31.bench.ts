import { buildBlind31Scenarios } from '../fixtures/matching/blind31/scenarios';
import { runScenarioSet } from './matching-unseen.bench';

/**
 * The thirty-third matching benchmark (issue #13): «a ciegas 31» (test/fixtures/matching/blind31), written without
 * reading the engine, its tables or the other sets' vocabulary — iron ore mine, record pressing plant, consumer audio
 * assembler, office-machine plant, light aircraft maker, street-cart food and drink retailer, international airline,
 * factoring company, life insurer, political movement; vocabulary from UNSPSC class names and suppliers' own wording
 * on DIAN invoices, accounts from the PUC and accounting-co.md. Run and reported exactly like the «no visto» and the
 * other blind sets, separately. Its first, untouched result is in the fixture's README and first-run.txt.
 */
export async function run(): Promise<void> {
  await runScenarioSet(
    'Conjunto a ciegas 31 (test/fixtures/matching/blind31: mina de hierro, prensaje de discos, ensambladora de audio, fábrica de máquinas de oficina, fábrica de aeronaves livianas, carretas de alimentos y bebidas, aerolínea internacional, factoring, seguros de vida, movimiento político; escrito sin leer el motor)',
    buildBlind31Scenarios(),
  );
}
