import { describe, expect, it } from 'vitest';
import { COMPANIES18 } from '../fixtures/matching/blind18/companies';
import { BLIND18_EXPIRY_CLASSES, buildBlind18Scenarios } from '../fixtures/matching/blind18/scenarios';
import { PRODUCT18_BY_KEY } from '../fixtures/matching/blind18/vocabulary';
import { billingPeriodChecks, blindSetChecks } from './blind-set-checks';

/**
 * The «a ciegas 18» benchmark set (issue #13): the checks every blind set passes (blind-set-checks.ts), its own
 * policy, its expiry rule (food and drink, segment 50, and the farm's fertilizers and pesticides carry «VTO mm/aaaa»)
 * and its billing periods, which end on the month's real last day.
 */
describe('«a ciegas 18» benchmark set', () => {
  const scenarios = blindSetChecks(buildBlind18Scenarios, COMPANIES18, PRODUCT18_BY_KEY);
  const expectedFor = (company: string, key: string) => COMPANIES18.find((c) => c.key === company)!.policy[PRODUCT18_BY_KEY.get(key)!.role];

  it('the same thing goes where the buyer\'s activity sends it, not where its name suggests', () => {
    // Gas: the roaster's natural gas fires the roaster (cost), not the office's gas.
    expect(expectedFor('tostadora', 'gas_tostador')).toBe('612013');
    // Chemicals and lab tests: the wastewater plant's hypochlorite and effluent tests are the treatment sold; its office cleaner is admin.
    expect(['polimero', 'hipoclorito_ptar', 'disposicion_lodos', 'analisis_vertimientos', 'mtto_sopladores', 'energia'].map((k) => expectedFor('ptar', k))).toEqual(Array(6).fill('617005'));
    expect(expectedFor('ptar', 'limpiador')).toBe('519525');
    // Cleaning and laundry: the apart-hotel's maids and linen laundry are the lodging sold; its minibar is resold.
    expect(['housekeeping', 'lavanderia', 'amenities', 'energia'].map((k) => expectedFor('apartahotel', k))).toEqual(Array(4).fill('614005'));
    expect(['minibar', 'comision_ota', 'colchon', 'vigilancia_sede'].map((k) => expectedFor('apartahotel', k))).toEqual(['1435', '529505', '153605', '513505']);
    // The employment agency: exams, tests and job-board postings for the clients' candidates are the service sold; its own ads are selling.
    expect(['pruebas_psico', 'examenes_ingreso', 'estudio_seguridad', 'portal_empleo', 'psicologa'].map((k) => expectedFor('empleo', k))).toEqual(Array(5).fill('615560'));
    expect(['pauta_redes', 'software_contable', 'abogado'].map((k) => expectedFor('empleo', k))).toEqual(['523560', '513520', '511025']);
    // The institute: instructors, workshop oil and filters, the students' LMS and diplomas are the teaching; its own software and paper are admin.
    expect(['instructores', 'material_practica', 'plataforma_lms', 'diplomas'].map((k) => expectedFor('instituto', k))).toEqual(Array(4).fill('616005'));
    expect(['software_contable', 'resma', 'pupitre', 'banco_didactico'].map((k) => expectedFor('instituto', k))).toEqual(['513520', '519530', '152405', '1520']);
    // The insurance agency costs nothing: commissions to sub-agents are selling, its own policy is civil liability insurance.
    expect(['comision_subagente', 'multicotizador', 'poliza_rc', 'curso_idoneidad', 'afiliacion_gremio', 'energia'].map((k) => expectedFor('seguros', k))).toEqual(['529505', '513520', '513060', '510563', '512510', '513530']);
    // Manufacturers: what goes into the product is stock, what is used up making it is the plant's cost.
    expect(['cafe_verde', 'flete_cafe', 'bolsa_valvula', 'mtto_tostadora', 'catacion', 'energia'].map((k) => expectedFor('tostadora', k))).toEqual(['1405', '1405', '1460', '612013', '612013', '612013']);
    expect(['banda_precurada', 'cojin_caucho', 'cascos', 'envelopes', 'escofinas', 'mtto_autoclave', 'energia'].map((k) => expectedFor('reencauche', k))).toEqual(['1405', '1405', '1405', '612049', '612049', '612049', '612049']);
    expect(['alambron_cobre', 'compuesto_pvc', 'carretes', 'dados_trefila', 'mtto_extrusora', 'ensayos_retie', 'energia'].map((k) => expectedFor('cables', k))).toEqual(['1405', '1405', '1460', '612071', '612071', '612071', '612071']);
    // The fruit farm: inputs stocked, new plantings in development, boxes as packaging, field work as the crop's cost.
    expect(['fertilizante', 'fungicida', 'hijuelos', 'cajas_export', 'jornales_cosecha', 'fumigacion', 'asistencia_agronomica', 'analisis_suelo', 'energia'].map((k) => expectedFor('fruta', k))).toEqual(['1405', '1405', '1425', '1460', '610515', '610515', '610515', '610515', '610515']);
    // The dairy shop: merchandise with its inbound freight, bags to 1460, the rest in the selling variant.
    expect(['quesos', 'leches', 'huevos', 'flete_refrigerado', 'bolsas_empaque', 'energia', 'arriendo_sede', 'contabilidad', 'vitrina'].map((k) => expectedFor('lacteos', k))).toEqual(['1435', '1435', '1435', '1435', '1460', '523530', '522010', '521030', '1520']);
    // Who keeps stock: the farm, the three plants, the shop and the apart-hotel.
    const stocked = COMPANIES18.filter((c) => Object.values(c.policy).some((a) => a!.startsWith('14'))).map((c) => c.key);
    expect(stocked.sort()).toEqual(['apartahotel', 'cables', 'fruta', 'lacteos', 'reencauche', 'tostadora']);
    expect(COMPANIES18.filter((c) => c.inventory === 'perpetual').map((c) => c.key).sort()).toEqual(stocked);
    expect(COMPANIES18.filter((c) => c.earlyMistakes).map((c) => c.key).sort()).toEqual(['instituto', 'reencauche', 'seguros']);
    expect(COMPANIES18.map((c) => c.ciiu).sort()).toEqual(['0121', '1062', '2212', '2731', '3700', '4722', '5512', '6621', '7810', '8523']);
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp]);
    expect(lines.filter((l) => !/^(14|15|51|52|61)/.test(l.expected))).toEqual([]);
  });

  it('only food and drink and the farm\'s agrochemicals carry an expiry date next to the lot', () => {
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp, ...s.history.map((h) => ({ ...h, expected: h.account }))]);
    const dated = lines.filter((l) => / VTO \d{2}\/\d{4}/i.test(l.description));
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.filter((l) => l.unspsc && !BLIND18_EXPIRY_CLASSES.test(l.unspsc))).toEqual([]);
    const dryLots = lines.filter((l) => / LOTE [A-Z]\d{5}/i.test(l.description) && l.unspsc && !BLIND18_EXPIRY_CLASSES.test(l.unspsc));
    expect(dryLots.length).toBeGreaterThan(0);
    expect(dryLots.filter((l) => / VTO /i.test(l.description))).toEqual([]);
    expect(BLIND18_EXPIRY_CLASSES.test('13111000')).toBe(false); // PVC compound
    expect(BLIND18_EXPIRY_CLASSES.test('47101600')).toBe(false); // hypochlorite
    expect(BLIND18_EXPIRY_CLASSES.test('51101700')).toBe(false); // medicines: none bought in this set
    expect(BLIND18_EXPIRY_CLASSES.test('50131800')).toBe(true); // the shop's cheese
    expect(BLIND18_EXPIRY_CLASSES.test('10191500')).toBe(true); // the farm's fungicide
  });

  billingPeriodChecks(scenarios);
});
