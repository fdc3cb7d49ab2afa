import { afterEach, describe, expect, it } from 'vitest';
import type { LearnedLine } from '../../server/matching/line-classifier';
import { line, past, testCompany, type TestCompany } from './support';

/**
 * Round 18 (part M) of issue #13: two facts the engine knows when it decides separate its right lines from its wrong
 * ones within a kind of evidence, so the calibration measures them apart (each kept because it raised the flag's
 * held-out figures on the judged sets): the side of a fixed asset's close rival (an asset against a cost is the plant's
 * equipment or what it consumed; against an office expense, rarely wrong), and, for a repeat of the agent's own
 * guess, the company's inventory system. Cases written here, not taken from a benchmark set.
 */
describe('suggestion engine: eighteenth round of #13, part M (kinds refined by what separates right from wrong)', () => {
  let t: TestCompany;
  afterEach(async () => t?.close());

  const nit = '900111222';

  it('a fixed asset with a close rival says which side the rival is on', async () => {
    const kinds: Record<string, string | undefined> = {};
    for (const rival of ['612029', '519595']) {
      // The supplier's habit is the rival: the same company and line, only the account the supplier's bills went to.
      t = await testCompany({ company: { ciiu: ['1511'], inventory: 'none' }, history: ['CABLE ENCAUCHETADO 3X12', 'GUANTES DE CARNAZA', 'CINTA AISLANTE 3M', 'DISCO DE CORTE 7 PULG'].map((d, i) => past(d, rival, `2026-0${i + 1}-10`, { nit })) });
      const [result] = await t.classify(line('COMPRESOR DE AIRE 2 HP', { nit }));
      await t.close();
      expect(result!.accountCode).toMatch(/^15/);
      expect(result!.runnerUp?.accountCode).toBe(rival);
      kinds[rival] = result!.evidence?.kind;
    }
    expect(kinds['612029']).toMatch(/\/rival\/activo\/frente-costo(\/subcuenta-[a-z]+)?$/);
    expect(kinds['519595']).toMatch(/\/rival\/activo\/frente-gasto(\/subcuenta-[a-z]+)?$/);
  });

  it('a lone fixed asset keeps its kind', async () => {
    t = await testCompany({ company: { ciiu: ['4761'], inventory: 'perpetual' } });
    const [result] = await t.classify(line('COMPRESOR DE AIRE 2 HP', { nit }));
    expect(result!.accountCode).toMatch(/^15/);
    expect(result!.evidence?.kind).toMatch(/\/sola\/activo(\/subcuenta-[a-z]+)?$/);
  });

  it('a repeat of the agent’s own guess is measured by the company’s inventory system', async () => {
    const repeat = async (inventory: 'perpetual' | 'none') => {
      t = await testCompany({ company: { ciiu: ['4761'], inventory } });
      const text = 'SERVICIO DE VIGILANCIA MES DE MAYO';
      const [first] = await t.classify(line(text, { nit }));
      expect(first!.evidence?.kind).not.toMatch(/\/agente\//);
      const learned: LearnedLine = { companyId: t.company.id, supplierNit: nit, description: text, accountCode: first!.accountCode, byUser: false, origin: 'registro', at: '2026-06-01T10:00:00Z', confidence: first!.evidence!.raw, first: { kind: first!.evidence!.kind, raw: first!.evidence!.raw } };
      await t.engine.learn([learned]);
      const [second] = await t.classify(line(text, { nit }));
      await t.close();
      expect(second!.accountCode).toBe(first!.accountCode);
      return second!.evidence!.kind;
    };
    const stock = await repeat('perpetual');
    const none = await repeat('none');
    expect(stock).toMatch(/\/agente\/.*\/inventario-permanente$/);
    expect(none).toMatch(/\/agente\/.*\/sin-inventario$/);
    // The same evidence otherwise: only the inventory segment differs.
    expect(stock.replace(/\/inventario-permanente$/, '')).toBe(none.replace(/\/sin-inventario$/, ''));
  });
});
