import { buildBlind30Scenarios } from '../fixtures/matching/blind30/scenarios';
import { runScenarioSet } from './matching-unseen.bench';

/**
 * The thirty-second matching benchmark (issue #13): «a ciegas 30» (test/fixtures/matching/blind30), written without
 * reading the engine, its tables or the other sets' vocabulary — oil field operator, cigar factory, radio and antenna
 * plant, gear and gearbox plant, utility vehicle assembler, boatyard, commission agent, directory publisher, commercial
 * bank, sculpture and visual arts studio; vocabulary from UNSPSC class names and suppliers' own wording on DIAN
 * invoices, accounts from the PUC and accounting-co.md. Run and reported exactly like the «no visto» and the other
 * blind sets, separately. Its first, untouched result is in the fixture's README and first-run.txt.
 */
export async function run(): Promise<void> {
  await runScenarioSet(
    'Conjunto a ciegas 30 (test/fixtures/matching/blind30: operadora de campo petrolero, fábrica de puros, fábrica de radios y antenas, fábrica de engranajes y reductores, ensambladora de vehículos utilitarios, astillero de lanchas deportivas, agencia de representaciones comerciales, editorial de directorios y listas de correo, banco comercial, taller de escultura y artes visuales; escrito sin leer el motor)',
    buildBlind30Scenarios(),
  );
}
