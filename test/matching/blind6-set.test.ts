import { describe, expect, it } from 'vitest';
import { COMPANIES6 } from '../fixtures/matching/blind6/companies';
import { BLIND6_EXPIRY_CLASSES, buildBlind6Scenarios } from '../fixtures/matching/blind6/scenarios';
import { PRODUCT6_BY_KEY } from '../fixtures/matching/blind6/vocabulary';
import { blindSetChecks } from './blind-set-checks';

/**
 * The «a ciegas 6» benchmark set (issue #13): the checks every blind set passes (blind-set-checks.ts), its own
 * policy, and its expiry rule (only medicines, medical consumables and clinical test strips carry «VTO mm/aaaa»).
 */
describe('«a ciegas 6» benchmark set', () => {
  const scenarios = blindSetChecks(buildBlind6Scenarios, COMPANIES6, PRODUCT6_BY_KEY);
  const expectedFor = (company: string, key: string) => COMPANIES6.find((c) => c.key === company)!.policy[PRODUCT6_BY_KEY.get(key)!.role];

  it('the same thing goes where the buyer\'s activity sends it, not where its name suggests', () => {
    // Lab reagents are class material at the university, the event's catering is its cost, the plumbers' boots are
    // cost of the works, the care home's diapers are its stock: none of them is «otros», «representación» or «dotación».
    expect(expectedFor('universidad', 'reactivos_docencia')).toBe('616005');
    expect(expectedFor('eventos', 'catering_evento')).toBe('615595');
    expect(expectedFor('plomeria', 'epp_plomero')).toBe('613015');
    expect(expectedFor('hogar', 'panal_adulto')).toBe('1455');
    // Fuel: the boats' operating cost, the plantation's crop cost, a shop's selling expense.
    expect(expectedFor('fluvial', 'gasolina_lancha')).toBe('614515');
    expect(expectedFor('palma', 'acpm_tractor')).toBe('610545');
    expect(expectedFor('autopartes', 'gasolina_admin')).toBe('529535');
    // PVC pipe: cost of the plumber's works, the depot's merchandise.
    expect(expectedFor('plomeria', 'tubo_sanitario')).toBe('613015');
    expect(expectedFor('deposito', 'tubo_pvc_reventa')).toBe('1435');
    // Palm seedlings are a plantation in development, the outboard motor goes with the boats, the forklift is fleet.
    expect(expectedFor('palma', 'plantula_palma')).toBe('156405');
    expect(expectedFor('fluvial', 'motor_fuera_borda')).toBe('154410');
    expect(expectedFor('deposito', 'montacargas')).toBe('154020');
    // The same electricity bill: a brewery's and a plantation's cost, a shop's selling expense, a care home's admin expense.
    expect(['cerveceria', 'palma', 'deposito', 'hogar'].map((c) => expectedFor(c, 'energia'))).toEqual(['612017', '610545', '523530', '513530']);
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp]);
    expect(lines.filter((l) => !/^(14|15|51|52|61)/.test(l.expected))).toEqual([]);
  });

  it('only medicines, medical consumables and clinical test strips carry an expiry date next to the lot', () => {
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp, ...s.history.map((h) => ({ ...h, expected: h.account }))]);
    const dated = lines.filter((l) => / VTO \d{2}\/\d{4}/i.test(l.description));
    // One buyer of this set stocks health goods (the care home), so fewer dated lots than in blind5 (a clinic and a pig farm).
    expect(dated.length).toBeGreaterThan(8);
    // Every dated line that carries its UNSPSC code is of a health class, and lots of any other class carry no date.
    expect(dated.filter((l) => l.unspsc && !BLIND6_EXPIRY_CLASSES.test(l.unspsc))).toEqual([]);
    const dryLots = lines.filter((l) => / LOTE [A-Z]\d{5}/i.test(l.description) && l.unspsc && !BLIND6_EXPIRY_CLASSES.test(l.unspsc));
    expect(dryLots.length).toBeGreaterThan(0);
    expect(dryLots.filter((l) => / VTO /i.test(l.description))).toEqual([]);
    expect(BLIND6_EXPIRY_CLASSES.test('41121800')).toBe(false); // lab glassware
    expect(BLIND6_EXPIRY_CLASSES.test('42211500')).toBe(false); // wheelchairs
    expect(BLIND6_EXPIRY_CLASSES.test('42143900')).toBe(true); // incontinence products
    expect(BLIND6_EXPIRY_CLASSES.test('51121700')).toBe(true);
  });
});
