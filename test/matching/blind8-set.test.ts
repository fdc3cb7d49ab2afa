import { describe, expect, it } from 'vitest';
import { COMPANIES8 } from '../fixtures/matching/blind8/companies';
import { BLIND8_EXPIRY_CLASSES, buildBlind8Scenarios } from '../fixtures/matching/blind8/scenarios';
import { PRODUCT8_BY_KEY } from '../fixtures/matching/blind8/vocabulary';
import { billingPeriodChecks, blindSetChecks } from './blind-set-checks';

/**
 * The «a ciegas 8» benchmark set (issue #13): the checks every blind set passes (blind-set-checks.ts), its own
 * policy, its expiry rule (only medicines, gloves, IV catheters and gauze carry «VTO mm/aaaa») and its billing
 * periods, which end on the month's real last day.
 */
describe('«a ciegas 8» benchmark set', () => {
  const scenarios = blindSetChecks(buildBlind8Scenarios, COMPANIES8, PRODUCT8_BY_KEY);
  const expectedFor = (company: string, key: string) => COMPANIES8.find((c) => c.key === company)!.policy[PRODUCT8_BY_KEY.get(key)!.role];

  it('the same thing goes where the buyer\'s activity sends it, not where its name suggests', () => {
    // Fuel: the office pick-up's gasoline is admin; the ambulances', the tug's and the strimmers' fuel is the service's cost.
    expect(expectedFor('acabados', 'gasolina')).toBe('519535');
    expect(expectedFor('paisajismo', 'gasolina')).toBe('519535');
    expect(['acpm_ambulancia', 'acpm_marino', 'gasolina_mezcla'].map((k, i) => expectedFor(['ambulancias', 'fluvial', 'paisajismo'][i]!, k))).toEqual(['616595', '614515', '610570']);
    // The bar: bottles resold as bought are merchandise, ice and limes go into the cocktails, straws are used up, the
    // music licence is música ambiental (§4.2 row 53) and the live band the bar's cost.
    expect(['cerveza', 'aguardiente', 'hielo', 'limon', 'desechables_bar', 'derechos_autor', 'musica_vivo'].map((k) => expectedFor('gastrobar', k))).toEqual(['1435', '1435', '1405', '1405', '614020', '519515', '614020']);
    // A finishing contractor's paint and tiles are the works' cost, never raw material nor 1415.
    expect(expectedFor('acabados', 'pintura')).toBe('613020');
    expect(expectedFor('acabados', 'porcelanato')).toBe('613020');
    // Boxes: the soap plant's cases are packaging stock; the banana farm keeps no stock and books its boxes to the crop.
    expect(expectedFor('jabonera', 'caja_corrugada')).toBe('1460');
    expect(expectedFor('bananera', 'caja_exportacion')).toBe('610540');
    expect(expectedFor('bananera', 'flete_puerto')).toBe('523550');
    // A TV: merchandise at the appliance store, a fixed asset (office equipment) for the swimming school.
    expect(expectedFor('electro', 'tv_venta')).toBe('1435');
    expect(expectedFor('natacion', 'televisor')).toBe('152410');
    expect(expectedFor('electro', 'domicilio')).toBe('523550');
    // The pool's LPG heats the water the lessons are given in; the river carrier's impellers wait in the store.
    expect(expectedFor('natacion', 'gas_caldera')).toBe('616005');
    expect(expectedFor('fluvial', 'impulsor')).toBe('1455');
    expect(expectedFor('fluvial', 'cabos')).toBe('614515');
    // Fixed assets by class: a marine radio is «equipos de radio», lab equipment «laboratorio», a beer dispenser bar equipment.
    expect(expectedFor('fluvial', 'radio_vhf')).toBe('152815');
    expect(expectedFor('laboratorio', 'horno_secado')).toBe('153215');
    expect(expectedFor('ambulancias', 'desfibrilador')).toBe('153205');
    expect(expectedFor('gastrobar', 'dispensador_chopp')).toBe('153610');
    // The same electricity bill: a soap plant's and a banana farm's cost, a store's selling expense, a bar's admin expense.
    expect(['jabonera', 'bananera', 'electro', 'gastrobar'].map((c) => expectedFor(c, 'energia'))).toEqual(['612046', '610540', '523530', '513530']);
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp]);
    expect(lines.filter((l) => !/^(14|15|51|52|61)/.test(l.expected))).toEqual([]);
  });

  it('only medicines, gloves, IV catheters and gauze carry an expiry date next to the lot', () => {
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp, ...s.history.map((h) => ({ ...h, expected: h.account }))]);
    const dated = lines.filter((l) => / VTO \d{2}\/\d{4}/i.test(l.description));
    expect(dated.length).toBeGreaterThan(8);
    expect(dated.filter((l) => l.unspsc && !BLIND8_EXPIRY_CLASSES.test(l.unspsc))).toEqual([]);
    const dryLots = lines.filter((l) => / LOTE [A-Z]\d{5}/i.test(l.description) && l.unspsc && !BLIND8_EXPIRY_CLASSES.test(l.unspsc));
    expect(dryLots.length).toBeGreaterThan(0);
    expect(dryLots.filter((l) => / VTO /i.test(l.description))).toEqual([]);
    expect(BLIND8_EXPIRY_CLASSES.test('42271700')).toBe(false); // medicinal oxygen refills
    expect(BLIND8_EXPIRY_CLASSES.test('10191500')).toBe(false); // the banana farm's fungicides
    expect(BLIND8_EXPIRY_CLASSES.test('42221500')).toBe(true); // IV catheters
    expect(BLIND8_EXPIRY_CLASSES.test('51191600')).toBe(true); // saline
  });

  billingPeriodChecks(scenarios);
});
