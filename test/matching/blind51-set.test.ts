import { describe, expect, it } from 'vitest';
import { COMPANIES51 } from '../fixtures/matching/blind51/companies';
import { BLIND51_EXPIRY_CLASSES, buildBlind51Scenarios } from '../fixtures/matching/blind51/scenarios';
import { PRODUCT51_BY_KEY } from '../fixtures/matching/blind51/vocabulary';
import { billingPeriodChecks, blindSetChecks } from './blind-set-checks';

/**
 * The «a ciegas 51» benchmark set (issue #13): the checks every blind set passes (blind-set-checks.ts), its own
 * policy, its expiry rule (only segments 50 and 51, food and veterinary medicines, carry «VTO mm/aaaa») and its
 * billing periods, which end on the month's real last day.
 */
describe('«a ciegas 51» benchmark set', () => {
  const scenarios = blindSetChecks(buildBlind51Scenarios, COMPANIES51, PRODUCT51_BY_KEY);
  const expectedFor = (company: string, key: string) => COMPANIES51.find((c) => c.key === company)!.policy[PRODUCT51_BY_KEY.get(key)!.role];

  it('the same thing goes where the buyer\'s activity sends it, not where its name suggests', () => {
    // Fuel: the road builder's diesel runs the works (cost); the gasoline sold by the same station for its office car is admin.
    expect(['acpm_maquinaria', 'gasolina'].map((k) => expectedFor('vias', k))).toEqual(['613010', '519535']);
    expect(['mezcla_asfaltica', 'agregados', 'alquiler_maquinaria', 'senalizacion', 'ensayos_lab'].map((k) => expectedFor('vias', k))).toEqual(Array(5).fill('613010'));
    // Gas: the cabins' propane and the finisher's natural gas are each activity's cost, never 513555.
    expect(expectedFor('cabanas', 'gas_cabanas')).toBe('614010');
    expect(expectedFor('textil', 'gas_natural')).toBe('612021');
    // Lodging and transport: the travel agency buys them for the packages it sells, not for staff travel.
    expect(['hotel_paquete', 'transporte_turistico', 'asistencia_viajero', 'gds', 'guianza'].map((k) => expectedFor('viajes', k))).toEqual(Array(5).fill('614545'));
    // Uniforms and courses: the guards' are the security service's cost; the office staff's stay admin.
    expect(['dotacion_guardas', 'reentrenamiento', 'municion', 'radios_alquiler', 'monitoreo_gps'].map((k) => expectedFor('seguridad', k))).toEqual(Array(5).fill('615565'));
    expect(['dotacion', 'abogado'].map((k) => expectedFor('seguridad', k))).toEqual(['510551', '511025']);
    // Cloud: the clients' cloud is the consultancy's cost; its own accounting subscription is admin.
    expect(['consultor_externo', 'nube_clientes', 'licencias_reventa', 'soporte_fabricante'].map((k) => expectedFor('consultoria', k))).toEqual(Array(4).fill('615530'));
    expect(expectedFor('consultoria', 'software_contable')).toBe('513520');
    // Stock: resold goods with inbound freight (1435), packaging (1460), inputs (1405), repair parts (1455), calves (144505).
    expect(['moto_nueva', 'repuestos_moto', 'llantas_moto', 'aceite_moto', 'cascos', 'flete_motos'].map((k) => expectedFor('motos', k))).toEqual(Array(6).fill('1435'));
    expect(['ollas', 'vajillas', 'flete_hogar', 'bolsas_almacen', 'energia', 'arriendo_sede', 'contabilidad'].map((k) => expectedFor('hogar', k))).toEqual(['1435', '1435', '1435', '1460', '523530', '522010', '521030']);
    expect(['alimentos_desayuno', 'bebidas_minibar', 'amenities', 'lavanderia', 'lenceria', 'energia', 'comision_ota'].map((k) => expectedFor('cabanas', k))).toEqual(['1405', '1435', '614010', '614010', '614010', '614010', '529505']);
    expect(['colorantes', 'auxiliares_textiles', 'tubos_carton', 'mtto_rama', 'tratamiento_agua', 'energia'].map((k) => expectedFor('textil', k))).toEqual(['1405', '1405', '1460', '612021', '612021', '612021']);
    expect(['repuestos_pc', 'pantallas_portatil', 'cargadores', 'consumibles_taller', 'reballing', 'energia'].map((k) => expectedFor('reparacion', k))).toEqual(['1455', '1455', '1455', '615540', '615540', '513530']);
    expect(['terneros', 'sal_mineralizada', 'vacunas_ganado', 'veterinario', 'alambre_potrero', 'gasolina'].map((k) => expectedFor('ganaderia', k))).toEqual(['144505', '610555', '610555', '610555', '610555', '519535']);
    // Fixed assets by class.
    expect(expectedFor('seguridad', 'moto_supervisor')).toBe('154030');
    expect(expectedFor('seguridad', 'radio_base')).toBe('152815');
    expect(expectedFor('cabanas', 'jacuzzi')).toBe('153605');
    expect(expectedFor('hogar', 'estanteria')).toBe('152405');
    expect(expectedFor('consultoria', 'servidor_rack')).toBe('152805');
    expect(([['motos', 'elevador_motos'], ['vias', 'planta_electrica'], ['textil', 'rama_tensora'], ['reparacion', 'estacion_soldadura'], ['ganaderia', 'bascula_ganado']] as const).map(([c, k]) => expectedFor(c, k))).toEqual(Array(5).fill('1520'));
    // Who keeps stock, and who is run with early mistakes (one with stock, two without).
    const stocked = COMPANIES51.filter((c) => Object.values(c.policy).some((a) => a!.startsWith('14'))).map((c) => c.key);
    expect(stocked.sort()).toEqual(['cabanas', 'ganaderia', 'hogar', 'motos', 'reparacion', 'textil']);
    expect(COMPANIES51.filter((c) => c.inventory === 'perpetual').map((c) => c.key).sort()).toEqual(stocked);
    expect(COMPANIES51.filter((c) => c.earlyMistakes).map((c) => c.key).sort()).toEqual(['motos', 'seguridad', 'viajes']);
    expect(COMPANIES51.map((c) => c.ciiu).sort()).toEqual(['0141', '1313', '4210', '4541', '4759', '5514', '6202', '7911', '8010', '9511']);
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp]);
    expect(lines.filter((l) => !/^(14|15|51|52|61)/.test(l.expected))).toEqual([]);
  });

  it('only segments 50 and 51 (food, veterinary medicines) carry an expiry date next to the lot', () => {
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp, ...s.history.map((h) => ({ ...h, expected: h.account }))]);
    const dated = lines.filter((l) => / VTO \d{2}\/\d{4}/i.test(l.description));
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.filter((l) => l.unspsc && !BLIND51_EXPIRY_CLASSES.test(l.unspsc))).toEqual([]);
    const dryLots = lines.filter((l) => / LOTE [A-Z]\d{5}/i.test(l.description) && l.unspsc && !BLIND51_EXPIRY_CLASSES.test(l.unspsc));
    expect(dryLots.length).toBeGreaterThan(0);
    expect(dryLots.filter((l) => / VTO /i.test(l.description))).toEqual([]);
    expect(BLIND51_EXPIRY_CLASSES.test('15121500')).toBe(false); // 4T oil
    expect(BLIND51_EXPIRY_CLASSES.test('12171500')).toBe(false); // dyes
    expect(BLIND51_EXPIRY_CLASSES.test('51201600')).toBe(true); // foot-and-mouth vaccine
  });

  billingPeriodChecks(scenarios);
});
