import { afterEach, describe, expect, it } from 'vitest';
import { ancestry, bandOf, Calibration, defaultCalibration, reviewThreshold } from '../../server/matching/calibration';
import { SuggestionEngine } from '../../server/matching/suggestion-engine';
import { line, past, testCompany, type TestCompany } from './support';

/**
 * The eighth round of issue #13: a line's confidence is what lines decided by the same kind of evidence, at the same
 * raw confidence, turned out to be worth on the benchmark sets (server/data/calibracion-confianza.csv, written by
 * test/bench/fit-calibration.ts), not a number each mechanism sets by hand.
 */
describe('suggestion engine: measured confidence (eighth round of #13)', () => {
  let t: TestCompany;
  afterEach(async () => t?.close());

  const table = [
    '# umbral_por_verificar: 0.85',
    'evidencia,franja,desde,hasta,lineas,aciertos,confianza',
    '*,4,0.6,0.7,100,90,0.900',
    'actividad,4,0.6,0.7,50,40,0.800',
    'actividad/palabras/fuerte/calificativo,4,0.6,0.7,20,10,0.500',
    'descripcion/persona,8,0.95,1,30,30,1.000',
  ].join('\n');

  it('reads a kind of evidence at its most specific measured level, falling back to its ancestors, and is never certain', () => {
    const calibration = Calibration.parse(table);
    expect(calibration.threshold).toBe(0.85);
    expect(calibration.confidence({ kind: 'actividad/palabras/fuerte/calificativo/-/sola/gasto', raw: 0.66 })).toBe(0.5);
    expect(calibration.confidence({ kind: 'actividad/palabras/fuerte/nucleo/-/sola/gasto', raw: 0.66 })).toBe(0.8);
    expect(calibration.confidence({ kind: 'similar-proveedor/libros/-/sola/gasto', raw: 0.66 })).toBe(0.9);
    // A band nothing measured keeps the mechanism's own number.
    expect(calibration.confidence({ kind: 'similar-proveedor/libros/-/sola/gasto', raw: 0.2 })).toBe(0.2);
    expect(calibration.confidence({ kind: 'descripcion/persona/-/sola/gasto', raw: 0.98 })).toBe(0.99);
    expect(ancestry('a/b/c')).toEqual(['a/b/c', 'a/b', 'a', '*']);
    expect(bandOf(0.6)).toBe(4);
    expect(bandOf(1)).toBe(8);
    expect(() => Calibration.parse('evidencia,franja,confianza\n*,1,0.5')).toThrow(/umbral_por_verificar/);
  });

  it('the shipped table says where it came from and fits a threshold that leaves room below the 25 % goal', () => {
    const threshold = reviewThreshold();
    expect(threshold).toBeGreaterThan(0.5);
    expect(threshold).toBeLessThan(0.99);
    expect(defaultCalibration().confidence({ kind: 'descripcion/persona/-/sola/gasto', raw: 0.98 })).toBeGreaterThanOrEqual(threshold);
  });

  it('the engine reports the measured confidence and keeps its own number as evidence; a person’s correction is measured as sure', async () => {
    t = await testCompany({ history: [past('Tóner HP 85A original', '519530', '2026-05-01')] });
    await t.engine.learn([{ companyId: t.company.id, supplierNit: '800111222', description: 'Tóner HP 85A original', accountCode: '519595', byUser: true, origin: 'correccion', at: '2026-05-20T10:00:00Z' }]);
    const measured = new SuggestionEngine(t.db, { calibration: Calibration.parse(table) });
    const [own] = await t.classify(line('Tóner HP 85A original', { nit: '800111222' }));
    const [calibrated] = await measured.classify([line('Tóner HP 85A original', { nit: '800111222' })], { company: t.company, chart: await t.chart() });
    expect(own!.accountCode).toBe('519595');
    expect(calibrated!.accountCode).toBe('519595');
    expect(calibrated!.evidence).toEqual({ kind: 'descripcion/persona/-/rival/gasto', raw: own!.confidence });
    expect(calibrated!.confidence).toBe(0.99);
    expect(calibrated!.explanation).toBe(own!.explanation);
  });

  it('a line measured above the threshold is not asked to be verified in its explanation; one below still is', async () => {
    t = await testCompany({ company: { ciiu: ['6920'] } });
    const chart = await t.chart();
    // The default rule (a word no rule knows, at an accounting firm) says «verifícala» in its own words.
    const unknown = line('Servicio de zarandeo del lote 7');
    const [own] = await t.classify(unknown);
    expect(own!.explanation).toMatch(/\(519595\); verifícala\. Ítem nuevo/);
    const measuredAs = (value: string, threshold: string) =>
      new SuggestionEngine(t.db, { calibration: Calibration.parse([`# umbral_por_verificar: ${threshold}`, 'evidencia,franja,desde,hasta,lineas,aciertos,confianza', ...[0, 1, 2, 3, 4, 5, 6, 7, 8].map((band) => `*,${band},0,1,100,90,${value}`)].join('\n')) });
    const [sure] = await measuredAs('0.900', '0.85').classify([unknown], { company: t.company, chart });
    expect(sure!.confidence).toBe(0.9);
    expect(sure!.explanation).toBe(own!.explanation.replace('; verifícala', ''));
    expect(sure!.explanation).not.toContain('verifíca');
    const [unsure] = await measuredAs('0.400', '0.85').classify([unknown], { company: t.company, chart });
    expect(unsure!.explanation).toBe(own!.explanation);
  });

  it('a keyword rule read from the head noun and one read from a later qualifier are measured apart', async () => {
    t = await testCompany();
    const measured = new SuggestionEngine(t.db, { calibration: Calibration.parse(table) });
    const [noun] = await measured.classify([line('Resma papel carta 75 g')], { company: t.company, chart: await t.chart() });
    expect(noun!.evidence!.kind).toMatch(/^actividad\/palabras.*\/nucleo\//);
  });
});
