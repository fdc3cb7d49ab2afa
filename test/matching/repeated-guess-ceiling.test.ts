import { afterEach, describe, expect, it } from 'vitest';
import { Calibration } from '../../server/matching/calibration';
import type { LearnedLine } from '../../server/matching/line-classifier';
import { SuggestionEngine } from '../../server/matching/suggestion-engine';
import { line, testCompany, type TestCompany } from './support';

/**
 * Issue #13: the agent's own unverified registrations never make it surer than the original evidence. The
 * mechanism's own number was already capped; the measured confidence people see was not: a repeat is measured by the
 * kind «the agent's own guess», which is right on most lines, so a guess first flagged «por verificar» came back above
 * the threshold on its second invoice just because nobody had looked at it. Now a repeat is reported no surer than its
 * first reading is measured, and that reading is stored with the registration (it survives a restart).
 */
describe('a repeated guess of the agent is never reported surer than its first reading', () => {
  let t: TestCompany;
  afterEach(async () => t?.close());

  // Every kind is worth 0.95, except what the default rule reads: 0.5 (below the 0.85 threshold).
  const table = [
    '# umbral_por_verificar: 0.85',
    'evidencia,franja,desde,hasta,lineas,aciertos,confianza',
    ...[0, 1, 2, 3, 4, 5, 6, 7, 8].flatMap((band) => [`*,${band},0,1,100,95,0.950`, `rule,${band},0,1,100,50,0.500`]),
  ].join('\n');

  const register = (nit: string, description: string, result: { accountCode: string; confidence: number; evidence?: { kind: string; raw: number; first?: { kind: string; raw: number } } }, at: string): LearnedLine => ({
    companyId: t.company.id,
    supplierNit: nit,
    description,
    accountCode: result.accountCode,
    byUser: false,
    origin: 'registro',
    at,
    confidence: result.evidence!.raw,
    first: result.evidence!.first ?? { kind: result.evidence!.kind, raw: result.evidence!.raw },
  });

  it('a guess first flagged stays flagged on every repeat, also after a restart; a person’s verification lifts it', async () => {
    t = await testCompany({ company: { ciiu: ['6920'] } });
    const chart = await t.chart();
    const context = { company: t.company, chart };
    const engine = new SuggestionEngine(t.db, { calibration: Calibration.parse(table) });
    const text = 'Servicio de zarandeo del lote 7';
    const nit = '900123456';

    const [first] = await engine.classify([line(text, { nit })], context);
    expect(first!.evidence!.kind).toMatch(/^rule\//);
    expect(first!.confidence).toBe(0.5);
    await engine.learn([register(nit, text, first!, '2026-06-01T10:00:00Z')]);

    const [second] = await engine.classify([line(text, { nit })], context);
    expect(second!.accountCode).toBe(first!.accountCode);
    expect(second!.evidence!.kind).toMatch(/\/agente\//);
    // Measured as its own kind it would be 0.95; its first reading is worth 0.5.
    expect(second!.evidence!.first).toEqual({ kind: first!.evidence!.kind, raw: first!.evidence!.raw });
    expect(second!.confidence).toBe(0.5);
    expect(second!.explanation).toMatch(/; la primera vez el agente la leyó con confianza de 50 % y nadie la ha verificado: verifícala$/);
    await engine.learn([register(nit, text, second!, '2026-07-01T10:00:00Z')]);

    // A new engine reads the company from the database: the first reading was stored with the registrations.
    const restarted = new SuggestionEngine(t.db, { calibration: Calibration.parse(table) });
    const [third] = await restarted.classify([line(text, { nit })], context);
    expect(third!.evidence!.first).toEqual(second!.evidence!.first);
    expect(third!.confidence).toBe(0.5);

    // A person confirms the account: no longer the agent's guess, no longer capped.
    await restarted.learn([{ ...register(nit, text, third!, '2026-08-01T10:00:00Z'), byUser: true, origin: 'verificacion' }]);
    const [verified] = await restarted.classify([line(text, { nit })], context);
    expect(verified!.evidence!.first).toBeUndefined();
    expect(verified!.confidence).toBe(0.95);
    expect(verified!.explanation).not.toMatch(/la primera vez/);
  });

  it('a guess first read surely is not lowered: the cap only ever keeps a repeat at its first reading', () => {
    const calibration = Calibration.parse(table);
    expect(calibration.confidence({ kind: 'descripcion/agente/-/sola/gasto', raw: 0.7, first: { kind: 'actividad/palabras', raw: 0.9 } })).toBe(0.95);
    expect(calibration.confidence({ kind: 'descripcion/agente/-/sola/gasto', raw: 0.7, first: { kind: 'rule/regla', raw: 0.6 } })).toBe(0.5);
    expect(calibration.confidence({ kind: 'rule/regla/-/sola/gasto', raw: 0.6 })).toBe(0.5);
  });
});
