import { describe, expect, it } from 'vitest';
import { COMPANIES16 } from '../fixtures/matching/blind16/companies';
import { BLIND16_EXPIRY_CLASSES, buildBlind16Scenarios } from '../fixtures/matching/blind16/scenarios';
import { PRODUCT16_BY_KEY } from '../fixtures/matching/blind16/vocabulary';
import { billingPeriodChecks, blindSetChecks } from './blind-set-checks';

/**
 * The «a ciegas 16» benchmark set (issue #13): the checks every blind set passes (blind-set-checks.ts), its own
 * policy, its expiry rule (only packaged coffee, bottled drinks and laboratory reagents carry «VTO mm/aaaa») and its
 * billing periods, which end on the month's real last day.
 */
describe('«a ciegas 16» benchmark set', () => {
  const scenarios = blindSetChecks(buildBlind16Scenarios, COMPANIES16, PRODUCT16_BY_KEY);
  const expectedFor = (company: string, key: string) => COMPANIES16.find((c) => c.key === company)!.policy[PRODUCT16_BY_KEY.get(key)!.role];

  it('the same thing goes where the buyer\'s activity sends it, not where its name suggests', () => {
    // Fuel: the chainsaws that cut the guadua are the grove's cost; the office car's gasoline is admin.
    expect(expectedFor('guadua', 'mezcla_motosierra')).toBe('610580');
    expect(['guadua', 'molino', 'club'].map((c) => expectedFor(c, 'gasolina'))).toEqual(['519535', '519535', '519535']);
    // Gas, cleaning, wifi and power at the residence are the stay sold; its guard is admin.
    expect(['gas_cocina', 'aseo_habitaciones', 'wifi_residentes', 'mercado_comedor', 'energia'].map((k) => expectedFor('residencia', k))).toEqual(Array(5).fill('614010'));
    expect(expectedFor('residencia', 'vigilancia_sede')).toBe('513505');
    // The data centre: racks, link and the clients' cloud are the service sold; its own SaaS and office internet are admin.
    expect(['colocation', 'enlace_datacenter', 'nube_clientes', 'licencias_backup'].map((k) => expectedFor('nodo_ti', k))).toEqual(Array(4).fill('615535'));
    expect(expectedFor('nodo_ti', 'desarrollador')).toBe('615530');
    expect(['software_contable', 'internet', 'energia'].map((k) => expectedFor('nodo_ti', k))).toEqual(['513520', '513535', '513530']);
    expect(['servidor', 'switch'].map((k) => expectedFor('nodo_ti', k))).toEqual(['152805', '152810']);
    // Market research: field data plans and focus-group snacks are the study; office phones and coffee are admin.
    expect(['datos_tabletas', 'refrigerios_focus', 'incentivos'].map((k) => expectedFor('encuestas', k))).toEqual(Array(3).fill('615550'));
    expect(['plan_celular', 'cafe'].map((k) => expectedFor('encuestas', k))).toEqual(['513535', '519525']);
    // The college teaches on its LMS (cost) and keeps its books on a SaaS (admin).
    expect(['plataforma_lms', 'docente_catedra', 'insumos_cocina', 'reactivos'].map((k) => expectedFor('instituto', k))).toEqual(Array(4).fill('616005'));
    expect(expectedFor('instituto', 'software_contable')).toBe('513520');
    // The club: pool chlorine is the sport it sells, not aseo; kits bought to sell are merchandise, not dotación.
    expect(['cloro_piscina', 'balones', 'bus_delegacion', 'energia'].map((k) => expectedFor('club', k))).toEqual(Array(4).fill('617040'));
    expect(['uniformes_venta', 'hidratante_venta', 'limpiador', 'dotacion'].map((k) => expectedFor('club', k))).toEqual(['1435', '1435', '519525', '510551']);
    // Manufacturers: what goes into the product is stock, what is used up making it is the plant's cost.
    expect(['arroz_paddy', 'flete_paddy', 'bolsa_arroz', 'lona_arroz', 'rodillos_caucho', 'energia'].map((k) => expectedFor('molino', k))).toEqual(['1405', '1405', '1460', '1460', '612006', '612006']);
    expect(['caucho_crudo', 'negro_humo', 'quimicos_vulcanizacion', 'caja_empaques', 'desmoldante', 'cuchillas_refilado'].map((k) => expectedFor('caucho', k))).toEqual(['1405', '1405', '1405', '1460', '612049', '612049']);
    expect(['espuma', 'resortes', 'tela_colchon', 'bolsa_colchon', 'agujas', 'flete_colchones'].map((k) => expectedFor('colchones', k))).toEqual(['1405', '1405', '1405', '1460', '612086', '523550']);
    // The guadua gatherer stocks only the salts that stay in the culms and the packaging; its power is the office's.
    expect(['borax', 'bolsa_semillas', 'corte_guadua', 'acarreo_mula', 'flete_guadua', 'energia'].map((k) => expectedFor('guadua', k))).toEqual(['1405', '1460', '610580', '610580', '523550', '513530']);
    // The wholesaler: laptops and licences bought to resell are merchandise, imports add their freight and broker,
    // courier to clients is selling freight, and its own laptop is a fixed asset.
    expect(['portatil_reventa', 'licencias_oem', 'agente_aduanas', 'flete_internacional', 'despacho_clientes', 'comision_marketplace', 'energia', 'portatil'].map((k) => expectedFor('mayorista_tec', k))).toEqual(['1435', '1435', '1435', '1435', '523550', '529505', '523530', '152805']);
    // Fixed assets by class.
    expect(['camarote', 'nevera_comedor'].map((k) => expectedFor('residencia', k))).toEqual(['153605', '153610']);
    expect(['microscopio', 'silla_universitaria'].map((k) => expectedFor('instituto', k))).toEqual(['153215', '152405']);
    // Who keeps stock: the four plants (the gatherer only salts and packaging), the wholesaler and the club's shop.
    const stocked = COMPANIES16.filter((c) => Object.values(c.policy).some((a) => a!.startsWith('14'))).map((c) => c.key);
    expect(stocked.sort()).toEqual(['caucho', 'club', 'colchones', 'guadua', 'mayorista_tec', 'molino']);
    expect(COMPANIES16.filter((c) => c.inventory === 'perpetual').map((c) => c.key).sort()).toEqual(stocked);
    expect(COMPANIES16.filter((c) => c.earlyMistakes).map((c) => c.key).sort()).toEqual(['caucho', 'club', 'nodo_ti']);
    expect(COMPANIES16.map((c) => c.ciiu).sort()).toEqual(['0230', '1051', '2219', '3120', '4651', '5590', '6202', '7320', '8541', '9312']);
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp]);
    expect(lines.filter((l) => !/^(14|15|51|52|61)/.test(l.expected))).toEqual([]);
    // The wholesaler's laptops are on both sides: merchandise from the importer, a fixed asset from the stationer.
    const laptops = scenarios.filter((s) => s.company.key === 'mayorista_tec').flatMap((s) => s.tests).filter((l) => /PORTATIL|LAPTOP|NOTEBOOK|COMPUTADOR/i.test(l.description));
    expect(new Set(laptops.map((l) => l.expected))).toEqual(new Set(['1435', '152805']));
  });

  it('only packaged coffee, bottled drinks and reagents carry an expiry date next to the lot', () => {
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp, ...s.history.map((h) => ({ ...h, expected: h.account }))]);
    const dated = lines.filter((l) => / VTO \d{2}\/\d{4}/i.test(l.description));
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.filter((l) => l.unspsc && !BLIND16_EXPIRY_CLASSES.test(l.unspsc))).toEqual([]);
    const dryLots = lines.filter((l) => / LOTE [A-Z]\d{5}/i.test(l.description) && l.unspsc && !BLIND16_EXPIRY_CLASSES.test(l.unspsc));
    expect(dryLots.length).toBeGreaterThan(0);
    expect(dryLots.filter((l) => / VTO /i.test(l.description))).toEqual([]);
    expect(BLIND16_EXPIRY_CLASSES.test('50221100')).toBe(false); // paddy rice
    expect(BLIND16_EXPIRY_CLASSES.test('47101600')).toBe(false); // pool chlorine
    expect(BLIND16_EXPIRY_CLASSES.test('12161500')).toBe(true); // reagents
    expect(BLIND16_EXPIRY_CLASSES.test('50202300')).toBe(true); // bottled drinks
  });

  billingPeriodChecks(scenarios);
});
