import { describe, expect, it } from 'vitest';
import { confidenceThresholdFromEnv } from '../../server/agent/agent';
import { reviewThreshold } from '../../server/matching/calibration';

describe('the "por verificar" threshold', () => {
  it('is the calibrated threshold unless AGENTE_UMBRAL_CONFIANZA says otherwise (decimal point or comma)', () => {
    expect(confidenceThresholdFromEnv({})).toBe(reviewThreshold());
    expect(confidenceThresholdFromEnv({ AGENTE_UMBRAL_CONFIANZA: '0.8' })).toBe(0.8);
    expect(confidenceThresholdFromEnv({ AGENTE_UMBRAL_CONFIANZA: '0,75' })).toBe(0.75);
  });

  it('refuses values that are not a number from 0 to 1, saying what it expects', () => {
    expect(() => confidenceThresholdFromEnv({ AGENTE_UMBRAL_CONFIANZA: '80' })).toThrow(/entre 0 y 1/);
    expect(() => confidenceThresholdFromEnv({ AGENTE_UMBRAL_CONFIANZA: 'alta' })).toThrow(/«alta»/);
  });
});
