import { describe, expect, it } from 'vitest';
import { COMPANIES14 } from '../fixtures/matching/blind14/companies';
import { BLIND14_EXPIRY_CLASSES, buildBlind14Scenarios } from '../fixtures/matching/blind14/scenarios';
import { PRODUCT14_BY_KEY } from '../fixtures/matching/blind14/vocabulary';
import { billingPeriodChecks, blindSetChecks } from './blind-set-checks';

/**
 * The «a ciegas 14» benchmark set (issue #13): the checks every blind set passes (blind-set-checks.ts), its own
 * policy, its expiry rule (segments 50, food, and 51, medicines, carry «VTO mm/aaaa») and its billing periods, which
 * end on the month's real last day.
 */
describe('«a ciegas 14» benchmark set', () => {
  const scenarios = blindSetChecks(buildBlind14Scenarios, COMPANIES14, PRODUCT14_BY_KEY);
  const expectedFor = (company: string, key: string) => COMPANIES14.find((c) => c.key === company)!.policy[PRODUCT14_BY_KEY.get(key)!.role];

  it('the same thing goes where the buyer\'s activity sends it, not where its name suggests', () => {
    // Fuel: the office car's is admin; the courier's motorbikes carry what it sells.
    expect(['finca', 'acueducto'].map((c) => expectedFor(c, 'gasolina'))).toEqual(['519535', '519535']);
    expect(['gasolina_motos', 'mtto_moto', 'guias', 'bolsa_seguridad', 'aliado_motorizado', 'troncal'].map((k) => expectedFor('mensajeria', k))).toEqual(Array(6).fill('614555'));
    // Temporary staff: selling expense at the wholesaler, the service's direct cost at the contract packer.
    expect(expectedFor('viveres', 'temporal')).toBe('523510');
    expect(['temporal', 'film_termo', 'cinta_embalaje', 'caja_maquila', 'alquiler_montacargas'].map((k) => expectedFor('maquila', k))).toEqual(Array(5).fill('615580'));
    // Film and boxes: packaging stock at the plants, consumed on dispatch at the wholesaler.
    expect(expectedFor('plasticos', 'empaque_plastico')).toBe('1460');
    expect(expectedFor('viveres', 'stretch_despacho')).toBe('529540');
    // Drinks: the casino's courtesy to players is the games' cost; coffee stays office cafeteria.
    expect(expectedFor('casino', 'cortesias')).toBe('617040');
    expect(expectedFor('casino', 'cafe')).toBe('519525');
    expect(['arriendo_maquinas', 'naipes', 'sistema_juego'].map((k) => expectedFor('casino', k))).toEqual(Array(3).fill('617040'));
    // Energy: plant cost at the three factories and at the water utility, admin or selling elsewhere.
    expect(['pesquera', 'vasos', 'plasticos', 'acueducto', 'mensajeria', 'viveres', 'electrohogar'].map((c) => expectedFor(c, 'energia'))).toEqual(['612002', '612033', '612050', '612515', '513530', '523530', '523530']);
    // Manufacturers: what goes into the product is 1405, what leaves with it 1460, what the plant uses up 61xx.
    expect(['pescado_fresco', 'aditivo_pesca', 'empaque_pesca', 'etiqueta_pesca', 'hielo', 'mtto_frio'].map((k) => expectedFor('pesquera', k))).toEqual(['1405', '1405', '1460', '1460', '612002', '612002']);
    expect(['cartulina', 'tinta_flexo', 'caja_corrugada', 'cliche', 'troquel'].map((k) => expectedFor('vasos', k))).toEqual(['1405', '1405', '1460', '612033', '612033']);
    expect(['resina', 'recuperado', 'desmoldante', 'mtto_molde'].map((k) => expectedFor('plasticos', k))).toEqual(['1405', '1405', '612050', '612050']);
    // The stores resell, add inbound freight to the goods and book deliveries as selling freight.
    expect(['arroz', 'enlatados', 'flete_compra_viveres', 'entregas_tiendas', 'contabilidad'].map((k) => expectedFor('viveres', k))).toEqual(['1435', '1435', '1435', '523550', '521030']);
    expect(['nevera_venta', 'mueble_venta', 'flete_compra_electro', 'domicilios', 'exhibidor', 'mensajeria_docs'].map((k) => expectedFor('electrohogar', k))).toEqual(['1435', '1435', '1435', '523550', '152405', '523540']);
    expect(expectedFor('maquila', 'mensajeria_docs')).toBe('513540');
    // The farm splits herd and crop, and capitalises bought cattle.
    expect(['sal_mineral', 'vacuna', 'veterinario', 'fertilizante_platano', 'jornales_platano', 'novillas'].map((k) => expectedFor('finca', k))).toEqual(['610555', '610555', '610555', '610545', '610545', '158410']);
    // The water utility: treatment is cost, network spares are stock.
    expect(['coagulante', 'cloro', 'analisis_agua', 'tuberia', 'accesorios_red'].map((k) => expectedFor('acueducto', k))).toEqual(['612515', '612515', '612515', '1455', '1455']);
    // Fixed assets by class.
    expect(expectedFor('mensajeria', 'moto')).toBe('154030');
    expect(expectedFor('viveres', 'montacargas')).toBe('154020');
    expect(expectedFor('acueducto', 'bomba_pozo')).toBe('155665');
    expect(expectedFor('acueducto', 'turbidimetro')).toBe('153215');
    expect(['ruleta', 'termoencogedora', 'guadana'].map((k, i) => expectedFor(['casino', 'maquila', 'finca'][i]!, k))).toEqual(['1520', '1520', '1520']);
    // Stock is kept by the three factories, the two stores and the water utility, and by no one else.
    const stocked = COMPANIES14.filter((c) => Object.values(c.policy).some((a) => a!.startsWith('14'))).map((c) => c.key);
    expect(stocked.sort()).toEqual(['acueducto', 'electrohogar', 'pesquera', 'plasticos', 'vasos', 'viveres']);
    expect(COMPANIES14.filter((c) => c.inventory === 'perpetual').map((c) => c.key).sort()).toEqual(stocked);
    expect(COMPANIES14.filter((c) => c.earlyMistakes).map((c) => c.key).sort()).toEqual(['casino', 'mensajeria', 'plasticos']);
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp]);
    expect(lines.filter((l) => !/^(14|15|51|52|61)/.test(l.expected))).toEqual([]);
  });

  it('only segments 50 (food) and 51 (medicines) carry an expiry date next to the lot', () => {
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp, ...s.history.map((h) => ({ ...h, expected: h.account }))]);
    const dated = lines.filter((l) => / VTO \d{2}\/\d{4}/i.test(l.description));
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.filter((l) => l.unspsc && !BLIND14_EXPIRY_CLASSES.test(l.unspsc))).toEqual([]);
    const dryLots = lines.filter((l) => / LOTE [A-Z]\d{5}/i.test(l.description) && l.unspsc && !BLIND14_EXPIRY_CLASSES.test(l.unspsc));
    expect(dryLots.length).toBeGreaterThan(0);
    expect(dryLots.filter((l) => / VTO /i.test(l.description))).toEqual([]);
    expect(BLIND14_EXPIRY_CLASSES.test('12164500')).toBe(false); // phosphate at the fish plant
    expect(BLIND14_EXPIRY_CLASSES.test('47101600')).toBe(false); // coagulant at the water utility
    expect(BLIND14_EXPIRY_CLASSES.test('50121500')).toBe(true); // fish
    expect(BLIND14_EXPIRY_CLASSES.test('51201600')).toBe(true); // cattle vaccines
  });

  billingPeriodChecks(scenarios);
});
