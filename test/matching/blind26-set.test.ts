import { describe, expect, it } from 'vitest';
import { COMPANIES26 } from '../fixtures/matching/blind26/companies';
import { BLIND26_EXPIRY_CLASSES, buildBlind26Scenarios } from '../fixtures/matching/blind26/scenarios';
import { PRODUCT26_BY_KEY } from '../fixtures/matching/blind26/vocabulary';
import { billingPeriodChecks, blindSetChecks } from './blind-set-checks';

/**
 * The «a ciegas 26» benchmark set (issue #13): the checks every blind set passes (blind-set-checks.ts), its own
 * policy, its expiry rule (segment 50, food and drink, and family 1019, pesticides, carry «VTO mm/aaaa») and its
 * billing periods, which end on the month's real last day.
 */
describe('«a ciegas 26» benchmark set', () => {
  const scenarios = blindSetChecks(buildBlind26Scenarios, COMPANIES26, PRODUCT26_BY_KEY);
  const expectedFor = (company: string, key: string) => COMPANIES26.find((c) => c.key === company)!.policy[PRODUCT26_BY_KEY.get(key)!.role];

  it('the same thing goes where the buyer\'s activity sends it, not where its name suggests', () => {
    // Fuel: the grower's curing firewood and the railway's locomotive diesel are cost; the manager's gasoline is admin.
    expect(expectedFor('tabaco', 'lena_curado')).toBe('610545');
    expect(expectedFor('tren', 'acpm_locomotora')).toBe('614510');
    expect(expectedFor('tabaco', 'gasolina')).toBe('519535');
    // Oil and gas that go INTO the product are raw material, not lubricants or the gas bill.
    expect(expectedFor('trafos', 'aceite_dielectrico')).toBe('1405');
    expect(expectedFor('sidra', 'co2')).toBe('1405');
    // Gas used up making the product is the plant's cost.
    expect(expectedFor('tarjetas', 'nitrogeno')).toBe('612072');
    expect(expectedFor('astillero', 'gases_corte')).toBe('612080');
    // Labels and caps leave on the bottle: packaging stock, not advertising.
    expect(expectedFor('sidra', 'tapas_etiquetas')).toBe('1460');
    // The mine stocks its explosives, cyanide, balls and bits as materials; contract drilling and assays are the gold's cost.
    expect(['explosivos', 'cianuro', 'bolas_molino', 'brocas_mina', 'perforacion_contrato', 'ensayos_oro', 'alquiler_compresor', 'energia'].map((k) => expectedFor('oro', k))).toEqual(['1455', '1455', '1455', '1455', '611528', '611528', '611528', '611528']);
    // The used-car dealer: the cars are merchandise (not 154005), and reconditioning adds to their cost.
    expect(['vehiculo_usado', 'latoneria', 'alistamiento', 'llantas', 'energia', 'arriendo_sede', 'contabilidad', 'pauta_redes'].map((k) => expectedFor('usados', k))).toEqual(['1435', '1435', '1435', '1435', '523530', '522010', '521030', '523560']);
    // The post house: editing suites are the films' cost, its own ERP is admin.
    expect(['software_edicion', 'render_nube', 'discos_entrega', 'colorista'].map((k) => expectedFor('post', k))).toEqual(Array(4).fill('617015'));
    expect(['software_contable', 'monitor_referencia'].map((k) => expectedFor('post', k))).toEqual(['513520', '152805']);
    // The leasing company keeps the 2650 chart and its services in 51xx; the dealer's referral fee is selling.
    expect(['avaluo_bienes', 'cobro_cartera', 'consulta_centrales', 'gps_rastreo', 'seguro_bienes', 'autenticaciones', 'comision_referido'].map((k) => expectedFor('leasing', k))).toEqual(['511020', '511025', '513520', '513595', '513040', '514005', '529505']);
    // Manufacturers: what goes into the product is stock, what is used up making it is the plant's cost.
    expect(['te_granel', 'azucar', 'manzana_jugo', 'botellas', 'analisis_micro', 'quimico_cip', 'energia'].map((k) => expectedFor('sidra', k))).toEqual(['1405', '1405', '1405', '1460', '612016', '612016', '612016']);
    expect(['componentes_smd', 'pcb_desnuda', 'pasta_soldadura', 'bolsas_esd', 'stencil', 'mtto_pick_place'].map((k) => expectedFor('tarjetas', k))).toEqual(['1405', '1405', '1405', '1460', '612072', '612072']);
    expect(['acero_silicio', 'cobre_esmaltado', 'papel_aislante', 'bujes', 'guacales', 'ensayos_trafo', 'mtto_horno_secado'].map((k) => expectedFor('trafos', k))).toEqual(['1405', '1405', '1405', '1405', '1460', '612071', '612071']);
    expect(['lamina_naval', 'pintura_marina', 'fibra_resina', 'sandblasting', 'alquiler_grua', 'inspeccion_clase'].map((k) => expectedFor('astillero', k))).toEqual(['1405', '1405', '1405', '612080', '612080', '612080']);
    // The railway's office power is admin: the trains run on diesel.
    expect(['energia', 'mtto_locomotora', 'mtto_via', 'cargue_patio'].map((k) => expectedFor('tren', k))).toEqual(['513530', '614510', '614510', '614510']);
    // Fixed assets by class.
    expect(expectedFor('tren', 'radio_vhf')).toBe('152815');
    expect(expectedFor('leasing', 'planta_ip')).toBe('152810');
    const machines: [string, string][] = [['oro', 'molino_bolas'], ['sidra', 'tanque_fermentador'], ['tarjetas', 'horno_reflujo'], ['trafos', 'bobinadora'], ['astillero', 'soldadora'], ['usados', 'elevador'], ['tabaco', 'motobomba_riego']];
    expect(machines.map(([c, k]) => expectedFor(c, k))).toEqual(Array(machines.length).fill('1520'));
    // Who keeps stock: the mine, the four plants and the car lot.
    const stocked = COMPANIES26.filter((c) => Object.values(c.policy).some((a) => a!.startsWith('14'))).map((c) => c.key);
    expect(stocked.sort()).toEqual(['astillero', 'oro', 'sidra', 'tarjetas', 'trafos', 'usados']);
    expect(COMPANIES26.filter((c) => c.inventory === 'perpetual').map((c) => c.key).sort()).toEqual(stocked);
    expect(COMPANIES26.filter((c) => c.earlyMistakes).map((c) => c.key).sort()).toEqual(['astillero', 'post', 'tren']);
    expect(COMPANIES26.map((c) => c.ciiu).sort()).toEqual(['0114', '0722', '1102', '2610', '2711', '3011', '4512', '4912', '5912', '6491']);
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp]);
    expect(lines.filter((l) => !/^(14|15|51|52|61)/.test(l.expected))).toEqual([]);
    // No line of this set is a vehicle fixed asset: the dealer's cars are stock.
    expect(lines.filter((l) => l.expected.startsWith('1540'))).toEqual([]);
  });

  it('only segment 50 (food and drink) and family 1019 (pesticides) carry an expiry date next to the lot', () => {
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp, ...s.history.map((h) => ({ ...h, expected: h.account }))]);
    const dated = lines.filter((l) => / VTO \d{2}\/\d{4}/i.test(l.description));
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.filter((l) => l.unspsc && !BLIND26_EXPIRY_CLASSES.test(l.unspsc))).toEqual([]);
    const dryLots = lines.filter((l) => / LOTE [A-Z]\d{5}/i.test(l.description) && l.unspsc && !BLIND26_EXPIRY_CLASSES.test(l.unspsc));
    expect(dryLots.length).toBeGreaterThan(0);
    expect(dryLots.filter((l) => / VTO /i.test(l.description))).toEqual([]);
    expect(BLIND26_EXPIRY_CLASSES.test('15121500')).toBe(false); // dielectric oil
    expect(BLIND26_EXPIRY_CLASSES.test('51101700')).toBe(false); // medicines: none bought in this set
    expect(BLIND26_EXPIRY_CLASSES.test('10191500')).toBe(true); // the grower's pesticides
    expect(BLIND26_EXPIRY_CLASSES.test('10171600')).toBe(false); // fertiliser: no expiry on the sack
  });

  billingPeriodChecks(scenarios);
});
