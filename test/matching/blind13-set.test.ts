import { describe, expect, it } from 'vitest';
import { COMPANIES13 } from '../fixtures/matching/blind13/companies';
import { BLIND13_EXPIRY_CLASSES, buildBlind13Scenarios } from '../fixtures/matching/blind13/scenarios';
import { PRODUCT13_BY_KEY } from '../fixtures/matching/blind13/vocabulary';
import { billingPeriodChecks, blindSetChecks } from './blind-set-checks';

/**
 * The «a ciegas 13» benchmark set (issue #13): the checks every blind set passes (blind-set-checks.ts), its own
 * policy, its expiry rule (only segment 50, food, carries «VTO mm/aaaa») and its billing periods, which end on the
 * month's real last day.
 */
describe('«a ciegas 13» benchmark set', () => {
  const scenarios = blindSetChecks(buildBlind13Scenarios, COMPANIES13, PRODUCT13_BY_KEY);
  const expectedFor = (company: string, key: string) => COMPANIES13.find((c) => c.key === company)!.policy[PRODUCT13_BY_KEY.get(key)!.role];

  it('the same thing goes where the buyer\'s activity sends it, not where its name suggests', () => {
    // Paper: office stationery everywhere, the product itself at the copy centre.
    expect(['instrumental', 'colegio', 'lanchas', 'topografia', 'fotocopias'].map((c) => expectedFor(c, 'resma'))).toEqual(['519530', '519530', '519530', '519530', '519530']);
    expect(['papel_produccion', 'toner_produccion', 'alquiler_copiadora', 'argollas'].map((k) => expectedFor('fotocopias', k))).toEqual(Array(4).fill('615585'));
    // Gasoline: the office car's is admin; the launches' is the crossing's cost.
    expect(['lanchas', 'impermeabiliza', 'forestal', 'topografia'].map((c) => expectedFor(c, 'gasolina'))).toEqual(Array(4).fill('519535'));
    expect(expectedFor('lanchas', 'gasolina_lancha')).toBe('614515');
    expect(['chalecos', 'mtto_motor', 'tasa_muelle', 'poliza_pasajeros'].map((k) => expectedFor('lanchas', k))).toEqual(Array(4).fill('614515'));
    // Propane: the waterproofer's torch and the food truck's kitchen, both cost of what they sell.
    expect(expectedFor('impermeabiliza', 'gas_soplete')).toBe('613020');
    expect(expectedFor('foodtruck', 'gas_cocina')).toBe('614015');
    // Software: the accounting SaaS is admin; the school's platform and the surveyor's GNSS corrections are cost.
    expect(['colegio', 'topografia', 'fotocopias'].map((c) => expectedFor(c, 'software_contable'))).toEqual(['513520', '513520', '513520']);
    expect(expectedFor('colegio', 'plataforma_educativa')).toBe('616005');
    expect(expectedFor('topografia', 'correccion_gnss')).toBe('615595');
    // Manufacturers: steel and pouches are stock; sterilisation, welding wire and galvanising are the plant's cost.
    expect(['acero_quirurgico', 'mango_silicona', 'bolsa_esterilizacion', 'estuche_instrumental', 'esterilizacion_oe', 'energia'].map((k) => expectedFor('instrumental', k))).toEqual(['1405', '1405', '1460', '1460', '612073', '612073']);
    expect(['perfiles_acero', 'pintura_anticorrosiva', 'pernos', 'soldadura', 'galvanizado', 'energia'].map((k) => expectedFor('estructuras', k))).toEqual(['1405', '1405', '1405', '612060', '612060', '612060']);
    // The wholesaler resells the machines, adds inbound freight to them and books deliveries as selling freight.
    expect(['guadanadora_venta', 'motobomba_venta', 'flete_nacional', 'despacho_clientes', 'energia', 'contabilidad'].map((k) => expectedFor('agromaquinas', k))).toEqual(['1435', '1435', '1435', '523550', '523530', '521030']);
    // The food truck: food is raw material, drinks are merchandise, disposables are packaging.
    expect(['carne_hamburguesa', 'pan_perro', 'aceite_freir', 'gaseosa_reventa', 'desechables', 'permiso_evento'].map((k) => expectedFor('foodtruck', k))).toEqual(['1405', '1405', '1405', '1435', '1460', '614015']);
    // The plantation capitalises establishment and expenses upkeep.
    expect(['plantulas', 'fertilizante_siembra', 'roceria', 'hormiguicida', 'inventario_forestal'].map((k) => expectedFor('forestal', k))).toEqual(['156405', '156405', '610580', '610580', '610580']);
    // The school and the surveyor: people and hired equipment are the service sold.
    expect(['docente_catedra', 'ruta_escolar', 'simulacro_icfes'].map((k) => expectedFor('colegio', k))).toEqual(Array(3).fill('616005'));
    expect(['cadenero', 'alquiler_estacion', 'vuelo_dron'].map((k) => expectedFor('topografia', k))).toEqual(Array(3).fill('615595'));
    // Fixed assets by class: outboard motor 154410, marine radio 152815, hardness tester 153215, total station 1520.
    expect(expectedFor('lanchas', 'motor_fuera_borda')).toBe('154410');
    expect(expectedFor('lanchas', 'radio_vhf')).toBe('152815');
    expect(expectedFor('instrumental', 'durometro')).toBe('153215');
    expect(['estacion_total', 'dron'].map((k) => expectedFor('topografia', k))).toEqual(['1520', '1520']);
    expect(['tablero_digital', 'pupitre'].map((k) => expectedFor('colegio', k))).toEqual(['152410', '152405']);
    // Nobody keeps stock but the manufacturers, the wholesaler and the food truck.
    const stocked = COMPANIES13.filter((c) => Object.values(c.policy).some((a) => a!.startsWith('14'))).map((c) => c.key);
    expect(stocked.sort()).toEqual(['agromaquinas', 'estructuras', 'foodtruck', 'instrumental']);
    expect(COMPANIES13.filter((c) => c.inventory === 'perpetual').map((c) => c.key).sort()).toEqual(stocked);
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp]);
    expect(lines.filter((l) => !/^(14|15|51|52|61)/.test(l.expected))).toEqual([]);
  });

  it('only segment 50 (food) carries an expiry date next to the lot', () => {
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp, ...s.history.map((h) => ({ ...h, expected: h.account }))]);
    const dated = lines.filter((l) => / VTO \d{2}\/\d{4}/i.test(l.description));
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.filter((l) => l.unspsc && !BLIND13_EXPIRY_CLASSES.test(l.unspsc))).toEqual([]);
    const dryLots = lines.filter((l) => / LOTE [A-Z]\d{5}/i.test(l.description) && l.unspsc && !BLIND13_EXPIRY_CLASSES.test(l.unspsc));
    expect(dryLots.length).toBeGreaterThan(0);
    expect(dryLots.filter((l) => / VTO /i.test(l.description))).toEqual([]);
    expect(BLIND13_EXPIRY_CLASSES.test('42281900')).toBe(false); // sterilisation pouches
    expect(BLIND13_EXPIRY_CLASSES.test('10171700')).toBe(false); // herbicide at the plantation
    expect(BLIND13_EXPIRY_CLASSES.test('50111500')).toBe(true); // meat at the food truck
  });

  billingPeriodChecks(scenarios);
});
