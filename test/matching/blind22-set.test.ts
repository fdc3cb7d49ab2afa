import { describe, expect, it } from 'vitest';
import { COMPANIES22 } from '../fixtures/matching/blind22/companies';
import { BLIND22_EXPIRY_CLASSES, buildBlind22Scenarios } from '../fixtures/matching/blind22/scenarios';
import { PRODUCT22_BY_KEY } from '../fixtures/matching/blind22/vocabulary';
import { billingPeriodChecks, blindSetChecks } from './blind-set-checks';

/**
 * The «a ciegas 22» benchmark set (issue #13): the checks every blind set passes (blind-set-checks.ts), its own
 * policy, its expiry rule (only packaged drinks and coffee, family 5020, and pesticides, class 101915, carry «VTO
 * mm/aaaa») and its billing periods, which end on the month's real last day.
 */
describe('«a ciegas 22» benchmark set', () => {
  const scenarios = blindSetChecks(buildBlind22Scenarios, COMPANIES22, PRODUCT22_BY_KEY);
  const expectedFor = (company: string, key: string) => COMPANIES22.find((c) => c.key === company)!.policy[PRODUCT22_BY_KEY.get(key)!.role];

  it('the same thing goes where the buyer\'s activity sends it, not where its name suggests', () => {
    // Fuel: the cotton grower's tractor diesel is the growing crop; its office car's gasoline is admin.
    expect(expectedFor('algodon', 'acpm')).toBe('1425');
    expect(expectedFor('algodon', 'gasolina')).toBe('519535');
    expect(['semilla_algodon', 'fertilizante', 'agroquimico', 'fumigacion_aerea', 'preparacion_suelo', 'cosecha_algodon', 'tarifa_riego', 'energia'].map((k) => expectedFor('algodon', k))).toEqual(Array(8).fill('1425'));
    // Tyres: raw material of the motorcycle assembler (mounted, not resold).
    expect(expectedFor('motos', 'llantas_moto')).toBe('1405');
    expect(['motor_ckd', 'chasis', 'bateria_moto', 'flete_ckd', 'guacal', 'pintura_maquila', 'pruebas_moto', 'energia'].map((k) => expectedFor('motos', k))).toEqual(['1405', '1405', '1405', '1405', '1460', '612083', '612083', '612083']);
    // Gas: the tyre plant's boiler gas is cost, not the admin «gas» subcuenta.
    expect(['gas_industrial', 'desmoldante', 'vejigas', 'mtto_moldes'].map((k) => expectedFor('llantas', k))).toEqual(Array(4).fill('612049'));
    expect(['caucho_natural', 'caucho_sintetico', 'negro_humo', 'alambre_talon', 'etiquetas_llanta'].map((k) => expectedFor('llantas', k))).toEqual(['1405', '1405', '1405', '1405', '1460']);
    // Batteries: inside every watch sold, raw material.
    expect(['movimientos', 'cajas_reloj', 'pilas_reloj', 'estuches', 'grabado_laser', 'insumos_relojero', 'calibracion'].map((k) => expectedFor('relojes', k))).toEqual(['1405', '1405', '1405', '1460', '612076', '612076', '612076']);
    expect(['yuca', 'flete_yuca', 'sacos_almidon', 'carbon_secador', 'repuestos_ralladora', 'mtto_ralladora', 'analisis_almidon', 'energia'].map((k) => expectedFor('almidon', k))).toEqual(['1405', '1405', '1460', '612007', '612007', '612007', '612007', '612007']);
    expect(['pieles_curtidas', 'forros_hilos', 'herrajes_piel', 'cajas_piel', 'tenido_pieles', 'agujas_peletera', 'mtto_peletera'].map((k) => expectedFor('pieles', k))).toEqual(['1405', '1405', '1405', '1460', '612028', '612028', '612028']);
    // The store: merchandise with its inbound freight, bags to 1460, the rest in the selling variant.
    expect(['televisores', 'equipos_sonido', 'sonido_pro', 'accesorios_av', 'flete_mercancia', 'bolsas_tienda', 'energia', 'arriendo_sede', 'contabilidad', 'pauta_redes'].map((k) => expectedFor('sonido', k))).toEqual(['1435', '1435', '1435', '1435', '1435', '1460', '523530', '522010', '521030', '523560']);
    // The finca hotel: what the guests use is the lodging's cost; the booking commission is a selling expense.
    expect(['amenities', 'lavanderia', 'lenceria', 'desayunos', 'cloro_piscina', 'mtto_piscina', 'energia', 'acueducto'].map((k) => expectedFor('finca', k))).toEqual(Array(8).fill('614010'));
    expect(['comision_reservas', 'limpiador', 'cafe', 'colchon'].map((k) => expectedFor('finca', k))).toEqual(['529505', '519525', '519525', '153605']);
    // The institute: the students' virtual classroom is teaching cost; its own accounting software is admin.
    expect(['docentes_catedra', 'lms', 'material_lab', 'biblioteca_digital', 'salida_campo', 'carnets'].map((k) => expectedFor('educacion', k))).toEqual(Array(6).fill('616005'));
    expect(['software_contable', 'energia', 'osciloscopio'].map((k) => expectedFor('educacion', k))).toEqual(['513520', '513530', '153215']);
    // The shoe repair shop: soles and glue are used up in repairs, never merchandise.
    expect(['suelas', 'pegante', 'hilos_ojaletes', 'tintes_betun'].map((k) => expectedFor('calzado', k))).toEqual(Array(4).fill('613572'));
    expect(['energia', 'maquina_poste'].map((k) => expectedFor('calzado', k))).toEqual(['513530', '1520']);
    // Fixed assets by class.
    expect(expectedFor('sonido', 'vitrina')).toBe('152405');
    expect(['bomba_riego', 'fumigadora'].map((k) => expectedFor('algodon', k))).toEqual(['1520', '1520']);
    // Who keeps stock: the grower, the five plants and the store.
    const stocked = COMPANIES22.filter((c) => Object.values(c.policy).some((a) => a!.startsWith('14'))).map((c) => c.key);
    expect(stocked.sort()).toEqual(['algodon', 'almidon', 'llantas', 'motos', 'pieles', 'relojes', 'sonido']);
    expect(COMPANIES22.filter((c) => c.inventory === 'perpetual').map((c) => c.key).sort()).toEqual(stocked);
    expect(COMPANIES22.filter((c) => c.earlyMistakes).map((c) => c.key).sort()).toEqual(['educacion', 'finca', 'relojes']);
    expect(COMPANIES22.map((c) => c.ciiu).sort()).toEqual(['0115', '1052', '1420', '2211', '2652', '3091', '4742', '5514', '8542', '9523']);
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp]);
    expect(lines.filter((l) => !/^(14|15|51|52|61)/.test(l.expected))).toEqual([]);
  });

  it('only packaged drinks and coffee (5020) and pesticides (101915) carry an expiry date next to the lot', () => {
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp, ...s.history.map((h) => ({ ...h, expected: h.account }))]);
    const dated = lines.filter((l) => / VTO \d{2}\/\d{4}/i.test(l.description));
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.filter((l) => l.unspsc && !BLIND22_EXPIRY_CLASSES.test(l.unspsc))).toEqual([]);
    const dryLots = lines.filter((l) => / LOTE [A-Z]\d{5}/i.test(l.description) && l.unspsc && !BLIND22_EXPIRY_CLASSES.test(l.unspsc));
    expect(dryLots.length).toBeGreaterThan(0);
    expect(dryLots.filter((l) => / VTO /i.test(l.description))).toEqual([]);
    expect(BLIND22_EXPIRY_CLASSES.test('50407200')).toBe(false); // fresh cassava
    expect(BLIND22_EXPIRY_CLASSES.test('26111700')).toBe(false); // watch and motorcycle batteries
    expect(BLIND22_EXPIRY_CLASSES.test('10191500')).toBe(true); // the grower's pesticides
    expect(BLIND22_EXPIRY_CLASSES.test('50201700')).toBe(true); // the offices' coffee
  });

  billingPeriodChecks(scenarios);
});
