import { buildBlind34Scenarios } from '../fixtures/matching/blind34/scenarios';
import { runScenarioSet } from './matching-unseen.bench';

/**
 * The thirty-sixth matching benchmark (issue #13): «a ciegas 34» (test/fixtures/matching/blind34), written without
 * reading the engine, its tables or the other sets' vocabulary — agricultural machinery contractor, panela mill,
 * corrugated box plant, brickworks, machete and hand-tool forge, machinery repair and rewinding shop, clothing
 * wholesaler, port terminal, temporary staffing agency, specialists' practice; vocabulary from UNSPSC class names, the
 * CIIU and suppliers' own wording on DIAN invoices, accounts from the PUC and accounting-co.md. Run and reported
 * exactly like the «no visto» and the other blind sets, separately. Its first, untouched result is in the fixture's
 * README and first-run.txt.
 */
export async function run(): Promise<void> {
  await runScenarioSet(
    'Conjunto a ciegas 34 (test/fixtures/matching/blind34: apoyo a la agricultura, trapiche panelero, cartón corrugado, ladrillera, machetes y herramientas de mano, taller de mantenimiento y rebobinado, mayorista de prendas, terminal portuario, servicios temporales, consultorios de especialistas; escrito sin leer el motor)',
    buildBlind34Scenarios(),
  );
}
