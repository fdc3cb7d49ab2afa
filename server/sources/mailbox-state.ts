import type { Db } from '../db/database';
import type { MailboxStateTable } from '../db/schema';

export type MailboxStatePatch = Partial<Omit<MailboxStateTable, 'companyId' | 'account' | 'updatedAt'>>;

export interface Checkpoint {
  uidValidity: string | null;
  lastUid: number;
}

/** Where the reading of this account stands; a checkpoint of another account (the company moved) counts as none. */
export async function readCheckpoint(db: Db, companyId: string, account: string): Promise<Checkpoint> {
  const row = await db.selectFrom('mailboxState').select(['account', 'uidValidity', 'lastUid']).where('companyId', '=', companyId).executeTakeFirst();
  if (!row || row.account !== account) return { uidValidity: null, lastUid: 0 };
  return { uidValidity: row.uidValidity, lastUid: row.lastUid };
}

/**
 * Writes part of the state, creating the row (or taking it over from a previous account) as needed. The server
 * writes here on every change of health, so a CLI in another process reads the same status.
 */
export async function writeMailboxState(db: Db, companyId: string, account: string, patch: MailboxStatePatch, now: Date): Promise<void> {
  const updatedAt = now.toISOString();
  await db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('mailboxState').select('account').where('companyId', '=', companyId).executeTakeFirst();
    if (current && current.account === account) {
      await trx.updateTable('mailboxState').set({ ...patch, updatedAt }).where('companyId', '=', companyId).execute();
      return;
    }
    if (current) await trx.deleteFrom('mailboxState').where('companyId', '=', companyId).execute();
    await trx
      .insertInto('mailboxState')
      .values({ companyId, account, uidValidity: null, lastUid: 0, status: 'stopped', failures: 0, ...patch, updatedAt })
      .execute();
  });
}
