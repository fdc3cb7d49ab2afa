import { buildBlind41Scenarios } from '../fixtures/matching/blind41/scenarios';
import { runScenarioSet } from './matching-unseen.bench';

/**
 * The forty-third matching benchmark (issue #13): «a ciegas 41» (test/fixtures/matching/blind41), written without
 * reading the engine, its tables or the other sets' vocabulary — livestock AI and herd-health service, prepress and
 * finishing shop, hand-painted tableware workshop, farm-implement plant, soil remediation and spill response,
 * motorcycle workshop, kitchenware store, wireless internet provider, party-ware rental, secondary school; vocabulary
 * from UNSPSC class names and suppliers' own wording on DIAN invoices, accounts from the PUC and accounting-co.md. Run
 * and reported exactly like the «no visto» and the other blind sets, separately. Its first, untouched result is in the
 * fixture's README and first-run.txt.
 */
export async function run(): Promise<void> {
  await runScenarioSet(
    'Conjunto a ciegas 41 (test/fixtures/matching/blind41: servicios de inseminación y sanidad ganadera, preprensa y acabados gráficos, vajillas de cerámica pintadas a mano, maquinaria agrícola, remediación ambiental y derrames, taller de motos, almacén de cocina y hogar, internet inalámbrico, alquiler de menaje para eventos, colegio de secundaria; escrito sin leer el motor)',
    buildBlind41Scenarios(),
  );
}
