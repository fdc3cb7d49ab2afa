import { buildBlind12Scenarios } from '../fixtures/matching/blind12/scenarios';
import { runScenarioSet } from './matching-unseen.bench';

/**
 * The fourteenth matching benchmark (issue #13): «a ciegas 12» (test/fixtures/matching/blind12), written without
 * reading the engine, its tables or the other sets' vocabulary — community-kitchen foundation, technological
 * institution, storage warehouse, builder of a warehouse park, cacao farm, meat plant and sausage maker, fruver, design
 * studio, TV and electronics repair shop, hosting and data centre; vocabulary from UNSPSC class names and suppliers'
 * own wording on DIAN invoices, accounts from the PUC and accounting-co.md. Run and reported exactly like the «no
 * visto» and the other blind sets, separately. Its first, untouched result is in the fixture's README and first-run.txt.
 */
export async function run(): Promise<void> {
  await runScenarioSet(
    'Conjunto a ciegas 12 (test/fixtures/matching/blind12: fundación con comedor comunitario, institución tecnológica, bodega de almacenamiento, constructora de bodegas y locales, cacaotera, frigorífico y embutidos, fruver, estudio de diseño gráfico e industrial, taller de reparación de televisores, hosting y datacenter; escrito sin leer el motor)',
    buildBlind12Scenarios(),
  );
}
