import { buildBlind22Scenarios } from '../fixtures/matching/blind22/scenarios';
import { runScenarioSet } from './matching-unseen.bench';

/**
 * The twenty-fourth matching benchmark (issue #13): «a ciegas 22» (test/fixtures/matching/blind22), written without
 * reading the engine, its tables or the other sets' vocabulary — cotton grower, cassava starch plant, fur and
 * sheepskin workshop, tyre plant, watch assembler, motorcycle assembler, audio and video store, finca hotel,
 * technological institute, shoe repair shop; vocabulary from UNSPSC class names and suppliers' own wording on DIAN
 * invoices, accounts from the PUC and accounting-co.md. Run and reported exactly like the «no visto» and the other
 * blind sets, separately. Its first, untouched result is in the fixture's README and first-run.txt.
 */
export async function run(): Promise<void> {
  await runScenarioSet(
    'Conjunto a ciegas 22 (test/fixtures/matching/blind22: cultivo de algodón, fábrica de almidón de yuca, taller de peletería, fábrica de llantas, ensambladora de relojes, ensambladora de motocicletas, almacén de sonido y video, finca hotel, institución tecnológica, remontadora de calzado; escrito sin leer el motor)',
    buildBlind22Scenarios(),
  );
}
