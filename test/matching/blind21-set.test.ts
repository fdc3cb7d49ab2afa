import { describe, expect, it } from 'vitest';
import { COMPANIES21 } from '../fixtures/matching/blind21/companies';
import { BLIND21_EXPIRY_CLASSES, buildBlind21Scenarios } from '../fixtures/matching/blind21/scenarios';
import { PRODUCT21_BY_KEY } from '../fixtures/matching/blind21/vocabulary';
import { billingPeriodChecks, blindSetChecks } from './blind-set-checks';

/**
 * The «a ciegas 21» benchmark set (issue #13): the checks every blind set passes (blind-set-checks.ts), its own
 * policy, its expiry rule (only meat, drinks and coffee, and the post-harvest agrochemicals carry «VTO mm/aaaa») and
 * its billing periods, which end on the month's real last day.
 */
describe('«a ciegas 21» benchmark set', () => {
  const scenarios = blindSetChecks(buildBlind21Scenarios, COMPANIES21, PRODUCT21_BY_KEY);
  const expectedFor = (company: string, key: string) => COMPANIES21.find((c) => c.key === company)!.policy[PRODUCT21_BY_KEY.get(key)!.role];

  it('the same thing goes where the buyer\'s activity sends it, not where its name suggests', () => {
    // Internet: the satellite operator's IP transit and space segment are the service sold; its office line is admin.
    expect(['segmento', 'transito_ip', 'telepuerto', 'instalacion_vsat'].map((k) => expectedFor('satelital', k))).toEqual(Array(4).fill('614570'));
    expect(['internet', 'plan_celular', 'energia'].map((k) => expectedFor('satelital', k))).toEqual(['513535', '513535', '513530']);
    expect(PRODUCT21_BY_KEY.get('transito_ip')!.unspsc).toBe(PRODUCT21_BY_KEY.get('internet')!.unspsc);
    // Rent: the records company's custody warehouse is its cost; its sales office rent is admin.
    expect(['arriendo_bodega', 'cajas_archivo', 'fumigacion_bodega', 'digitalizacion', 'destruccion', 'transporte_cajas'].map((k) => expectedFor('archivo', k))).toEqual(Array(6).fill('617095'));
    expect(['arriendo_sede', 'resma'].map((k) => expectedFor('archivo', k))).toEqual(['512010', '519530']);
    // Gas and pest control: the restaurant's kitchen is its cost.
    expect(['gas_natural', 'fumigacion_cocina', 'mtto_linea', 'energia'].map((k) => expectedFor('autoservicio', k))).toEqual(Array(4).fill('614015'));
    expect(['carnes', 'granos', 'bebidas', 'desechables'].map((k) => expectedFor('autoservicio', k))).toEqual(['1405', '1405', '1435', '1460']);
    // Manufacturers: what goes into the product is stock, what is used up making it is the plant's cost.
    expect(['aguacate', 'flete_finca', 'cajas_export', 'estibas', 'cera_poscosecha', 'mtto_frio', 'energia'].map((k) => expectedFor('acopio', k))).toEqual(['1405', '1405', '1460', '1460', '610570', '610570', '610570']);
    expect(['algodon', 'poliester', 'conos', 'bolsas_hilo', 'cursores', 'parafina', 'energia'].map((k) => expectedFor('hilanderia', k))).toEqual(['1405', '1405', '1460', '1460', '612020', '612020', '612020']);
    expect(['madera', 'tablero', 'herrajes', 'laca', 'stretch', 'lijas', 'secado'].map((k) => expectedFor('carpinteria', k))).toEqual(['1405', '1405', '1405', '1405', '1460', '612032', '612032']);
    expect(['aluminio', 'fundicion_gris', 'rodamientos', 'cajas_motor', 'insertos', 'taladrina', 'calibracion'].map((k) => expectedFor('motores', k))).toEqual(['1405', '1405', '1405', '1460', '612065', '612065', '612065']);
    expect(['oro', 'plata', 'piedras', 'hallazgos', 'estuches', 'rodinado', 'revestimiento'].map((k) => expectedFor('joyeria', k))).toEqual(['1405', '1405', '1405', '1405', '1460', '612087', '612087']);
    // The coolant is cost in the plant; the rental company's office car gasoline is admin.
    expect([expectedFor('motores', 'taladrina'), expectedFor('alquiler', 'gasolina')]).toEqual(['612065', '519535']);
    // The carpet store: merchandise with its inbound freight, bags to 1460, the rest in the selling variant.
    expect(['alfombra', 'laminado', 'accesorios_piso', 'flete_tapetes', 'bolsas_tapete', 'energia', 'arriendo_sede', 'contabilidad', 'resma'].map((k) => expectedFor('tapetes', k))).toEqual(['1435', '1435', '1435', '1435', '1460', '523530', '522010', '521030', '529530']);
    // The rental company: upkeep of the fleet is its cost, the booking fee is selling, the fleet is fixed assets.
    expect(['repuestos_bici', 'taller_bici', 'lavado_equipo', 'chalecos', 'comision_reservas'].map((k) => expectedFor('alquiler', k))).toEqual(['615525', '615525', '615525', '615525', '529505']);
    expect(['bicicleta', 'kayak'].map((k) => expectedFor('alquiler', k))).toEqual(['154035', '154420']);
    // Fixed assets by class.
    expect(expectedFor('satelital', 'antena_terrena')).toBe('152820');
    expect(expectedFor('acopio', 'montacargas')).toBe('154020');
    expect(expectedFor('autoservicio', 'bano_maria')).toBe('153610');
    expect(['estanteria', 'escaner'].map((k) => expectedFor('archivo', k))).toEqual(['152405', '152805']);
    expect(expectedFor('tapetes', 'exhibidor')).toBe('152405');
    const machines = [['acopio', 'calibradora'], ['hilanderia', 'compresor'], ['carpinteria', 'escuadradora'], ['motores', 'torno_cnc'], ['joyeria', 'fundidora']] as const;
    expect(machines.map(([c, k]) => expectedFor(c, k))).toEqual(Array(5).fill('1520'));
    // Who keeps stock: the five plants, the store and the restaurant.
    const stocked = COMPANIES21.filter((c) => Object.values(c.policy).some((a) => a!.startsWith('14'))).map((c) => c.key);
    expect(stocked.sort()).toEqual(['acopio', 'autoservicio', 'carpinteria', 'hilanderia', 'joyeria', 'motores', 'tapetes']);
    expect(COMPANIES21.filter((c) => c.inventory === 'perpetual').map((c) => c.key).sort()).toEqual(stocked);
    expect(COMPANIES21.filter((c) => c.earlyMistakes).map((c) => c.key).sort()).toEqual(['carpinteria', 'satelital', 'tapetes']);
    expect(COMPANIES21.map((c) => c.ciiu).sort()).toEqual(['0163', '1311', '1630', '2811', '3210', '4753', '5612', '6130', '7721', '9101']);
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp]);
    expect(lines.filter((l) => !/^(14|15|51|52|61)/.test(l.expected))).toEqual([]);
  });

  it('only meat, drinks and coffee and the post-harvest agrochemicals carry an expiry date next to the lot', () => {
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp, ...s.history.map((h) => ({ ...h, expected: h.account }))]);
    const dated = lines.filter((l) => / VTO \d{2}\/\d{4}/i.test(l.description));
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.filter((l) => l.unspsc && !BLIND21_EXPIRY_CLASSES.test(l.unspsc))).toEqual([]);
    const dryLots = lines.filter((l) => / LOTE [A-Z]\d{5}/i.test(l.description) && l.unspsc && !BLIND21_EXPIRY_CLASSES.test(l.unspsc));
    expect(dryLots.length).toBeGreaterThan(0);
    expect(dryLots.filter((l) => / VTO /i.test(l.description))).toEqual([]);
    expect(BLIND21_EXPIRY_CLASSES.test('50401700')).toBe(false); // fresh avocados: lot, no expiry
    expect(BLIND21_EXPIRY_CLASSES.test('15121500')).toBe(false); // machining coolant
    expect(BLIND21_EXPIRY_CLASSES.test('51101800')).toBe(false); // medicines: none bought in this set
    expect(BLIND21_EXPIRY_CLASSES.test('10191500')).toBe(true); // post-harvest wax and fungicide
    expect(BLIND21_EXPIRY_CLASSES.test('50111500')).toBe(true); // the restaurant's meat
  });

  billingPeriodChecks(scenarios);
});
