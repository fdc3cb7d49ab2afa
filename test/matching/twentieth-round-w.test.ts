import { afterEach, describe, expect, it } from 'vitest';
import { line, testCompany, type TestCompany } from './support';

/**
 * Twentieth round of #13, part W: a confident keyword reading whose line also names the company's own trade (a word
 * besides the concept's keywords shares its stem with the company's CIIU description) is measured apart by the
 * calibration, as its own kind of evidence (…/oficio). The account does not move: only what the table can tell apart.
 */
describe('suggestion engine: twentieth round of #13, part W (keyword readings that name the company’s trade)', () => {
  let t: TestCompany | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });
  const nit = '800111222';

  it('a software licence that names an architecture firm’s trade is its own kind of evidence', async () => {
    t = await testCompany({ company: { ciiu: ['7110'], inventory: 'none' } });
    const [result] = await t.classify(line('LICENCIA SOFTWARE DISEÑO ARQUITECTURA ANUAL', { nit }));
    // Twenty-first round, part B: an architect's design software is the cost of its service (consumo-del-servicio.csv),
    // flagged; the trade it names still marks its kind.
    expect(result!.accountCode).toBe('615550');
    expect(result!.evidence?.kind).toMatch(/^actividad\/consumo-del-servicio\/palabras\/.*\/oficio$/);
  });

  it('a disinfectant that names a water utility’s trade is its own kind of evidence', async () => {
    t = await testCompany({ company: { ciiu: ['3600'], inventory: 'none' } });
    const [result] = await t.classify(line('HIPOCLORITO DE CALCIO PARA TRATAMIENTO DE AGUA', { nit }));
    expect(result!.evidence?.kind).toMatch(/\/oficio$/);
  });

  it('guard: the same licence in a company of another trade keeps its kind', async () => {
    t = await testCompany({ company: { ciiu: ['4761'], inventory: 'perpetual' } });
    const [result] = await t.classify(line('LICENCIA SOFTWARE DISEÑO ARQUITECTURA ANUAL', { nit }));
    expect(result!.evidence?.kind).toMatch(/^actividad\/palabras\//);
    expect(result!.evidence?.kind).not.toMatch(/oficio/);
  });

  it('guard: a line whose only trade word is the keyword itself keeps its kind (a printer’s toner in a print shop)', async () => {
    t = await testCompany({ company: { ciiu: ['1811'], inventory: 'none' } });
    const [result] = await t.classify(line('TONER PARA IMPRESORA NEGRO', { nit }));
    expect(result!.evidence?.kind).not.toMatch(/oficio/);
  });

  it('guard: plain office paper in a school keeps its kind and its account', async () => {
    t = await testCompany({ company: { ciiu: ['8513'], inventory: 'none' } });
    const [result] = await t.classify(line('RESMA PAPEL CARTA 75G', { nit }));
    expect(result!.evidence?.kind).not.toMatch(/oficio/);
    expect(result!.accountCode).toMatch(/^5195/);
  });

  it('an activity reading booked to inventory names its PUC cuenta (a manufacturer’s maintenance stock)', async () => {
    t = await testCompany({ company: { ciiu: ['2511'], inventory: 'perpetual' } });
    const [result] = await t.classify(line('LIJA ROLLO GRANO 120 X 50 M', { nit }));
    expect(result!.accountCode).toMatch(/^1455/);
    // Since round 26 the stock reading's concept follows its cuenta (twenty-sixth-round-calibration.test.ts).
    expect(result!.evidence?.kind).toMatch(/^actividad\/.*\/inventario\/cuenta-1455\/concepto-[a-z-]+$/);
  });

  it('guard: an expense reading names no cuenta', async () => {
    t = await testCompany({ company: { ciiu: ['2511'], inventory: 'perpetual' } });
    const [result] = await t.classify(line('RESMA PAPEL CARTA 75G', { nit }));
    expect(result!.evidence?.kind).toMatch(/\/gasto(\/costea)?\/concepto-[a-z-]+$/);
    expect(result!.evidence?.kind).not.toMatch(/cuenta-/);
  });
});
