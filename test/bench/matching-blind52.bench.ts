import { buildBlind52Scenarios } from '../fixtures/matching/blind52/scenarios';
import { runScenarioSet } from './matching-unseen.bench';

/**
 * The fifty-fourth matching benchmark (issue #13): «a ciegas 52» (test/fixtures/matching/blind52), written without
 * reading the engine, its tables or the other sets' vocabulary — liquor store, event caterer, electrical contractor,
 * letting and brokerage agency, freight forwarder and customs agent, dairy, funeral home, clothing store, machinery
 * wholesaler, cacao farm; vocabulary from UNSPSC class names and suppliers' own wording on DIAN invoices, accounts
 * from the PUC and accounting-co.md. Run and reported exactly like the «no visto» and the other blind sets,
 * separately. Its first, untouched result is in the fixture's README and first-run.txt.
 */
export async function run(): Promise<void> {
  await runScenarioSet(
    'Conjunto a ciegas 52 (test/fixtures/matching/blind52: licorera y estanco, catering para eventos, instalaciones eléctricas, inmobiliaria por contrata, agencia de carga y aduanas, fábrica de lácteos, funeraria, almacén de ropa, mayorista de maquinaria, cultivo de cacao; escrito sin leer el motor)',
    buildBlind52Scenarios(),
  );
}
