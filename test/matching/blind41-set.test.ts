import { describe, expect, it } from 'vitest';
import { COMPANIES41 } from '../fixtures/matching/blind41/companies';
import { BLIND41_EXPIRY_CLASSES, buildBlind41Scenarios } from '../fixtures/matching/blind41/scenarios';
import { PRODUCT41_BY_KEY } from '../fixtures/matching/blind41/vocabulary';
import { billingPeriodChecks, blindSetChecks } from './blind-set-checks';

/**
 * The «a ciegas 41» benchmark set (issue #13): the checks every blind set passes (blind-set-checks.ts), its own
 * policy, its expiry rule (medicines and vaccines, food and drink, and laboratory reagents carry «VTO mm/aaaa») and its
 * billing periods, which end on the month's real last day.
 */
describe('«a ciegas 41» benchmark set', () => {
  const scenarios = blindSetChecks(buildBlind41Scenarios, COMPANIES41, PRODUCT41_BY_KEY);
  const expectedFor = (company: string, key: string) => COMPANIES41.find((c) => c.key === company)!.policy[PRODUCT41_BY_KEY.get(key)!.role];

  it('the same thing goes where the buyer\'s activity sends it, not where its name suggests', () => {
    // Fuel: the inseminators' motorcycles and the spill crew's pumps burn it in the service sold; the implement plant's own pickup is admin.
    expect(expectedFor('ganaderia', 'gasolina')).toBe('610570');
    expect(expectedFor('saneamiento', 'acpm')).toBe('617005');
    expect(expectedFor('maquinaria', 'gasolina')).toBe('519535');
    // Gas: the kilns' natural gas is the ceramics workshop's cost, not «gas» of the office.
    expect(expectedFor('ceramica', 'gas_horno')).toBe('612052');
    // Internet, rent and power: the wireless provider resells the capacity and its towers and nodes carry it; its office stays admin.
    expect(['capacidad_ip', 'arriendo_torre', 'energia_nodo', 'mtto_red', 'instalaciones', 'materiales_red'].map((k) => expectedFor('telecom', k))).toEqual(Array(6).fill('614570'));
    expect(['energia', 'arriendo_sede', 'plan_celular', 'software_contable'].map((k) => expectedFor('telecom', k))).toEqual(['513530', '512010', '513535', '513520']);
    // Software and transport: the school's platforms and routes are the teaching sold; its own accounting subscription is admin.
    expect(['plataforma', 'transporte_escolar', 'material_artes', 'reactivos', 'salidas', 'textos'].map((k) => expectedFor('colegio', k))).toEqual(Array(6).fill('616005'));
    expect(['software_contable', 'utiles', 'vigilancia'].map((k) => expectedFor('colegio', k))).toEqual(['513520', '519530', '513505']);
    // Tableware: merchandise for the kitchenware store, broken-ware replacement for the rental company, which also trucks it to events as cost.
    expect(expectedFor('hogar', 'vajillas')).toBe('1435');
    expect(['reposicion_menaje', 'flete_eventos', 'lavanderia', 'telas', 'mtto_carpas'].map((k) => expectedFor('alquiler', k))).toEqual(Array(5).fill('615525'));
    expect(expectedFor('alquiler', 'sillas_eventos')).toBe('152405');
    // Motor oil: the workshop sells it in every oil change; what the shop uses up and the engine boring it subcontracts are the repair's cost.
    expect(['kit_arrastre', 'frenos', 'llantas', 'aceite_motor', 'baterias', 'bujias', 'flete_repuestos'].map((k) => expectedFor('motos', k))).toEqual(Array(7).fill('1435'));
    expect(['insumos_taller', 'rectificacion'].map((k) => expectedFor('motos', k))).toEqual(['613504', '613504']);
    expect(['energia', 'arriendo_sede', 'contabilidad', 'limpiador', 'publicidad'].map((k) => expectedFor('motos', k))).toEqual(['523530', '522010', '521030', '529525', '523560']);
    // The livestock service: what each insemination or vaccination uses up is its cost, vaccines included (not staff medicines).
    expect(['pajillas_semen', 'nitrogeno', 'hormonas', 'vacunas', 'guantes_palpacion', 'analisis_lab'].map((k) => expectedFor('ganaderia', k))).toEqual(Array(6).fill('610570'));
    expect(['energia', 'dotacion'].map((k) => expectedFor('ganaderia', k))).toEqual(['513530', '510551']);
    // The remediation company: absorbents, cultures, hazardous-waste disposal, vacuum trucks and assays are the clean-up sold.
    expect(['absorbentes', 'biorremediador', 'disposicion_respel', 'vactor', 'analisis_suelo'].map((k) => expectedFor('saneamiento', k))).toEqual(Array(5).fill('617005'));
    expect(['curso', 'dotacion', 'energia'].map((k) => expectedFor('saneamiento', k))).toEqual(['510563', '510551', '513530']);
    // Manufacturers: what goes into the product is stock, what is used up making it is the plant's cost.
    expect(['planchas_ctp', 'pelicula_laminar', 'hotmelt', 'barniz_uv', 'cajas_despacho', 'revelador', 'troqueles', 'mtto_ctp', 'energia'].map((k) => expectedFor('impresion', k))).toEqual(['1405', '1405', '1405', '1405', '1460', '612036', '612036', '612036', '612036']);
    expect(['caolin', 'feldespato', 'esmaltes', 'cajas_vajilla', 'yeso_moldes', 'refractarios', 'mtto_horno', 'energia'].map((k) => expectedFor('ceramica', k))).toEqual(['1405', '1405', '1405', '1460', '612052', '612052', '612052', '612052']);
    expect(['lamina_acero', 'perfiles', 'discos_rastra', 'rodamientos', 'pernos', 'pintura_esmalte', 'soldadura', 'gas_soldadura', 'abrasivos', 'corte_laser', 'energia'].map((k) => expectedFor('maquinaria', k))).toEqual([...Array(6).fill('1405'), ...Array(5).fill('612065')]);
    // The kitchenware store: merchandise with its inbound freight, bags to 1460, the rest in the selling variant.
    expect(['ollas', 'cubiertos', 'recipientes', 'cristaleria', 'flete_mercancia', 'bolsas_tienda', 'energia', 'arriendo_sede', 'vigilancia'].map((k) => expectedFor('hogar', k))).toEqual(['1435', '1435', '1435', '1435', '1435', '1460', '523530', '522010', '523505']);
    // Fixed assets by class.
    expect(expectedFor('ganaderia', 'ecografo')).toBe('153205');
    expect(expectedFor('colegio', 'microscopio')).toBe('153215');
    expect(expectedFor('colegio', 'pupitre')).toBe('152405');
    expect(expectedFor('telecom', 'radio_enlace')).toBe('152810');
    expect(expectedFor('hogar', 'gondola')).toBe('152405');
    expect(['guillotina', 'torno_alfarero', 'soldadora', 'motobomba', 'elevador'].map((k) => PRODUCT41_BY_KEY.get(k)!.role)).toEqual(Array(5).fill('maquinaria'));
    expect(['impresion', 'ceramica', 'maquinaria', 'saneamiento', 'motos'].map((c) => COMPANIES41.find((x) => x.key === c)!.policy.maquinaria)).toEqual(Array(5).fill('1520'));
    // Who keeps stock: the three plants, the workshop and the store.
    const stocked = COMPANIES41.filter((c) => Object.values(c.policy).some((a) => a!.startsWith('14'))).map((c) => c.key);
    expect(stocked.sort()).toEqual(['ceramica', 'hogar', 'impresion', 'maquinaria', 'motos']);
    expect(COMPANIES41.filter((c) => c.inventory === 'perpetual').map((c) => c.key).sort()).toEqual(stocked);
    expect(COMPANIES41.filter((c) => c.earlyMistakes).map((c) => c.key).sort()).toEqual(['ceramica', 'colegio', 'telecom']);
    expect(COMPANIES41.map((c) => c.ciiu).sort()).toEqual(['0162', '1812', '2393', '2821', '3900', '4542', '4755', '6120', '7729', '8521']);
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp]);
    expect(lines.filter((l) => !/^(14|15|51|52|61)/.test(l.expected))).toEqual([]);
  });

  it('the people\'s corrections move a product to its policy account, and the early-mistakes companies keep stock and keep none', () => {
    const moved = COMPANIES41.flatMap((c) => c.corrections.map((k) => `${c.key}:${k.product}:${k.wrong}→${expectedFor(c.key, k.product)}`));
    expect(moved).toEqual([
      'ganaderia:vacunas:510584→610570',
      'ganaderia:gasolina:519535→610570',
      'impresion:pelicula_laminar:519530→1405',
      'impresion:mtto_ctp:514515→612036',
      'ceramica:gas_horno:513555→612052',
      'ceramica:esmaltes:612052→1405',
      'maquinaria:rodamientos:1455→1405',
      'maquinaria:gas_soldadura:519595→612065',
      'saneamiento:acpm:519535→617005',
      'saneamiento:disposicion_respel:513505→617005',
      'motos:aceite_motor:529535→1435',
      'motos:rectificacion:524540→613504',
      'hogar:flete_mercancia:523550→1435',
      'hogar:bolsas_tienda:529540→1460',
      'telecom:capacidad_ip:513535→614570',
      'telecom:arriendo_torre:512010→614570',
      'alquiler:flete_eventos:523550→615525',
      'alquiler:reposicion_menaje:1435→615525',
      'colegio:plataforma:513520→616005',
      'colegio:transporte_escolar:515520→616005',
    ]);
    const early = COMPANIES41.filter((c) => c.earlyMistakes);
    expect(early.some((c) => c.inventory === 'perpetual')).toBe(true);
    expect(early.some((c) => c.inventory === 'none')).toBe(true);
    expect(scenarios.filter((s) => s.kind === 'early-mistakes').every((s) => s.warmUp.length > 0 && s.tests.length > 0)).toBe(true);
  });

  it('medicines, vaccines, food and lab reagents carry an expiry date next to the lot; nothing else does', () => {
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp, ...s.history.map((h) => ({ ...h, expected: h.account }))]);
    const dated = lines.filter((l) => / VTO \d{2}\/\d{4}/i.test(l.description));
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.filter((l) => l.unspsc && !BLIND41_EXPIRY_CLASSES.test(l.unspsc))).toEqual([]);
    const dryLots = lines.filter((l) => / LOTE [A-Z]\d{5}/i.test(l.description) && l.unspsc && !BLIND41_EXPIRY_CLASSES.test(l.unspsc));
    expect(dryLots.length).toBeGreaterThan(0);
    expect(dryLots.filter((l) => / VTO /i.test(l.description))).toEqual([]);
    expect(BLIND41_EXPIRY_CLASSES.test('51201600')).toBe(true); // herd vaccines
    expect(BLIND41_EXPIRY_CLASSES.test('12161500')).toBe(true); // the school's reagents
    expect(BLIND41_EXPIRY_CLASSES.test('12141900')).toBe(false); // liquid nitrogen
    expect(BLIND41_EXPIRY_CLASSES.test('42121800')).toBe(false); // palpation gloves and sheaths
    expect(BLIND41_EXPIRY_CLASSES.test('15121500')).toBe(false); // motor oil
  });

  billingPeriodChecks(scenarios);
});
