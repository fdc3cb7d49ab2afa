import { describe, expect, it } from 'vitest';
import { COMPANIES4 } from '../fixtures/matching/blind4/companies';
import { buildBlind4Scenarios } from '../fixtures/matching/blind4/scenarios';
import { PRODUCT4_BY_KEY } from '../fixtures/matching/blind4/vocabulary';
import { blindSetChecks } from './blind-set-checks';

/**
 * The «a ciegas 4» benchmark set (issue #13): the checks every blind set passes (blind-set-checks.ts), and its own policy.
 */
describe('«a ciegas 4» benchmark set', () => {
  const scenarios = blindSetChecks(buildBlind4Scenarios, COMPANIES4, PRODUCT4_BY_KEY);

  it('the same thing goes where the buyer\'s activity sends it, not where its name suggests', () => {
    const expectedFor = (company: string, key: string) => COMPANIES4.find((c) => c.key === company)!.policy[PRODUCT4_BY_KEY.get(key)!.role];
    // Bleach is the laundry's service input, coffee for the mourners is part of the funeral, and the guards' uniform is
    // the security company's service cost: none of them is «aseo», «cafetería» or staff dotación.
    expect(expectedFor('lavanderia', 'hipoclorito')).toBe('617050');
    expect(expectedFor('lavanderia', 'detergente')).toBe('617050');
    expect(expectedFor('funeraria', 'cafe')).toBe('617060');
    expect(expectedFor('vigilancia', 'uniforme_guarda')).toBe('615565');
    // A hotel night is package cost for the agency's groups and travel expense for its own adviser.
    expect(expectedFor('agencia', 'alojamiento_grupo')).toBe('614545');
    expect(expectedFor('agencia', 'hotel_staff')).toBe('515505');
    // Every line of the set has an account of the classes the set's policy allows.
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp]);
    expect(lines.filter((l) => !/^(14|15|51|52|61)/.test(l.expected))).toEqual([]);
  });
});
