import { describe, expect, it } from 'vitest';
import { COMPANIES38 } from '../fixtures/matching/blind38/companies';
import { BLIND38_EXPIRY_CLASSES, buildBlind38Scenarios } from '../fixtures/matching/blind38/scenarios';
import { PRODUCT38_BY_KEY } from '../fixtures/matching/blind38/vocabulary';
import { billingPeriodChecks, blindSetChecks } from './blind-set-checks';

/**
 * The «a ciegas 38» benchmark set (issue #13): the checks every blind set passes (blind-set-checks.ts), its own
 * policy, its expiry rule (only segment 50, food, carries «VTO mm/aaaa») and its billing periods, which end on the
 * month's real last day.
 */
describe('«a ciegas 38» benchmark set', () => {
  const scenarios = blindSetChecks(buildBlind38Scenarios, COMPANIES38, PRODUCT38_BY_KEY);
  const expectedFor = (company: string, key: string) => COMPANIES38.find((c) => c.key === company)!.policy[PRODUCT38_BY_KEY.get(key)!.role];

  it('the same thing goes where the buyer\'s activity sends it, not where its name suggests', () => {
    // Gas: the dye house's and the abrasives plant's natural gas is production cost, never 513555.
    expect(expectedFor('acabado', 'gas_industrial')).toBe('612021');
    expect(expectedFor('abrasivos', 'gas_horno')).toBe('612056');
    // The dye house works a façon: dyes and auxiliaries are used up in the service; even its water and power are cost.
    expect(['colorante', 'auxiliar_textil', 'mtto_rama', 'tratamiento_aguas', 'energia', 'acueducto'].map((k) => expectedFor('acabado', k))).toEqual(Array(6).fill('612021'));
    expect(['limpiador', 'contabilidad', 'arriendo_sede'].map((k) => expectedFor('acabado', k))).toEqual(['519525', '511030', '512010']);
    // The producer: rented cameras, locations, shoot catering and music licences are the commercial, not 512015/512010/519520/519515.
    expect(['alquiler_camaras', 'locacion', 'talento', 'catering_rodaje', 'postproduccion', 'musica_licencia'].map((k) => expectedFor('productora', k))).toEqual(Array(6).fill('617015'));
    expect(['arriendo_sede', 'abogado', 'software_contable'].map((k) => expectedFor('productora', k))).toEqual(['512010', '511025', '513520']);
    // The tour operator: the travellers' hotel and bus are the tour; its manager's hotel at a fair is staff travel.
    expect(['hotel_turistas', 'transporte_turistas', 'guias', 'entradas', 'asistencia_viaje', 'alimentacion_tour'].map((k) => expectedFor('turismo', k))).toEqual(Array(6).fill('614545'));
    expect(expectedFor('turismo', 'hotel_feria')).toBe('515505');
    // The association: what it does for its members is its activity; its own dues to the confederation are admin.
    expect(['salon_evento', 'catering_evento', 'estudio_sectorial', 'revista', 'conferencista'].map((k) => expectedFor('gremio', k))).toEqual(Array(5).fill('617010'));
    expect(expectedFor('gremio', 'cuota_confederacion')).toBe('512510');
    // Manufacturers: what goes into the product is stock, what is used up making it is the plant's cost.
    expect(['semilla_arroz', 'semilla_maiz', 'fungicida_semilla', 'polimero_semilla', 'bulto_semilla', 'etiqueta_ica', 'analisis_germinacion', 'secado_semilla', 'mtto_tratadora', 'energia'].map((k) => expectedFor('semillas', k))).toEqual(['1405', '1405', '1405', '1405', '1460', '1460', '610570', '610570', '610570', '610570']);
    expect(['semola', 'huevo_liquido', 'film_pasta', 'caja_pasta', 'trafilas', 'mtto_secadero', 'analisis_pasta', 'energia'].map((k) => expectedFor('pastas', k))).toEqual(['1405', '1405', '1460', '1460', '612012', '612012', '612012', '612012']);
    expect(['madera_pino', 'puntillas', 'zuncho', 'sierras', 'afilado', 'nimf15', 'energia'].map((k) => expectedFor('madera', k))).toEqual(['1405', '1405', '1460', '612032', '612032', '612032', '612032']);
    expect(['grano_abrasivo', 'resina_fenolica', 'malla_fibra', 'caja_disco', 'moldes_disco', 'ensayo_rotura'].map((k) => expectedFor('abrasivos', k))).toEqual(['1405', '1405', '1405', '1460', '612056', '612056']);
    expect(['plomo', 'acido', 'caja_bateria', 'separador_pe', 'empaque_bateria', 'respel', 'mtto_formacion', 'monitoreo_plomo', 'energia'].map((k) => expectedFor('baterias', k))).toEqual(['1405', '1405', '1405', '1405', '1460', '612069', '612069', '612069', '612069']);
    // The dealer: motorcycles and engine oil are its goods (not 154030, not 529535), freight in is their cost, the rest in the selling variant.
    expect(['motocicleta', 'repuestos_moto', 'llantas_moto', 'cascos', 'aceite_moto', 'flete_motos', 'bolsas_repuestos'].map((k) => expectedFor('motos', k))).toEqual(['1435', '1435', '1435', '1435', '1435', '1435', '1460']);
    expect(['energia', 'arriendo_sede', 'contabilidad', 'resma', 'pauta_redes'].map((k) => expectedFor('motos', k))).toEqual(['523530', '522010', '521030', '529530', '523560']);
    // Offices everywhere else: gasoline of the manager's car is admin fuel.
    expect(['semillas'].map((c) => expectedFor(c, 'gasolina'))).toEqual(['519535']);
    // Fixed assets by class.
    expect(['tratadora', 'extrusora', 'jet_tintura', 'sierra_cinta', 'prensa_hidraulica', 'rectificador', 'elevador_motos', 'camara_cine'].map((k) => PRODUCT38_BY_KEY.get(k)!.role)).toEqual(Array(8).fill('maquinaria'));
    expect(expectedFor('baterias', 'rectificador')).toBe('1520');
    expect(expectedFor('productora', 'camara_cine')).toBe('1520');
    expect(expectedFor('turismo', 'radios_vhf')).toBe('152810');
    expect(expectedFor('motos', 'vitrina')).toBe('152405');
    expect(expectedFor('gremio', 'impresora')).toBe('152805');
    // Who keeps stock: the five plants and the dealer; the dye house works on its clients' fabric.
    const stocked = COMPANIES38.filter((c) => Object.values(c.policy).some((a) => a!.startsWith('14'))).map((c) => c.key);
    expect(stocked.sort()).toEqual(['abrasivos', 'baterias', 'madera', 'motos', 'pastas', 'semillas']);
    expect(COMPANIES38.filter((c) => c.inventory === 'perpetual').map((c) => c.key).sort()).toEqual(stocked);
    expect(COMPANIES38.filter((c) => c.earlyMistakes).map((c) => c.key).sort()).toEqual(['baterias', 'gremio', 'productora']);
    expect(COMPANIES38.map((c) => c.ciiu).sort()).toEqual(['0164', '1083', '1313', '1640', '2399', '2720', '4541', '5911', '7912', '9411']);
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp]);
    expect(lines.filter((l) => !/^(14|15|51|52|61)/.test(l.expected))).toEqual([]);
    // A motorcycle line is never a fixed asset for the dealer.
    expect(lines.filter((l) => l.unspsc === '25101800' && l.expected !== '1435')).toEqual([]);
  });

  it('only segment 50 (food) carries an expiry date next to the lot', () => {
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp, ...s.history.map((h) => ({ ...h, expected: h.account }))]);
    const dated = lines.filter((l) => / VTO \d{2}\/\d{4}/i.test(l.description));
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.filter((l) => l.unspsc && !BLIND38_EXPIRY_CLASSES.test(l.unspsc))).toEqual([]);
    const dryLots = lines.filter((l) => / LOTE [A-Z]\d{5}/i.test(l.description) && l.unspsc && !BLIND38_EXPIRY_CLASSES.test(l.unspsc));
    expect(dryLots.length).toBeGreaterThan(0);
    expect(dryLots.filter((l) => / VTO /i.test(l.description))).toEqual([]);
    expect(BLIND38_EXPIRY_CLASSES.test('10191500')).toBe(false); // seed fungicide
    expect(BLIND38_EXPIRY_CLASSES.test('51101800')).toBe(false); // medicines: none bought in this set
    expect(BLIND38_EXPIRY_CLASSES.test('50131600')).toBe(true); // the pasta plant's liquid egg
  });

  billingPeriodChecks(scenarios);
});
