import { buildBlind42Scenarios } from '../fixtures/matching/blind42/scenarios';
import { runScenarioSet } from './matching-unseen.bench';

/**
 * The forty-fourth matching benchmark (issue #13): «a ciegas 42» (test/fixtures/matching/blind42), written without
 * reading the engine, its tables or the other sets' vocabulary — logging contractor, circular knit fabric mill, wooden
 * ware and basketry workshop, secondary aluminium smelter, voltage regulator and UPS plant, kitchenware wholesaler,
 * shoe and leather goods store, recording studio and music publisher, loss adjusters, circus; vocabulary from UNSPSC
 * class names and suppliers' own wording on DIAN invoices, accounts from the PUC and accounting-co.md. Run and
 * reported exactly like the «no visto» and the other blind sets, separately. Its first, untouched result is in the
 * fixture's README and first-run.txt.
 */
export async function run(): Promise<void> {
  await runScenarioSet(
    'Conjunto a ciegas 42 (test/fixtures/matching/blind42: extracción de madera, tejidos de punto circular, cestería y artículos de madera, fundición de aluminio, reguladores y UPS, mayorista de menaje, almacén de calzado, estudio de grabación y editora musical, ajustadores de siniestros, circo; escrito sin leer el motor)',
    buildBlind42Scenarios(),
  );
}
