import { describe, expect, it } from 'vitest';
import { COMPANIES27 } from '../fixtures/matching/blind27/companies';
import { BLIND27_EXPIRY_CLASSES, buildBlind27Scenarios } from '../fixtures/matching/blind27/scenarios';
import { PRODUCT27_BY_KEY } from '../fixtures/matching/blind27/vocabulary';
import { billingPeriodChecks, blindSetChecks } from './blind-set-checks';

/**
 * The «a ciegas 27» benchmark set (issue #13): the checks every blind set passes (blind-set-checks.ts), its own
 * policy, its expiry rule (only segments 50 and 51, food and drugs, carry «VTO mm/aaaa») and its billing periods, which
 * end on the month's real last day.
 */
describe('«a ciegas 27» benchmark set', () => {
  const scenarios = blindSetChecks(buildBlind27Scenarios, COMPANIES27, PRODUCT27_BY_KEY);
  const expectedFor = (company: string, key: string) => COMPANIES27.find((c) => c.key === company)!.policy[PRODUCT27_BY_KEY.get(key)!.role];

  it('the same thing goes where the buyer\'s activity sends it, not where its name suggests', () => {
    // Fuel: the well-service firm's and the waste collector's diesel is their service's cost; the office car's gasoline is admin.
    expect(expectedFor('pozos', 'acpm_campo')).toBe('611514');
    expect(expectedFor('respel', 'acpm_recolectores')).toBe('617005');
    expect(['pozos', 'cuyes'].map((c) => expectedFor(c, 'gasolina'))).toEqual(['519535', '519535']);
    // Rented pick-ups and crews' meals on the well pad are the well service, not admin vehicle rental or staff meals.
    expect(['alquiler_camionetas', 'alimentacion_campo', 'quimicos_lodo', 'renta_herramienta'].map((k) => expectedFor('pozos', k))).toEqual(Array(4).fill('611514'));
    // Protection: the waste collector's disposable suits and respirators are the collection's cost; boots and uniforms stay dotación.
    expect(['epp_desechable', 'bolsas_rojas', 'incineracion', 'analisis_cretib'].map((k) => expectedFor('respel', k))).toEqual(Array(4).fill('617005'));
    expect(expectedFor('respel', 'dotacion')).toBe('510551');
    // Drugs: the animals' medicines are the farm's and the zoo's cost, never staff medicines (510584).
    expect(expectedFor('cuyes', 'desparasitante')).toBe('610565');
    expect(['meds_vet', 'carne_felinos', 'vet_fauna', 'concentrado_fauna'].map((k) => expectedFor('zoo', k))).toEqual(Array(4).fill('617040'));
    // The guinea-pig farm: animals bought to raise are semovientes, feed is stocked, forage and the vet go to cost.
    expect(['cuyes_levante', 'concentrado_cuy', 'bandejas_cuy', 'forraje', 'asistencia_vet', 'energia'].map((k) => expectedFor('cuyes', k))).toEqual(['144510', '1405', '1460', '610565', '610565', '610565']);
    // Manufacturers: what goes into the product is stock, what is used up making it is the plant's cost.
    expect(['hilo', 'tubos_carton', 'film_rollos', 'engomado', 'aceite_telar', 'repuestos_telar', 'energia'].map((k) => expectedFor('tejidos', k))).toEqual(['1405', '1460', '1460', '612020', '612020', '612020', '612020']);
    expect(['componentes_elec', 'sensores', 'cajas_espuma', 'calibracion', 'smt_maquila', 'estano'].map((k) => expectedFor('instrumentos', k))).toEqual(['1405', '1405', '1460', '612074', '612074', '612074']);
    expect(['lamina_acero', 'refractario', 'pintura_alta', 'guacales', 'soldadura_mig', 'corte_laser', 'discos'].map((k) => expectedFor('hornos', k))).toEqual(['1405', '1405', '1405', '1460', '612065', '612065', '612065']);
    // The market stall: goods with their inbound freight to 1435, bags to 1460, the stall's fee is rent in the selling variant.
    expect(['medias_interior', 'lenceria_hogar', 'ruanas', 'flete_encomienda', 'bolsas_plaza', 'uso_puesto', 'energia', 'contabilidad'].map((k) => expectedFor('plaza', k))).toEqual(['1435', '1435', '1435', '1435', '1460', '522010', '523530', '521030']);
    // The same sheets: stock for the stall, the rooms' cost for the motel.
    expect(expectedFor('motel', 'lenceria_motel')).toBe('614005');
    expect(['lavanderia', 'amenities', 'gas_calentadores', 'tv_canales', 'desinfectante_hab', 'energia'].map((k) => expectedFor('motel', k))).toEqual(Array(6).fill('614005'));
    // The exchange house stays in 51xx: armoured cash transport is security, not freight; the counters' upkeep is office equipment.
    expect(['transporte_valores', 'listas_sarlaft', 'mtto_contadoras', 'revisor_fiscal'].map((k) => expectedFor('cambio', k))).toEqual(['513505', '513520', '514520', '511010']);
    expect(Object.values(COMPANIES27.find((c) => c.key === 'cambio')!.policy).filter((a) => /^(14|61)/.test(a!))).toEqual([]);
    // Fixed assets by class.
    expect(['contadora', 'caja_fuerte'].map((k) => expectedFor('cambio', k))).toEqual(['152410', '152405']);
    expect(expectedFor('motel', 'colchon')).toBe('153605');
    expect(expectedFor('respel', 'contenedor')).toBe('154017');
    expect(['patron_lab', 'horno_reflow'].map((k) => expectedFor('instrumentos', k))).toEqual(['153215', '1520']);
    expect(expectedFor('zoo', 'microscopio')).toBe('153215');
    expect(expectedFor('plaza', 'toldo')).toBe('152405');
    // Who keeps stock: the farm, the three plants and the stall.
    const stocked = COMPANIES27.filter((c) => Object.values(c.policy).some((a) => a!.startsWith('14'))).map((c) => c.key);
    expect(stocked.sort()).toEqual(['cuyes', 'hornos', 'instrumentos', 'plaza', 'tejidos']);
    expect(COMPANIES27.filter((c) => c.inventory === 'perpetual').map((c) => c.key).sort()).toEqual(stocked);
    expect(COMPANIES27.filter((c) => c.earlyMistakes).map((c) => c.key).sort()).toEqual(['motel', 'tejidos', 'zoo']);
    expect(COMPANIES27.map((c) => c.ciiu).sort()).toEqual(['0149', '0910', '1312', '2651', '2815', '3812', '4782', '5530', '6614', '9103']);
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp]);
    expect(lines.filter((l) => !/^(14|15|51|52|61)/.test(l.expected))).toEqual([]);
  });

  it('only segments 50 and 51 (food and drugs) carry an expiry date next to the lot', () => {
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp, ...s.history.map((h) => ({ ...h, expected: h.account }))]);
    const dated = lines.filter((l) => / VTO \d{2}\/\d{4}/i.test(l.description));
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.filter((l) => l.unspsc && !BLIND27_EXPIRY_CLASSES.test(l.unspsc))).toEqual([]);
    const dryLots = lines.filter((l) => / LOTE [A-Z]\d{5}/i.test(l.description) && l.unspsc && !BLIND27_EXPIRY_CLASSES.test(l.unspsc));
    expect(dryLots.length).toBeGreaterThan(0);
    expect(dryLots.filter((l) => / VTO /i.test(l.description))).toEqual([]);
    expect(BLIND27_EXPIRY_CLASSES.test('10121900')).toBe(false); // guinea-pig pellets
    expect(BLIND27_EXPIRY_CLASSES.test('41111500')).toBe(false); // the waste collector's scale
    expect(BLIND27_EXPIRY_CLASSES.test('51102600')).toBe(true); // the zoo's veterinary antibiotics
    expect(BLIND27_EXPIRY_CLASSES.test('50111500')).toBe(true); // the felines' meat
  });

  billingPeriodChecks(scenarios);
});
