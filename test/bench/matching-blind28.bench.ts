import { buildBlind28Scenarios } from '../fixtures/matching/blind28/scenarios';
import { runScenarioSet } from './matching-unseen.bench';

/**
 * The thirtieth matching benchmark (issue #13): «a ciegas 28» (test/fixtures/matching/blind28), written without
 * reading the engine, its tables or the other sets' vocabulary — natural gas field, sneaker and rubber boot plant,
 * plywood and particle board plant, binocular and microscope plant, ball factory, power transmission company,
 * market-stall trader, pipeline, financial cooperative, audiovisual production house; vocabulary from UNSPSC class
 * names and suppliers' own wording on DIAN invoices, accounts from the PUC and accounting-co.md. Run and reported
 * exactly like the «no visto» and the other blind sets, separately. Its first, untouched result is in the fixture's
 * README and first-run.txt.
 */
export async function run(): Promise<void> {
  await runScenarioSet(
    'Conjunto a ciegas 28 (test/fixtures/matching/blind28: campo de gas natural, fábrica de tenis y botas de caucho, fábrica de tableros contrachapados, fábrica de binoculares y microscopios, fábrica de balones, transmisora de energía, puesto de variedades en plazas, oleoducto y poliducto, cooperativa financiera, productora audiovisual; escrito sin leer el motor)',
    buildBlind28Scenarios(),
  );
}
