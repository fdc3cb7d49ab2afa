import { afterEach, describe, expect, it } from 'vitest';
import type { LearnedLine } from '../../server/matching/line-classifier';
import { line, past, testCompany, type TestCompany } from './support';

/**
 * The sixteenth round of issue #13, part A: a company's own posture for a KIND of thing its operation consumes,
 * learnt across concepts (company-posture.ts `kindFor`, clase-de-consumo.csv). Cases written here (a restaurant, a maker
 * of plastic containers), not taken from any benchmark set:
 * 1. a person moved two services of one kind (power and water) to the restaurant's cost: the third (gas), which nobody
 *    corrected and the rules read as an expense, goes to the activity's cost, «por verificar», saying why;
 * 2. the imported books put a plant's power and water to the office's expense: its gas, which the rules read as the
 *    plant's cost, goes to the expense too (the posture teaches both ways), «por verificar»;
 * 3. one concept alone, or concepts of the kind on both sides, teach nothing; the concept's own books always win.
 */
/** PUC 6140 «hoteles y restaurantes» (accounting-co.md §4.3 I). */
const COST = '614005';
const GRID = '800500100';
const WATERWORKS = '800500200';
const GAS = '800500300';
/** A restaurant (CIIU 5611, section I): §4.3 books what its kitchen and premises use up «both ways», so the rules read an expense. */
const RESTAURANT = { ciiu: ['5611'], inventory: 'perpetual' as const };

function corrected(companyId: string, description: string, nit: string, account: string): LearnedLine {
  return { companyId, supplierNit: nit, description, accountCode: account, byUser: true, origin: 'correccion', at: '2026-05-20T12:00:00Z' };
}

describe('suggestion engine: sixteenth round of #13 (A), the company’s posture for a kind of thing', () => {
  let t: TestCompany;
  afterEach(async () => t?.close());

  it('a person moved power and water to the kitchen’s cost: gas, never corrected, follows, «por verificar»', async () => {
    t = await testCompany({ company: RESTAURANT });
    const before = await t.classify(line('SUMINISTRO GAS NATURAL INDUSTRIAL M3 COCINA', { nit: GAS }));
    expect(before[0]!.accountCode).toMatch(/^51/);
    await t.engine.learn([
      corrected(t.company.id, 'CONSUMO ENERGIA ELECTRICA KWH COCINA', GRID, COST),
      corrected(t.company.id, 'SERVICIO ACUEDUCTO CONSUMO M3 COCINA', WATERWORKS, COST),
    ]);
    const [result] = await t.classify(line('SUMINISTRO GAS NATURAL INDUSTRIAL M3 COCINA', { nit: GAS }));
    expect(result!.accountCode).toMatch(/^614/);
    expect(result!.confidence).toBeLessThan(0.6);
    expect(result!.explanation).toContain('Tus libros y correcciones llevan');
    expect(result!.explanation).toContain('al costo');
  });

  it('the books put a plant’s power and water to the office’s expense: its gas, which the rules read as cost, stays an expense', async () => {
    const history = [
      ...Array.from({ length: 3 }, (_, i) => past(`ENERGIA ELECTRICA PERIODO 0${i + 1}/2026 KWH`, '513530', `2026-0${i + 1}-10`, { nit: GRID })),
      ...Array.from({ length: 3 }, (_, i) => past(`ACUEDUCTO Y ALCANTARILLADO M3 PERIODO 0${i + 1}/2026`, '513525', `2026-0${i + 1}-11`, { nit: WATERWORKS })),
    ];
    const plastics = { ciiu: ['2229'], inventory: 'perpetual' as const };
    const control = await testCompany({ company: plastics });
    const [cold] = await control.classify(line('GAS NATURAL INDUSTRIAL CONSUMO M3 PLANTA', { nit: GAS }));
    await control.close();
    expect(cold!.accountCode).toMatch(/^(61|7)/);
    t = await testCompany({ company: plastics, history });
    const [result] = await t.classify(line('GAS NATURAL INDUSTRIAL CONSUMO M3 PLANTA', { nit: GAS }));
    expect(result!.accountCode).toMatch(/^51/);
    expect(result!.confidence).toBeLessThan(0.6);
    expect(result!.explanation).toContain('al gasto');
  });

  it('one concept of the kind alone teaches nothing', async () => {
    t = await testCompany({ company: RESTAURANT });
    await t.engine.learn([corrected(t.company.id, 'CONSUMO ENERGIA ELECTRICA KWH COCINA', GRID, COST)]);
    const [result] = await t.classify(line('SUMINISTRO GAS NATURAL INDUSTRIAL M3 COCINA', { nit: GAS }));
    expect(result!.accountCode).toMatch(/^51/);
    expect(result!.explanation).not.toContain('Tus libros y correcciones');
  });

  it('concepts of the kind on both sides teach nothing', async () => {
    const history = [
      past('ENERGIA ELECTRICA OFICINA KWH', '513530', '2026-02-10', { nit: GRID }),
      past('ENERGIA ELECTRICA OFICINA KWH MARZO', '513530', '2026-03-10', { nit: GRID }),
    ];
    t = await testCompany({ company: RESTAURANT, history });
    await t.engine.learn([
      corrected(t.company.id, 'SERVICIO ACUEDUCTO CONSUMO M3 COCINA', WATERWORKS, COST),
      corrected(t.company.id, 'AGUA CRUDA RIEGO CONCESION M3', WATERWORKS, COST),
    ]);
    const [result] = await t.classify(line('SUMINISTRO GAS NATURAL INDUSTRIAL M3 COCINA', { nit: GAS }));
    expect(result!.accountCode).toMatch(/^51/);
    expect(result!.explanation).not.toContain('Tus libros y correcciones');
  });

  it('the concept’s own books win over the kind’s posture', async () => {
    const history = [past('GAS NATURAL CASINO PERSONAL M3', '513555', '2026-02-10', { nit: '800500999' }), past('GAS NATURAL CASINO PERSONAL M3 MARZO', '513555', '2026-03-10', { nit: '800500999' })];
    t = await testCompany({ company: RESTAURANT, history });
    await t.engine.learn([
      corrected(t.company.id, 'CONSUMO ENERGIA ELECTRICA KWH COCINA', GRID, COST),
      corrected(t.company.id, 'SERVICIO ACUEDUCTO CONSUMO M3 COCINA', WATERWORKS, COST),
    ]);
    const [result] = await t.classify(line('SUMINISTRO GAS NATURAL INDUSTRIAL M3 COCINA', { nit: GAS }));
    expect(result!.accountCode).toBe('513555');
  });
});
