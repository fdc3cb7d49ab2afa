import { buildBlind51Scenarios } from '../fixtures/matching/blind51/scenarios';
import { runScenarioSet } from './matching-unseen.bench';

/**
 * The fifty-third matching benchmark (issue #13): «a ciegas 51» (test/fixtures/matching/blind51), written without
 * reading the engine, its tables or the other sets' vocabulary — motorcycle dealer, rural cabins, road builder, IT
 * consultancy, travel agency, textile finisher, household-goods store, private security company, computer repair shop,
 * cattle ranch; vocabulary from UNSPSC class names and suppliers' own wording on DIAN invoices, accounts from the PUC
 * and accounting-co.md. Run and reported exactly like the «no visto» and the other blind sets, separately. Its first,
 * untouched result is in the fixture's README and first-run.txt.
 */
export async function run(): Promise<void> {
  await runScenarioSet(
    'Conjunto a ciegas 51 (test/fixtures/matching/blind51: concesionario de motos y repuestos, cabañas de alojamiento rural, constructora de vías, consultoría informática, agencia de viajes, tintorería y acabados textiles, almacén de artículos para el hogar, seguridad privada, servicio técnico de computadores, ganadería bovina; escrito sin leer el motor)',
    buildBlind51Scenarios(),
  );
}
