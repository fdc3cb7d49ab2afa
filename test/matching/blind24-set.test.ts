import { describe, expect, it } from 'vitest';
import { COMPANIES24 } from '../fixtures/matching/blind24/companies';
import { BLIND24_EXPIRY_CLASSES, buildBlind24Scenarios } from '../fixtures/matching/blind24/scenarios';
import { PRODUCT24_BY_KEY } from '../fixtures/matching/blind24/vocabulary';
import { billingPeriodChecks, blindSetChecks } from './blind-set-checks';

/**
 * The «a ciegas 24» benchmark set (issue #13): the checks every blind set passes (blind-set-checks.ts), its own
 * policy, its expiry rule (only bakery goods, drinks and pesticides carry «VTO mm/aaaa») and its billing periods,
 * which end on the month's real last day.
 */
describe('«a ciegas 24» benchmark set', () => {
  const scenarios = blindSetChecks(buildBlind24Scenarios, COMPANIES24, PRODUCT24_BY_KEY);
  const expectedFor = (company: string, key: string) => COMPANIES24.find((c) => c.key === company)!.policy[PRODUCT24_BY_KEY.get(key)!.role];

  it('the same thing goes where the buyer\'s activity sends it, not where its name suggests', () => {
    // Fuel and gas: the salt works' loader diesel, the forge's furnace gas and the hostel's propane are cost; the office car's gasoline is admin.
    expect(expectedFor('salina', 'acpm')).toBe('611530');
    expect(expectedFor('forja', 'gas_horno')).toBe('612061');
    expect(expectedFor('hostal', 'gas_propano')).toBe('614010');
    expect(['cebolla', 'forja'].map((c) => expectedFor(c, 'gasolina'))).toEqual(['519535', '519535']);
    // The outsourcer: archive boxes, courier and staff on assignment are the service it sells; its own stationery and lawyer are admin.
    expect(['digitalizacion', 'custodia_archivo', 'mensajeria_docs', 'personal_mision', 'plataforma_nomina', 'cajas_archivo'].map((k) => expectedFor('outsourcing', k))).toEqual(Array(6).fill('615595'));
    expect(['resma', 'abogado', 'software_contable'].map((k) => expectedFor('outsourcing', k))).toEqual(['519530', '511025', '513520']);
    // The grower keeps no stock: every crop input is the crop's cost; the truck to the market is selling freight.
    expect(['semilla', 'gallinaza', 'fertilizante', 'agroquimico', 'cuadrilla', 'tutorado', 'costal'].map((k) => expectedFor('cebolla', k))).toEqual(Array(7).fill('610510'));
    expect(expectedFor('cebolla', 'flete_cosecha')).toBe('523550');
    // The hostel: what the guest uses is the lodging's cost, the office coffee is admin, the platforms' fee is selling.
    expect(['amenities', 'lavanderia', 'lenceria', 'lena', 'desayunos'].map((k) => expectedFor('hostal', k))).toEqual(Array(5).fill('614010'));
    expect(['cafe', 'comision_ota', 'colchon'].map((k) => expectedFor('hostal', k))).toEqual(['519525', '529505', '153605']);
    // Manufacturers: what goes into the product is stock, what is used up making it is the plant's cost.
    expect(['yodato', 'antiaglomerante', 'bolsa_sal', 'cargador', 'mtto_bombas', 'energia'].map((k) => expectedFor('salina', k))).toEqual(['1405', '1405', '1460', '611530', '611530', '611530']);
    expect(['lona_pvc', 'hilo', 'ojaletes', 'funda_carpa', 'agujas', 'sellado_hf', 'energia'].map((k) => expectedFor('lonas', k))).toEqual(['1405', '1405', '1405', '1460', '612022', '612022', '612022']);
    expect(['compuesto_suela', 'sistema_pu', 'bolsa_pares', 'moldes', 'desmoldante'].map((k) => expectedFor('suelas', k))).toEqual(['1405', '1405', '1460', '612031', '612031']);
    expect(['chips_pet', 'ensimaje', 'tubos_carton', 'nitrogeno', 'limpieza_hileras'].map((k) => expectedFor('fibras', k))).toEqual(['1405', '1405', '1460', '612048', '612048']);
    expect(['barra_acero', 'huacal', 'grafito', 'dados', 'granallado'].map((k) => expectedFor('forja', k))).toEqual(['1405', '1460', '612061', '612061', '612061']);
    expect(['viga', 'cadena_carga', 'motorreductor', 'pintura_epoxica', 'embalaje_export', 'soldadura', 'prueba_carga'].map((k) => expectedFor('gruas', k))).toEqual(['1405', '1405', '1405', '1405', '1460', '612066', '612066']);
    // The liquor store: merchandise (ice included) with its inbound freight, bags to 1460, the rest in the selling variant.
    expect(['aguardiente', 'cerveza', 'cigarrillos', 'hielo', 'flete_licor', 'bolsa_licor', 'energia', 'arriendo_sede', 'contabilidad'].map((k) => expectedFor('licorera', k))).toEqual(['1435', '1435', '1435', '1435', '1435', '1460', '523530', '522010', '521030']);
    // Fixed assets by class.
    expect(expectedFor('outsourcing', 'escaner')).toBe('152805');
    expect(expectedFor('licorera', 'vitrina')).toBe('152405');
    expect(['motobomba', 'molino_sal', 'maquina_coser', 'inyectora', 'bobinadora', 'prensa', 'torno'].map((k) => PRODUCT24_BY_KEY.get(k)!.role)).toEqual(Array(7).fill('maquinaria'));
    expect(expectedFor('gruas', 'torno')).toBe('1520');
    // Who keeps stock: the six plants and the store; the grower, the hostel and the outsourcer do not.
    const stocked = COMPANIES24.filter((c) => Object.values(c.policy).some((a) => a!.startsWith('14'))).map((c) => c.key);
    expect(stocked.sort()).toEqual(['fibras', 'forja', 'gruas', 'licorera', 'lonas', 'salina', 'suelas']);
    expect(COMPANIES24.filter((c) => c.inventory === 'perpetual').map((c) => c.key).sort()).toEqual(stocked);
    expect(COMPANIES24.filter((c) => c.earlyMistakes).map((c) => c.key).sort()).toEqual(['cebolla', 'gruas', 'outsourcing']);
    expect(COMPANIES24.map((c) => c.ciiu).sort()).toEqual(['0119', '0892', '1399', '1523', '2030', '2591', '2816', '4724', '5519', '8211']);
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp]);
    expect(lines.filter((l) => !/^(14|15|51|52|61)/.test(l.expected))).toEqual([]);
  });

  it('only bakery goods, drinks and pesticides carry an expiry date next to the lot', () => {
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp, ...s.history.map((h) => ({ ...h, expected: h.account }))]);
    const dated = lines.filter((l) => / VTO \d{2}\/\d{4}/i.test(l.description));
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.filter((l) => l.unspsc && !BLIND24_EXPIRY_CLASSES.test(l.unspsc))).toEqual([]);
    const dryLots = lines.filter((l) => / LOTE [A-Z]\d{5}/i.test(l.description) && l.unspsc && !BLIND24_EXPIRY_CLASSES.test(l.unspsc));
    expect(dryLots.length).toBeGreaterThan(0);
    expect(dryLots.filter((l) => / VTO /i.test(l.description))).toEqual([]);
    expect(BLIND24_EXPIRY_CLASSES.test('50211500')).toBe(false); // cigarettes
    expect(BLIND24_EXPIRY_CLASSES.test('10171600')).toBe(false); // fertiliser
    expect(BLIND24_EXPIRY_CLASSES.test('51101700')).toBe(false); // medicines: none bought in this set
    expect(BLIND24_EXPIRY_CLASSES.test('50202200')).toBe(true); // the liquor store's spirits and beer
    expect(BLIND24_EXPIRY_CLASSES.test('10191500')).toBe(true); // the grower's pesticides
  });

  billingPeriodChecks(scenarios);
});
