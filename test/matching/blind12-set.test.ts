import { describe, expect, it } from 'vitest';
import { COMPANIES12 } from '../fixtures/matching/blind12/companies';
import { BLIND12_EXPIRY_CLASSES, buildBlind12Scenarios } from '../fixtures/matching/blind12/scenarios';
import { PRODUCT12_BY_KEY } from '../fixtures/matching/blind12/vocabulary';
import { billingPeriodChecks, blindSetChecks } from './blind-set-checks';

/**
 * The «a ciegas 12» benchmark set (issue #13): the checks every blind set passes (blind-set-checks.ts), its own
 * policy, its expiry rule (only agrochemicals, reagents and additives, and fresh meat carry «VTO mm/aaaa») and its
 * billing periods, which end on the month's real last day.
 */
describe('«a ciegas 12» benchmark set', () => {
  const scenarios = blindSetChecks(buildBlind12Scenarios, COMPANIES12, PRODUCT12_BY_KEY);
  const expectedFor = (company: string, key: string) => COMPANIES12.find((c) => c.key === company)!.policy[PRODUCT12_BY_KEY.get(key)!.role];

  it('the same thing goes where the buyer\'s activity sends it, not where its name suggests', () => {
    // A SaaS subscription is admin data processing for the office, but the LMS, the WMS, the design suite and the
    // hosting panel licences are the service each company sells.
    expect(['comedor', 'tecnologica', 'bodega', 'diseno', 'hosting'].map((c) => expectedFor(c, 'software_contable'))).toEqual(Array(5).fill('513520'));
    expect([['tecnologica', 'lms'], ['bodega', 'wms'], ['diseno', 'suite_diseno'], ['hosting', 'licencias_panel']].map(([c, k]) => expectedFor(c!, k!))).toEqual(['616005', '614535', '615595', '615535']);
    // Internet: the office line is 513535 (a fruver's 523535); the data centre's IP transit is the hosting sold.
    expect(['hosting', 'diseno', 'fruver'].map((c) => expectedFor(c, 'internet'))).toEqual(['513535', '513535', '523535']);
    expect(expectedFor('hosting', 'transito_ip')).toBe('615535');
    // Rent, guards and electricity: 51xx for an office, the storage sold for the warehouse, 52xx for the fruver;
    // the colocation rack is the hosting company's cost, not office rent.
    expect(['arriendo_sede', 'vigilancia_sede', 'energia'].map((k) => expectedFor('bodega', k))).toEqual(['614535', '614535', '614535']);
    expect(['arriendo_sede', 'vigilancia_sede', 'energia'].map((k) => expectedFor('tecnologica', k))).toEqual(['512010', '513505', '513530']);
    expect(['arriendo_sede', 'energia'].map((k) => expectedFor('fruver', k))).toEqual(['522010', '523530']);
    expect(expectedFor('hosting', 'colocation')).toBe('615535');
    // School supplies are papelería for an office and a social cost for the foundation that hands them out.
    expect(expectedFor('comedor', 'resma')).toBe('519530');
    expect(['kit_escolar', 'abarrotes_comedor', 'gas_cocina', 'psicologia'].map((k) => expectedFor('comedor', k))).toEqual(Array(4).fill('616530'));
    // Temporary staff and machinery rental are the warehouse's and the builder's cost, never 513510 or 512015.
    expect(['auxiliar_bodega', 'alquiler_montacargas', 'glp_montacargas'].map((k) => expectedFor('bodega', k))).toEqual(Array(3).fill('614535'));
    expect(['retroexcavadora', 'formaleta', 'estructura_metalica', 'licencia_curaduria', 'concreto', 'acero'].map((k) => expectedFor('constructora', k))).toEqual(Array(6).fill('1415'));
    // Plastic pallets are a fixed asset (154040); wooden ones are used up in the storage.
    expect(expectedFor('bodega', 'estiba_plastica')).toBe('154040');
    expect(expectedFor('bodega', 'estiba_madera')).toBe('614535');
    // Inventories: the natural casing is eaten (raw material, not packaging); the fruver adds inbound freight to the
    // goods, books deliveries as selling freight and keeps its bags as packaging; the cacao farm keeps its
    // agrochemicals and sacks and books the new clones to crops in development; the repair shop stocks its parts.
    expect(['tripa', 'canal_cerdo', 'condimentos', 'empaque_vacio', 'sacrificio', 'sanitizante', 'energia'].map((k) => expectedFor('frigorifico', k))).toEqual(['1405', '1405', '1405', '1460', '612001', '612001', '612001']);
    expect(['fruta', 'flete_abastos', 'domicilios', 'bolsas_fruver', 'limpiador'].map((k) => expectedFor('fruver', k))).toEqual(['1435', '1435', '523550', '1460', '529525']);
    expect(['fertilizante', 'fungicida', 'sacos_fique', 'clones_cacao', 'jornales', 'energia', 'flete_cacao'].map((k) => expectedFor('cacao', k))).toEqual(['1405', '1405', '1460', '1425', '610545', '610545', '523550']);
    expect(['tiras_led', 'tarjeta_main', 'componentes', 'soldadura_estano', 'recogida_equipos'].map((k) => expectedFor('reparacion', k))).toEqual(['1455', '1455', '1455', '613572', '613572']);
    // The plant's food-grade sanitiser is production cost; the same cleaning roles elsewhere stay aseo.
    expect(expectedFor('frigorifico', 'limpiador')).toBe('519525');
    // Fixed assets by class: lab oscilloscope 153215, switch 152810, server 152805, the shop's oscilloscope 1520.
    expect(expectedFor('tecnologica', 'osciloscopio')).toBe('153215');
    expect(['switch_red', 'servidor'].map((k) => expectedFor('hosting', k))).toEqual(['152810', '152805']);
    expect(expectedFor('reparacion', 'osciloscopio_taller')).toBe('1520');
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp]);
    expect(lines.filter((l) => !/^(14|15|51|52|61)/.test(l.expected))).toEqual([]);
  });

  it('only agrochemicals, reagents and additives, and fresh meat carry an expiry date next to the lot', () => {
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp, ...s.history.map((h) => ({ ...h, expected: h.account }))]);
    const dated = lines.filter((l) => / VTO \d{2}\/\d{4}/i.test(l.description));
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.filter((l) => l.unspsc && !BLIND12_EXPIRY_CLASSES.test(l.unspsc))).toEqual([]);
    const dryLots = lines.filter((l) => / LOTE [A-Z]\d{5}/i.test(l.description) && l.unspsc && !BLIND12_EXPIRY_CLASSES.test(l.unspsc));
    expect(dryLots.length).toBeGreaterThan(0);
    expect(dryLots.filter((l) => / VTO /i.test(l.description))).toEqual([]);
    expect(BLIND12_EXPIRY_CLASSES.test('10171600')).toBe(false); // fertiliser
    expect(BLIND12_EXPIRY_CLASSES.test('50404100')).toBe(false); // fresh vegetables
    expect(BLIND12_EXPIRY_CLASSES.test('10191500')).toBe(true); // fungicides and pesticides
    expect(BLIND12_EXPIRY_CLASSES.test('50111500')).toBe(true); // fresh meat and poultry
  });

  billingPeriodChecks(scenarios);
});
