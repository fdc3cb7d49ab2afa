import { describe } from 'vitest';
import { COMPANIES2 } from '../fixtures/matching/blind2/companies';
import { buildBlind2Scenarios } from '../fixtures/matching/blind2/scenarios';
import { PRODUCT2_BY_KEY } from '../fixtures/matching/blind2/vocabulary';
import { blindSetChecks } from './blind-set-checks';

/**
 * The «a ciegas 2» benchmark set (issue #13): the checks every blind set passes (blind-set-checks.ts).
 */
describe('«a ciegas 2» benchmark set', () => {
  blindSetChecks(buildBlind2Scenarios, COMPANIES2, PRODUCT2_BY_KEY);
});
