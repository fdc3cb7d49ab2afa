import { describe, expect, it } from 'vitest';
import { COMPANIES46 } from '../fixtures/matching/blind46/companies';
import { BLIND46_EXPIRY_CLASSES, buildBlind46Scenarios } from '../fixtures/matching/blind46/scenarios';
import { PRODUCT46_BY_KEY } from '../fixtures/matching/blind46/vocabulary';
import { billingPeriodChecks, blindSetChecks } from './blind-set-checks';

/**
 * The «a ciegas 46» benchmark set (issue #13): the checks every blind set passes (blind-set-checks.ts), its own
 * policy, its expiry rule (only medical supplies and medicines, UNSPSC 42 and 51, carry «VTO mm/aaaa») and its billing
 * periods, which end on the month's real last day.
 */
describe('«a ciegas 46» benchmark set', () => {
  const scenarios = blindSetChecks(buildBlind46Scenarios, COMPANIES46, PRODUCT46_BY_KEY);
  const expectedFor = (company: string, key: string) => COMPANIES46.find((c) => c.key === company)!.policy[PRODUCT46_BY_KEY.get(key)!.role];

  it('the same thing goes where the buyer\'s activity sends it, not where its name suggests', () => {
    // Fuel: the buses' diesel is the trip's cost; the manager's petrol, from the same station, is admin.
    expect(['acpm', 'gasolina'].map((k) => expectedFor('transporte', k))).toEqual(['614505', '519535']);
    expect(['llantas', 'repuestos_bus', 'mtto_bus', 'lavado_bus', 'gps_flota', 'tasa_terminal'].map((k) => expectedFor('transporte', k))).toEqual(Array(6).fill('614505'));
    expect(expectedFor('transporte', 'energia')).toBe('513530');
    // What the kitchen burns is the restaurant's cost; its delivery platform's fee is a selling commission.
    expect(['carbon_vegetal', 'gas_cocina', 'lavanderia_manteles', 'energia', 'acueducto'].map((k) => expectedFor('restaurante', k))).toEqual(Array(5).fill('614015'));
    expect(['carnes', 'pollo', 'verduras', 'abarrotes_cocina', 'bebidas_reventa', 'contenedores_domicilio'].map((k) => expectedFor('restaurante', k))).toEqual(['1405', '1405', '1405', '1405', '1435', '1460']);
    expect(['comision_domicilios', 'musica_ambiental', 'arriendo_sede', 'estufa_industrial'].map((k) => expectedFor('restaurante', k))).toEqual(['529505', '519515', '512010', '153610']);
    // The bakery: ingredients and packaging are stock; gas, oven upkeep, trays and the plant's utilities are cost; its oven is machinery.
    expect(['harina', 'azucar', 'margarina', 'huevos', 'levadura', 'bolsas_pan', 'cajas_torta'].map((k) => expectedFor('panaderia', k))).toEqual(['1405', '1405', '1405', '1405', '1405', '1460', '1460']);
    expect(['gas_natural_horno', 'mtto_horno_pan', 'latas_moldes', 'energia', 'acueducto'].map((k) => expectedFor('panaderia', k))).toEqual(Array(5).fill('612009'));
    expect(['horno_rotatorio', 'amasadora'].map((k) => expectedFor('panaderia', k))).toEqual(['1520', '1520']);
    // The builder: materials and the services bought for the works are work in progress, not rent or the office's guards.
    expect(['cemento', 'acero_refuerzo', 'bloque_arcilla', 'concreto_premezclado', 'agregados', 'tuberia_pvc', 'pintura', 'alquiler_formaleta', 'mano_obra_mamposteria', 'vigilancia_obra', 'ensayos_concreto'].map((k) => expectedFor('constructora', k))).toEqual(Array(11).fill('1415'));
    expect(['energia', 'arriendo_sede', 'pauta_redes', 'mezcladora'].map((k) => expectedFor('constructora', k))).toEqual(['513530', '512010', '523560', '1520']);
    // The hardware store resells the same cement, pipe and paint, and uses the selling variant; its own shop's repainting is 525015.
    expect(['cemento', 'tuberia_pvc', 'pintura', 'disolvente', 'herramientas', 'tornilleria', 'cable_electrico', 'flete_mercancia', 'bolsas_ferreteria'].map((k) => expectedFor('ferreteria', k))).toEqual([...Array(8).fill('1435'), '1460']);
    expect(['pintura_local', 'energia', 'arriendo_sede', 'contabilidad', 'rollo_pos', 'software_pos', 'maquina_tintometrica'].map((k) => expectedFor('ferreteria', k))).toEqual(['525015', '523530', '522010', '521030', '529530', '523520', '1520']);
    // The supermarket: the detergent it resells is merchandise, the cleaner for its own floor (same distributor) is a selling expense.
    expect(['granos_reventa', 'lacteos_reventa', 'aseo_reventa', 'fruver_reventa', 'carnes_reventa', 'flete_mercancia', 'bolsas_super'].map((k) => expectedFor('supermercado', k))).toEqual([...Array(6).fill('1435'), '1460']);
    expect(['limpiador', 'vigilancia_sede', 'volantes', 'bascula', 'estanteria'].map((k) => expectedFor('supermercado', k))).toEqual(['529525', '523505', '523560', '1520', '152405']);
    // The accounting firm: associates and its clients' books software are the service sold, though a CIIU 6920 supplier is any other company's own accountant.
    expect(['contador_externo', 'auditor_campo', 'digitacion_nomina', 'software_multiempresa'].map((k) => expectedFor('contable', k))).toEqual(Array(4).fill('615550'));
    expect(['suscripcion_normativa', 'mensajeria', 'curso_niif', 'abogado'].map((k) => expectedFor('contable', k))).toEqual(['519510', '513540', '510563', '511025']);
    expect(['supermercado', 'restaurante', 'panaderia', 'medico'].map((c) => expectedFor(c, 'contabilidad'))).toEqual(['521030', '511030', '511030', '511030']);
    // The medical centre: supplies, specialists, waste and upkeep are the consultation's cost; lab tests sent out are laboratory cost; the staff's uniforms are dotación.
    expect(['guantes', 'jeringas', 'gasas', 'medicamentos_consultorio', 'desechables_paciente', 'honorarios_especialista', 'residuos_hospitalarios', 'mtto_biomedico'].map((k) => expectedFor('medico', k))).toEqual(Array(8).fill('616510'));
    expect(['examenes_laboratorio', 'dotacion_medica', 'curso_sst', 'camilla', 'tensiometro'].map((k) => expectedFor('medico', k))).toEqual(['616520', '510551', '510563', '153205', '153205']);
    // The salon: professional products and per-service workers are cost; what it sells over the counter is merchandise.
    expect(['tintes', 'keratina', 'esmaltes', 'toallas_desechables', 'lavanderia_toallas', 'servicio_manicurista'].map((k) => expectedFor('peluqueria', k))).toEqual(Array(6).fill('617055'));
    expect(['shampoo_reventa', 'cremas_reventa', 'musica_ambiental', 'sillon_peluqueria', 'lavacabezas'].map((k) => expectedFor('peluqueria', k))).toEqual(['1435', '1435', '519515', '152405', '152405']);
    // The kindergarten: what the children use and eat, their route and workshops are the schooling's cost; the office paper (same stationer) is admin.
    expect(['material_didactico', 'pinturas_escolares', 'juguetes_didacticos', 'refrigerios_ninos', 'ruta_escolar', 'psicologa', 'taller_musica'].map((k) => expectedFor('jardin', k))).toEqual(Array(7).fill('616005'));
    expect(['resma', 'limpiador', 'parque_infantil', 'mesa_infantil'].map((k) => expectedFor('jardin', k))).toEqual(['519530', '519525', '152405', '152405']);
    // Who keeps stock: the two retailers, the restaurant, the bakery, the builder (works in progress) and the salon.
    const stocked = COMPANIES46.filter((c) => Object.values(c.policy).some((a) => a!.startsWith('14'))).map((c) => c.key);
    expect(stocked.sort()).toEqual(['constructora', 'ferreteria', 'panaderia', 'peluqueria', 'restaurante', 'supermercado']);
    expect(COMPANIES46.filter((c) => c.inventory === 'perpetual').map((c) => c.key).sort()).toEqual(stocked);
    expect(COMPANIES46.filter((c) => c.earlyMistakes).map((c) => c.key).sort()).toEqual(['jardin', 'panaderia', 'transporte']);
    expect(COMPANIES46.map((c) => c.ciiu).sort()).toEqual(['1081', '4111', '4711', '4752', '4921', '5611', '6920', '8512', '8621', '9602']);
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp]);
    expect(lines.filter((l) => !/^(14|15|51|52|61)/.test(l.expected))).toEqual([]);
  });

  it('each correction in the books moves a line to the buyer\'s activity account', () => {
    const moves = COMPANIES46.flatMap((c) => c.corrections.map((k) => `${c.key}:${k.product}:${k.wrong}->${c.policy[PRODUCT46_BY_KEY.get(k.product)!.role]}`));
    expect(moves).toEqual([
      'supermercado:flete_mercancia:523550->1435',
      'supermercado:aseo_reventa:529525->1435',
      'restaurante:carbon_vegetal:519535->614015',
      'restaurante:comision_domicilios:513520->529505',
      'constructora:alquiler_formaleta:512015->1415',
      'constructora:vigilancia_obra:513505->1415',
      'contable:contador_externo:511030->615550',
      'contable:software_multiempresa:513520->615550',
      'medico:honorarios_especialista:511095->616510',
      'medico:residuos_hospitalarios:513505->616510',
      'transporte:acpm:519535->614505',
      'transporte:mtto_bus:514540->614505',
      'panaderia:gas_natural_horno:513555->612009',
      'panaderia:mtto_horno_pan:514515->612009',
      'peluqueria:servicio_manicurista:511095->617055',
      'peluqueria:cremas_reventa:617055->1435',
      'ferreteria:flete_mercancia:523550->1435',
      'ferreteria:herramientas:529595->1435',
      'jardin:refrigerios_ninos:519525->616005',
      'jardin:ruta_escolar:513550->616005',
    ]);
  });

  it('only medical supplies and medicines (UNSPSC 42 and 51) carry an expiry date next to the lot', () => {
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp, ...s.history.map((h) => ({ ...h, expected: h.account }))]);
    const dated = lines.filter((l) => / VTO \d{2}\/\d{4}/i.test(l.description));
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.filter((l) => l.unspsc && !BLIND46_EXPIRY_CLASSES.test(l.unspsc))).toEqual([]);
    const dryLots = lines.filter((l) => / LOTE [A-Z]\d{5}/i.test(l.description) && l.unspsc && !BLIND46_EXPIRY_CLASSES.test(l.unspsc));
    expect(dryLots.length).toBeGreaterThan(0);
    expect(dryLots.filter((l) => / VTO /i.test(l.description))).toEqual([]);
    // Fuel, produce, aggregates, ready-mix concrete, charcoal and gas cylinders are sold without a lot.
    const unlotted = ['acpm', 'gasolina', 'fruver_reventa', 'verduras', 'agregados', 'concreto_premezclado', 'carbon_vegetal', 'gas_cocina'];
    expect(unlotted.filter((k) => !PRODUCT46_BY_KEY.get(k)!.oneOff)).toEqual([]);
    expect(BLIND46_EXPIRY_CLASSES.test('42132200')).toBe(true); // gloves
    expect(BLIND46_EXPIRY_CLASSES.test('51142900')).toBe(true); // anaesthetics
    expect(BLIND46_EXPIRY_CLASSES.test('50131700')).toBe(false); // the supermarket's dairy
    expect(BLIND46_EXPIRY_CLASSES.test('41111500')).toBe(false); // the scale: no lab goods bought in this set
  });

  billingPeriodChecks(scenarios);
});
