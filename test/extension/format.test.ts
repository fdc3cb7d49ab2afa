import { describe, expect, it } from 'vitest';
import { formatDateTime, formatLongDate, formatTimeSaved } from '../../extension/lib/format';

describe('formatos del panel (es-CO, hora de Bogotá)', () => {
  it('el tiempo ahorrado siempre en horas y minutos', () => {
    expect(formatTimeSaved(0)).toBe('0 h 0 min');
    expect(formatTimeSaved(9)).toBe('0 h 9 min');
    expect(formatTimeSaved(60)).toBe('1 h 0 min');
    expect(formatTimeSaved(3 * 47)).toBe('2 h 21 min');
  });

  it('fechas de Bogotá, sin depender de la zona del navegador', () => {
    expect(formatLongDate('2026-11-27')).toBe('viernes, 27 de noviembre');
    // 04:30 UTC on the 28th is still the 27th, 11:30 p. m., in Bogotá.
    expect(formatDateTime('2026-11-28T04:30:00Z')).toMatch(/^27 de nov, 11:30\sp\.\s?m\.$/);
  });
});
