import { sql } from 'kysely';
import type { Db } from '../db/database';
import type { Clock } from './clock';

/**
 * Stores bytes by their hash, once. Bytes that were emptied by the refused-files quota come back when the same file
 * arrives again and is worth keeping (it will be refused again otherwise, and pruned again in its turn).
 */
export async function storeBlob(db: Db, sha256: string, bytes: Uint8Array): Promise<void> {
  await db
    .insertInto('fileBlob')
    .values({ sha256, size: bytes.length, bytes })
    .onConflict((oc) => oc.column('sha256').doUpdateSet({ bytes, prunedAt: null }).where('fileBlob.prunedAt', 'is not', null))
    .execute();
}

export interface PruneReport {
  /** Refused bytes still kept for the company. */
  keptBytes: number;
  /** Files whose bytes were emptied now. */
  pruned: number;
}

/**
 * Keeps the bytes of the company's refused files (and of mail messages made only of refused parts) up to `quota`,
 * newest first; older ones are emptied: their hash, size, sender and reason stay on the received file. Bytes that
 * anything not refused still points at (the same file received fine elsewhere) are never touched.
 */
export async function pruneRefusedBytes(db: Db, companyId: string, quota: number, clock: Clock): Promise<PruneReport> {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ sha256: string; size: number; at: string }>`
      select sha256, size, max(at) as at from (
        select b.sha256, b.size, coalesce(rf.last_arrived_at, rf.arrived_at) as at
          from received_file rf join file_blob b on b.sha256 = rf.sha256
         where rf.company_id = ${companyId} and rf.status = 'refused' and b.pruned_at is null
        union all
        select b.sha256, b.size, m.internal_date as at
          from mailbox_message m join file_blob b on b.sha256 = m.raw_sha256
         where m.company_id = ${companyId} and m.refused = 1 and b.pruned_at is null
      ) candidate
      where not exists (select 1 from received_file o where o.sha256 = candidate.sha256 and o.status <> 'refused')
        and not exists (select 1 from mailbox_message o where o.raw_sha256 = candidate.sha256 and o.refused = 0)
      group by sha256, size
      order by at desc, sha256`.execute(trx);
    let kept = 0;
    const drop: string[] = [];
    for (const row of rows) {
      if (kept + Number(row.size) <= quota) kept += Number(row.size);
      else drop.push(row.sha256);
    }
    const now = clock.now().toISOString();
    for (let i = 0; i < drop.length; i += 500) {
      await trx.updateTable('fileBlob').set({ bytes: new Uint8Array(0), prunedAt: now }).where('sha256', 'in', drop.slice(i, i + 500)).execute();
    }
    return { keptBytes: kept, pruned: drop.length };
  });
}
