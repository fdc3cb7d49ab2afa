import { describe, expect, it } from 'vitest';
import { COMPANIES10 } from '../fixtures/matching/blind10/companies';
import { BLIND10_EXPIRY_CLASSES, buildBlind10Scenarios } from '../fixtures/matching/blind10/scenarios';
import { PRODUCT10_BY_KEY } from '../fixtures/matching/blind10/vocabulary';
import { billingPeriodChecks, blindSetChecks } from './blind-set-checks';

/**
 * The «a ciegas 10» benchmark set (issue #13): the checks every blind set passes (blind-set-checks.ts), its own
 * policy, its expiry rule (only dairy and dietary supplements carry «VTO mm/aaaa») and its billing periods, which end
 * on the month's real last day.
 */
describe('«a ciegas 10» benchmark set', () => {
  const scenarios = blindSetChecks(buildBlind10Scenarios, COMPANIES10, PRODUCT10_BY_KEY);
  const expectedFor = (company: string, key: string) => COMPANIES10.find((c) => c.key === company)!.policy[PRODUCT10_BY_KEY.get(key)!.role];

  it('the same thing goes where the buyer\'s activity sends it, not where its name suggests', () => {
    // Coffee and sugar: office cafetería for a school or an engineering firm, raw material for the cafetería that sells tinto.
    expect(['colegio', 'ingenieria', 'pinturas', 'reparacion'].map((c) => expectedFor(c, 'cafe'))).toEqual(Array(4).fill('519525'));
    expect([expectedFor('cafeteria', 'cafe'), expectedFor('cafeteria', 'azucar'), expectedFor('ingenieria', 'azucar')]).toEqual(['1405', '1405', '519525']);
    // The cafetería: ingredients 1405, bottled drinks resold 1435, take-away cups 1460, cooking gas and the machine's service 614015.
    expect(['pan_cafeteria', 'leche_cafeteria', 'gaseosa_reventa', 'vasos_llevar', 'gas_natural', 'mant_espresso', 'acueducto'].map((k) => expectedFor('cafeteria', k))).toEqual(['1405', '1405', '1435', '1460', '614015', '614015', '513525']);
    // Natural gas cooks the children's meals at the home: a cost there, not 513555.
    expect(expectedFor('hogar', 'gas_natural')).toBe('616530');
    // Paper: the office's resma is papelería; the children's school kits are the care sold, even from the same shop.
    expect([expectedFor('hogar', 'resma'), expectedFor('hogar', 'utiles_ninos'), expectedFor('hogar', 'remesa_hogar')]).toEqual(['519530', '616530', '616530']);
    // Software: the accounting subscription is admin (§4.2 row 14); the school's platform, the customs declarations
    // software and the structural-design licence are what each one sells.
    expect(['colegio', 'aduanas', 'ingenieria', 'cana'].map((c) => expectedFor(c, 'software_contable'))).toEqual(Array(4).fill('513520'));
    expect([expectedFor('colegio', 'plataforma_colegio'), expectedFor('aduanas', 'transmision_muisca'), expectedFor('ingenieria', 'licencia_calculo')]).toEqual(['616005', '614550', '615550']);
    expect(expectedFor('deportes', 'software_contable')).toBe('523520');
    // Fuel: the manager's gasoline is admin; the excavators' diesel is the earthworks' cost, never 1415.
    expect([expectedFor('tierras', 'gasolina'), expectedFor('cana', 'gasolina'), expectedFor('tierras', 'acpm_maquinaria'), expectedFor('tierras', 'volqueta_viajes')]).toEqual(['519535', '519535', '613005', '613005']);
    // Plotted drawings are delivered to the engineering firm's client; the school bus carries the pupils.
    expect([expectedFor('ingenieria', 'ploteo'), expectedFor('colegio', 'ruta_escolar')]).toEqual(['615550', '616005']);
    // Inventories: the paint plant's solvent is raw material and its cans packaging; energy runs its mills.
    expect(['dioxido_titanio', 'solvente', 'envase_galon', 'etiquetas', 'mant_molino', 'energia'].map((k) => expectedFor('pinturas', k))).toEqual(['1405', '1405', '1460', '1460', '612044', '612044']);
    // The repair shop stocks parts (1455) and uses up bench supplies (615540); its own laptop is a fixed asset.
    expect(['ssd_repuesto', 'bateria_repuesto', 'pasta_termica', 'reballing', 'portatil'].map((k) => expectedFor('reparacion', k))).toEqual(['1455', '1455', '615540', '615540', '152805']);
    // The sports store resells bicycles (never 154035), adds inbound freight to the merchandise, books deliveries as selling freight.
    expect(['bicicleta_venta', 'suplementos_venta', 'flete_mercancia', 'domicilio_cliente', 'energia'].map((k) => expectedFor('deportes', k))).toEqual(['1435', '1435', '1435', '523550', '523530']);
    // The cane hauled to the mill is selling freight; the cane grower's inputs are the crop's cost.
    expect(['urea', 'labores_cana', 'tasa_agua', 'flete_cana'].map((k) => expectedFor('cana', k))).toEqual(['610530', '610530', '610530', '523550']);
    // Fixed assets: the dump truck 154008, the microscope 153215, the plotter 152805, machinery 1520.
    expect([expectedFor('tierras', 'volqueta'), expectedFor('colegio', 'microscopio'), expectedFor('ingenieria', 'plotter'), expectedFor('cafeteria', 'cafetera')]).toEqual(['154008', '153215', '152805', '1520']);
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp]);
    expect(lines.filter((l) => !/^(14|15|51|52|61)/.test(l.expected))).toEqual([]);
    expect(lines.filter((l) => l.expected === '1415' || l.expected === '154035')).toEqual([]);
  });

  it('only dairy and dietary supplements carry an expiry date next to the lot', () => {
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp, ...s.history.map((h) => ({ ...h, expected: h.account }))]);
    const dated = lines.filter((l) => / VTO \d{2}\/\d{4}/i.test(l.description));
    expect(dated.length).toBeGreaterThan(3);
    expect(dated.filter((l) => l.unspsc && !BLIND10_EXPIRY_CLASSES.test(l.unspsc))).toEqual([]);
    const dryLots = lines.filter((l) => / LOTE [A-Z]\d{5}/i.test(l.description) && l.unspsc && !BLIND10_EXPIRY_CLASSES.test(l.unspsc));
    expect(dryLots.length).toBeGreaterThan(0);
    expect(dryLots.filter((l) => / VTO /i.test(l.description))).toEqual([]);
    expect(BLIND10_EXPIRY_CLASSES.test('50131700')).toBe(true); // milk
    expect(BLIND10_EXPIRY_CLASSES.test('51191900')).toBe(true); // protein and creatine
    expect(BLIND10_EXPIRY_CLASSES.test('12191500')).toBe(false); // the paint plant's solvents
    expect(BLIND10_EXPIRY_CLASSES.test('10171700')).toBe(false); // the cane grower's herbicides
  });

  billingPeriodChecks(scenarios);
});
