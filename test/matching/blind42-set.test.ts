import { describe, expect, it } from 'vitest';
import { COMPANIES42 } from '../fixtures/matching/blind42/companies';
import { BLIND42_EXPIRY_CLASSES, buildBlind42Scenarios } from '../fixtures/matching/blind42/scenarios';
import { PRODUCT42_BY_KEY } from '../fixtures/matching/blind42/vocabulary';
import { billingPeriodChecks, blindSetChecks } from './blind-set-checks';

/**
 * The «a ciegas 42» benchmark set (issue #13): the checks every blind set passes (blind-set-checks.ts), its own
 * policy, its expiry rule (only food and drink and soldering supplies carry «VTO mm/aaaa») and its billing periods,
 * which end on the month's real last day.
 */
describe('«a ciegas 42» benchmark set', () => {
  const scenarios = blindSetChecks(buildBlind42Scenarios, COMPANIES42, PRODUCT42_BY_KEY);
  const expectedFor = (company: string, key: string) => COMPANIES42.find((c) => c.key === company)!.policy[PRODUCT42_BY_KEY.get(key)!.role];

  it('the same thing goes where the buyer\'s activity sends it, not where its name suggests', () => {
    // Fuel: the skidder's diesel is the logger's cost; the manager's petrol from the same station is admin.
    expect(['acpm_forestal', 'gasolina'].map((k) => expectedFor('madera', k))).toEqual(['610580', '519535']);
    expect(['madera_en_pie', 'tala_contratista', 'arrastre', 'cadena_motosierra', 'aceite_cadena', 'mtto_skidder'].map((k) => expectedFor('madera', k))).toEqual(['1405', ...Array(5).fill('610580')]);
    // The logger has no plant: its power is the office's, and taking the logs to the buyer is a selling freight.
    expect(['energia', 'flete_trozas'].map((k) => expectedFor('madera', k))).toEqual(['513530', '523550']);
    // Lubricants and gas: the knit mill's needle oil and the smelter's furnace gas are cost, not 519535 or 513555.
    expect(expectedFor('tejidos', 'aceite_agujas')).toBe('612026');
    expect(expectedFor('aluminio', 'gas_industrial')).toBe('612058');
    // Maquila is the plant's cost, not asistencia técnica.
    expect([expectedFor('tejidos', 'tintoreria'), expectedFor('cesteria', 'secado_horno'), expectedFor('ups', 'smt_maquila')]).toEqual(['612026', '612032', '612071']);
    // Manufacturers: what goes into the product is stock, its packaging 1460, what is used up making it the activity's cost.
    expect(['hilaza', 'spandex', 'tubos_carton', 'agujas', 'energia'].map((k) => expectedFor('tejidos', k))).toEqual(['1405', '1405', '1460', '612026', '612026']);
    expect(['tablon', 'bejuco', 'cajas_corrugado', 'etiquetas', 'lija', 'herramientas_corte', 'energia'].map((k) => expectedFor('cesteria', k))).toEqual(['1405', '1405', '1460', '1460', '612032', '612032', '612032']);
    expect(['chatarra_al', 'aleantes', 'estibas_flejes', 'fundentes', 'refractarios', 'analisis_espectro', 'energia'].map((k) => expectedFor('aluminio', k))).toEqual(['1405', '1405', '1460', '612058', '612058', '612058', '612058']);
    expect(['componentes', 'alambre_magneto', 'baterias', 'gabinetes', 'cajas_ups', 'soldadura', 'energia'].map((k) => expectedFor('ups', k))).toEqual(['1405', '1405', '1405', '1405', '1460', '612071', '612071']);
    // The wholesaler: freight in and customs brokerage are the goods' cost, freight out and dispatch film are selling; warehouse 52xx, office 51xx.
    expect(['ollas', 'cubiertos', 'vajilla', 'termos', 'flete_importacion', 'agencia_aduanas'].map((k) => expectedFor('menaje', k))).toEqual(Array(6).fill('1435'));
    expect(['flete_despacho', 'vinipel'].map((k) => expectedFor('menaje', k))).toEqual(['523550', '529540']);
    expect(['energia', 'arriendo_sede', 'vigilancia_sede'].map((k) => expectedFor('menaje', k))).toEqual(['523530', '522010', '523505']);
    expect(['contabilidad', 'software_contable', 'internet', 'resma', 'cafe'].map((k) => expectedFor('menaje', k))).toEqual(['511030', '513520', '513535', '519530', '519525']);
    // The shoe store: merchandise with its inbound freight, bags to 1460, the rest in the selling variant, music licence included.
    expect(['zapatos', 'tenis', 'bolsos_cuero', 'cuidado_calzado', 'flete_calzado', 'bolsas_logo'].map((k) => expectedFor('calzado', k))).toEqual(['1435', '1435', '1435', '1435', '1435', '1460']);
    expect(['energia', 'arriendo_sede', 'contabilidad', 'licencia_musica', 'software_contable', 'limpiador'].map((k) => expectedFor('calzado', k))).toEqual(['523530', '522010', '521030', '529515', '523520', '529525']);
    // The studio: what a recording uses is its cost, plugins included; the distributor's fee is a selling commission; the house stays admin.
    expect(['musicos_sesion', 'mezcla_master', 'plugins', 'cuerdas_parches', 'alquiler_backline'].map((k) => expectedFor('disquera', k))).toEqual(Array(5).fill('617035'));
    expect(['distribucion_digital', 'software_contable', 'energia', 'arriendo_sede'].map((k) => expectedFor('disquera', k))).toEqual(['529505', '513520', '513530', '512010']);
    // The adjusters: outside appraisals and engineers are the adjustment sold, not 511020 or 511035; its own lawyer is admin.
    expect(['perito_ingeniero', 'avaluo_siniestro', 'laboratorio_forense', 'inspeccion_dron', 'investigacion_reclamo'].map((k) => expectedFor('ajustes', k))).toEqual(Array(5).fill('615550'));
    expect(['abogado', 'curso'].map((k) => expectedFor('ajustes', k))).toEqual(['511025', '510563']);
    // The circus: performance royalties and costumes are the show, not música ambiental or dotación; the box office fee is selling.
    expect(['artistas_circo', 'sonido_luces', 'montaje_carpa', 'derechos_autor_evento', 'vestuario_artistico', 'planta_electrica'].map((k) => expectedFor('circo', k))).toEqual(Array(6).fill('617030'));
    expect(['boleteria', 'perifoneo', 'energia'].map((k) => expectedFor('circo', k))).toEqual(['529505', '523560', '513530']);
    // Fixed assets by class.
    expect(['motosierra', 'winche'].map((k) => expectedFor('madera', k))).toEqual(['1520', '1520']);
    expect(expectedFor('menaje', 'estanteria')).toBe('152405');
    expect(expectedFor('calzado', 'vitrina')).toBe('152405');
    expect([expectedFor('disquera', 'microfono'), expectedFor('ajustes', 'dron'), expectedFor('circo', 'consola'), expectedFor('aluminio', 'horno_fusion')]).toEqual(['1520', '1520', '1520', '1520']);
    expect(expectedFor('ajustes', 'impresora')).toBe('152805');
    // Who keeps stock: the logger, the four plants, the wholesaler and the store.
    const stocked = COMPANIES42.filter((c) => Object.values(c.policy).some((a) => a!.startsWith('14'))).map((c) => c.key);
    expect(stocked.sort()).toEqual(['aluminio', 'calzado', 'cesteria', 'madera', 'menaje', 'tejidos', 'ups']);
    expect(COMPANIES42.filter((c) => c.inventory === 'perpetual').map((c) => c.key).sort()).toEqual(stocked);
    expect(COMPANIES42.filter((c) => c.earlyMistakes).map((c) => c.key).sort()).toEqual(['ajustes', 'aluminio', 'circo']);
    expect(COMPANIES42.map((c) => c.ciiu).sort()).toEqual(['0220', '1391', '1690', '2429', '2790', '4649', '4772', '5920', '6629', '9008']);
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp]);
    expect(lines.filter((l) => !/^(14|15|51|52|61)/.test(l.expected))).toEqual([]);
  });

  it('the corrections the people made are the set\'s policy, against the account the books had', () => {
    const corrected = COMPANIES42.flatMap((c) => c.corrections.map((k) => [c.key, k.product, k.wrong, c.policy[PRODUCT42_BY_KEY.get(k.product)!.role]]));
    expect(corrected).toEqual([
      ['madera', 'acpm_forestal', '519535', '610580'],
      ['madera', 'arrastre', '513550', '610580'],
      ['tejidos', 'aceite_agujas', '519535', '612026'],
      ['tejidos', 'tubos_carton', '519540', '1460'],
      ['cesteria', 'secado_horno', '513515', '612032'],
      ['cesteria', 'etiquetas', '523560', '1460'],
      ['aluminio', 'gas_industrial', '513555', '612058'],
      ['aluminio', 'refractarios', '514515', '612058'],
      ['ups', 'soldadura', '519595', '612071'],
      ['ups', 'smt_maquila', '513515', '612071'],
      ['menaje', 'flete_importacion', '523550', '1435'],
      ['menaje', 'termos', '519525', '1435'],
      ['calzado', 'flete_calzado', '523550', '1435'],
      ['calzado', 'cuidado_calzado', '529525', '1435'],
      ['disquera', 'musicos_sesion', '511095', '617035'],
      ['disquera', 'plugins', '513520', '617035'],
      ['ajustes', 'avaluo_siniestro', '511020', '615550'],
      ['ajustes', 'perito_ingeniero', '511035', '615550'],
      ['circo', 'derechos_autor_evento', '519515', '617030'],
      ['circo', 'vestuario_artistico', '510551', '617030'],
    ]);
  });

  it('only food and drink and soldering supplies carry an expiry date next to the lot', () => {
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp, ...s.history.map((h) => ({ ...h, expected: h.account }))]);
    const dated = lines.filter((l) => / VTO \d{2}\/\d{4}/i.test(l.description));
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.filter((l) => l.unspsc && !BLIND42_EXPIRY_CLASSES.test(l.unspsc))).toEqual([]);
    const dryLots = lines.filter((l) => / LOTE [A-Z]\d{5}/i.test(l.description) && l.unspsc && !BLIND42_EXPIRY_CLASSES.test(l.unspsc));
    expect(dryLots.length).toBeGreaterThan(0);
    expect(dryLots.filter((l) => / VTO /i.test(l.description))).toEqual([]);
    expect(BLIND42_EXPIRY_CLASSES.test('15121500')).toBe(false); // bar and needle oil
    expect(BLIND42_EXPIRY_CLASSES.test('26111700')).toBe(false); // sealed batteries
    expect(BLIND42_EXPIRY_CLASSES.test('51101700')).toBe(false); // medicines: none bought in this set
    expect(BLIND42_EXPIRY_CLASSES.test('50201700')).toBe(true); // the offices' coffee
    expect(BLIND42_EXPIRY_CLASSES.test('23271800')).toBe(true); // solder paste and flux
  });

  billingPeriodChecks(scenarios);
});
