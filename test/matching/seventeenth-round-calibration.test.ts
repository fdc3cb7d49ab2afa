import { afterEach, describe, expect, it } from 'vitest';
import { line, testCompany, type TestCompany } from './support';

/**
 * Round 17 of issue #13: an expense reading in a company whose activity has a cost of its own (a producer section of
 * postura-por-seccion.csv) is measured apart by the calibration. In a tannery or a call centre, what the office would
 * book as an expense may be what the plant or the service consumed (accounting-co.md §4.3): the same reading is less
 * sure there than in a shop, and the fitted table says how much. Cases written here, not taken from a benchmark set.
 */
describe('suggestion engine: seventeenth round of #13 (expense readings of a producer, measured apart)', () => {
  let t: TestCompany;
  afterEach(async () => t?.close());

  const reading = async (ciiu: string, description: string) => {
    t = await testCompany({ company: { ciiu: [ciiu], inventory: 'none' } });
    const [result] = await t.classify(line(description, { nit: '900111222' }));
    await t.close();
    return result!;
  };

  it('a tannery\'s office supply is an expense measured as a producer\'s; a hardware shop\'s is not', async () => {
    const tannery = await reading('1511', 'RESMA PAPEL CARTA 75 GR');
    const shop = await reading('4752', 'RESMA PAPEL CARTA 75 GR');
    expect(tannery.accountCode).toMatch(/^5[12]/);
    expect(shop.accountCode).toMatch(/^5[12]/);
    // Round 22 (K) refines an expense reading by its concept, after the producer's split.
    expect(tannery.evidence?.kind).toMatch(/\/gasto\/costea\/concepto-papeleria$/);
    expect(shop.evidence?.kind).toMatch(/\/gasto\/concepto-papeleria$/);
  });

  it('only expenses are split: a producer\'s fixed asset keeps its kind', async () => {
    const asset = await reading('1511', 'COMPUTADOR PORTATIL 14 PULGADAS CORE I5');
    expect(asset.accountCode).toMatch(/^15/);
    expect(asset.evidence?.kind).toMatch(/\/activo(\/subcuenta-[a-z]+)?$/);
  });
});
