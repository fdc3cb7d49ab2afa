import { describe, expect, it } from 'vitest';
import { COMPANIES29 } from '../fixtures/matching/blind29/companies';
import { BLIND29_EXPIRY_CLASSES, buildBlind29Scenarios } from '../fixtures/matching/blind29/scenarios';
import { PRODUCT29_BY_KEY } from '../fixtures/matching/blind29/vocabulary';
import { billingPeriodChecks, blindSetChecks } from './blind-set-checks';

/**
 * The «a ciegas 29» benchmark set (issue #13): the checks every blind set passes (blind-set-checks.ts), its own
 * policy, its expiry rule (only ECG electrodes, bath and body cosmetics and segment 50 carry «VTO mm/aaaa») and its
 * billing periods, which end on the month's real last day.
 */
describe('«a ciegas 29» benchmark set', () => {
  const scenarios = blindSetChecks(buildBlind29Scenarios, COMPANIES29, PRODUCT29_BY_KEY);
  const expectedFor = (company: string, key: string) => COMPANIES29.find((c) => c.key === company)!.policy[PRODUCT29_BY_KEY.get(key)!.role];

  it('the same thing goes where the buyer\'s activity sends it, not where its name suggests', () => {
    // Fuel: the blender's diesel is raw material, the mine's diesel is the ore's cost, the office car's gasoline is admin.
    expect(expectedFor('biodiesel', 'acpm_fosil')).toBe('1405');
    expect(expectedFor('niquel', 'acpm_mina')).toBe('611520');
    expect(['niquel', 'biodiesel'].map((c) => expectedFor(c, 'gasolina'))).toEqual(['519535', '519535']);
    expect(['acpm_fosil', 'biodiesel', 'etanol', 'aditivo', 'flete_combustible', 'tambores', 'analisis_astm', 'energia'].map((k) => expectedFor('biodiesel', k))).toEqual(['1405', '1405', '1405', '1405', '1405', '1460', '612039', '612039']);
    // The mine keeps no stock: explosives, bits, hired machines, assays and truck repairs are the ore's cost.
    expect(['explosivos', 'brocas', 'alquiler_maquina', 'ensayo_leyes', 'mtto_volqueta', 'energia'].map((k) => expectedFor('niquel', k))).toEqual(Array(6).fill('611520'));
    // Gas and maquila: the food machinery plant's argon and laser cutting are cost, not 513555 or 513515.
    expect(['lamina_inox', 'motorreductor', 'guacal', 'gas_argon', 'corte_laser', 'varilla_tig'].map((k) => expectedFor('inoxmaq', k))).toEqual(['1405', '1405', '1460', '612065', '612065', '612065']);
    expect(['motor_universal', 'poliamida', 'blister', 'bobinado', 'mtto_moldes', 'abrasivos'].map((k) => expectedFor('herramientas', k))).toEqual(['1405', '1405', '1460', '612065', '612065', '612065']);
    // The monitor plant: what ships with the monitor is stock (the electrodes too), its tests are cost, not advice.
    expect(['tarjeta_pcb', 'sensor_spo2', 'electrodos', 'cajas_medico', 'pruebas_emc', 'soldadura_smt', 'esterilizacion'].map((k) => expectedFor('medico', k))).toEqual(['1405', '1405', '1405', '1460', '612073', '612073', '612073']);
    expect(['madera_tonal', 'cuerdas', 'laca', 'estuche', 'lijas', 'secado_madera'].map((k) => expectedFor('luthier', k))).toEqual(['1405', '1405', '1405', '1460', '612088', '612088']);
    // The repair shop keeps no stock: its canvas and sealing go into the repair sold.
    expect(['lona_pvc', 'hilo', 'termosellado', 'energia', 'arriendo_sede'].map((k) => expectedFor('lonas', k))).toEqual(['615595', '615595', '615595', '615595', '512010']);
    // The catalogue seller: goods with their inbound freight to 1435, order delivery is selling freight, the rest in 52xx.
    expect(['cosmeticos', 'bisuteria', 'flete_entrada', 'cajas_pedido', 'entrega_pedidos', 'catalogo_impreso', 'energia', 'contabilidad', 'arriendo_sede'].map((k) => expectedFor('catalogo', k))).toEqual(['1435', '1435', '1435', '1460', '523550', '523560', '523530', '521030', '522010']);
    // The holding: each governance service to its own 5110 subcuenta.
    expect(['junta', 'revisoria', 'auditoria', 'valoracion', 'consultoria', 'abogado', 'registro', 'afiliacion_gremio'].map((k) => expectedFor('holding', k))).toEqual(['511005', '511010', '511015', '511030', '511035', '511025', '514010', '512510']);
    // The union: its lawyer in the bargaining, the members' T-shirts and training are its activity; its own lawyer is admin.
    expect(['asesoria_pliego', 'camisetas', 'escuela_sindical', 'kits_escolares', 'refrigerios', 'salon'].map((k) => expectedFor('sindicato', k))).toEqual(Array(6).fill('617010'));
    expect(['abogado', 'cuota_federacion', 'resma'].map((k) => expectedFor('sindicato', k))).toEqual(['511025', '512510', '519530']);
    // Fixed assets by class.
    expect(['perforadora', 'horno_reflujo', 'inyectora', 'plegadora', 'sierra_cinta', 'selladora_hf', 'bomba_trasiego'].map((k) => expectedFor(COMPANIES29.find((c) => c.durables.some(([, d]) => d === k))!.key, k))).toEqual(Array(7).fill('1520'));
    expect(expectedFor('sindicato', 'sillas_salon')).toBe('152405');
    expect(expectedFor('catalogo', 'estanteria')).toBe('152405');
    // Who keeps stock: the five plants and the catalogue seller.
    const stocked = COMPANIES29.filter((c) => Object.values(c.policy).some((a) => a!.startsWith('14'))).map((c) => c.key);
    expect(stocked.sort()).toEqual(['biodiesel', 'catalogo', 'herramientas', 'inoxmaq', 'luthier', 'medico']);
    expect(COMPANIES29.filter((c) => c.inventory === 'perpetual').map((c) => c.key).sort()).toEqual(stocked);
    expect(COMPANIES29.filter((c) => c.earlyMistakes).map((c) => c.key).sort()).toEqual(['lonas', 'medico', 'sindicato']);
    expect(COMPANIES29.map((c) => c.ciiu).sort()).toEqual(['0723', '1922', '2660', '2818', '2825', '3220', '3319', '4792', '7010', '9420']);
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp]);
    expect(lines.filter((l) => !/^(14|15|51|52|61)/.test(l.expected))).toEqual([]);
  });

  it('only ECG electrodes, bath and body cosmetics and food carry an expiry date next to the lot', () => {
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp, ...s.history.map((h) => ({ ...h, expected: h.account }))]);
    const dated = lines.filter((l) => / VTO \d{2}\/\d{4}/i.test(l.description));
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.filter((l) => l.unspsc && !BLIND29_EXPIRY_CLASSES.test(l.unspsc))).toEqual([]);
    const dryLots = lines.filter((l) => / LOTE [A-Z]\d{5}/i.test(l.description) && l.unspsc && !BLIND29_EXPIRY_CLASSES.test(l.unspsc));
    expect(dryLots.length).toBeGreaterThan(0);
    expect(dryLots.filter((l) => / VTO /i.test(l.description))).toEqual([]);
    expect(BLIND29_EXPIRY_CLASSES.test('42181800')).toBe(false); // reusable SpO2 sensors
    expect(BLIND29_EXPIRY_CLASSES.test('12131500')).toBe(false); // explosives
    expect(BLIND29_EXPIRY_CLASSES.test('42181700')).toBe(true); // ECG electrodes
    expect(BLIND29_EXPIRY_CLASSES.test('53131600')).toBe(true); // the catalogue's creams
  });

  billingPeriodChecks(scenarios);
});
