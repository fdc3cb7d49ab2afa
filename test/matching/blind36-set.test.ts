import { describe, expect, it } from 'vitest';
import { COMPANIES36 } from '../fixtures/matching/blind36/companies';
import { BLIND36_EXPIRY_CLASSES, buildBlind36Scenarios } from '../fixtures/matching/blind36/scenarios';
import { PRODUCT36_BY_KEY } from '../fixtures/matching/blind36/vocabulary';
import { billingPeriodChecks, blindSetChecks } from './blind-set-checks';

/**
 * The «a ciegas 36» benchmark set (issue #13): the checks every blind set passes (blind-set-checks.ts), its own
 * policy, its expiry rule (agrochemicals, food additives, sugar and drinks carry «VTO mm/aaaa»; fruit, resin or shoes
 * never) and its billing periods, which end on the month's real last day.
 */
describe('«a ciegas 36» benchmark set', () => {
  const scenarios = blindSetChecks(buildBlind36Scenarios, COMPANIES36, PRODUCT36_BY_KEY);
  const expectedFor = (company: string, key: string) => COMPANIES36.find((c) => c.key === company)!.policy[PRODUCT36_BY_KEY.get(key)!.role];

  it('the same thing goes where the buyer\'s activity sends it, not where its name suggests', () => {
    // Security and cleaning: the airport's screening and terminal cleaning are the service sold; the extruder's guard is premises.
    expect(['avsec', 'aseo_terminal', 'control_fauna', 'pintura_demarcacion', 'balizas', 'espuma', 'mtto_bandas'].map((k) => expectedFor('aeropuerto', k))).toEqual(Array(7).fill('614540'));
    expect(expectedFor('plasticos', 'vigilancia_sede')).toBe('513505');
    expect(['energia', 'acueducto', 'cafe', 'software_contable'].map((k) => expectedFor('aeropuerto', k))).toEqual(['614540', '614540', '519525', '513520']);
    // Printing, paper and shipping: the testing firm's booklets, answer sheets and shipments are the test; its own paper and courier are admin.
    expect(['impresion_cuadernillos', 'hojas_respuesta', 'transporte_material', 'plataforma_pruebas', 'aplicadores', 'lectura_optica'].map((k) => expectedFor('evaluacion', k))).toEqual(Array(6).fill('616005'));
    expect(['resma', 'mensajeria', 'software_contable', 'energia'].map((k) => expectedFor('evaluacion', k))).toEqual(['519530', '513540', '513520', '513530']);
    // The race organiser: shirts, water, ambulance and rented stage are the race; its office coffee is admin.
    expect(['camisetas_kit', 'hidratacion', 'ambulancia', 'alquiler_vallas', 'medallas', 'chips_crono', 'dorsales'].map((k) => expectedFor('carreras', k))).toEqual(Array(7).fill('617040'));
    expect(['cafe', 'arriendo_sede', 'energia'].map((k) => expectedFor('carreras', k))).toEqual(['519525', '512010', '513530']);
    // Fuel and trimming: the utility's crew diesel and the tree trimming under its lines are distribution cost; the manager's gasoline is admin.
    expect(['acpm_cuadrillas', 'poda', 'rebobinado', 'materiales_red', 'cable_acsr', 'carro_canasta', 'termografia', 'lavado_aisladores'].map((k) => expectedFor('distribuidora', k))).toEqual(Array(8).fill('612505'));
    expect(['gasolina', 'energia', 'revisoria'].map((k) => expectedFor('distribuidora', k))).toEqual(['519535', '513530', '511010']);
    expect(expectedFor('distribuidora', 'transformador_dist')).toBe('155650');
    // Coal and gas: the lime kiln's coal is stocked raw material; the fruit plant's gas is process cost; the office car's gasoline is fuel.
    expect(['caliza', 'carbon', 'flete_caliza', 'sacos_cal', 'refractario', 'alquiler_cargador', 'energia', 'acueducto', 'gasolina'].map((k) => expectedFor('cal', k))).toEqual(['1405', '1405', '1405', '1460', '612053', '612053', '612053', '612053', '519535']);
    expect(['maracuya', 'azucar', 'aditivos', 'flete_fruta', 'bolsas_pulpa', 'cajas_congelado', 'gas_proceso', 'control_plagas', 'energia', 'acueducto', 'papel_higienico'].map((k) => expectedFor('frutas', k))).toEqual(['1405', '1405', '1405', '1405', '1460', '1460', '612003', '612003', '612003', '612003', '519525']);
    // The herb farm: agrochemicals are stocked, cuttings are planted on arrival, the truck to the airport carries sold herbs.
    expect(['fertilizante', 'plaguicida', 'sustrato', 'cajas_exportacion', 'clamshell', 'esquejes', 'cosecha', 'mtto_riego', 'energia', 'acueducto', 'flete_aeropuerto'].map((k) => expectedFor('aromaticas', k))).toEqual(['1405', '1405', '1405', '1460', '1460', '610515', '610515', '610515', '610515', '610515', '523550']);
    // The linen maker and the extruder: inputs stocked, what the line uses up is cost; the linen maker's water and rented bodega stay admin.
    expect(['tela_percal', 'tela_toalla', 'hilo', 'relleno', 'bolsas_lenceria', 'maquila_confeccion', 'agujas_repuestos', 'energia', 'acueducto', 'arriendo_sede'].map((k) => expectedFor('lenceria', k))).toEqual(['1405', '1405', '1405', '1405', '1460', '612022', '612022', '612022', '513525', '512010']);
    expect(['resina_pe', 'masterbatch', 'reciclado', 'tucos', 'estibas', 'mallas_filtro', 'husillo', 'molienda', 'energia', 'acueducto'].map((k) => expectedFor('plasticos', k))).toEqual(['1405', '1405', '1405', '1460', '1460', '612050', '612050', '612050', '612050', '612050']);
    // The shoe wholesaler: merchandise with its inbound freight, cartons to 1460, outbound freight and agents' commissions are selling, the rest in 52xx.
    expect(['zapato_dama', 'tenis', 'botas', 'sandalias', 'flete_calzado', 'cajas_despacho', 'despacho_clientes', 'comision_agentes', 'energia', 'arriendo_sede', 'contabilidad', 'software_contable'].map((k) => expectedFor('calzado', k))).toEqual(['1435', '1435', '1435', '1435', '1435', '1460', '523550', '529505', '523530', '522010', '521030', '523520']);
    // Fixed assets by class.
    expect(expectedFor('aeropuerto', 'radio_vhf')).toBe('152810');
    expect(['planta_emergencia', 'bascula', 'bobinadora', 'fileteadora', 'unidad_frio', 'motobomba', 'arco_inflable'].map((k) => PRODUCT36_BY_KEY.get(k)!.role)).toEqual(Array(7).fill('maquinaria'));
    expect(expectedFor('evaluacion', 'escaner_optico')).toBe('152805');
    expect(expectedFor('calzado', 'estanteria')).toBe('152405');
    // Who keeps stock: the farm, the four plants and the wholesaler; nobody else.
    const stocked = COMPANIES36.filter((c) => Object.values(c.policy).some((a) => a!.startsWith('14'))).map((c) => c.key);
    expect(stocked.sort()).toEqual(['aromaticas', 'cal', 'calzado', 'frutas', 'lenceria', 'plasticos']);
    expect(COMPANIES36.filter((c) => c.inventory === 'perpetual').map((c) => c.key).sort()).toEqual(stocked);
    expect(COMPANIES36.filter((c) => c.earlyMistakes).map((c) => c.key).sort()).toEqual(['aeropuerto', 'carreras', 'frutas']);
    expect(COMPANIES36.map((c) => c.ciiu).sort()).toEqual(['0128', '1020', '1392', '2221', '2394', '3513', '4643', '5223', '8560', '9319']);
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp]);
    expect(lines.filter((l) => !/^(14|15|51|52|61)/.test(l.expected))).toEqual([]);
    // No staff dotación is bought: for plant and crew staff it would be cost as much as 510551 (README).
    expect(COMPANIES36.flatMap((c) => c.suppliers.concat(c.newSuppliers)).filter((s) => s.products.includes('dotacion'))).toEqual([]);
  });

  it('the corrections people made move lines toward the activity\'s account', () => {
    const moves = COMPANIES36.flatMap((c) => c.corrections.map((k) => `${c.key}:${k.product}:${k.wrong}>${expectedFor(c.key, k.product)}`));
    expect(moves).toEqual([
      'aromaticas:fertilizante:610515>1405',
      'aromaticas:analisis_residuos:511035>610515',
      'frutas:gas_proceso:513555>612003',
      'frutas:bolsas_pulpa:519540>1460',
      'lenceria:maquila_confeccion:513595>612022',
      'lenceria:tela_toalla:1435>1405',
      'plasticos:tucos:1405>1460',
      'plasticos:mallas_filtro:519595>612050',
      'cal:carbon:519535>1405',
      'cal:mtto_molino:514515>612053',
      'distribuidora:poda:515010>612505',
      'distribuidora:rebobinado:514515>612505',
      'calzado:comision_agentes:520518>529505',
      'calzado:cajas_despacho:529540>1460',
      'aeropuerto:control_fauna:519595>614540',
      'aeropuerto:pintura_demarcacion:514510>614540',
      'evaluacion:impresion_cuadernillos:519530>616005',
      'evaluacion:transporte_material:513540>616005',
      'carreras:camisetas_kit:510551>617040',
      'carreras:hidratacion:519525>617040',
    ]);
  });

  it('only agrochemicals, food additives, sugar and drinks carry an expiry date next to the lot', () => {
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp, ...s.history.map((h) => ({ ...h, expected: h.account }))]);
    const dated = lines.filter((l) => / VTO \d{2}\/\d{4}/i.test(l.description));
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.filter((l) => l.unspsc && !BLIND36_EXPIRY_CLASSES.test(l.unspsc))).toEqual([]);
    const dryLots = lines.filter((l) => / LOTE [A-Z]\d{5}/i.test(l.description) && l.unspsc && !BLIND36_EXPIRY_CLASSES.test(l.unspsc));
    expect(dryLots.length).toBeGreaterThan(0);
    expect(dryLots.filter((l) => / VTO /i.test(l.description))).toEqual([]);
    expect(BLIND36_EXPIRY_CLASSES.test('10171600')).toBe(true); // fertiliser
    expect(BLIND36_EXPIRY_CLASSES.test('50202300')).toBe(true); // race hydration
    expect(BLIND36_EXPIRY_CLASSES.test('50305200')).toBe(false); // fresh passion fruit
    expect(BLIND36_EXPIRY_CLASSES.test('13111000')).toBe(false); // polyethylene resin
    expect(BLIND36_EXPIRY_CLASSES.test('10171800')).toBe(false); // peat substrate
    expect(BLIND36_EXPIRY_CLASSES.test('51101700')).toBe(false); // medicines: none bought in this set
  });

  billingPeriodChecks(scenarios);
});
