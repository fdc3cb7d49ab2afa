import { describe, expect, it } from 'vitest';
import { COMPANIES17 } from '../fixtures/matching/blind17/companies';
import { BLIND17_EXPIRY_CLASSES, buildBlind17Scenarios } from '../fixtures/matching/blind17/scenarios';
import { PRODUCT17_BY_KEY } from '../fixtures/matching/blind17/vocabulary';
import { billingPeriodChecks, blindSetChecks } from './blind-set-checks';

/**
 * The «a ciegas 17» benchmark set (issue #13): the checks every blind set passes (blind-set-checks.ts), its own
 * policy, its expiry rule (only segment 50, food and drink, carries «VTO mm/aaaa») and its billing periods, which end
 * on the month's real last day.
 */
describe('«a ciegas 17» benchmark set', () => {
  const scenarios = blindSetChecks(buildBlind17Scenarios, COMPANIES17, PRODUCT17_BY_KEY);
  const expectedFor = (company: string, key: string) => COMPANIES17.find((c) => c.key === company)!.policy[PRODUCT17_BY_KEY.get(key)!.role];

  it('the same thing goes where the buyer\'s activity sends it, not where its name suggests', () => {
    // Lubricants: the hydro plant's turbine oil and the fastener plant's cutting oil are cost; the office car's gasoline is admin.
    expect(expectedFor('hidro', 'aceite_turbina')).toBe('612505');
    expect(expectedFor('tornillos', 'aceite_corte')).toBe('612064');
    expect(['palma', 'hidro'].map((c) => expectedFor(c, 'gasolina'))).toEqual(['519535', '519535']);
    // Software: the product's cloud is the software house's cost; its own accounting subscription is admin.
    expect(['hosting_producto', 'desarrollador', 'licencia_componente', 'qa_pruebas'].map((k) => expectedFor('software', k))).toEqual(Array(4).fill('615530'));
    expect(['software_contable', 'comision_tienda', 'energia'].map((k) => expectedFor('software', k))).toEqual(['513520', '529505', '513530']);
    // Lawyers and letters: the collection agency's outside lawyers and certified mail are the service sold; its own lawyer is admin.
    expect(['cobro_juridico', 'correo_certificado', 'centrales_riesgo', 'sms_masivo', 'marcador'].map((k) => expectedFor('cobranza', k))).toEqual(Array(5).fill('615595'));
    expect(expectedFor('cobranza', 'abogado')).toBe('511025');
    // The landlord: fees and repairs of the units it rents out are the rent's cost, not rent paid or its own premises' repairs.
    expect(['admon_ph', 'reparacion_inmueble', 'pintura'].map((k) => expectedFor('inmobiliaria', k))).toEqual(Array(3).fill('615505'));
    expect(['comision_corretaje', 'avaluo', 'portal_inmuebles'].map((k) => expectedFor('inmobiliaria', k))).toEqual(['529505', '511020', '523560']);
    // The parish: what the liturgy uses is the activity's cost; the office's cleaning stays admin.
    expect(['hostias', 'vino_consagrar', 'velas', 'flores_altar', 'musicos'].map((k) => expectedFor('parroquia', k))).toEqual(Array(5).fill('617010'));
    expect(['limpiador', 'cafe'].map((k) => expectedFor('parroquia', k))).toEqual(['519525', '519525']);
    // Manufacturers: what goes into the product is stock, what is used up making it is the plant's cost.
    expect(['rff', 'flete_fruta', 'sacos_palmiste', 'quimico_caldera', 'recargue_tornillos', 'energia'].map((k) => expectedFor('palma', k))).toEqual(['1405', '1405', '1460', '612004', '612004', '612004']);
    expect(['vidrio_flotado', 'pvb', 'separador_corcho', 'muelas_diamante', 'mtto_horno', 'energia'].map((k) => expectedFor('vidrio', k))).toEqual(['1405', '1405', '1460', '612051', '612051', '612051']);
    expect(['alambron', 'cajas_tornillo', 'zincado', 'matrices', 'temple'].map((k) => expectedFor('tornillos', k))).toEqual(['1405', '1460', '612064', '612064', '612064']);
    // The caterer: food is raw material, drinks are served as bought, boxes leave with the food, propane and hired tableware are cost.
    expect(['carnes', 'lacteos', 'bebidas', 'contenedores', 'gas_cocina', 'alquiler_menaje', 'meseros'].map((k) => expectedFor('catering', k))).toEqual(['1405', '1405', '1435', '1460', '614015', '614015', '614015']);
    // The clothing store: merchandise with its inbound freight, bags to 1460, the rest in the selling variant.
    expect(['camisas', 'jeans', 'accesorios', 'flete_mercancia', 'bolsas_tienda', 'energia', 'arriendo_sede', 'contabilidad'].map((k) => expectedFor('ropa', k))).toEqual(['1435', '1435', '1435', '1435', '1460', '523530', '522010', '521030']);
    // The hydro plant's office power is admin: the plant runs on what it generates.
    expect(['energia', 'om_central', 'cargos_mercado'].map((k) => expectedFor('hidro', k))).toEqual(['513530', '612505', '612505']);
    // Fixed assets by class.
    expect(expectedFor('cobranza', 'planta_ip')).toBe('152810');
    expect(expectedFor('catering', 'horno_combi')).toBe('153610');
    expect(['maniqui'].map((k) => expectedFor('ropa', k))).toEqual(['152405']);
    expect(expectedFor('parroquia', 'bancas')).toBe('152405');
    expect(expectedFor('software', 'servidor')).toBe('152805');
    expect(['transformador'].map((k) => expectedFor('hidro', k))).toEqual(['1520']);
    // Who keeps stock: the three plants, the store and the caterer.
    const stocked = COMPANIES17.filter((c) => Object.values(c.policy).some((a) => a!.startsWith('14'))).map((c) => c.key);
    expect(stocked.sort()).toEqual(['catering', 'palma', 'ropa', 'tornillos', 'vidrio']);
    expect(COMPANIES17.filter((c) => c.inventory === 'perpetual').map((c) => c.key).sort()).toEqual(stocked);
    expect(COMPANIES17.filter((c) => c.earlyMistakes).map((c) => c.key).sort()).toEqual(['parroquia', 'software', 'vidrio']);
    expect(COMPANIES17.map((c) => c.ciiu).sort()).toEqual(['1030', '2310', '2599', '3511', '4771', '5621', '5820', '6810', '8291', '9491']);
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp]);
    expect(lines.filter((l) => !/^(14|15|51|52|61)/.test(l.expected))).toEqual([]);
  });

  it('only segment 50 (food and drink) carries an expiry date next to the lot', () => {
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp, ...s.history.map((h) => ({ ...h, expected: h.account }))]);
    const dated = lines.filter((l) => / VTO \d{2}\/\d{4}/i.test(l.description));
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.filter((l) => l.unspsc && !BLIND17_EXPIRY_CLASSES.test(l.unspsc))).toEqual([]);
    const dryLots = lines.filter((l) => / LOTE [A-Z]\d{5}/i.test(l.description) && l.unspsc && !BLIND17_EXPIRY_CLASSES.test(l.unspsc));
    expect(dryLots.length).toBeGreaterThan(0);
    expect(dryLots.filter((l) => / VTO /i.test(l.description))).toEqual([]);
    expect(BLIND17_EXPIRY_CLASSES.test('15121500')).toBe(false); // turbine oil
    expect(BLIND17_EXPIRY_CLASSES.test('51101700')).toBe(false); // medicines: none bought in this set
    expect(BLIND17_EXPIRY_CLASSES.test('50131700')).toBe(true); // the caterer's dairy
  });

  billingPeriodChecks(scenarios);
});
