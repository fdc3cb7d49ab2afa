import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database';
import type { BalancedEntry } from './balance-entry';

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
    await db.insertInto('journalEntry').values({ id: entryId, companyId: input.companyId, billId: input.billId, date: input.date, description: input.description, createdAt: input.now, updatedAt: input.now }).execute();
  }
  await db
    .insertInto('journalLine')
    .values(
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
    )
    .execute();
  return entryId;
}
