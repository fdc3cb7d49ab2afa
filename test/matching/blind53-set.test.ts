import { describe, expect, it } from 'vitest';
import { COMPANIES53 } from '../fixtures/matching/blind53/companies';
import { BLIND53_EXPIRY_CLASSES, buildBlind53Scenarios } from '../fixtures/matching/blind53/scenarios';
import { PRODUCT53_BY_KEY } from '../fixtures/matching/blind53/vocabulary';
import { billingPeriodChecks, blindSetChecks } from './blind-set-checks';

/**
 * The «a ciegas 53» benchmark set (issue #13): the checks every blind set passes (blind-set-checks.ts), its own
 * policy, its expiry rule (only packaged food and drink and the flower farm's pesticides carry «VTO mm/aaaa») and its
 * billing periods, which end on the month's real last day.
 */
describe('«a ciegas 53» benchmark set', () => {
  const scenarios = blindSetChecks(buildBlind53Scenarios, COMPANIES53, PRODUCT53_BY_KEY);
  const expectedFor = (company: string, key: string) => COMPANIES53.find((c) => c.key === company)!.policy[PRODUCT53_BY_KEY.get(key)!.role];

  it('what the buyer sells is stock, even when elsewhere the same thing is a fixed asset or an expense', () => {
    // The store's laptops, ink and boxed licences are merchandise; its own POS kit and the other companies' laptops are assets.
    expect(['portatil_venta', 'monitor_venta', 'impresora_venta', 'celular_venta', 'licencia_venta', 'tinta_venta', 'flete_mercancia'].map((k) => expectedFor('tecno', k))).toEqual(Array(7).fill('1435'));
    expect(['kit_pos', 'portatil', 'vitrina', 'bolsas_tienda'].map((k) => expectedFor('tecno', k))).toEqual(['152805', '152805', '152405', '1460']);
    expect(['diseno', 'instituto', 'flores'].map((c) => expectedFor(c, 'portatil'))).toEqual(['152805', '152805', '152805']);
    // The wholesaler resells grain and live cattle (not semovientes it raises), with the inbound freight and drying.
    expect(['maiz', 'arroz_paddy', 'ganado', 'cacao', 'flete_finca', 'secado', 'costales'].map((k) => expectedFor('granos', k))).toEqual(['1435', '1435', '1435', '1435', '1435', '1435', '1460']);
    expect(expectedFor('granos', 'flete_despacho')).toBe('523550');
    // The furniture plant: what ends up in the furniture is raw material, what is used up making it is the plant's cost.
    expect(['madera', 'tablero', 'herrajes', 'espuma', 'tela_tapiceria', 'laca', 'pegante', 'flete_madera', 'carton_empaque'].map((k) => expectedFor('muebles', k))).toEqual([...Array(8).fill('1405'), '1460']);
    expect(['lijas', 'afilado', 'mtto_maquinas', 'energia', 'flete_entrega'].map((k) => expectedFor('muebles', k))).toEqual(['612086', '612086', '612086', '612086', '523550']);
    // The flower farm stocks its fertilisers and agrochemicals; plastic, temps and tests are the crop's cost.
    expect(['fertilizante', 'agroquimico', 'capuchones', 'cajas_flor'].map((k) => expectedFor('flores', k))).toEqual(['1405', '1405', '1460', '1460']);
    expect(['plastico_invernadero', 'temporales_cosecha', 'analisis_suelo', 'energia', 'flete_aeropuerto'].map((k) => expectedFor('flores', k))).toEqual(['610525', '610525', '610525', '610525', '523550']);
  });

  it('what is consumed in rendering the service is its cost, not where its name suggests', () => {
    // Fuel and repairs: the courier's motorbikes are its cost; the installer's and the farm's pick-up petrol is admin.
    expect(['gasolina_motos', 'mtto_motos', 'llantas_moto', 'bolsas_seguridad', 'guias_rollo', 'redespacho', 'mensajeros', 'rastreo_gps'].map((k) => expectedFor('mensajeria', k))).toEqual(Array(8).fill('614555'));
    expect(['aislamientos', 'paintball', 'flores'].map((c) => expectedFor(c, 'gasolina'))).toEqual(['519535', '519535', '519535']);
    expect(expectedFor('mensajeria', 'moto')).toBe('154030');
    // Software: the studio's design suite is its cost; its accounting subscription is admin.
    expect(['creative_cloud', 'banco_imagenes', 'impresion_pruebas', 'prototipo', 'fotografo', 'ilustrador'].map((k) => expectedFor('diseno', k))).toEqual(Array(6).fill('615595'));
    expect(['software_contable', 'soporte_equipos', 'pauta_digital'].map((k) => expectedFor('diseno', k))).toEqual(['513520', '514525', '523560']);
    // The institute: teachers, virtual classroom, books and photocopied guides are the courses; its own staff's training and letters are admin.
    expect(['docentes', 'plataforma_lms', 'libros_texto', 'guias_fotocopias', 'examen_internacional', 'certificados'].map((k) => expectedFor('instituto', k))).toEqual(Array(6).fill('616005'));
    expect(['resma', 'envio_documentos', 'software_contable', 'videobeam', 'pupitres'].map((k) => expectedFor('instituto', k))).toEqual(['519530', '513540', '513520', '152410', '152405']);
    // The installer keeps no stock: materials, scaffolding and fitters go to the job.
    expect(['lana_roca', 'poliuretano', 'lamina_aluminio', 'panel_acustico', 'fijaciones', 'sellante', 'andamio', 'montaje_sub'].map((k) => expectedFor('aislamientos', k))).toEqual(Array(8).fill('613015'));
    expect(['arnes', 'dotacion', 'proyectora'].map((k) => expectedFor('aislamientos', k))).toEqual(['510551', '510551', '1520']);
    // The paintball field: balls and CO2 are shot in the games sold, not merchandise or the utility gas.
    expect(['bolas_paintball', 'recarga_co2', 'repuestos_marcadoras', 'caretas', 'arbitros', 'poliza_jugadores', 'lavado_overoles', 'adecuacion_campo'].map((k) => expectedFor('paintball', k))).toEqual(Array(8).fill('617040'));
    expect(expectedFor('paintball', 'compresor_hpa')).toBe('1520');
  });

  it('the canteen is a food business: its coffee is raw material and its kitchen upkeep is the meals\' cost', () => {
    expect(['pollo', 'carne_res', 'arroz', 'verduras', 'huevos', 'aceite_cocina', 'cafe'].map((k) => expectedFor('autoservicio', k))).toEqual(Array(7).fill('1405'));
    expect(['gaseosas', 'portacomidas'].map((k) => expectedFor('autoservicio', k))).toEqual(['1435', '1460']);
    expect(['gas_natural', 'trampa_grasa', 'lavaloza', 'limpiador', 'energia', 'acueducto', 'fumigacion'].map((k) => expectedFor('autoservicio', k))).toEqual(Array(7).fill('614015'));
    expect(['estufa_industrial', 'nevera_exhibidora', 'contabilidad', 'arriendo_local'].map((k) => expectedFor('autoservicio', k))).toEqual(['153610', '153610', '511030', '512010']);
    // The same coffee and the same fumigation land elsewhere for other buyers.
    expect(['diseno', 'instituto', 'muebles', 'flores', 'mensajeria'].map((c) => expectedFor(c, 'cafe'))).toEqual(Array(5).fill('519525'));
    expect(['autoservicio', 'granos', 'instituto'].map((c) => expectedFor(c, 'fumigacion'))).toEqual(['614015', '523505', '513505']);
  });

  it('the store uses the selling variant; the wholesaler only for its warehouse', () => {
    expect(['energia', 'arriendo_local', 'contabilidad', 'resma', 'software_contable', 'envio_documentos', 'plan_celular'].map((k) => expectedFor('tecno', k))).toEqual(['523530', '522010', '521030', '529530', '523520', '523540', '523535']);
    expect(['energia', 'acueducto', 'arriendo_local', 'vigilancia_sede'].map((k) => expectedFor('granos', k))).toEqual(['523530', '523525', '522010', '523505']);
    expect(['contabilidad', 'software_contable', 'resma', 'plan_celular'].map((k) => expectedFor('granos', k))).toEqual(['511030', '513520', '519530', '513535']);
  });

  it('who keeps stock, who starts with early mistakes, and which activities the set covers', () => {
    const stocked = COMPANIES53.filter((c) => Object.values(c.policy).some((a) => a!.startsWith('14'))).map((c) => c.key);
    expect(stocked.sort()).toEqual(['autoservicio', 'flores', 'granos', 'muebles', 'tecno']);
    expect(COMPANIES53.filter((c) => c.inventory === 'perpetual').map((c) => c.key).sort()).toEqual(stocked);
    const early = COMPANIES53.filter((c) => c.earlyMistakes);
    expect(early.map((c) => c.key).sort()).toEqual(['aislamientos', 'instituto', 'muebles']);
    expect(new Set(early.map((c) => c.inventory))).toEqual(new Set(['perpetual', 'none']));
    expect(COMPANIES53.map((c) => c.ciiu).sort()).toEqual(['0125', '3110', '4329', '4620', '4741', '5320', '5612', '7410', '8551', '9329']);
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp]);
    expect(lines.filter((l) => !/^(14|15|51|52|61)/.test(l.expected))).toEqual([]);
    // The corrections measured are those the policy makes: each one's «after» lines expect the policy account.
    const corrected = scenarios.filter((s) => s.kind === 'established').flatMap((s) => s.corrections.map((c) => `${s.company.key}:${c.previous}>${c.account}`));
    expect(corrected).toContain('mensajeria:519535>614555');
    expect(corrected).toContain('autoservicio:519525>1405');
    expect(corrected).toContain('paintball:1435>617040');
    expect(corrected).toContain('granos:613514>1435');
    expect(corrected).toHaveLength(20);
  });

  it('only packaged food and drink and the farm\'s pesticides carry an expiry date next to the lot', () => {
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp, ...s.history.map((h) => ({ ...h, expected: h.account }))]);
    const dated = lines.filter((l) => / VTO \d{2}\/\d{4}/i.test(l.description));
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.filter((l) => l.unspsc && !BLIND53_EXPIRY_CLASSES.test(l.unspsc))).toEqual([]);
    const dryLots = lines.filter((l) => / LOTE [A-Z]\d{5}/i.test(l.description) && l.unspsc && !BLIND53_EXPIRY_CLASSES.test(l.unspsc));
    expect(dryLots.length).toBeGreaterThan(0);
    expect(dryLots.filter((l) => / VTO /i.test(l.description))).toEqual([]);
    expect(BLIND53_EXPIRY_CLASSES.test('50111500')).toBe(true); // the canteen's chicken
    expect(BLIND53_EXPIRY_CLASSES.test('10191500')).toBe(true); // the farm's pesticides
    expect(BLIND53_EXPIRY_CLASSES.test('50221100')).toBe(false); // raw grain by the ton
    expect(BLIND53_EXPIRY_CLASSES.test('10171600')).toBe(false); // fertiliser salts
    expect(BLIND53_EXPIRY_CLASSES.test('44103100')).toBe(false); // the store's ink
  });

  billingPeriodChecks(scenarios);
});
