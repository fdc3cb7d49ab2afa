import { describe, expect, it } from 'vitest';
import { COMPANIES33 } from '../fixtures/matching/blind33/companies';
import { BLIND33_EXPIRY_CLASSES, buildBlind33Scenarios } from '../fixtures/matching/blind33/scenarios';
import { PRODUCT33_BY_KEY } from '../fixtures/matching/blind33/vocabulary';
import { billingPeriodChecks, blindSetChecks } from './blind-set-checks';

/**
 * The «a ciegas 33» benchmark set (issue #13): the checks every blind set passes (blind-set-checks.ts), its own
 * policy, its expiry rule (food and drink, dyes and paints carry «VTO mm/aaaa») and its billing periods, which end on
 * the month's real last day.
 */
describe('«a ciegas 33» benchmark set', () => {
  const scenarios = blindSetChecks(buildBlind33Scenarios, COMPANIES33, PRODUCT33_BY_KEY);
  const expectedFor = (company: string, key: string) => COMPANIES33.find((c) => c.key === company)!.policy[PRODUCT33_BY_KEY.get(key)!.role];

  it('the same thing goes where the buyer\'s activity sends it, not where its name suggests', () => {
    // Each activity's cost lands in its own decree subcuenta.
    expect(['calderas', 'medios', 'frio', 'herramienta', 'trituradoras', 'rodante'].map((c) => expectedFor(c, 'energia'))).toEqual(['612060', '612095', '612065', '612065', '612065', '612081']);
    expect(['tren', 'edicion', 'financiera', 'divisas'].map((c) => expectedFor(c, 'energia'))).toEqual(Array(4).fill('513530'));
    // A brake shoe or a wheelset: stock for the plant that fits it to the wagons it sells, the train's operating cost.
    expect(['zapata_freno', 'rueda_ferroviaria'].map((k) => expectedFor('rodante', k))).toEqual(['1405', '1405']);
    expect(['zapata_freno', 'rueda_ferroviaria'].map((k) => expectedFor('tren', k))).toEqual(['614510', '614510']);
    // Fuel and oil: the train's diesel and engine oil are its cost; the machine-tool plant fills its presses with oil
    // (stock); the office car's gasoline is admin.
    expect(['acpm', 'aceite_motor', 'aseo_coches', 'uso_via', 'refrigerio_abordo', 'guianza', 'mtto_locomotora'].map((k) => expectedFor('tren', k))).toEqual(Array(7).fill('614510'));
    expect(expectedFor('herramienta', 'aceite_hidraulico')).toBe('1405');
    expect(expectedFor('herramienta', 'gasolina')).toBe('519535');
    expect(['comision_agencia', 'pauta'].map((k) => expectedFor('tren', k))).toEqual(['529505', '523560']);
    // Welding, gases, discs, inspection, sandblasting: the plant's cost in each plant's subcuenta.
    expect(['calderas', 'trituradoras', 'rodante'].map((c) => expectedFor(c, 'soldadura'))).toEqual(['612060', '612065', '612081']);
    expect(['calderas', 'rodante'].map((c) => expectedFor(c, 'ensayos_end'))).toEqual(['612060', '612081']);
    // Steel plate is stock in every plant that buys it.
    expect(['calderas', 'herramienta', 'trituradoras', 'rodante'].map((c) => expectedFor(c, 'lamina_acero'))).toEqual(Array(4).fill('1405'));
    // Manufacturers: what goes into the product is stock, what the product leaves in is 1460, what is used up is cost.
    expect(['lamina_caldera', 'tubo_caldera', 'refractario', 'quemador', 'valvulas_caldera', 'alquiler_grua', 'arenado'].map((k) => expectedFor('calderas', k))).toEqual(['1405', '1405', '1405', '1405', '1405', '612060', '612060']);
    expect(['policarbonato', 'tinte_grabable', 'target_plata', 'pvc_tarjetas', 'banda_magnetica', 'estuche', 'termoencogible', 'stamper', 'filtros_hepa', 'mtto_sala_limpia', 'nitrogeno'].map((k) => expectedFor('medios', k))).toEqual(['1405', '1405', '1405', '1405', '1405', '1460', '1460', '612095', '612095', '612095', '612095']);
    expect(['compresor_frio', 'panel_pur', 'tubo_cobre', 'refrigerante', 'guacal', 'soldadura_plata', 'montaje_frio', 'nitrogeno', 'flete_despacho'].map((k) => expectedFor('frio', k))).toEqual(['1405', '1405', '1405', '1405', '1460', '612065', '612065', '612065', '523550']);
    expect(['fundicion', 'hidraulica', 'control_cnc', 'guias_lineales', 'insertos', 'corte_laser', 'rectificado', 'pintura_polvo'].map((k) => expectedFor('herramienta', k))).toEqual(['1405', '1405', '1405', '1405', '612065', '612065', '612065', '612065']);
    // Freight: the steel brought in is stock, the crusher delivered is a selling expense — both from the same carrier.
    expect(['flete_lamina', 'flete_despacho', 'motor_electrico', 'mandibula', 'malla_criba'].map((k) => expectedFor('trituradoras', k))).toEqual(['1405', '523550', '1405', '1405', '1405']);
    const carrier = COMPANIES33.find((c) => c.key === 'trituradoras')!.suppliers.find((s) => s.products.includes('flete_lamina'))!;
    expect(carrier.products).toContain('flete_despacho');
    expect(['perfiles', 'enganche', 'pintura_ferroviaria'].map((k) => expectedFor('rodante', k))).toEqual(['1405', '1405', '1405']);
    // The publisher: what makes the editions is cost; its own office paper and advertising are not.
    expect(['impresion_offset', 'papel_edicion', 'diagramacion', 'correccion_estilo', 'fotografia', 'banco_imagenes', 'encuadernacion'].map((k) => expectedFor('edicion', k))).toEqual(Array(7).fill('612034'));
    expect(['resma', 'pauta'].map((k) => expectedFor('edicion', k))).toEqual(['519530', '523560']);
    // The finance company: 51xx as §4.3 K says, the dealers' commission is selling.
    expect(['centrales_riesgo', 'cobro_juridico', 'abogado', 'peritaje', 'registro_garantias', 'custodia_pagares', 'revisoria', 'comision_concesionario'].map((k) => expectedFor('financiera', k))).toEqual(['513595', '511025', '511025', '511020', '514015', '519555', '511010', '529505']);
    // The money changer: armoured car as security, bags used up, theft policy, compliance.
    expect(['transporte_valores', 'bolsas_seguridad', 'poliza_hurto', 'software_cambiario', 'listas_restrictivas', 'oficial_cumplimiento'].map((k) => expectedFor('divisas', k))).toEqual(['513505', '519540', '513035', '513520', '513595', '511095']);
    // Fixed assets by class.
    expect(['contadora_billetes', 'caja_fuerte', 'portatil'].map((k) => expectedFor('divisas', k))).toEqual(['152410', '152405', '152805']);
    expect(expectedFor('tren', 'radio_portatil')).toBe('152815');
    expect(['soldadora', 'roladora'].map((k) => expectedFor('calderas', k))).toEqual(['1520', '1520']);
    expect(expectedFor('edicion', 'guillotina')).toBe('1520');
    expect(expectedFor('financiera', 'archivador')).toBe('152405');
    // Who keeps stock: the six plants.
    const stocked = COMPANIES33.filter((c) => Object.values(c.policy).some((a) => a!.startsWith('14'))).map((c) => c.key);
    expect(stocked.sort()).toEqual(['calderas', 'frio', 'herramienta', 'medios', 'rodante', 'trituradoras']);
    expect(COMPANIES33.filter((c) => c.inventory === 'perpetual').map((c) => c.key).sort()).toEqual(stocked);
    expect(COMPANIES33.filter((c) => c.earlyMistakes).map((c) => c.key).sort()).toEqual(['divisas', 'medios', 'tren']);
    expect(COMPANIES33.map((c) => c.ciiu).sort()).toEqual(['2513', '2680', '2819', '2822', '2824', '3020', '4911', '5819', '6422', '6615']);
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp]);
    expect(lines.filter((l) => !/^(14|15|51|52|61)/.test(l.expected))).toEqual([]);
    // The finance company and the money changer never book to a 61xx cost.
    expect(scenarios.filter((s) => /^(financiera|divisas)/.test(s.company.key)).flatMap((s) => s.tests).filter((l) => l.expected.startsWith('61'))).toEqual([]);
  });

  it('food and drink, dyes and paints carry an expiry date next to the lot; nothing else does', () => {
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp, ...s.history.map((h) => ({ ...h, expected: h.account }))]);
    const dated = lines.filter((l) => / VTO \d{2}\/\d{4}/i.test(l.description));
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.filter((l) => l.unspsc && !BLIND33_EXPIRY_CLASSES.test(l.unspsc))).toEqual([]);
    const dryLots = lines.filter((l) => / LOTE [A-Z]\d{5}/i.test(l.description) && l.unspsc && !BLIND33_EXPIRY_CLASSES.test(l.unspsc));
    expect(dryLots.length).toBeGreaterThan(0);
    expect(dryLots.filter((l) => / VTO /i.test(l.description))).toEqual([]);
    expect(BLIND33_EXPIRY_CLASSES.test('23271800')).toBe(false); // welding rod
    expect(BLIND33_EXPIRY_CLASSES.test('12142100')).toBe(false); // refrigerant
    expect(BLIND33_EXPIRY_CLASSES.test('51101700')).toBe(false); // medicines: none bought in this set
    expect(BLIND33_EXPIRY_CLASSES.test('12171500')).toBe(true); // recording dye
    expect(BLIND33_EXPIRY_CLASSES.test('31211500')).toBe(true); // wagon paint
  });

  billingPeriodChecks(scenarios);
});
