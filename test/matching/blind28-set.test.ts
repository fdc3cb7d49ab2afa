import { describe, expect, it } from 'vitest';
import { COMPANIES28 } from '../fixtures/matching/blind28/companies';
import { BLIND28_EXPIRY_CLASSES, buildBlind28Scenarios } from '../fixtures/matching/blind28/scenarios';
import { PRODUCT28_BY_KEY } from '../fixtures/matching/blind28/vocabulary';
import { billingPeriodChecks, blindSetChecks } from './blind-set-checks';

/**
 * The «a ciegas 28» benchmark set (issue #13): the checks every blind set passes (blind-set-checks.ts), its own
 * policy, its expiry rule (coffee, adhesives and resins carry «VTO mm/aaaa») and its billing periods, which end on the
 * month's real last day.
 */
describe('«a ciegas 28» benchmark set', () => {
  const scenarios = blindSetChecks(buildBlind28Scenarios, COMPANIES28, PRODUCT28_BY_KEY);
  const expectedFor = (company: string, key: string) => COMPANIES28.find((c) => c.key === company)!.policy[PRODUCT28_BY_KEY.get(key)!.role];

  it('the same thing goes where the buyer\'s activity sends it, not where its name suggests', () => {
    // Rent: the gas field's compressor and the production house's camera and location are cost; the offices' rent is admin, the stall's is selling.
    expect(expectedFor('gas', 'alquiler_compresor')).toBe('611512');
    expect(['alquiler_camara', 'locacion', 'luces_grip'].map((k) => expectedFor('productora', k))).toEqual(Array(3).fill('617015'));
    expect(['gas', 'productora', 'oleoducto'].map((c) => expectedFor(c, 'arriendo_sede'))).toEqual(Array(3).fill('512010'));
    expect(expectedFor('plaza', 'arriendo_puesto')).toBe('522010');
    // Security: the pipeline's right-of-way patrol is the transport sold; the cooperative's armoured car and every office guard are 513505.
    expect(expectedFor('oleoducto', 'patrullaje')).toBe('614525');
    expect(expectedFor('cooperativa', 'transporte_valores')).toBe('513505');
    expect(['optica', 'cooperativa'].map((c) => expectedFor(c, 'vigilancia_sede'))).toEqual(['513505', '513505']);
    // Energy and fuel: pumping stations and plants are cost, the transmission company's office bill is admin but its substations' is cost.
    expect(['oleoducto', 'gas', 'calzado', 'tableros', 'optica', 'balones'].map((c) => expectedFor(c, 'energia'))).toEqual(['614525', '611512', '612031', '612032', '612075', '612089']);
    expect(['transmision', 'cooperativa', 'productora'].map((c) => expectedFor(c, 'energia'))).toEqual(['513530', '513530', '513530']);
    expect(expectedFor('plaza', 'energia')).toBe('523530');
    expect(expectedFor('transmision', 'energia_subestacion')).toBe('612505');
    expect(expectedFor('oleoducto', 'acpm_bombeo')).toBe('614525');
    expect(['oleoducto', 'gas'].map((c) => expectedFor(c, 'gasolina'))).toEqual(['519535', '519535']);
    // Meals and music: the crew's meals and the score are the film's cost, not a canteen or background music.
    expect(['catering_set', 'musica_original', 'talento', 'postproduccion'].map((k) => expectedFor('productora', k))).toEqual(Array(4).fill('617015'));
    // The cooperative: no cost of sales, every purchase to 51xx by its nature.
    expect(['transporte_valores', 'red_cajeros', 'consultas_central', 'fogacoop', 'contribucion', 'cuota_gremio', 'contadora_billetes'].map((k) => expectedFor('cooperativa', k))).toEqual(['513505', '513520', '513595', '513095', '512505', '512510', '152410']);
    expect(Object.values(COMPANIES28.find((c) => c.key === 'cooperativa')!.policy).filter((a) => a!.startsWith('6'))).toEqual([]);
    // Manufacturers: what goes into the product is stock, what is used up making it is the plant's cost.
    expect(['lona', 'compuesto_caucho', 'pegante', 'cordones', 'caja_zapato', 'guarnecida', 'desmoldante'].map((k) => expectedFor('calzado', k))).toEqual(['1405', '1405', '1405', '1405', '1460', '612031', '612031']);
    expect(['trozas', 'resina_uf', 'flete_trozas', 'zunchos', 'cuchillas', 'mtto_prensa'].map((k) => expectedFor('tableros', k))).toEqual(['1405', '1405', '1405', '1460', '612032', '612032']);
    expect(['vidrio_optico', 'cuerpos_aluminio', 'estuches', 'pulido', 'antirreflejo'].map((k) => expectedFor('optica', k))).toEqual(['1405', '1405', '1460', '612075', '612075']);
    expect(['cuero_sintetico', 'camaras_balon', 'hilo', 'mallas', 'cosido_balon', 'serigrafia'].map((k) => expectedFor('balones', k))).toEqual(['1405', '1405', '1405', '1460', '612089', '612089']);
    // The stall: merchandise with the porter who brings it, bags to 1460, the rest in the selling variant.
    expect(['utensilios', 'pilas', 'sombrillas', 'cargadores', 'flete_mercancia', 'bolsas_plaza', 'contabilidad', 'resma'].map((k) => expectedFor('plaza', k))).toEqual(['1435', '1435', '1435', '1435', '1435', '1460', '521030', '529530']);
    // Service activities' own costs.
    expect(['teg', 'inhibidor', 'slickline', 'cromatografia'].map((k) => expectedFor('gas', k))).toEqual(Array(4).fill('611512'));
    expect(['poda', 'lavado_aisladores', 'termografia', 'aisladores', 'cargos_liquidador'].map((k) => expectedFor('transmision', k))).toEqual(Array(5).fill('612505'));
    expect(['dra', 'raspador', 'proteccion_catodica'].map((k) => expectedFor('oleoducto', k))).toEqual(Array(3).fill('614525'));
    // Fixed assets by class.
    expect(([['gas', 'separador'], ['calzado', 'inyectora'], ['transmision', 'reconectador'], ['oleoducto', 'bomba_ducto'], ['productora', 'camara_propia']] as const).map(([c, k]) => expectedFor(c, k))).toEqual(Array(5).fill('1520'));
    expect(expectedFor('plaza', 'toldo')).toBe('152405');
    // Who keeps stock: the four plants and the stall.
    const stocked = COMPANIES28.filter((c) => Object.values(c.policy).some((a) => a!.startsWith('14'))).map((c) => c.key);
    expect(stocked.sort()).toEqual(['balones', 'calzado', 'optica', 'plaza', 'tableros']);
    expect(COMPANIES28.filter((c) => c.inventory === 'perpetual').map((c) => c.key).sort()).toEqual(stocked);
    expect(COMPANIES28.filter((c) => c.earlyMistakes).map((c) => c.key).sort()).toEqual(['oleoducto', 'optica', 'productora']);
    expect(COMPANIES28.map((c) => c.ciiu).sort()).toEqual(['0620', '1522', '1620', '2670', '3230', '3512', '4789', '4930', '6424', '9004']);
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp]);
    expect(lines.filter((l) => !/^(14|15|51|52|61)/.test(l.expected))).toEqual([]);
  });

  it('only coffee, adhesives and resins carry an expiry date next to the lot', () => {
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp, ...s.history.map((h) => ({ ...h, expected: h.account }))]);
    const dated = lines.filter((l) => / VTO \d{2}\/\d{4}/i.test(l.description));
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.filter((l) => l.unspsc && !BLIND28_EXPIRY_CLASSES.test(l.unspsc))).toEqual([]);
    const dryLots = lines.filter((l) => / LOTE [A-Z]\d{5}/i.test(l.description) && l.unspsc && !BLIND28_EXPIRY_CLASSES.test(l.unspsc));
    expect(dryLots.length).toBeGreaterThan(0);
    expect(dryLots.filter((l) => / VTO /i.test(l.description))).toEqual([]);
    expect(BLIND28_EXPIRY_CLASSES.test('13101600')).toBe(false); // rubber compound
    expect(BLIND28_EXPIRY_CLASSES.test('31241500')).toBe(false); // optical glass
    expect(BLIND28_EXPIRY_CLASSES.test('51101700')).toBe(false); // medicines: none bought in this set
    expect(BLIND28_EXPIRY_CLASSES.test('31201600')).toBe(true); // the shoe plant's glue
    expect(BLIND28_EXPIRY_CLASSES.test('13111000')).toBe(true); // the board plant's resin
  });

  billingPeriodChecks(scenarios);
});
