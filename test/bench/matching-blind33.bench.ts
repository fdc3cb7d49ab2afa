import { buildBlind33Scenarios } from '../fixtures/matching/blind33/scenarios';
import { runScenarioSet } from './matching-unseen.bench';

/**
 * The thirty-fifth matching benchmark (issue #13): «a ciegas 33» (test/fixtures/matching/blind33), written without
 * reading the engine, its tables or the other sets' vocabulary — steam-generator plant, optical and magnetic media
 * plant, industrial refrigeration plant, machine-tool plant, crusher and screen plant, rolling-stock plant, tourist
 * passenger train, publisher of corporate editions, finance company, money changer; vocabulary from UNSPSC class
 * names and suppliers' own wording on DIAN invoices, accounts from the PUC and accounting-co.md. Run and reported
 * exactly like the «no visto» and the other blind sets, separately. Its first, untouched result is in the fixture's
 * README and first-run.txt.
 */
export async function run(): Promise<void> {
  await runScenarioSet(
    'Conjunto a ciegas 33 (test/fixtures/matching/blind33: fábrica de calderas, fábrica de medios ópticos y magnéticos, fábrica de equipos de refrigeración, fábrica de máquinas herramienta, fábrica de trituradoras, talleres de material rodante, tren turístico de pasajeros, editorial por encargo, compañía de financiamiento, casa de cambio; escrito sin leer el motor)',
    buildBlind33Scenarios(),
  );
}
