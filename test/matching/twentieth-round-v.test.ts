import { afterEach, describe, expect, it } from 'vitest';
import { importHistory } from '../../server/matching/import-data';
import type { LearnedLine } from '../../server/matching/line-classifier';
import { line, past, testCompany, type TestCompany } from './support';

/**
 * The twentieth round of issue #13, part V: the agent's own unverified guess is a tie-breaker, not evidence (pattern 2:
 * a person > the company's books > the agent's own registrations). Cases written here (a printing shop, a consultancy),
 * not taken from any benchmark set:
 * 1. a line the agent first read with the generic rules and booked by itself; the company's books, imported after,
 *    say where this supplier's lines go: the repeat follows the books, «por verificar», naming the old guess;
 * 2. guard: when the supplier's «habit» is only the agent's own registrations, nothing moves;
 * 3. guard: when the books agree with the guess, nothing moves and the line says nothing of it.
 */
const SUPPLIER = '901777888';
const OTHER = '800999111';
const UNREADABLE = 'REF ZX-4471 KIT QWERTY TIPO B';
const BOOKS = ['SERVICIO ALFA MES ABRIL', 'REF ZX-1100 KIT QWERTY TIPO A', 'CARGO FIJO MENSUAL PLATAFORMA', 'AJUSTE FACTURACION MARZO'];

describe('suggestion engine: twentieth round of #13 (V), the agent’s unverified guess yields to the company’s books', () => {
  let t: TestCompany;
  afterEach(async () => t?.close());

  const register = (description: string, result: { accountCode: string; evidence?: { kind: string; raw: number; first?: { kind: string; raw: number } } }, at: string, nit = SUPPLIER): LearnedLine => ({
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
  const options = () => ({ fileName: 'libros.csv', actor: 'prueba', now: t.clock.now() });
  /** Where the books put this supplier's other products: an account the guess is not in. */
  const elsewhereThan = (account: string) => (account === '519595' ? '513595' : '519595');

  it('a guess of the generic rules follows where the company’s books put this supplier, «por verificar», naming the guess', async () => {
    t = await testCompany({ company: { ciiu: ['7020'], inventory: 'none' } });
    const [first] = await t.classify(line(UNREADABLE, { nit: SUPPLIER }));
    expect(first!.evidence?.kind.split('/')[0]).toMatch(/^(rule|actividad)$/);
    await t.engine.learn([register(UNREADABLE, first!, '2026-05-02T10:00:00Z')]);
    const books = elsewhereThan(first!.accountCode);
    await importHistory(t.db, t.company.id, BOOKS.map((d, i) => past(d, books, `2026-04-0${1 + i}`, { nit: SUPPLIER })), options());

    const [again] = await t.classify(line(UNREADABLE, { nit: SUPPLIER }));
    expect(again!.accountCode).toBe(books);
    expect(again!.confidence).toBeLessThan(0.6);
    expect(again!.explanation).toContain(`Antes la registré en ${first!.accountCode} sin que nadie la verificara; ahora tus libros dicen que este proveedor va a ${books}`);
    expect(again!.explanation).toMatch(/verifícala$/);
    expect(again!.runnerUp?.accountCode).toBe(first!.accountCode);
    expect(again!.evidence?.kind).toMatch(/^cede-registro\/habito-proveedor\//);
  });

  it('guard: a supplier «habit» made only of the agent’s own registrations does not move the repeat', async () => {
    t = await testCompany({ company: { ciiu: ['7020'], inventory: 'none' } });
    const [first] = await t.classify(line(UNREADABLE, { nit: SUPPLIER }));
    await t.engine.learn([register(UNREADABLE, first!, '2026-05-02T10:00:00Z')]);
    const other = elsewhereThan(first!.accountCode);
    // The agent's own guesses on the supplier's other products, in another account: still no word of the company's.
    await t.engine.learn(BOOKS.map((d, i) => register(d, { accountCode: other, evidence: { kind: 'rule/regla/-/sola/gasto', raw: 0.2 } }, `2026-05-0${3 + i}T10:00:00Z`)));
    // Something trusted elsewhere in the company, so the reread runs at all.
    await importHistory(t.db, t.company.id, [past('ARRIENDO LOCAL MAYO', '512010', '2026-04-01', { nit: OTHER })], options());

    const [again] = await t.classify(line(UNREADABLE, { nit: SUPPLIER }));
    expect(again!.accountCode).toBe(first!.accountCode);
    expect(again!.explanation).not.toContain('ahora tus libros dicen que este proveedor');
  });

  it('guard: books that agree with the guess leave the repeat as it was, without the note', async () => {
    t = await testCompany({ company: { ciiu: ['7020'], inventory: 'none' } });
    const [first] = await t.classify(line(UNREADABLE, { nit: SUPPLIER }));
    await t.engine.learn([register(UNREADABLE, first!, '2026-05-02T10:00:00Z')]);
    await importHistory(t.db, t.company.id, BOOKS.map((d, i) => past(d, first!.accountCode, `2026-04-0${1 + i}`, { nit: SUPPLIER })), options());

    const [again] = await t.classify(line(UNREADABLE, { nit: SUPPLIER }));
    expect(again!.accountCode).toBe(first!.accountCode);
    expect(again!.explanation).not.toContain('ahora tus libros dicen que este proveedor');
  });
});
