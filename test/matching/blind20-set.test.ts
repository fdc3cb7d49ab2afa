import { describe, expect, it } from 'vitest';
import { COMPANIES20 } from '../fixtures/matching/blind20/companies';
import { BLIND20_EXPIRY_CLASSES, buildBlind20Scenarios } from '../fixtures/matching/blind20/scenarios';
import { PRODUCT20_BY_KEY } from '../fixtures/matching/blind20/vocabulary';
import { billingPeriodChecks, blindSetChecks } from './blind-set-checks';

/**
 * The «a ciegas 20» benchmark set (issue #13): the checks every blind set passes (blind-set-checks.ts), its own
 * policy, its expiry rule (segments 50, food and drink, and 51, medicines, carry «VTO mm/aaaa») and its billing
 * periods, which end on the month's real last day.
 */
describe('«a ciegas 20» benchmark set', () => {
  const scenarios = blindSetChecks(buildBlind20Scenarios, COMPANIES20, PRODUCT20_BY_KEY);
  const expectedFor = (company: string, key: string) => COMPANIES20.find((c) => c.key === company)!.policy[PRODUCT20_BY_KEY.get(key)!.role];

  it('the same thing goes where the buyer\'s activity sends it, not where its name suggests', () => {
    // Fees to a lawyer: the association's lecturers are what it offers its members; its own labour lawyer is admin.
    expect(['conferencista', 'salon_eventos', 'refrigerios', 'diplomas', 'webinar', 'revista'].map((k) => expectedFor('colegio', k))).toEqual(Array(6).fill('617010'));
    expect(['abogado', 'software_contable', 'arriendo_sede'].map((k) => expectedFor('colegio', k))).toEqual(['511025', '513520', '512010']);
    // Subscriptions: the broker's market-data terminal is the brokerage's cost; its ERP is admin; the self-regulator is a membership fee.
    expect(['tarifa_bolsa', 'custodia', 'terminal', 'proveedor_precios'].map((k) => expectedFor('comisionista', k))).toEqual(Array(4).fill('615010'));
    expect(['software_contable', 'autorregulador'].map((k) => expectedFor('comisionista', k))).toEqual(['513520', '512510']);
    // Investigators: database checks and the car that tails someone are the investigation sold; the office car's gasoline is admin.
    expect(['bases_datos', 'poligrafo', 'alquiler_carro', 'visitas', 'grafologia'].map((k) => expectedFor('detectives', k))).toEqual(Array(5).fill('615565'));
    expect(expectedFor('detectives', 'gasolina')).toBe('519535');
    // The stud: foals are livestock held for sale, feed is stocked, the vet and dewormers are the cost of raising them.
    expect(['potros', 'concentrado', 'heno', 'veterinario', 'medicamento_vet', 'herrero', 'monta', 'chalan', 'energia'].map((k) => expectedFor('caballos', k))).toEqual(['144505', '1405', '1405', '610555', '610555', '610555', '610555', '610555', '610555']);
    // Manufacturers: what goes into the product is stock, what is used up making it is the plant's cost.
    expect(['alcohol', 'anis', 'azucar', 'botellas', 'tapas_etiquetas', 'carbon_activado', 'mtto_alambique', 'energia'].map((k) => expectedFor('licores', k))).toEqual(['1405', '1405', '1405', '1460', '1460', '612015', '612015', '612015']);
    expect(['cuero', 'herrajes', 'forro_hilo', 'guardapolvo', 'maquila_costura', 'troqueles', 'pegante'].map((k) => expectedFor('bolsos', k))).toEqual(['1405', '1405', '1405', '1460', '612030', '612030', '612030']);
    expect(['planchas_marmol', 'resina', 'flete_planchas', 'estibas', 'discos_diamante', 'abrasivos', 'mtto_puente'].map((k) => expectedFor('marmol', k))).toEqual(['1405', '1405', '1405', '1460', '612055', '612055', '612055']);
    expect(['marcos', 'llantas', 'componentes', 'flete_partes', 'cajas_bici', 'pintura_electro', 'grasa_bici', 'herramienta_taller'].map((k) => expectedFor('bicis', k))).toEqual(['1405', '1405', '1405', '1405', '1460', '612084', '612084', '612084']);
    // Lubricants: the assembler's grease is cost; the stud's and the investigators' gasoline is admin.
    expect(['caballos', 'detectives'].map((c) => expectedFor(c, 'gasolina'))).toEqual(['519535', '519535']);
    // The variety store: the detergent and notebooks it sells are merchandise; the cleaner it uses and its till rolls are selling expenses.
    expect(['articulos_hogar', 'utiles_escolares', 'juguetes', 'flete_mercancia', 'bolsas_caja'].map((k) => expectedFor('miscelanea', k))).toEqual(['1435', '1435', '1435', '1435', '1460']);
    expect(['limpiador', 'rollo_pos', 'energia', 'arriendo_sede', 'contabilidad'].map((k) => expectedFor('miscelanea', k))).toEqual(['529525', '529530', '523530', '522010', '521030']);
    // The holiday centre: pool chemicals, amenities and linen laundry are the stays sold; its office's cleaning is admin.
    expect(['amenities', 'quimicos_piscina', 'lavanderia', 'recreacion', 'mtto_piscina', 'energia'].map((k) => expectedFor('vacacional', k))).toEqual(Array(6).fill('614010'));
    expect(['limpiador', 'vigilancia_sede'].map((k) => expectedFor('vacacional', k))).toEqual(['519525', '513505']);
    // Fixed assets by class.
    expect(['lenceria', 'asoleadora'].map((k) => expectedFor('vacacional', k))).toEqual(['153605', '153695']);
    expect(expectedFor('miscelanea', 'gondola')).toBe('152405');
    expect(expectedFor('detectives', 'caja_fuerte')).toBe('152405');
    expect(expectedFor('colegio', 'videobeam')).toBe('152805');
    expect(expectedFor('comisionista', 'servidor_bolsa')).toBe('152805');
    expect([['caballos', 'guadana'], ['licores', 'tanque_inox'], ['bolsos', 'maquina_poste'], ['marmol', 'cortadora'], ['bicis', 'compresor']].map(([c, k]) => expectedFor(c!, k!))).toEqual(Array(5).fill('1520'));
    // Who keeps stock: the stud, the four plants and the store.
    const stocked = COMPANIES20.filter((c) => Object.values(c.policy).some((a) => a!.startsWith('14'))).map((c) => c.key);
    expect(stocked.sort()).toEqual(['bicis', 'bolsos', 'caballos', 'licores', 'marmol', 'miscelanea']);
    expect(COMPANIES20.filter((c) => c.inventory === 'perpetual').map((c) => c.key).sort()).toEqual(stocked);
    expect(COMPANIES20.filter((c) => c.earlyMistakes).map((c) => c.key).sort()).toEqual(['detectives', 'marmol', 'vacacional']);
    expect(COMPANIES20.map((c) => c.ciiu).sort()).toEqual(['0142', '1101', '1513', '2396', '3092', '4719', '5513', '6612', '8030', '9412']);
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp]);
    expect(lines.filter((l) => !/^(14|15|51|52|61)/.test(l.expected))).toEqual([]);
  });

  it('only segments 50 (food and drink) and 51 (medicines) carry an expiry date next to the lot', () => {
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp, ...s.history.map((h) => ({ ...h, expected: h.account }))]);
    const dated = lines.filter((l) => / VTO \d{2}\/\d{4}/i.test(l.description));
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.filter((l) => l.unspsc && !BLIND20_EXPIRY_CLASSES.test(l.unspsc))).toEqual([]);
    const dryLots = lines.filter((l) => / LOTE [A-Z]\d{5}/i.test(l.description) && l.unspsc && !BLIND20_EXPIRY_CLASSES.test(l.unspsc));
    expect(dryLots.length).toBeGreaterThan(0);
    expect(dryLots.filter((l) => / VTO /i.test(l.description))).toEqual([]);
    expect(BLIND20_EXPIRY_CLASSES.test('10121500')).toBe(false); // horse feed
    expect(BLIND20_EXPIRY_CLASSES.test('42121800')).toBe(false); // insemination supplies
    expect(BLIND20_EXPIRY_CLASSES.test('51101700')).toBe(true); // dewormers
    expect(BLIND20_EXPIRY_CLASSES.test('50161900')).toBe(true); // the distillery's sugar
  });

  billingPeriodChecks(scenarios);
});
