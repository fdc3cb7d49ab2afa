import { describe, expect, it } from 'vitest';
import { COMPANIES5 } from '../fixtures/matching/blind5/companies';
import { BLIND5_EXPIRY_CLASSES, buildBlind5Scenarios } from '../fixtures/matching/blind5/scenarios';
import { PRODUCT5_BY_KEY } from '../fixtures/matching/blind5/vocabulary';
import { blindSetChecks } from './blind-set-checks';

/**
 * The «a ciegas 5» benchmark set (issue #13): the checks every blind set passes (blind-set-checks.ts), its own
 * policy, and its expiry rule (only medicines and medical consumables carry «VTO mm/aaaa»).
 */
describe('«a ciegas 5» benchmark set', () => {
  const scenarios = blindSetChecks(buildBlind5Scenarios, COMPANIES5, PRODUCT5_BY_KEY);
  const expectedFor = (company: string, key: string) => COMPANIES5.find((c) => c.key === company)!.policy[PRODUCT5_BY_KEY.get(key)!.role];

  it('the same thing goes where the buyer\'s activity sends it, not where its name suggests', () => {
    // Whiteboard markers are class material at the school, the road crew's vest is cost of the works, a headset is the
    // call center's operating cost: none of them is «papelería», «dotación» or computer equipment.
    expect(expectedFor('colegio', 'marcador_borrable')).toBe('616005');
    expect(expectedFor('obras', 'chaleco_reflectivo')).toBe('613010');
    expect(expectedFor('callcenter', 'diadema')).toBe('615595');
    // Diesel is cost for the road contractor and the waste collector; the station resells it; elsewhere it is not bought.
    expect(expectedFor('obras', 'acpm_maquinaria')).toBe('613010');
    expect(expectedFor('residuos', 'acpm_flota')).toBe('617005');
    expect(expectedFor('eds', 'acpm_reventa')).toBe('1435');
    // Piglets are inventory, a replacement sow a productive fixed asset.
    expect(expectedFor('porcicola', 'lechones')).toBe('144510');
    expect(expectedFor('porcicola', 'cerda_reproductora')).toBe('158405');
    // The same electricity bill: a plant's cost, a farm's cost, a shop's selling expense, an office's admin expense.
    expect(['lacteos', 'porcicola', 'eds', 'clinica'].map((c) => expectedFor(c, 'energia'))).toEqual(['612005', '610565', '523530', '513530']);
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp]);
    expect(lines.filter((l) => !/^(14|15|51|52|61)/.test(l.expected))).toEqual([]);
  });

  it('only medicines and medical consumables carry an expiry date next to the lot', () => {
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp, ...s.history.map((h) => ({ ...h, expected: h.account }))]);
    const dated = lines.filter((l) => / VTO \d{2}\/\d{4}/i.test(l.description));
    expect(dated.length).toBeGreaterThan(20);
    // Every dated line that carries its UNSPSC code is of a health class, and lots of any other class carry no date.
    expect(dated.filter((l) => l.unspsc && !BLIND5_EXPIRY_CLASSES.test(l.unspsc))).toEqual([]);
    const dryLots = lines.filter((l) => / LOTE [A-Z]\d{5}/i.test(l.description) && l.unspsc && !BLIND5_EXPIRY_CLASSES.test(l.unspsc));
    expect(dryLots.length).toBeGreaterThan(0);
    expect(dryLots.filter((l) => / VTO /i.test(l.description))).toEqual([]);
    expect(BLIND5_EXPIRY_CLASSES.test('42262100')).toBe(false); // funeral equipment
    expect(BLIND5_EXPIRY_CLASSES.test('51142000')).toBe(true);
  });
});
