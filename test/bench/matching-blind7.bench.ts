import { buildBlind7Scenarios } from '../fixtures/matching/blind7/scenarios';
import { runScenarioSet } from './matching-unseen.bench';

/**
 * The ninth matching benchmark (issue #13): «a ciegas 7» (test/fixtures/matching/blind7), written without reading
 * the engine, its tables or the other sets' vocabulary — therapy centre, kindergarten, rural mixed transport, civil
 * works contractor, rice farm, chocolate maker, wholesale drugstore, machinery rental, cinema, management consultancy;
 * vocabulary from UNSPSC class names and suppliers' own wording on DIAN invoices, accounts from the PUC and
 * accounting-co.md. Run and reported exactly like the «no visto» and the other blind sets, separately. Its first,
 * untouched result is in the fixture's README and first-run.txt.
 */
export async function run(): Promise<void> {
  await runScenarioSet(
    'Conjunto a ciegas 7 (test/fixtures/matching/blind7: centro de terapias, jardín infantil, transporte mixto, obras civiles, arrocera, chocolatería, droguería mayorista, alquiler de maquinaria, cine, consultoría; escrito sin leer el motor)',
    buildBlind7Scenarios(),
  );
}
