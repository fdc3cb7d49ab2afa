import { buildBlind53Scenarios } from '../fixtures/matching/blind53/scenarios';
import { runScenarioSet } from './matching-unseen.bench';

/**
 * The fifty-fifth matching benchmark (issue #13): «a ciegas 53» (test/fixtures/matching/blind53), written without
 * reading the engine, its tables or the other sets' vocabulary — computer and phone store, self-service canteen,
 * insulation installer, design studio, non-formal training institute, motorbike courier, furniture plant, paintball
 * field, grain and cattle wholesaler, cut-flower farm; vocabulary from UNSPSC class names and suppliers' own wording on
 * DIAN invoices, accounts from the PUC and accounting-co.md. Run and reported exactly like the «no visto» and the other
 * blind sets, separately. Its first, untouched result is in the fixture's README and first-run.txt.
 */
export async function run(): Promise<void> {
  await runScenarioSet(
    'Conjunto a ciegas 53 (test/fixtures/matching/blind53: tienda de computadores y celulares, autoservicio de comidas, instalador de aislamientos térmicos y acústicos, estudio de diseño, instituto de idiomas y sistemas, mensajería en moto, fábrica de muebles, campo de paintball, comercializadora de granos y ganado, cultivo de flores; escrito sin leer el motor)',
    buildBlind53Scenarios(),
  );
}
