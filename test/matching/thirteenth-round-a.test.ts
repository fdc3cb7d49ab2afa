import { afterEach, describe, expect, it } from 'vitest';
import { readDataCsv } from '../../server/ledger/puc';
import { reviewThreshold } from '../../server/matching/calibration';
import { unspscName } from '../../server/matching/reference-data';
import { line, testCompany, type TestCompany } from './support';

/**
 * The thirteenth round of issue #13, part A (cold start), each rule pinned by a case written here (not taken from any
 * benchmark set):
 * 1. a manufacturer's goods whose UNSPSC family is an input of its CIIU division (insumos-por-division.csv) are
 *    materia prima (1405), or envases y empaques (1460) for the packaging families, even when no word of its CIIU
 *    description names them; «por verificar» unless the line's own code says it and the words read it plainly;
 * 2. the table is public data: every UNSPSC code it lists is in the UNSPSC lists, every row has a source;
 * 3. the supplier's activity alone counts only when the rules read nothing: a food wholesaler's hand soap stays the
 *    office's cleaning supply.
 */
describe('suggestion engine: thirteenth round of #13, part A', () => {
  let t: TestCompany;
  afterEach(async () => t?.close());

  it('a metalworker’s steel sheet and a food plant’s additive are materia prima, though its CIIU description names neither', async () => {
    t = await testCompany({ company: { ciiu: ['2599'], inventory: 'perpetual' } });
    const [sheet, paper] = await t.classify(line('BOBINA LAMINADA EN FRIO CAL 20 ANCHO 1220', { unspsc: '30264000', supplierCiiu: ['2410'] }), line('Resma papel carta 75 g', { supplierCiiu: ['4761'] }));
    expect(sheet!.accountCode).toMatch(/^1405/);
    expect(sheet!.explanation).toContain('insumo de la división 25');
    // What the office uses stays the office's.
    expect(paper!.accountCode).toMatch(/^5195/);

    const food = await testCompany({ company: { ciiu: ['1089'], inventory: 'perpetual' } });
    const [additive, unnamed] = await food.classify(line('Goma xantana malla 80 saco 25 kg', { unspsc: '12164500' }), line('Benzoato sodio polvo cuñete', { supplierCiiu: ['2011'] }));
    expect(additive!.accountCode).toMatch(/^1405/);
    // Only the supplier's activity says it: a proposal a person confirms.
    expect(unnamed!.accountCode).toMatch(/^1405/);
    expect(unnamed!.confidence).toBeLessThan(reviewThreshold());
    const [soap] = await food.classify(line('Jabon liquido antibacterial manos galon', { supplierCiiu: ['4631'] }));
    expect(soap!.accountCode).not.toMatch(/^14/);
    await food.close();
  });

  it('a soap maker’s product labels, coded as labels, are its packaging (1460), not stationery', async () => {
    t = await testCompany({ company: { ciiu: ['2023'], inventory: 'perpetual' } });
    const [label] = await t.classify(line('Etiqueta autoadhesiva frasco 250 ml troquelada', { unspsc: '55121600' }));
    expect(label!.accountCode).toMatch(/^1460/);
    // A company that keeps no stock has no 1405 or 1460 to put it in.
    const office = await testCompany({ company: { ciiu: ['2023'], inventory: 'none' } });
    const [same] = await office.classify(line('Etiqueta autoadhesiva frasco 250 ml troquelada', { unspsc: '55121600' }));
    expect(same!.accountCode).not.toMatch(/^14/);
    await office.close();
  });

  it('insumos-por-division.csv lists only known UNSPSC codes and manufacturing divisions, each row with its source', () => {
    const rows = readDataCsv('insumos-por-division.csv');
    expect(rows.length).toBeGreaterThanOrEqual(23);
    for (const row of rows) {
      expect(row.fuente, row.ciiu).toBeTruthy();
      expect(['1405', '1460']).toContain(row.cuenta);
      for (const part of (row.ciiu ?? '').split('-')) expect(Number(part), row.ciiu).toBeGreaterThanOrEqual(10);
      for (const code of (row.unspsc ?? '').split(/\s+/).filter(Boolean)) expect(unspscName(code), `${row.ciiu}: ${code}`).toBeTruthy();
    }
  });
});
