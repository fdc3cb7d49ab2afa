import { buildBlind20Scenarios } from '../fixtures/matching/blind20/scenarios';
import { runScenarioSet } from './matching-unseen.bench';

/**
 * The twenty-second matching benchmark (issue #13): «a ciegas 20» (test/fixtures/matching/blind20), written without
 * reading the engine, its tables or the other sets' vocabulary — horse stud, distillery, leather bag workshop, marble
 * works, bicycle assembler, variety store, holiday centre, stock broker, private investigators, professional
 * association; vocabulary from UNSPSC class names and suppliers' own wording on DIAN invoices, accounts from the PUC and
 * accounting-co.md. Reported per situation, like the other blind sets, separately. Its first, untouched result is in
 * the fixture's README and first-run.txt.
 */
export async function run(): Promise<void> {
  await runScenarioSet(
    'Conjunto a ciegas 20 (test/fixtures/matching/blind20: criadero de caballos, destilería, marroquinería, marmolería, ensambladora de bicicletas, miscelánea, centro vacacional, comisionista de bolsa, investigación privada, colegio de abogados; escrito sin leer el motor)',
    buildBlind20Scenarios(),
  );
}
