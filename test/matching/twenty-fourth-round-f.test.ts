import { afterEach, describe, expect, it } from 'vitest';
import { line, past, testCompany, type TestCompany } from './support';

/**
 * The twenty-fourth round of issue #13, part F: the group the company's books put its overhead in (51 administration,
 * 52 selling) stands for the function the agent assumed from its CIIU (accounting-co.md §1 «Function decides the
 * class-5 group», §4.1 step 5). A trader's default is selling, 52 (§4.3 G); a wholesaler whose books carry its power,
 * water, accountant and software in 51 keeps the administrative variant, and a new overhead concept goes to 51 too,
 * saying why, measured as its own kind of evidence (`…/funcion-libros`). Guards: books that mix both groups, too few
 * concepts, a function a person chose, and concepts the rules book in 52 whatever the function. Cases written here,
 * not taken from any set.
 */
const OFFICE_BOOKS = [
  ...[1, 2, 3].map((m) => past(`ENERGIA ELECTRICA KWH PERIODO 0${m}/2026`, '513530', `2026-0${m}-05`, { nit: '800500100' })),
  ...[1, 2, 3].map((m) => past(`ACUEDUCTO Y ALCANTARILLADO CONSUMO M3 0${m}/2026`, '513525', `2026-0${m}-06`, { nit: '800500200' })),
  ...[1, 2, 3].map((m) => past(`PLAN INTERNET FIBRA 200 MEGAS 0${m}/2026`, '513535', `2026-0${m}-07`, { nit: '800500300' })),
  ...[1, 2, 3].map((m) => past(`LICENCIA SOFTWARE ERP NUBE MES 0${m}/2026`, '513520', `2026-0${m}-08`, { nit: '800500400' })),
];
/** A wholesaler of fuels (CIIU 4661, section G: the agent's default is selling, 52). */
const WHOLESALER = { ciiu: ['4661'], inventory: 'perpetual' as const };

describe('the group of the company’s overhead, read from its books', () => {
  let t: TestCompany;
  afterEach(async () => t?.close());

  it('without books a wholesaler’s accountant is a selling expense (the CIIU’s default)', async () => {
    t = await testCompany({ company: WHOLESALER });
    const [result] = await t.classify(line('HONORARIOS ASESORIA CONTABLE Y TRIBUTARIA MES', { nit: '800600100' }));
    expect(result!.accountCode).toBe('521030');
  });

  it('books with the overhead in 51: a new concept goes to 51, saying why, as its own kind', async () => {
    t = await testCompany({ company: WHOLESALER, history: OFFICE_BOOKS });
    const [result] = await t.classify(line('HONORARIOS ASESORIA CONTABLE Y TRIBUTARIA MES', { nit: '800600100' }));
    expect(result!.accountCode).toBe('511030');
    expect(result!.explanation).toContain('tus libros llevan los gastos generales a administración (51), no a ventas (52)');
    expect(result!.explanation).toMatch(/energía eléctrica/);
    expect(result!.evidence?.kind).toMatch(/\/funcion-libros$/);
  });

  it('the same for a cleaning supply and the security guard', async () => {
    t = await testCompany({ company: WHOLESALER, history: OFFICE_BOOKS });
    const results = await t.classify(line('SERVICIO VIGILANCIA 24 HORAS PUESTO FIJO', { nit: '800600200' }), line('RESMA PAPEL CARTA 75 GR', { nit: '800600300' }));
    expect(results.map((r) => r.accountCode)).toEqual(['513505', '519530']);
  });

  it('advertising stays a selling expense: the rules put it in 52 whatever the function', async () => {
    t = await testCompany({ company: WHOLESALER, history: OFFICE_BOOKS });
    const [result] = await t.classify(line('PAUTA PUBLICITARIA REDES SOCIALES MES', { nit: '800600400' }));
    expect(result!.accountCode).toBe('523560');
    expect(result!.evidence?.kind).not.toMatch(/funcion-libros/);
  });

  it('books that put some overhead in 51 and some in 52 teach nothing: the default stays', async () => {
    const mixed = [...OFFICE_BOOKS.slice(0, 9), ...[1, 2, 3].map((m) => past(`LICENCIA SOFTWARE ERP NUBE MES 0${m}/2026`, '523520', `2026-0${m}-08`, { nit: '800500400' }))];
    t = await testCompany({ company: WHOLESALER, history: mixed });
    const [result] = await t.classify(line('HONORARIOS ASESORIA CONTABLE Y TRIBUTARIA MES', { nit: '800600100' }));
    expect(result!.accountCode).toBe('521030');
  });

  it('two concepts are not enough to say the company’s function', async () => {
    t = await testCompany({ company: WHOLESALER, history: OFFICE_BOOKS.slice(0, 6) });
    const [result] = await t.classify(line('HONORARIOS ASESORIA CONTABLE Y TRIBUTARIA MES', { nit: '800600100' }));
    expect(result!.accountCode).toBe('521030');
  });

  it('a function a person chose is never overridden by the books', async () => {
    t = await testCompany({ company: { ...WHOLESALER, ciiu: ['6201'], expenseFunction: 'ventas' }, history: OFFICE_BOOKS });
    const [result] = await t.classify(line('HONORARIOS ASESORIA CONTABLE Y TRIBUTARIA MES', { nit: '800600100' }));
    expect(result!.accountCode).toBe('521030');
  });

  it('the other way: a software house whose books carry its overhead in 52 books a new concept there', async () => {
    const selling = OFFICE_BOOKS.map((row) => ({ ...row, cuenta: `52${row.cuenta!.slice(2)}` }));
    t = await testCompany({ company: { ciiu: ['6201'], inventory: 'none' }, history: selling });
    const [result] = await t.classify(line('HONORARIOS ASESORIA CONTABLE Y TRIBUTARIA MES', { nit: '800600100' }));
    expect(result!.accountCode).toBe('521030');
    expect(result!.explanation).toContain('a ventas (52), no a administración (51)');
  });
});

