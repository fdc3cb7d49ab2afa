import { describe, expect, it } from 'vitest';
import { COMPANIES19 } from '../fixtures/matching/blind19/companies';
import { BLIND19_EXPIRY_CLASSES, buildBlind19Scenarios } from '../fixtures/matching/blind19/scenarios';
import { PRODUCT19_BY_KEY } from '../fixtures/matching/blind19/vocabulary';
import { billingPeriodChecks, blindSetChecks } from './blind-set-checks';

/**
 * The «a ciegas 19» benchmark set (issue #13): the checks every blind set passes (blind-set-checks.ts), its own
 * policy, its expiry rule (reagents, sterile labware, food and veterinary drugs carry «VTO mm/aaaa») and its billing
 * periods, which end on the month's real last day.
 */
describe('«a ciegas 19» benchmark set', () => {
  const scenarios = blindSetChecks(buildBlind19Scenarios, COMPANIES19, PRODUCT19_BY_KEY);
  const expectedFor = (company: string, key: string) => COMPANIES19.find((c) => c.key === company)!.policy[PRODUCT19_BY_KEY.get(key)!.role];

  it('the same thing goes where the buyer\'s activity sends it, not where its name suggests', () => {
    // Diesel: the demolition machines' and the tug's are the service sold; the office pickup's gasoline is admin, even from the same station.
    expect(expectedFor('demolicion', 'acpm_obra')).toBe('613005');
    expect(expectedFor('fluvial', 'acpm_barco')).toBe('614515');
    expect(['demolicion', 'fluvial', 'piscicola', 'motores'].map((c) => expectedFor(c, 'gasolina'))).toEqual(Array(4).fill('519535'));
    // Gas: the kitchen's marmitas and the foundry's furnaces are production; the upholsterer's kitchenette is admin; the wholesaler's would be selling.
    expect([expectedFor('comidas', 'gas_industrial'), expectedFor('fundicion', 'gas_horno'), expectedFor('tapiceria', 'gas_cocineta'), expectedFor('electro', 'gas_cocineta')]).toEqual(['612014', '612059', '513555', '523555']);
    // Machinery hired with its operator, field trips, dry-docking: cost, not rent, travel or fleet upkeep.
    expect([expectedFor('demolicion', 'alquiler_maquina'), expectedFor('laboratorio', 'salida_campo'), expectedFor('fluvial', 'varadero')]).toEqual(['613005', '615545', '614515']);
    // Freight: inbound to the wholesaler's stock, outbound a selling expense; the upholsterer's haul of the client's sofa is the repair's cost.
    expect(['flete_entrada', 'flete_salida'].map((k) => expectedFor('electro', k))).toEqual(['1435', '523550']);
    expect(expectedFor('tapiceria', 'flete_muebles')).toBe('617095');
    // Manufacturers: what goes into the product is stock, what shapes or serves it is the plant's cost.
    expect(['alevinos', 'concentrado', 'cajas_icopor', 'cal_estanque', 'antibiotico_peces', 'cosecha', 'energia'].map((k) => expectedFor('piscicola', k))).toEqual(['1405', '1405', '1460', '611010', '611010', '611010', '611010']);
    expect(['carne_cocina', 'granos', 'bandejas', 'fumigacion', 'analisis_micro', 'marmita'].map((k) => expectedFor('comidas', k))).toEqual(['1405', '1405', '1460', '612014', '612014', '1520']);
    expect(['resina_pp', 'hilo_nylon', 'masterbatch', 'carretes', 'repuesto_redes', 'tintura', 'mtto_extrusora'].map((k) => expectedFor('cuerdas', k))).toEqual(['1405', '1405', '1405', '1460', '1455', '612024', '612024']);
    expect(['aluminio', 'cobre_estano', 'estibas', 'arena_moldeo', 'crisoles', 'fundente', 'energia'].map((k) => expectedFor('fundicion', k))).toEqual(['1405', '1405', '1460', '612059', '612059', '612059', '612059']);
    // The motor shop stocks what goes into the clients' motors (1455) and costs the outside work.
    expect(['alambre_magneto', 'rodamientos', 'aislantes', 'rectificado', 'balanceo', 'solvente'].map((k) => expectedFor('motores', k))).toEqual(['1455', '1455', '1455', '612071', '612071', '612071']);
    // The wholesaler: goods resold, dispatch packaging stocked, the rest in the selling variant.
    expect(['neveras', 'lavadoras', 'pequenos', 'stretch', 'energia', 'arriendo_sede', 'contabilidad', 'vigilancia_sede'].map((k) => expectedFor('electro', k))).toEqual(['1435', '1435', '1435', '1460', '523530', '522010', '521030', '523505']);
    // Service firms without stock: everything the work uses is its cost.
    expect(['reactivos', 'vidrieria', 'secuenciacion', 'gases_lab', 'calibracion'].map((k) => expectedFor('laboratorio', k))).toEqual(Array(5).fill('615545'));
    expect(['telas', 'espuma', 'insumos_tapiz', 'lacas'].map((k) => expectedFor('tapiceria', k))).toEqual(Array(4).fill('617095'));
    expect(['escombros', 'discos_puntero', 'andamio'].map((k) => expectedFor('demolicion', k))).toEqual(Array(3).fill('613005'));
    expect(['aceite_marino', 'muellaje', 'estiba_carga'].map((k) => expectedFor('fluvial', k))).toEqual(Array(3).fill('614515'));
    // Fixed assets by class.
    expect([expectedFor('fluvial', 'radio_vhf'), expectedFor('fluvial', 'lancha'), expectedFor('electro', 'montacargas'), expectedFor('laboratorio', 'centrifuga')]).toEqual(['152815', '154410', '154020', '153215']);
    expect(['aireador', 'trenzadora', 'horno_fusion', 'horno_secado', 'martillo', 'maquina_coser'].map((k) => expectedFor('piscicola', k))).toEqual(Array(6).fill('1520'));
    // Who keeps stock: the five plants and the wholesaler.
    const stocked = COMPANIES19.filter((c) => Object.values(c.policy).some((a) => a!.startsWith('14'))).map((c) => c.key);
    expect(stocked.sort()).toEqual(['comidas', 'cuerdas', 'electro', 'fundicion', 'motores', 'piscicola']);
    expect(COMPANIES19.filter((c) => c.inventory === 'perpetual').map((c) => c.key).sort()).toEqual(stocked);
    expect(COMPANIES19.filter((c) => c.earlyMistakes).map((c) => c.key).sort()).toEqual(['cuerdas', 'demolicion', 'laboratorio']);
    expect(COMPANIES19.map((c) => c.ciiu).sort()).toEqual(['0312', '1084', '1394', '2432', '3314', '4311', '4644', '5012', '7210', '9524']);
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp]);
    expect(lines.filter((l) => !/^(14|15|51|52|61)/.test(l.expected))).toEqual([]);
  });

  it('only reagents, sterile labware, food and veterinary drugs carry an expiry date next to the lot', () => {
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp, ...s.history.map((h) => ({ ...h, expected: h.account }))]);
    const dated = lines.filter((l) => / VTO \d{2}\/\d{4}/i.test(l.description));
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.filter((l) => l.unspsc && !BLIND19_EXPIRY_CLASSES.test(l.unspsc))).toEqual([]);
    const dryLots = lines.filter((l) => / LOTE [A-Z]\d{5}/i.test(l.description) && l.unspsc && !BLIND19_EXPIRY_CLASSES.test(l.unspsc));
    expect(dryLots.length).toBeGreaterThan(0);
    expect(dryLots.filter((l) => / VTO /i.test(l.description))).toEqual([]);
    expect(BLIND19_EXPIRY_CLASSES.test('41122200')).toBe(false); // the foundry's crucibles
    expect(BLIND19_EXPIRY_CLASSES.test('12142000')).toBe(false); // the lab's argon cylinders
    expect(BLIND19_EXPIRY_CLASSES.test('12161500')).toBe(true); // reagents
    expect(BLIND19_EXPIRY_CLASSES.test('51102600')).toBe(true); // the fish farm's veterinary antibiotics
  });

  billingPeriodChecks(scenarios);
});
