import { describe, expect, it } from 'vitest';
import { COMPANIES47 } from '../fixtures/matching/blind47/companies';
import { BLIND47_EXPIRY_CLASSES, buildBlind47Scenarios } from '../fixtures/matching/blind47/scenarios';
import { PRODUCT47_BY_KEY } from '../fixtures/matching/blind47/vocabulary';
import { billingPeriodChecks, blindSetChecks } from './blind-set-checks';

/**
 * The «a ciegas 47» benchmark set (issue #13): the checks every blind set passes (blind-set-checks.ts), its own
 * policy, its expiry rule (medicines, medical and dental supplies, food and drink, cosmetics and pesticides carry
 * «VTO mm/aaaa») and its billing periods, which end on the month's real last day.
 */
describe('«a ciegas 47» benchmark set', () => {
  const scenarios = blindSetChecks(buildBlind47Scenarios, COMPANIES47, PRODUCT47_BY_KEY);
  const expectedFor = (company: string, key: string) => COMPANIES47.find((c) => c.key === company)!.policy[PRODUCT47_BY_KEY.get(key)!.role];

  it('the same part or oil goes where the buyer\'s activity sends it', () => {
    // Brake parts and oil: merchandise for the store, the workshop's cost per work order, the trucking company's cost.
    expect(['pastillas_freno', 'filtros', 'aceite_motor', 'baterias', 'lujos', 'flete_repuestos', 'bolsas_autopartes'].map((k) => expectedFor('autopartes', k))).toEqual(['1435', '1435', '1435', '1435', '1435', '1435', '1460']);
    expect(['repuestos_ot', 'aceite_granel', 'pintura_auto', 'rectificadora', 'aceite_usado', 'energia'].map((k) => expectedFor('taller', k))).toEqual(Array(6).fill('613504'));
    expect(['acpm', 'llantas', 'peajes', 'mtto_flota', 'repuestos_flota', 'rastreo_gps'].map((k) => expectedFor('carga', k))).toEqual(Array(6).fill('614505'));
    // The office car's gasoline is admin everywhere, the store's own fuel in its selling variant.
    expect(['carga', 'hortalizas'].map((c) => expectedFor(c, 'gasolina'))).toEqual(['519535', '519535']);
    expect(expectedFor('autopartes', 'gasolina')).toBe('529535');
    expect(['energia', 'acueducto'].map((k) => expectedFor('carga', k))).toEqual(['513530', '513525']);
    // The legal work clothes stay a labour benefit (510551), whoever wears them.
    expect(['taller', 'carga', 'hortalizas', 'odonto', 'hotel'].map((c) => expectedFor(c, 'dotacion'))).toEqual(Array(5).fill('510551'));
  });

  it('what is consumed in rendering the service is cost, whatever its name suggests elsewhere', () => {
    // The hotel: amenities, laundry, room TV, housekeeping, power, water and the guests' wifi are the room sold; breakfast is stock.
    expect(['amenities', 'lavanderia', 'tv_habitaciones', 'limpiador', 'papel_higienico', 'energia', 'acueducto', 'internet'].map((k) => expectedFor('hotel', k))).toEqual(Array(8).fill('614005'));
    expect(['insumos_desayuno', 'cafe_restaurante', 'minibar', 'comision_ota', 'plan_celular', 'dotacion'].map((k) => expectedFor('hotel', k))).toEqual(['1405', '1405', '1435', '529505', '513535', '510551']);
    // Elsewhere the same cleaning supplies are admin.
    expect(['taller', 'agencia', 'odonto'].map((c) => expectedFor(c, 'limpiador'))).toEqual(['519525', '519525', '519525']);
    // The agency: media, print, production and the creative suite are the campaigns; its own books stay admin.
    expect(['compra_medios', 'impresion_pop', 'produccion_video', 'fotografia', 'diseno_freelance', 'suite_creativa'].map((k) => expectedFor('agencia', k))).toEqual(Array(6).fill('615555'));
    expect(['software_contable', 'abogado', 'energia'].map((k) => expectedFor('agencia', k))).toEqual(['513520', '511025', '513530']);
    // The software house: subcontracted work is cost, its own cloud is admin (accounting-co.md worked example 2).
    expect(['desarrollo_externo', 'pruebas_qa', 'diseno_ux', 'licencia_entregable'].map((k) => expectedFor('software', k))).toEqual(Array(4).fill('615530'));
    expect(['nube_propia', 'software_contable', 'energia'].map((k) => expectedFor('software', k))).toEqual(['513520', '513520', '513530']);
    // The dental clinic: gloves are the treatment, the staff's uniforms are dotación.
    expect(['resinas', 'anestesia', 'bioseguridad', 'desechables_odonto', 'laboratorio_dental', 'radiografias', 'residuos_bio', 'energia'].map((k) => expectedFor('odonto', k))).toEqual(Array(8).fill('616515'));
    expect(['dotacion', 'arriendo_sede'].map((k) => expectedFor('odonto', k))).toEqual(['510551', '512010']);
  });

  it('manufacturers and the farm stock what goes into the product and cost what is used up making it', () => {
    expect(['telas', 'hilos', 'insumos_confeccion', 'flete_telas', 'empaque_prendas', 'maquila_satelite', 'estampado', 'agujas_repuestos', 'mtto_maquinas', 'energia'].map((k) => expectedFor('confeccion', k))).toEqual(['1405', '1405', '1405', '1405', '1460', '612027', '612027', '612027', '612027', '612027']);
    expect(['semilla_papa', 'semilla_hortaliza', 'fertilizante', 'agroquimicos', 'costales', 'preparacion_suelo', 'fumigacion', 'asistencia_agronomica', 'cosecha_contratista', 'energia'].map((k) => expectedFor('hortalizas', k))).toEqual(['1405', '1405', '1405', '1405', '1460', '610510', '610510', '610510', '610510', '610510']);
    // Outbound freight is a selling expense; inbound freight is part of what it brings.
    expect(expectedFor('hortalizas', 'flete_cosecha')).toBe('523550');
    expect(expectedFor('drogueria', 'domicilios')).toBe('523550');
  });

  it('the drugstore resells medicines and cosmetics and uses the selling variant for the rest', () => {
    expect(['analgesicos', 'antibioticos', 'antigripales', 'cosmeticos', 'cuidado_oral', 'bolsas_farmacia', 'comision_app'].map((k) => expectedFor('drogueria', k))).toEqual(['1435', '1435', '1435', '1435', '1435', '1460', '529505']);
    expect(['energia', 'acueducto', 'arriendo_sede', 'contabilidad', 'resma', 'limpiador', 'software_contable', 'vigilancia_sede'].map((k) => expectedFor('drogueria', k))).toEqual(['523530', '523525', '522010', '521030', '529530', '529525', '523520', '523505']);
  });

  it('fixed assets by class, stock keepers and the early-mistakes companies', () => {
    expect(expectedFor('hotel', 'equipo_habitacion')).toBe('153605');
    expect(expectedFor('hotel', 'equipo_cocina')).toBe('153610');
    expect(expectedFor('odonto', 'equipo_odonto')).toBe('153210');
    expect(['equipo_taller', 'equipo_patio', 'motobomba', 'maquina_coser', 'nevera_farmacia'].map((k) => PRODUCT47_BY_KEY.get(k)!.role)).toEqual(Array(5).fill('maquinaria'));
    expect(COMPANIES47.every((c) => c.policy.maquinaria === '1520')).toBe(true);
    expect(expectedFor('autopartes', 'estanteria')).toBe('152405');
    expect(expectedFor('software', 'portatil')).toBe('152805');
    const stocked = COMPANIES47.filter((c) => Object.values(c.policy).some((a) => a!.startsWith('14'))).map((c) => c.key);
    expect(stocked.sort()).toEqual(['autopartes', 'confeccion', 'drogueria', 'hortalizas', 'hotel']);
    expect(COMPANIES47.filter((c) => c.inventory === 'perpetual').map((c) => c.key).sort()).toEqual(stocked);
    const early = COMPANIES47.filter((c) => c.earlyMistakes);
    expect(early.map((c) => c.key).sort()).toEqual(['confeccion', 'odonto', 'taller']);
    expect(early.some((c) => c.inventory === 'perpetual') && early.some((c) => c.inventory === 'none')).toBe(true);
    expect(COMPANIES47.map((c) => c.ciiu).sort()).toEqual(['0113', '1410', '4520', '4530', '4773', '4923', '5511', '6201', '7310', '8622']);
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp]);
    expect(lines.filter((l) => !/^(14|15|51|52|61)/.test(l.expected))).toEqual([]);
  });

  it('the corrections people made go from a plausible wrong account to the policy one', () => {
    const corrections = COMPANIES47.flatMap((c) => c.corrections.map((k) => `${c.key}:${k.product}:${k.wrong}->${c.policy[PRODUCT47_BY_KEY.get(k.product)!.role]}`));
    expect(corrections).toEqual([
      'autopartes:aceite_motor:529535->1435',
      'autopartes:flete_repuestos:523550->1435',
      'taller:repuestos_ot:1435->613504',
      'taller:aceite_granel:519535->613504',
      'hotel:amenities:519525->614005',
      'hotel:lavanderia:513505->614005',
      'agencia:compra_medios:523560->615555',
      'agencia:impresion_pop:519530->615555',
      'software:desarrollo_externo:511035->615530',
      'software:pruebas_qa:513515->615530',
      'carga:acpm:519535->614505',
      'carga:mtto_flota:514540->614505',
      'hortalizas:fertilizante:610510->1405',
      'hortalizas:flete_cosecha:1405->523550',
      'odonto:bioseguridad:510551->616515',
      'odonto:residuos_bio:513505->616515',
      'confeccion:maquila_satelite:513510->612027',
      'confeccion:empaque_prendas:519530->1460',
      'drogueria:cosmeticos:529525->1435',
      'drogueria:bolsas_farmacia:529540->1460',
    ]);
  });

  it('only medicines, medical supplies, food, cosmetics and pesticides carry an expiry date next to the lot', () => {
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp, ...s.history.map((h) => ({ ...h, expected: h.account }))]);
    const dated = lines.filter((l) => / VTO \d{2}\/\d{4}/i.test(l.description));
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.filter((l) => l.unspsc && !BLIND47_EXPIRY_CLASSES.test(l.unspsc))).toEqual([]);
    const dryLots = lines.filter((l) => / LOTE [A-Z]\d{5}/i.test(l.description) && l.unspsc && !BLIND47_EXPIRY_CLASSES.test(l.unspsc));
    expect(dryLots.length).toBeGreaterThan(0);
    expect(dryLots.filter((l) => / VTO /i.test(l.description))).toEqual([]);
    expect(BLIND47_EXPIRY_CLASSES.test('51142000')).toBe(true); // analgesics
    expect(BLIND47_EXPIRY_CLASSES.test('42132200')).toBe(true); // gloves
    expect(BLIND47_EXPIRY_CLASSES.test('53131600')).toBe(true); // cosmetics
    expect(BLIND47_EXPIRY_CLASSES.test('10191500')).toBe(true); // pesticides
    expect(BLIND47_EXPIRY_CLASSES.test('15121500')).toBe(false); // motor oil
    expect(BLIND47_EXPIRY_CLASSES.test('10171600')).toBe(false); // fertiliser
    expect(BLIND47_EXPIRY_CLASSES.test('11161700')).toBe(false); // cotton fabric
  });

  billingPeriodChecks(scenarios);
});
