import { describe, expect, it } from 'vitest';
import { COMPANIES32 } from '../fixtures/matching/blind32/companies';
import { BLIND32_EXPIRY_CLASSES, buildBlind32Scenarios } from '../fixtures/matching/blind32/scenarios';
import { PRODUCT32_BY_KEY } from '../fixtures/matching/blind32/vocabulary';
import { billingPeriodChecks, blindSetChecks } from './blind-set-checks';

/**
 * The «a ciegas 32» benchmark set (issue #13): the checks every blind set passes (blind-set-checks.ts), its own
 * policy, its expiry rule (only segment 50, food and drink, carries «VTO mm/aaaa») and its billing periods, which end
 * on the month's real last day.
 */
describe('«a ciegas 32» benchmark set', () => {
  const scenarios = blindSetChecks(buildBlind32Scenarios, COMPANIES32, PRODUCT32_BY_KEY);
  const expectedFor = (company: string, key: string) => COMPANIES32.find((c) => c.key === company)!.policy[PRODUCT32_BY_KEY.get(key)!.role];

  it('what is consumed producing the good or the service sold is cost, whatever its name suggests elsewhere', () => {
    // Explosives and diesel: the copper mine's blasts and scoops are its cost, not «pólvora» or admin fuel.
    expect(['explosivos', 'acpm_mina', 'avance_galeria', 'ensayos_cobre', 'energia'].map((k) => expectedFor('cobre', k))).toEqual(Array(5).fill('611520'));
    // The quarry's station sells it ACPM for the pit and gasoline for the manager's pickup: cost and admin.
    expect(['acpm_mina', 'gasolina', 'alquiler_maquinaria'].map((k) => expectedFor('fosfato', k))).toEqual(['611530', '519535', '611530']);
    expect(['voladura_cantera', 'analisis_p2o5', 'monitoreo_ambiental', 'energia'].map((k) => expectedFor('fosfato', k))).toEqual(Array(4).fill('611530'));
    // Refractories repair the coke ovens; chrome, laser cutting and machining by maquila are the plants' cost.
    expect(['ladrillo_refractario', 'mortero_refractario', 'reparacion_hornos', 'analisis_carbon'].map((k) => expectedFor('coque', k))).toEqual(Array(4).fill('612038'));
    expect(['vapor', 'nitrogeno', 'ensayos_mooney', 'tratamiento_efluentes', 'energia'].map((k) => expectedFor('caucho', k))).toEqual(Array(5).fill('612042'));
    expect(['corte_laser', 'gases_soldadura', 'pruebas_tablero'].map((k) => expectedFor('tableros', k))).toEqual(Array(3).fill('612071'));
    expect(['cromado', 'insertos'].map((k) => expectedFor('hidraulica', k))).toEqual(['612065', '612065']);
    expect(['mecanizado', 'pintura_maquila'].map((k) => expectedFor('textilmaq', k))).toEqual(['612065', '612065']);
    // The airline: fuel, handling, airport and navigation charges, line maintenance and pallet film fly the cargo sold.
    expect(['jet_fuel', 'handling', 'tasas_aeroportuarias', 'navegacion', 'mro', 'insumos_paletizado'].map((k) => expectedFor('carga', k))).toEqual(Array(6).fill('614520'));
    expect(['energia', 'comision_agente', 'arriendo_sede'].map((k) => expectedFor('carga', k))).toEqual(['513530', '529505', '512010']);
  });

  it('wear parts are stock where there is a warehouse and cost where there is none', () => {
    expect(['bolas_molienda', 'brocas', 'reactivos', 'repuestos_trituradora'].map((k) => expectedFor('cobre', k))).toEqual(Array(4).fill('1455'));
    expect(expectedFor('fosfato', 'repuestos_trituradora')).toBe('611530');
    expect(['repuestos_aero', 'aceite_jet'].map((k) => expectedFor('carga', k))).toEqual(['1455', '1455']);
  });

  it('what goes into the product, with the cost of bringing it in, is stock; outbound freight is selling', () => {
    expect(['carbon_coquizable', 'flete_carbon', 'lonas_coque', 'flete_coque'].map((k) => expectedFor('coque', k))).toEqual(['1405', '1405', '1460', '523550']);
    expect(['estireno', 'butadieno', 'emulsificante', 'catalizador', 'antioxidante', 'agencia_aduanas', 'pelicula_pacas', 'cajas_octabin'].map((k) => expectedFor('caucho', k))).toEqual([...Array(6).fill('1405'), '1460', '1460']);
    // Breakers are built into the boards: raw material, not goods for resale.
    expect(['lamina_cold', 'barra_cobre', 'breakers', 'cable_control', 'pintura_polvo', 'guacales', 'flete_tableros'].map((k) => expectedFor('tableros', k))).toEqual([...Array(5).fill('1405'), '1460', '523550']);
    // Each power pack leaves full of hydraulic oil: raw material, not admin lubricants.
    expect(['tubo_honeado', 'barra_cromada', 'sellos', 'bomba_engranajes', 'motor_electrico', 'aceite_hidraulico', 'cajas_madera'].map((k) => expectedFor('hidraulica', k))).toEqual([...Array(6).fill('1405'), '1460']);
    // Heating elements are built into the presses: raw material, not spares.
    expect(['perfil_acero', 'lamina_aluminio', 'resistencias', 'controlador_temp', 'motorreductor', 'banda_teflon', 'guacales', 'flete_maquinas'].map((k) => expectedFor('textilmaq', k))).toEqual([...Array(6).fill('1405'), '1460', '523550']);
    expect(['big_bags', 'flete_concentrado'].map((k) => expectedFor('cobre', k))).toEqual(['1460', '523550']);
    expect(expectedFor('fosfato', 'flete_roca')).toBe('523550');
  });

  it('the vending operator resells, prepares and sells in the selling variant', () => {
    expect(['snacks', 'chocolatinas', 'bebidas_frias', 'premezcla', 'vasos'].map((k) => expectedFor('vending', k))).toEqual(['1435', '1435', '1435', '1405', '1460']);
    expect(['arriendo_punto', 'arriendo_sede', 'mtto_maquinas', 'telemetria', 'combustible_ruta', 'energia', 'contabilidad', 'resma'].map((k) => expectedFor('vending', k))).toEqual(['522010', '522010', '524515', '523535', '529535', '523530', '521030', '529530']);
    expect(expectedFor('vending', 'maquina_expendedora')).toBe('1520');
  });

  it('the employees\' fund has no cost of sales: administration and the payment gateway\'s financial commission', () => {
    expect(['revisoria', 'contabilidad', 'software_financiero', 'centrales', 'afiliacion_gremio', 'comision_recaudo', 'oficial_cumplimiento', 'abogado_cobro', 'pagares', 'mensajeria'].map((k) => expectedFor('fondo', k))).toEqual(['511010', '511030', '513520', '513595', '512510', '530515', '511095', '511025', '519530', '513540']);
    const fund = scenarios.filter((s) => s.company.key.startsWith('fondo')).flatMap((s) => [...s.tests, ...s.warmUp]);
    expect(fund.length).toBeGreaterThan(100);
    expect(fund.filter((l) => !/^(15|51|53)/.test(l.expected))).toEqual([]);
  });

  it('fixed assets by class, who keeps stock and who makes early mistakes', () => {
    expect(['bomba_desague', 'ventilador_mina'].map((k) => expectedFor('cobre', k))).toEqual(['1520', '1520']);
    expect(expectedFor('fosfato', 'camioneta')).toBe('154005');
    expect(['montacargas', 'dolly', 'portatil'].map((k) => expectedFor('carga', k))).toEqual(['154020', '154040', '152805']);
    expect(['silla', 'impresora'].map((k) => expectedFor('fondo', k))).toEqual(['152405', '152805']);
    const stocked = COMPANIES32.filter((c) => Object.values(c.policy).some((a) => a!.startsWith('14'))).map((c) => c.key);
    expect(stocked.sort()).toEqual(['carga', 'caucho', 'cobre', 'coque', 'hidraulica', 'tableros', 'textilmaq', 'vending']);
    expect(COMPANIES32.filter((c) => c.inventory === 'perpetual').map((c) => c.key).sort()).toEqual(stocked);
    expect(COMPANIES32.filter((c) => c.inventory === 'none').map((c) => c.key).sort()).toEqual(['fondo', 'fosfato']);
    expect(COMPANIES32.filter((c) => c.earlyMistakes).map((c) => c.key).sort()).toEqual(['carga', 'coque', 'fondo']);
    expect(COMPANIES32.map((c) => c.ciiu).sort()).toEqual(['0729', '0891', '1910', '2014', '2712', '2812', '2826', '4799', '5122', '6492']);
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp]);
    expect(lines.filter((l) => !/^(14|15|51|52|53|61)/.test(l.expected))).toEqual([]);
  });

  it('only segment 50 (food and drink) carries an expiry date next to the lot', () => {
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp, ...s.history.map((h) => ({ ...h, expected: h.account }))]);
    const dated = lines.filter((l) => / VTO \d{2}\/\d{4}/i.test(l.description));
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.filter((l) => l.unspsc && !BLIND32_EXPIRY_CLASSES.test(l.unspsc))).toEqual([]);
    const dryLots = lines.filter((l) => / LOTE [A-Z]\d{5}/i.test(l.description) && l.unspsc && !BLIND32_EXPIRY_CLASSES.test(l.unspsc));
    expect(dryLots.length).toBeGreaterThan(0);
    expect(dryLots.filter((l) => / VTO /i.test(l.description))).toEqual([]);
    expect(BLIND32_EXPIRY_CLASSES.test('12161500')).toBe(false); // flotation reagents
    expect(BLIND32_EXPIRY_CLASSES.test('51101700')).toBe(false); // medicines: none bought in this set
    expect(BLIND32_EXPIRY_CLASSES.test('50192100')).toBe(true); // the vending operator's snacks
  });

  billingPeriodChecks(scenarios);
});
