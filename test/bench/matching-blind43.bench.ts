import { buildBlind43Scenarios } from '../fixtures/matching/blind43/scenarios';
import { runScenarioSet } from './matching-unseen.bench';

/**
 * The forty-fifth matching benchmark (issue #13): «a ciegas 43» (test/fixtures/matching/blind43), written without
 * reading the engine, its tables or the other sets' vocabulary — gypsum mine, PVC compounder, foundry-machinery maker,
 * steam and chilled-water plant, landfill, new-car dealer, natural-food shop, film distributor, ticketing and
 * reservations company, phone and radio repair shop; vocabulary from UNSPSC class names and suppliers' own wording on
 * DIAN invoices, accounts from the PUC and accounting-co.md. Run and reported exactly like the «no visto» and the
 * other blind sets, separately. Its first, untouched result is in the fixture's README and first-run.txt.
 */
export async function run(): Promise<void> {
  await runScenarioSet(
    'Conjunto a ciegas 43 (test/fixtures/matching/blind43: mina de yeso, compuestos de PVC, hornos y equipos para fundición, central de vapor y agua helada, relleno sanitario, concesionario de vehículos nuevos, tienda de productos naturales, distribuidora de cine, boletería y reservas, servicio técnico de celulares y radios; escrito sin leer el motor)',
    buildBlind43Scenarios(),
  );
}
