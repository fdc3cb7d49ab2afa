import { buildBlind36Scenarios } from '../fixtures/matching/blind36/scenarios';
import { runScenarioSet } from './matching-unseen.bench';

/**
 * The thirty-eighth matching benchmark (issue #13): «a ciegas 36» (test/fixtures/matching/blind36), written without
 * reading the engine, its tables or the other sets' vocabulary — herb farm, fruit pulp plant, hotel linen maker,
 * plastic film extruder, lime plant, power distribution utility, shoe wholesaler, regional airport operator, school
 * testing firm, road-race organiser; vocabulary from UNSPSC class names and suppliers' own wording on DIAN invoices,
 * accounts from the PUC and accounting-co.md. Run and reported exactly like the «no visto» and the other blind sets,
 * separately. Its first, untouched result is in the fixture's README and first-run.txt.
 */
export async function run(): Promise<void> {
  await runScenarioSet(
    'Conjunto a ciegas 36 (test/fixtures/matching/blind36: cultivo de hierbas aromáticas, planta de pulpas de fruta, lencería hotelera, extrusora de películas plásticas, planta de cal, distribuidora de energía, mayorista de calzado, aeropuerto regional, evaluación educativa, carreras atléticas; escrito sin leer el motor)',
    buildBlind36Scenarios(),
  );
}
