import { describe, expect, it } from 'vitest';
import { COMPANIES52 } from '../fixtures/matching/blind52/companies';
import { BLIND52_EXPIRY_CLASSES, buildBlind52Scenarios } from '../fixtures/matching/blind52/scenarios';
import { PRODUCT52_BY_KEY } from '../fixtures/matching/blind52/vocabulary';
import { billingPeriodChecks, blindSetChecks } from './blind-set-checks';

/**
 * The «a ciegas 52» benchmark set (issue #13): the checks every blind set passes (blind-set-checks.ts), its own
 * policy, its expiry rule (food and drink, herbicides, pesticides and embalming supplies carry «VTO mm/aaaa») and its
 * billing periods, which end on the month's real last day.
 */
describe('«a ciegas 52» benchmark set', () => {
  const scenarios = blindSetChecks(buildBlind52Scenarios, COMPANIES52, PRODUCT52_BY_KEY);
  const expectedFor = (company: string, key: string) => COMPANIES52.find((c) => c.key === company)!.policy[PRODUCT52_BY_KEY.get(key)!.role];
  const all = (company: string, keys: string[]) => keys.map((k) => expectedFor(company, k));

  it('the same thing goes where the buyer\'s activity sends it, not where its name suggests', () => {
    // Staff and transport: the caterer's waiters and van are the event's cost, not temporales or selling freight.
    expect(all('catering', ['meseros', 'transporte_evento', 'gas_propano', 'alquiler_menaje', 'desengrasante'])).toEqual(Array(5).fill('614015'));
    expect(all('catering', ['energia', 'acueducto'])).toEqual(['513530', '513525']);
    // The electrical contractor: materials, crews, RETIE and scaffolding hire go to the works; its own staff costs stay admin.
    expect(all('electricos', ['cable', 'breakers', 'tablero', 'tuberia_conduit', 'luminarias', 'mano_obra_electrica', 'retie', 'andamio'])).toEqual(Array(8).fill('613015'));
    expect(all('electricos', ['dotacion_dielectrica', 'examen_ocupacional', 'curso_alturas', 'gasolina'])).toEqual(['510551', '510584', '510563', '519535']);
    // The letting agency: guarantees, authentications and appraisals of what it administers or brokers are its cost.
    expect(all('inmobiliaria', ['fianza_arriendo', 'notaria', 'avaluo_cliente', 'fotografia_inmueble', 'cerrajeria', 'estudio_arrendatario'])).toEqual(Array(6).fill('615510'));
    expect(all('inmobiliaria', ['portal_inmobiliario', 'abogado', 'arriendo_sede'])).toEqual(['523560', '511025', '512010']);
    // The forwarder: trucking and escorts it buys are the forwarding sold; its own office stays admin.
    expect(all('carga', ['flete_contenedor', 'gps_escolta', 'operacion_portuaria', 'naviera', 'bodegaje', 'estibadores', 'lavado_contenedor'])).toEqual(Array(7).fill('614550'));
    expect(all('carga', ['gasolina', 'energia', 'montacargas'])).toEqual(['519535', '513530', '154020']);
    // The dairy: milk and its collection route are stock, CIP chemicals and gas are the plant's cost, office cleaning is admin.
    expect(all('lacteos', ['leche_cruda', 'flete_leche', 'cuajo_cultivos', 'azucar_pulpas', 'envase_leche', 'caja_queso'])).toEqual(['1405', '1405', '1405', '1405', '1460', '1460']);
    expect(all('lacteos', ['quimico_cip', 'gas_natural', 'energia', 'analisis_leche', 'mtto_pasteurizador', 'limpiador'])).toEqual(['612005', '612005', '612005', '612005', '612005', '519525']);
    // The funeral home: coffins and urns are stock; the wake rooms' coffee and the hearses' fuel are the service; its own ads are selling.
    expect(all('funeraria', ['cofre', 'urna', 'fluido_embalsamar', 'cremacion', 'nota_necrologica', 'cuna_radial'])).toEqual(['1435', '1435', '617060', '617060', '617060', '523560']);
    expect(all('funeraria', ['cafe', 'vasos', 'gasolina', 'limpiador'])).toEqual(['617060', '617060', '617060', '519525']);
    // Stores: merchandise with its inbound freight, bags to 1460, the rest (music included) in the selling variant.
    expect(all('licores', ['aguardiente', 'cerveza', 'cigarrillos', 'hielo', 'gaseosas', 'bolsa_regalo', 'musica_ambiental', 'energia', 'software_contable'])).toEqual(['1435', '1435', '1435', '1435', '1435', '1460', '529515', '523530', '523520']);
    expect(all('ropa', ['jeans', 'bolsos', 'flete_mercancia', 'bolsas_tienda', 'musica_ambiental', 'arriendo_sede', 'contabilidad'])).toEqual(['1435', '1435', '1435', '1460', '529515', '522010', '521030']);
    // The wholesaler: what it resells and what brings it in is stock; delivering to clients is selling freight.
    expect(all('maquinaria', ['motobomba', 'guadana_reventa', 'agencia_aduanas', 'flete_importacion', 'guacal', 'envio_cliente', 'comision_vendedor'])).toEqual(['1435', '1435', '1435', '1435', '1460', '523550', '529505']);
    // The cacao farm: inputs and crews are the crop, the freight to the buyer is selling.
    expect(all('cacao', ['abono', 'fungicida', 'plantulas_cacao', 'cosecha_poda', 'costales', 'asistencia_agronomica', 'gasolina', 'energia'])).toEqual(Array(8).fill('610515'));
    expect(all('cacao', ['flete_cacao', 'dotacion'])).toEqual(['523550', '510551']);
    // A machine is stock for the wholesaler and a fixed asset for the farm.
    expect([expectedFor('maquinaria', 'guadana_reventa'), expectedFor('cacao', 'guadana')]).toEqual(['1435', '1520']);
    expect(PRODUCT52_BY_KEY.get('guadana_reventa')!.durable).toBeUndefined();
    // Fixed assets by class.
    expect(all('maquinaria', ['montacargas', 'rack_bodega'])).toEqual(['154020', '152405']);
    expect(expectedFor('catering', 'calentador_buffet')).toBe('153610');
    expect(all('funeraria', ['mesa_tanatopraxia', 'carro_portaferetro'])).toEqual(['153295', '1520']);
    expect(all('licores', ['nevera_exhibidora', 'estanteria_licores', 'impresora'])).toEqual(['1520', '152405', '152805']);
    // Who keeps stock: the two stores, the caterer, the dairy, the funeral home and the wholesaler.
    const stocked = COMPANIES52.filter((c) => Object.values(c.policy).some((a) => a!.startsWith('14'))).map((c) => c.key);
    expect(stocked.sort()).toEqual(['catering', 'funeraria', 'lacteos', 'licores', 'maquinaria', 'ropa']);
    expect(COMPANIES52.filter((c) => c.inventory === 'perpetual').map((c) => c.key).sort()).toEqual(stocked);
    // Early mistakes: one company with stock, two without.
    expect(COMPANIES52.filter((c) => c.earlyMistakes).map((c) => [c.key, c.inventory])).toEqual([['electricos', 'none'], ['lacteos', 'perpetual'], ['cacao', 'none']]);
    expect(COMPANIES52.map((c) => c.ciiu).sort()).toEqual(['0127', '1040', '4321', '4659', '4724', '4771', '5229', '5621', '6820', '9603']);
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp]);
    expect(lines.filter((l) => !/^(14|15|51|52|61)/.test(l.expected))).toEqual([]);
  });

  it('the corrections people made move a line to the account its activity asks for', () => {
    const moved = COMPANIES52.flatMap((c) => c.corrections.map((k) => `${c.key}:${k.product}:${k.wrong}→${expectedFor(c.key, k.product)}`));
    expect(moved).toEqual([
      'licores:hielo:529525→1435',
      'licores:bolsa_regalo:529540→1460',
      'catering:meseros:513510→614015',
      'catering:transporte_evento:523550→614015',
      'electricos:mano_obra_electrica:513515→613015',
      'electricos:retie:511035→613015',
      'inmobiliaria:fianza_arriendo:513095→615510',
      'inmobiliaria:notaria:514005→615510',
      'carga:flete_contenedor:523550→614550',
      'carga:gps_escolta:513505→614550',
      'lacteos:quimico_cip:519525→612005',
      'lacteos:flete_leche:513550→1405',
      'funeraria:cremacion:519595→617060',
      'funeraria:cofre:617060→1435',
      'ropa:flete_mercancia:523550→1435',
      'ropa:musica_ambiental:519515→529515',
      'maquinaria:agencia_aduanas:514020→1435',
      'maquinaria:envio_cliente:1435→523550',
      'cacao:abono:1405→610515',
      'cacao:costales:519540→610515',
    ]);
  });

  it('food and drink, agrochemicals and embalming supplies carry an expiry date next to the lot; nothing else does', () => {
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp, ...s.history.map((h) => ({ ...h, expected: h.account }))]);
    const dated = lines.filter((l) => / VTO \d{2}\/\d{4}/i.test(l.description));
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.filter((l) => l.unspsc && !BLIND52_EXPIRY_CLASSES.test(l.unspsc))).toEqual([]);
    const dryLots = lines.filter((l) => / LOTE [A-Z]\d{5}/i.test(l.description) && l.unspsc && !BLIND52_EXPIRY_CLASSES.test(l.unspsc));
    expect(dryLots.length).toBeGreaterThan(0);
    expect(dryLots.filter((l) => / VTO /i.test(l.description))).toEqual([]);
    expect(BLIND52_EXPIRY_CLASSES.test('50202200')).toBe(true); // liquor
    expect(BLIND52_EXPIRY_CLASSES.test('10191500')).toBe(true); // the farm's fungicide
    expect(BLIND52_EXPIRY_CLASSES.test('42262000')).toBe(true); // embalming fluid
    expect(BLIND52_EXPIRY_CLASSES.test('42262100')).toBe(false); // coffins and urns
    expect(BLIND52_EXPIRY_CLASSES.test('10171600')).toBe(false); // fertiliser
    expect(BLIND52_EXPIRY_CLASSES.test('51101800')).toBe(false); // medicines: none bought in this set
  });

  billingPeriodChecks(scenarios);
});
