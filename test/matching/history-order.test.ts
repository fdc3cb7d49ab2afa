import { afterEach, describe, expect, it } from 'vitest';
import { insertHistory, loadHistorySince, type NewHistoryRow } from '../../server/matching/matching-store';
import { testCompany, type TestCompany } from './support';

/**
 * Running engines read a company's history by id ("after the last id I applied"). On PostgreSQL ids are handed out
 * at insert time, so two writers could commit out of id order and an engine would skip the smaller id for good.
 * insertHistory keeps one writer of a company's history at a time; this shows it on a real PostgreSQL.
 */
describe('PostgreSQL: history ids become visible in order', () => {
  let t: TestCompany | undefined;
  afterEach(async () => t?.close());

  const row = (companyId: string, description: string): NewHistoryRow => ({
    companyId,
    supplierNit: '800111222',
    description,
    accountCode: '519530',
    origin: description.startsWith('Corrección') ? 'correccion' : 'registro',
    byUser: description.startsWith('Corrección'),
    at: '2026-06-01',
  });

  it('a second writer waits for the first to commit, so a reader that saw the larger id already saw the smaller one', async () => {
    t = await testCompany({ engine: 'postgres' });
    const { db, company } = t;
    let releaseFirst!: () => void;
    const firstHolds = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstInserted!: () => void;
    const firstHasInserted = new Promise<void>((resolve) => (firstInserted = resolve));
    const order: string[] = [];

    // The first writer (a person's correction) inserts, then keeps its transaction open.
    const first = db.transaction().execute(async (trx) => {
      await insertHistory(trx, [row(company.id, 'Corrección de una persona')]);
      firstInserted();
      await firstHolds;
      order.push('first commits');
    });
    await firstHasInserted;
    // The second writer (another process's registration) tries meanwhile.
    const second = db.transaction().execute(async (trx) => {
      await insertHistory(trx, [row(company.id, 'Registro de otro proceso')]);
      order.push('second inserted');
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    // A reader now sees neither row: nothing it could skip later.
    expect(await loadHistorySince(db, company.id, 0)).toEqual([]);
    expect(order).toEqual([]);
    releaseFirst();
    await Promise.all([first, second]);
    expect(order).toEqual(['first commits', 'second inserted']);

    const facts = await loadHistorySince(db, company.id, 0);
    const byDescription = new Map(facts.map((f) => [f.description, f.id]));
    expect(byDescription.get('Corrección de una persona')!).toBeLessThan(byDescription.get('Registro de otro proceso')!);
  });

  it('outside a transaction it still takes the turn (in one of its own)', async () => {
    t = await testCompany({ engine: 'postgres' });
    const { db, company } = t;
    await insertHistory(db, [row(company.id, 'Registro suelto'), row(company.id, 'Otro registro suelto')]);
    expect((await loadHistorySince(db, company.id, 0)).map((f) => f.description).sort()).toEqual(['Otro registro suelto', 'Registro suelto']);
  });
});
