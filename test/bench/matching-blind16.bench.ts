import { buildBlind16Scenarios } from '../fixtures/matching/blind16/scenarios';
import { runScenarioSet } from './matching-unseen.bench';

/**
 * The eighteenth matching benchmark (issue #13): «a ciegas 16» (test/fixtures/matching/blind16), written without
 * reading the engine, its tables or the other sets' vocabulary — guadua and non-timber forest products gatherer, rice
 * mill, rubber gaskets and hoses plant, mattress plant, computer wholesaler, student residence, IT consultancy and
 * data-centre operator, market research firm, technical college, sports club; vocabulary from UNSPSC class names and
 * suppliers' own wording on DIAN invoices, accounts from the PUC and accounting-co.md. Run and reported exactly like
 * the «no visto» and the other blind sets, separately. Its first, untouched result is in the fixture's README and
 * first-run.txt.
 */
export async function run(): Promise<void> {
  await runScenarioSet(
    'Conjunto a ciegas 16 (test/fixtures/matching/blind16: recolectora de guadua y productos forestales no maderables, molino de arroz, fábrica de empaques y mangueras de caucho, fábrica de colchones, mayorista de computadores, residencia estudiantil, consultoría informática y centro de datos, estudios de mercado, institución técnica profesional, club deportivo; escrito sin leer el motor)',
    buildBlind16Scenarios(),
  );
}
