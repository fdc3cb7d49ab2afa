import { buildBlind15Scenarios } from '../fixtures/matching/blind15/scenarios';
import { runScenarioSet } from './matching-unseen.bench';

/**
 * The seventeenth matching benchmark (issue #13): «a ciegas 15» (test/fixtures/matching/blind15), written without
 * reading the engine, its tables or the other sets' vocabulary — kaolin pit, sawmill and wood-preserving plant, herbal
 * medicines laboratory, car-accessory plant, tank and boiler repairer, coffee and cattle wholesaler, glamping, FM
 * radio station, amusement park and bowling alley, pet grooming spa; vocabulary from UNSPSC class names and suppliers'
 * own wording on DIAN invoices, accounts from the PUC and accounting-co.md. Run and reported exactly like the «no
 * visto» and the other blind sets, separately. Its first, untouched result is in the fixture's README and first-run.txt.
 */
export async function run(): Promise<void> {
  await runScenarioSet(
    'Conjunto a ciegas 15 (test/fixtures/matching/blind15: mina de caolín, aserrío e inmunizadora, laboratorio de fitoterapéuticos, fábrica de lujos para carros, mantenimiento de tanques y calderas, mayorista de café y ganado, glamping, emisora FM, parque recreativo y bolera, spa de mascotas; escrito sin leer el motor)',
    buildBlind15Scenarios(),
  );
}
