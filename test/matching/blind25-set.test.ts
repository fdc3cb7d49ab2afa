import { describe, expect, it } from 'vitest';
import { COMPANIES25 } from '../fixtures/matching/blind25/companies';
import { BLIND25_EXPIRY_CLASSES, buildBlind25Scenarios } from '../fixtures/matching/blind25/scenarios';
import { PRODUCT25_BY_KEY } from '../fixtures/matching/blind25/vocabulary';
import { billingPeriodChecks, blindSetChecks } from './blind-set-checks';

/**
 * The «a ciegas 25» benchmark set (issue #13): the checks every blind set passes (blind-set-checks.ts), its own
 * policy, its expiry rule (segment 50, food and drink, and family 1017, fertilisers and herbicides, carry «VTO
 * mm/aaaa») and its billing periods, which end on the month's real last day.
 */
describe('«a ciegas 25» benchmark set', () => {
  const scenarios = blindSetChecks(buildBlind25Scenarios, COMPANIES25, PRODUCT25_BY_KEY);
  const expectedFor = (company: string, key: string) => COMPANIES25.find((c) => c.key === company)!.policy[PRODUCT25_BY_KEY.get(key)!.role];

  it('the same thing goes where the buyer\'s activity sends it, not where its name suggests', () => {
    // Fuel: the mine's compressor diesel is the mine's cost; the office pickup's gasoline, from the same station, is admin.
    expect(['acpm_mina', 'gasolina'].map((k) => expectedFor('esmeraldas', k))).toEqual(['611527', '519535']);
    expect(COMPANIES25.find((c) => c.key === 'esmeraldas')!.suppliers.find((s) => s.products.includes('acpm_mina'))!.products).toContain('gasolina');
    expect(['explosivos', 'madera_entibado', 'barrenos', 'geologia', 'ventilacion'].map((k) => expectedFor('esmeraldas', k))).toEqual(Array(5).fill('611527'));
    // Gas: the paper mill's boiler gas is the mill's cost; the body builder's welding gas is the plant's cost.
    expect(expectedFor('papel', 'gas_caldera')).toBe('612033');
    expect(['soldadura_mig', 'gas_soldadura', 'abrasivos', 'sandblasting', 'energia'].map((k) => expectedFor('carrocerias', k))).toEqual(Array(5).fill('612078'));
    // Freight: inbound parts freight is stock, the installer's haulage is the installation, the plantation's outbound latex freight is selling.
    expect(expectedFor('computadores', 'flete_importacion')).toBe('1405');
    expect(expectedFor('montajes', 'cama_baja')).toBe('612065');
    expect(expectedFor('caucho', 'flete_latex')).toBe('523550');
    // Rent: the theatre's hall per performance is the play's cost; its rehearsal space is admin rent.
    expect(['sala_funcion', 'arriendo_sede'].map((k) => expectedFor('teatro', k))).toEqual(['617030', '512010']);
    expect(['vestuario', 'escenografia', 'luces_alquiler', 'derechos_autor', 'maquillaje', 'musicos_obra'].map((k) => expectedFor('teatro', k))).toEqual(Array(6).fill('617030'));
    // Software: the OEM licence shipped in each computer is raw material; the publisher's design suite is admin data processing.
    expect(expectedFor('computadores', 'licencia_oem')).toBe('1405');
    expect(['licencia_diseno', 'software_contable'].map((k) => expectedFor('revistas', k))).toEqual(['513520', '513520']);
    // A news wire and a printer are the publisher's cost, not a subscription or photocopies.
    expect(['agencia_noticias', 'impresion', 'colaboradores', 'distribucion', 'papel_revista', 'polibolsa', 'energia'].map((k) => expectedFor('revistas', k))).toEqual(['612034', '612034', '612034', '612034', '1405', '1460', '513530']);
    // The fund manager: custody, prices, brokerage, rating and the depository run the funds; its own auditor is admin.
    expect(['custodia', 'precios', 'comision_bolsa', 'calificadora', 'deposito_valores'].map((k) => expectedFor('fondos', k))).toEqual(Array(5).fill('615005'));
    expect(['revisoria', 'abogado'].map((k) => expectedFor('fondos', k))).toEqual(['511010', '511025']);
    // The second-hand store: used furniture and books are merchandise, repairs before the sale add to it, the store's own showcase is a fixed asset.
    expect(['celulares_usados', 'electro_usados', 'muebles_usados', 'libros_usados', 'reacondicionar', 'bolsas_almacen', 'vitrina'].map((k) => expectedFor('usados', k))).toEqual(['1435', '1435', '1435', '1435', '1435', '1460', '152405']);
    expect(['energia', 'arriendo_sede', 'contabilidad', 'pauta'].map((k) => expectedFor('usados', k))).toEqual(['523530', '522010', '521030', '523560']);
    // The plantation's inputs and tappers are the crop's cost.
    expect(['abono_caucho', 'herbicida', 'estimulante', 'tazas_latex', 'acido_formico', 'sangria', 'asistencia_agro'].map((k) => expectedFor('caucho', k))).toEqual(Array(7).fill('610545'));
    // Manufacturers: what goes into the product is stock, what is used up making it is the plant's cost.
    expect(['fibra_reciclada', 'pulpa', 'almidon', 'core_tubos', 'fieltros', 'biocida', 'mtto_maquina_papel', 'energia'].map((k) => expectedFor('papel', k))).toEqual(['1405', '1405', '1405', '1460', '612033', '612033', '612033', '612033']);
    expect(['board', 'memoria_ssd', 'procesador', 'chasis', 'cajas_pc', 'insumos_esd', 'certificacion', 'portatil'].map((k) => expectedFor('computadores', k))).toEqual(['1405', '1405', '1405', '1405', '1460', '612068', '612068', '152805']);
    expect(['lamina_acero', 'perfiles', 'aluminio', 'pintura_auto', 'luces_led'].map((k) => expectedFor('carrocerias', k))).toEqual(Array(5).fill('1405'));
    expect(['grua', 'andamios', 'pernos_anclaje', 'montaje_subcontrato', 'alineacion'].map((k) => expectedFor('montajes', k))).toEqual(Array(5).fill('612065'));
    // Fixed assets by class.
    expect(['montacargas', 'bomba_pulpa'].map((k) => expectedFor('papel', k))).toEqual(['154020', '1520']);
    expect(expectedFor('fondos', 'planta_grabacion')).toBe('152810');
    expect(expectedFor('teatro', 'consola')).toBe('1520');
    expect(['compresor', 'malacate'].map((k) => expectedFor('esmeraldas', k))).toEqual(['1520', '1520']);
    // Who keeps stock: the three plants, the store and the publisher.
    const stocked = COMPANIES25.filter((c) => Object.values(c.policy).some((a) => a!.startsWith('14'))).map((c) => c.key);
    expect(stocked.sort()).toEqual(['carrocerias', 'computadores', 'papel', 'revistas', 'usados']);
    expect(COMPANIES25.filter((c) => c.inventory === 'perpetual').map((c) => c.key).sort()).toEqual(stocked);
    expect(COMPANIES25.filter((c) => c.earlyMistakes).map((c) => c.key).sort()).toEqual(['carrocerias', 'fondos', 'teatro']);
    expect(COMPANIES25.map((c) => c.ciiu).sort()).toEqual(['0129', '0820', '1701', '2620', '2920', '3320', '4775', '5813', '6630', '9003']);
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp]);
    expect(lines.filter((l) => !/^(14|15|51|52|61)/.test(l.expected))).toEqual([]);
  });

  it('only segment 50 (food and drink) and family 1017 (fertilisers, herbicides) carry an expiry date next to the lot', () => {
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp, ...s.history.map((h) => ({ ...h, expected: h.account }))]);
    const dated = lines.filter((l) => / VTO \d{2}\/\d{4}/i.test(l.description));
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.filter((l) => l.unspsc && !BLIND25_EXPIRY_CLASSES.test(l.unspsc))).toEqual([]);
    const dryLots = lines.filter((l) => / LOTE [A-Z]\d{5}/i.test(l.description) && l.unspsc && !BLIND25_EXPIRY_CLASSES.test(l.unspsc));
    expect(dryLots.length).toBeGreaterThan(0);
    expect(dryLots.filter((l) => / VTO /i.test(l.description))).toEqual([]);
    expect(BLIND25_EXPIRY_CLASSES.test('12131500')).toBe(false); // explosives
    expect(BLIND25_EXPIRY_CLASSES.test('51101700')).toBe(false); // medicines: none bought in this set
    expect(BLIND25_EXPIRY_CLASSES.test('10171700')).toBe(true); // the plantation's herbicide
    expect(BLIND25_EXPIRY_CLASSES.test('50201700')).toBe(true); // the offices' coffee
  });

  billingPeriodChecks(scenarios);
});
