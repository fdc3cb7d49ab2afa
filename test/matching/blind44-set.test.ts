import { describe, expect, it } from 'vitest';
import { COMPANIES44 } from '../fixtures/matching/blind44/companies';
import { BLIND44_EXPIRY_CLASSES, buildBlind44Scenarios } from '../fixtures/matching/blind44/scenarios';
import { PRODUCT44_BY_KEY } from '../fixtures/matching/blind44/vocabulary';
import { billingPeriodChecks, blindSetChecks } from './blind-set-checks';

/**
 * The «a ciegas 44» benchmark set (issue #13): the checks every blind set passes (blind-set-checks.ts), its own
 * policy, its expiry rule (segment 50, food and drink, and class 121615, reagents, carry «VTO mm/aaaa») and its
 * billing periods, which end on the month's real last day.
 */
describe('«a ciegas 44» benchmark set', () => {
  const scenarios = blindSetChecks(buildBlind44Scenarios, COMPANIES44, PRODUCT44_BY_KEY);
  const expectedFor = (company: string, key: string) => COMPANIES44.find((c) => c.key === company)!.policy[PRODUCT44_BY_KEY.get(key)!.role];

  it('the same thing goes where the buyer\'s activity sends it, not where its name suggests', () => {
    // Gas: the refractory kiln's and the distributor's gas are cost, not «gas» 513555.
    expect(expectedFor('refractarios', 'gas_horno')).toBe('612052');
    expect(['compra_gas', 'transporte_gasoducto', 'odorizante', 'revision_periodica', 'reparacion_red'].map((k) => expectedFor('gas', k))).toEqual(Array(5).fill('612510'));
    expect(expectedFor('gas', 'energia')).toBe('513530');
    // Electricity: the chlor-alkali cells, the kiln plant, the wheelbarrow plant and the mine run on it; offices and the store do not.
    expect(['carbon', 'quimica', 'refractarios', 'carretillas'].map((c) => expectedFor(c, 'energia'))).toEqual(['611505', '612040', '612052', '612085']);
    expect(['gas', 'combustibles', 'noticias', 'seguros', 'asociacion', 'supermercado'].map((c) => expectedFor(c, 'energia'))).toEqual(['513530', '513530', '513530', '513530', '513530', '523530']);
    // The mine: explosives are cost, not «pólvora y similares»; spare rails and wheels go to its store.
    expect(['madera_entibado', 'explosivos', 'analisis_carbon', 'mtto_malacate', 'topografia_mina'].map((k) => expectedFor('carbon', k))).toEqual(Array(5).fill('611505'));
    expect(['repuestos_mina', 'flete_carbon', 'gasolina'].map((k) => expectedFor('carbon', k))).toEqual(['1455', '523550', '519535']);
    // Manufacturers: what goes into the product is stock, what is used up making it is the plant's cost.
    expect(['sal_industrial', 'flete_sal', 'acido_sulfurico', 'hidrato_alumina', 'canecas', 'membranas', 'reactivos_lab', 'mtto_rectificador'].map((k) => expectedFor('quimica', k))).toEqual(['1405', '1405', '1405', '1405', '1460', '612040', '612040', '612040']);
    expect(['arcilla_refractaria', 'bauxita', 'sacos_refractario', 'moldes_prensa', 'mtto_horno_tunel', 'ensayos_refractario', 'flete_venta'].map((k) => expectedFor('refractarios', k))).toEqual(['1405', '1405', '1460', '612052', '612052', '612052', '523550']);
    // Bolts and wheels fitted to the wheelbarrow are raw material, not ferretería stock; welding supplies are used up.
    expect(['tubo_acero', 'lamina_acero', 'ruedas', 'pintura_polvo', 'tornilleria_ensamble', 'stretch', 'soldadura', 'mtto_dobladora'].map((k) => expectedFor('carretillas', k))).toEqual(['1405', '1405', '1405', '1405', '1405', '1460', '612085', '612085']);
    // Fuel: resold by the wholesaler with its inbound freight; the office pickup's gasoline is admin elsewhere.
    expect(['acpm', 'gasolina_reventa', 'lubricantes_reventa', 'flete_combustible', 'flete_entrega'].map((k) => expectedFor('combustibles', k))).toEqual(['1435', '1435', '1435', '1435', '523550']);
    expect(['carbon', 'gas'].map((c) => expectedFor(c, 'gasolina'))).toEqual(['519535', '519535']);
    // The supermarket: cleaning goods on the shelves are merchandise; its own floor cleaner is a selling expense.
    expect(['abarrotes', 'lacteos_reventa', 'aseo_reventa', 'bebidas_reventa', 'flete_mercancia', 'bolsas_super'].map((k) => expectedFor('supermercado', k))).toEqual(['1435', '1435', '1435', '1435', '1435', '1460']);
    expect(['limpiador', 'mtto_refrigeracion', 'arriendo_sede', 'contabilidad', 'software_contable', 'pauta_redes'].map((k) => expectedFor('supermercado', k))).toEqual(['529525', '524515', '522010', '521030', '523520', '523560']);
    expect(['quimica', 'seguros'].map((c) => expectedFor(c, 'limpiador'))).toEqual(['519525', '519525']);
    // The news agency: what it sells is made of correspondents, photos, feeds and its distribution platform; its own ERP is admin.
    expect(['corresponsal', 'fotografia', 'cable_internacional', 'plataforma_noticias', 'transmision', 'traduccion'].map((k) => expectedFor('noticias', k))).toEqual(Array(6).fill('617045'));
    expect(['software_contable', 'abogado'].map((k) => expectedFor('noticias', k))).toEqual(['513520', '511025']);
    // The insurer: §4.3 K, no cost account; commissions to sell, technical fees, trade association, revisor fiscal.
    expect(['comision_intermediario', 'ajuste_siniestros', 'inspeccion_riesgo', 'actuaria', 'cuota_gremio', 'revisoria', 'abogado'].map((k) => expectedFor('seguros', k))).toEqual(['529505', '511035', '513515', '511035', '512510', '511010', '511025']);
    expect(Object.values(COMPANIES44.find((c) => c.key === 'seguros')!.policy).filter((a) => /^(14|61)/.test(a!))).toEqual([]);
    // The association: assemblies, delegates' bus, workshops and T-shirts are its activity, not cafeteria, travel, training or dotación.
    expect(['refrigerios_asamblea', 'sonido_tarima', 'transporte_delegados', 'facilitador', 'camisetas_evento'].map((k) => expectedFor('asociacion', k))).toEqual(Array(5).fill('617010'));
    expect(['cafe', 'limpiador'].map((k) => expectedFor('asociacion', k))).toEqual(['519525', '519525']);
    // Fixed assets by class.
    expect(['ventilador_mina', 'bomba_quimica', 'prensa_hidraulica', 'dobladora', 'termofusionadora', 'tanque', 'nevera_exhibidora'].map((k) => PRODUCT44_BY_KEY.get(k)!.role)).toEqual(Array(7).fill('maquinaria'));
    expect(expectedFor('supermercado', 'gondola')).toBe('152405');
    expect(expectedFor('seguros', 'planta_telefonica')).toBe('152810');
    expect(['camara_video', 'video_beam'].map((k) => expectedFor(k === 'camara_video' ? 'noticias' : 'asociacion', k))).toEqual(['152410', '152410']);
    expect(expectedFor('gas', 'termofusionadora')).toBe('1520');
    // Who keeps stock: the mine (spares), the three plants, the wholesaler and the supermarket.
    const stocked = COMPANIES44.filter((c) => Object.values(c.policy).some((a) => a!.startsWith('14'))).map((c) => c.key);
    expect(stocked.sort()).toEqual(['carbon', 'carretillas', 'combustibles', 'quimica', 'refractarios', 'supermercado']);
    expect(COMPANIES44.filter((c) => c.inventory === 'perpetual').map((c) => c.key).sort()).toEqual(stocked);
    expect(COMPANIES44.filter((c) => c.earlyMistakes).map((c) => c.key).sort()).toEqual(['gas', 'noticias', 'refractarios']);
    expect(COMPANIES44.map((c) => c.ciiu).sort()).toEqual(['0510', '2011', '2391', '3099', '3520', '4661', '4711', '6391', '6511', '9499']);
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp]);
    expect(lines.filter((l) => !/^(14|15|51|52|61)/.test(l.expected))).toEqual([]);
  });

  it('each correction moves a line to where the policy sends it, from where a clerk would have put it', () => {
    const moved = COMPANIES44.flatMap((c) => c.corrections.map((k) => `${c.key}:${k.product}:${k.wrong}→${c.policy[PRODUCT44_BY_KEY.get(k.product)!.role]}`));
    expect(moved).toEqual([
      'carbon:explosivos:519575→611505',
      'carbon:repuestos_mina:514515→1455',
      'quimica:energia:513530→612040',
      'quimica:canecas:519540→1460',
      'refractarios:gas_horno:513555→612052',
      'refractarios:mtto_horno_tunel:514515→612052',
      'carretillas:soldadura:1455→612085',
      'carretillas:ruedas:1435→1405',
      'gas:compra_gas:513555→612510',
      'gas:transporte_gasoducto:513550→612510',
      'combustibles:flete_combustible:523550→1435',
      'combustibles:lubricantes_reventa:519535→1435',
      'supermercado:bolsas_super:529540→1460',
      'supermercado:aseo_reventa:529525→1435',
      'noticias:corresponsal:511035→617045',
      'noticias:cable_internacional:519510→617045',
      'seguros:comision_intermediario:510518→529505',
      'seguros:ajuste_siniestros:511025→511035',
      'asociacion:refrigerios_asamblea:519525→617010',
      'asociacion:transporte_delegados:515520→617010',
    ]);
  });

  it('only segment 50 (food and drink) and class 121615 (reagents) carry an expiry date next to the lot', () => {
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp, ...s.history.map((h) => ({ ...h, expected: h.account }))]);
    const dated = lines.filter((l) => / VTO \d{2}\/\d{4}/i.test(l.description));
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.filter((l) => l.unspsc && !BLIND44_EXPIRY_CLASSES.test(l.unspsc))).toEqual([]);
    const dryLots = lines.filter((l) => / LOTE [A-Z]\d{5}/i.test(l.description) && l.unspsc && !BLIND44_EXPIRY_CLASSES.test(l.unspsc));
    expect(dryLots.length).toBeGreaterThan(0);
    expect(dryLots.filter((l) => / VTO /i.test(l.description))).toEqual([]);
    expect(BLIND44_EXPIRY_CLASSES.test('12131500')).toBe(false); // explosives
    expect(BLIND44_EXPIRY_CLASSES.test('12352300')).toBe(false); // salt and sulphuric acid
    expect(BLIND44_EXPIRY_CLASSES.test('51101700')).toBe(false); // medicines: none bought in this set
    expect(BLIND44_EXPIRY_CLASSES.test('12161500')).toBe(true); // the chemical plant's reagents
    expect(BLIND44_EXPIRY_CLASSES.test('50131700')).toBe(true); // the supermarket's dairy
  });

  billingPeriodChecks(scenarios);
});
