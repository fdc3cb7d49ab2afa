import { describe, expect, it } from 'vitest';
import { COMPANIES7 } from '../fixtures/matching/blind7/companies';
import { BLIND7_EXPIRY_CLASSES, buildBlind7Scenarios } from '../fixtures/matching/blind7/scenarios';
import { PRODUCT7_BY_KEY } from '../fixtures/matching/blind7/vocabulary';
import { billingPeriodChecks, blindSetChecks } from './blind-set-checks';

/**
 * The «a ciegas 7» benchmark set (issue #13): the checks every blind set passes (blind-set-checks.ts), its own
 * policy, its expiry rule (only medicines, syringes and tapes carry «VTO mm/aaaa») and its billing periods, which end
 * on the month's real last day.
 */
describe('«a ciegas 7» benchmark set', () => {
  const scenarios = blindSetChecks(buildBlind7Scenarios, COMPANIES7, PRODUCT7_BY_KEY);
  const expectedFor = (company: string, key: string) => COMPANIES7.find((c) => c.key === company)!.policy[PRODUCT7_BY_KEY.get(key)!.role];

  it('the same thing goes where the buyer\'s activity sends it, not where its name suggests', () => {
    // Crayons are class material at the kindergarten, the consultants' hotel is the project's cost, the rented
    // machines' operators are the rental's cost, the cinema's popcorn kernels are raw material.
    expect(expectedFor('jardin', 'crayones')).toBe('616005');
    expect(expectedFor('consultoria', 'hotel_proyecto')).toBe('615550');
    expect(expectedFor('alquiler', 'operador')).toBe('615520');
    expect(expectedFor('cine', 'maiz_pira')).toBe('1405');
    // A flight for the partners' own trips is an admin travel expense, unlike the consultants' hotel on a project.
    expect(expectedFor('consultoria', 'tiquete_aereo')).toBe('515515');
    // Hydraulic oil is the rental's cost; tyres and hydraulic parts wait in a store.
    expect(expectedFor('alquiler', 'aceite_hidraulico')).toBe('615520');
    expect(expectedFor('mixto', 'llantas')).toBe('1455');
    expect(expectedFor('alquiler', 'repuesto_hidraulico')).toBe('1455');
    // Land rented for the crop is crop cost; the premises' rent stays admin.
    expect(expectedFor('arrocera', 'arriendo_lote')).toBe('610505');
    expect(expectedFor('cine', 'arriendo_sede')).toBe('512010');
    // Vehicles by kind: a jeep, a dump truck; the popcorn machine is restaurant equipment.
    expect(expectedFor('mixto', 'campero')).toBe('154005');
    expect(expectedFor('obras', 'volqueta')).toBe('154008');
    expect(expectedFor('cine', 'crispetera')).toBe('153610');
    // The same electricity bill: a chocolate plant's and a rice farm's cost, a wholesaler's selling expense, a cinema's admin expense.
    expect(['chocolateria', 'arrocera', 'drogueria', 'cine'].map((c) => expectedFor(c, 'energia'))).toEqual(['612011', '610505', '523530', '513530']);
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp]);
    expect(lines.filter((l) => !/^(14|15|51|52|61)/.test(l.expected))).toEqual([]);
  });

  it('only medicines, syringes and tapes carry an expiry date next to the lot', () => {
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp, ...s.history.map((h) => ({ ...h, expected: h.account }))]);
    const dated = lines.filter((l) => / VTO \d{2}\/\d{4}/i.test(l.description));
    expect(dated.length).toBeGreaterThan(8);
    expect(dated.filter((l) => l.unspsc && !BLIND7_EXPIRY_CLASSES.test(l.unspsc))).toEqual([]);
    const dryLots = lines.filter((l) => / LOTE [A-Z]\d{5}/i.test(l.description) && l.unspsc && !BLIND7_EXPIRY_CLASSES.test(l.unspsc));
    expect(dryLots.length).toBeGreaterThan(0);
    expect(dryLots.filter((l) => / VTO /i.test(l.description))).toEqual([]);
    expect(BLIND7_EXPIRY_CLASSES.test('42141800')).toBe(false); // electrotherapy electrodes
    expect(BLIND7_EXPIRY_CLASSES.test('50161500')).toBe(false); // cacao, sugar
    expect(BLIND7_EXPIRY_CLASSES.test('42311500')).toBe(true); // bandages and tapes
    expect(BLIND7_EXPIRY_CLASSES.test('51142000')).toBe(true);
  });

  billingPeriodChecks(scenarios);
});
