import { describe } from 'vitest';
import { COMPANIES3 } from '../fixtures/matching/blind3/companies';
import { buildBlind3Scenarios } from '../fixtures/matching/blind3/scenarios';
import { PRODUCT3_BY_KEY } from '../fixtures/matching/blind3/vocabulary';
import { blindSetChecks } from './blind-set-checks';

/**
 * The «a ciegas 3» benchmark set (issue #13): the checks every blind set passes (blind-set-checks.ts).
 */
describe('«a ciegas 3» benchmark set', () => {
  blindSetChecks(buildBlind3Scenarios, COMPANIES3, PRODUCT3_BY_KEY);
});
