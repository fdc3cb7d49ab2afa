import { describe, expect, it } from 'vitest';
import { COMPANIES15 } from '../fixtures/matching/blind15/companies';
import { BLIND15_EXPIRY_CLASSES, buildBlind15Scenarios } from '../fixtures/matching/blind15/scenarios';
import { PRODUCT15_BY_KEY } from '../fixtures/matching/blind15/vocabulary';
import { billingPeriodChecks, blindSetChecks } from './blind-set-checks';

/**
 * The «a ciegas 15» benchmark set (issue #13): the checks every blind set passes (blind-set-checks.ts), its own
 * policy, its expiry rule (only segments 50, food, and 51, medicines, carry «VTO mm/aaaa») and its billing periods,
 * which end on the month's real last day.
 */
describe('«a ciegas 15» benchmark set', () => {
  const scenarios = blindSetChecks(buildBlind15Scenarios, COMPANIES15, PRODUCT15_BY_KEY);
  const expectedFor = (company: string, key: string) => COMPANIES15.find((c) => c.key === company)!.policy[PRODUCT15_BY_KEY.get(key)!.role];

  it('the same thing goes where the buyer\'s activity sends it, not where its name suggests', () => {
    // Diesel: the pit's excavators and the sawmill's yard are cost; the office car's gasoline is admin, even from the same station.
    expect(expectedFor('caolin', 'acpm_maquinaria')).toBe('611525');
    expect(expectedFor('aserrio', 'acpm_montacargas')).toBe('612032');
    expect(['caolin', 'aserrio', 'tanques'].map((c) => expectedFor(c, 'gasolina'))).toEqual(['519535', '519535', '519535']);
    // Music, software and power at the radio station: broadcast cost, not música ambiental, SaaS or the studio's bill.
    expect(['derechos_autor', 'streaming', 'energia_planta', 'arriendo_torre', 'locutor'].map((k) => expectedFor('emisora', k))).toEqual(Array(5).fill('617025'));
    expect(['energia', 'software_contable'].map((k) => expectedFor('emisora', k))).toEqual(['513530', '513520']);
    // The pet spa's shampoo and flea pipettes go on the customers' dogs: cost, not aseo or staff drugs.
    expect(['champu_canino', 'antipulgas', 'toallas_desechables', 'afilado_cuchillas'].map((k) => expectedFor('mascotas', k))).toEqual(Array(4).fill('617095'));
    expect(['limpiador', 'papel_higienico'].map((k) => expectedFor('mascotas', k))).toEqual(['519525', '519525']);
    // Manufacturers: what goes into the product is stock, what is used up making it is the plant's cost.
    expect(['madera_rolliza', 'inmunizante_cca', 'zuncho', 'hoja_sierra', 'afilado_sierras', 'energia'].map((k) => expectedFor('aserrio', k))).toEqual(['1405', '1405', '1460', '612032', '612032', '612032']);
    expect(['planta_seca', 'alcohol_etilico', 'excipientes', 'frasco_ambar', 'plegadiza_etiqueta', 'control_calidad', 'desechables_arealimpia'].map((k) => expectedFor('fitofarma', k))).toEqual(['1405', '1405', '1405', '1460', '1460', '612045', '612045']);
    expect(['lamina_abs', 'resina_fibra', 'pintura_auto', 'tornilleria_clips', 'caja_corrugada', 'cromado', 'lijas'].map((k) => expectedFor('autolujos', k))).toEqual(['1405', '1405', '1405', '1405', '1460', '612079', '612079']);
    // The kaolin pit stocks only its bags; the tank repairer stocks nothing: plate and paint go into the client's tank.
    expect(['lonas_pp', 'alquiler_retro', 'analisis_mineral', 'energia'].map((k) => expectedFor('caolin', k))).toEqual(['1460', '611525', '611525', '611525']);
    expect(['lamina_parche', 'electrodos', 'granalla', 'pintura_epoxica', 'alquiler_andamio'].map((k) => expectedFor('tanques', k))).toEqual(Array(5).fill('612062'));
    // The wholesaler: coffee and steers are merchandise, inbound freight and the auction commission add to them, the cattle truck out is selling freight.
    expect(['cafe_pergamino', 'novillos', 'flete_veredas', 'comision_subasta', 'costales_fique', 'flete_ganado', 'energia', 'contabilidad'].map((k) => expectedFor('cafeganado', k))).toEqual(['1435', '1435', '1435', '1435', '1460', '523550', '523530', '521030']);
    // The glamping: the stay's inputs are lodging cost, the booking platform's commission is a selling expense.
    expect(['lena', 'lavanderia', 'gas_duchas', 'desayunos'].map((k) => expectedFor('glamping', k))).toEqual(Array(4).fill('614010'));
    expect(expectedFor('glamping', 'comision_reservas')).toBe('529505');
    // The park resells snacks and drinks and books its own entertainment inputs to 617040.
    expect(['snacks', 'bebidas_venta', 'manillas', 'insumos_bolos', 'energia'].map((k) => expectedFor('parque', k))).toEqual(['1435', '1435', '617040', '617040', '617040']);
    // Fixed assets by class.
    expect(['transmisor', 'antena'].map((k) => expectedFor('emisora', k))).toEqual(['152815', '152820']);
    expect(expectedFor('fitofarma', 'balanza_analitica')).toBe('153215');
    expect(expectedFor('glamping', 'mobiliario_domo')).toBe('153605');
    expect(['compresor', 'trituradora'].map((k) => expectedFor('caolin', k))).toEqual(['1520', '1520']);
    // Who keeps stock: the four plants (the pit only its bags), the wholesaler and the park.
    const stocked = COMPANIES15.filter((c) => Object.values(c.policy).some((a) => a!.startsWith('14'))).map((c) => c.key);
    expect(stocked.sort()).toEqual(['aserrio', 'autolujos', 'cafeganado', 'caolin', 'fitofarma', 'parque']);
    expect(COMPANIES15.filter((c) => c.inventory === 'perpetual').map((c) => c.key).sort()).toEqual(stocked);
    expect(COMPANIES15.filter((c) => c.earlyMistakes).map((c) => c.key).sort()).toEqual(['autolujos', 'emisora', 'mascotas']);
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp]);
    expect(lines.filter((l) => !/^(14|15|51|52|61)/.test(l.expected))).toEqual([]);
  });

  it('only segments 50 (food) and 51 (medicines) carry an expiry date next to the lot', () => {
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp, ...s.history.map((h) => ({ ...h, expected: h.account }))]);
    const dated = lines.filter((l) => / VTO \d{2}\/\d{4}/i.test(l.description));
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.filter((l) => l.unspsc && !BLIND15_EXPIRY_CLASSES.test(l.unspsc))).toEqual([]);
    const dryLots = lines.filter((l) => / LOTE [A-Z]\d{5}/i.test(l.description) && l.unspsc && !BLIND15_EXPIRY_CLASSES.test(l.unspsc));
    expect(dryLots.length).toBeGreaterThan(0);
    expect(dryLots.filter((l) => / VTO /i.test(l.description))).toEqual([]);
    expect(BLIND15_EXPIRY_CLASSES.test('49211700')).toBe(false); // bowling lane oil
    expect(BLIND15_EXPIRY_CLASSES.test('51101700')).toBe(true); // flea pipettes
    expect(BLIND15_EXPIRY_CLASSES.test('50192100')).toBe(true); // snacks at the park
  });

  billingPeriodChecks(scenarios);
});
