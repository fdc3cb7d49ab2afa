import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database';
import { insertRows, preparedQuery } from '../db/prepared-query';
import type { JournalEntryTable } from '../db/schema';
import type { BalancedEntry } from './balance-entry';

// One per registered bill: compiled once.
const insertEntry = preparedQuery((db, v: JournalEntryTable) =>
  db.insertInto('journalEntry').values({ id: v.id, companyId: v.companyId, billId: v.billId, date: v.date, description: v.description, createdAt: v.createdAt, updatedAt: v.updatedAt }),
);

/**
 * Writes a journal entry. It only accepts a `BalancedEntry`, so an unbalanced entry cannot reach the books by
 * construction. Re-posting a bill (after a correction) replaces its lines in the same transaction.
 */
export async function postEntry(db: Db, input: { companyId: string; billId: string; date: string; description: string; entry: BalancedEntry; now: string; /** The bill was created in this transaction: it has no entry yet. */ isNew?: boolean }): Promise<string> {
  const existing = input.isNew ? undefined : await db.selectFrom('journalEntry').select('id').where('billId', '=', input.billId).executeTakeFirst();
  const entryId = existing?.id ?? randomUUID();
  if (existing) {
    await db.deleteFrom('journalLine').where('entryId', '=', entryId).execute();
    await db.updateTable('journalEntry').set({ description: input.description, date: input.date, updatedAt: input.now }).where('id', '=', entryId).execute();
  } else {
    await insertEntry(db, { id: entryId, companyId: input.companyId, billId: input.billId, date: input.date, description: input.description, createdAt: input.now, updatedAt: input.now });
  }
  await insertRows(
    db,
    'journalLine',
    input.entry.lines.map((line, position) => ({
      id: randomUUID(),
      entryId,
      position,
      accountCode: line.accountCode,
      description: line.description,
      debit: line.debit,
      credit: line.credit,
      thirdPartyNit: line.thirdPartyNit ?? null,
    })),
  );
  return entryId;
}
