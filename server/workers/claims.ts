import type { Db } from '../db/database';
import type { Clock } from '../agent/clock';
import { runsOnPostgres } from '../db/engine';
import { PROCESS_ID } from './process-id';

export interface ClaimOptions {
  /** How long a claim holds if its worker dies without finishing (then any worker may take the document). */
  leaseMs: number;
  /** Documents taken per claim. Small: a dead worker strands at most this many until the lease ends. */
  batch: number;
  /** Who claims (this process by default). */
  holder?: string;
}

export const DEFAULT_CLAIM: ClaimOptions = { leaseMs: 60_000, batch: 10 };

/** `AGENTE_RECLAMO_SEGUNDOS` (how long a claim holds) and `AGENTE_RECLAMO_LOTE` (documents per claim). */
export function claimOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): ClaimOptions {
  const seconds = Number(env.AGENTE_RECLAMO_SEGUNDOS ?? '');
  const batch = Number(env.AGENTE_RECLAMO_LOTE ?? '');
  return {
    leaseMs: Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : DEFAULT_CLAIM.leaseMs,
    batch: Number.isInteger(batch) && batch > 0 ? batch : DEFAULT_CLAIM.batch,
  };
}

export interface PendingDocument {
  id: string;
  companyId: string;
}

/**
 * The next pending documents of these companies, oldest arrival first, for this worker.
 *
 * On PostgreSQL several `agente serve` processes share the queue: the rows are picked with
 * `FOR UPDATE SKIP LOCKED` (two workers claiming at the same instant get different documents, neither waits) and
 * marked with this worker and a lease in the same statement. A claim is only a way to not do the same work twice:
 * exactly-once registration rests on the status re-read under a row lock in the registering transaction and on the
 * bill's unique document id. A worker killed with its claims leaves them to whoever claims after the lease ends.
 *
 * On SQLite there is a single writer: the plain query of always, no write.
 */
export async function claimPending(db: Db, clock: Clock, companies: string[], exclude: Set<string>, options: ClaimOptions = DEFAULT_CLAIM): Promise<PendingDocument[]> {
  if (companies.length === 0) return [];
  if (!runsOnPostgres(db)) {
    let query = db.selectFrom('inboxDocument').select(['id', 'companyId']).where('status', '=', 'pending').where('companyId', 'in', companies);
    if (exclude.size) query = query.where('id', 'not in', [...exclude]);
    return query.orderBy('arrivedAt').orderBy('createdAt').limit(100).execute();
  }
  const now = clock.now();
  const holder = options.holder ?? PROCESS_ID;
  let pick = db
    .selectFrom('inboxDocument')
    .select('id')
    .where('status', '=', 'pending')
    .where('companyId', 'in', companies)
    .where((eb) => eb.or([eb('claimedUntil', 'is', null), eb('claimedUntil', '<', now.toISOString()), eb('claimedBy', '=', holder)]));
  if (exclude.size) pick = pick.where('id', 'not in', [...exclude]);
  const picked = pick.orderBy('arrivedAt').orderBy('createdAt').limit(options.batch).forUpdate().skipLocked();
  const rows = await db
    .updateTable('inboxDocument')
    .set({ claimedBy: holder, claimedUntil: new Date(now.getTime() + options.leaseMs).toISOString() })
    .where('id', 'in', picked)
    .returning(['id', 'companyId', 'arrivedAt', 'createdAt'])
    .execute();
  // RETURNING has no order: back to arrival order (an invoice before the notes that quote it).
  rows.sort((a, b) => (a.arrivedAt < b.arrivedAt ? -1 : a.arrivedAt > b.arrivedAt ? 1 : a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  return rows.map(({ id, companyId }) => ({ id, companyId }));
}

/** Gives back what this worker claimed and did not register (a company paused meanwhile, a stop): others may take it now. */
export async function releaseClaims(db: Db, holder: string = PROCESS_ID): Promise<void> {
  if (!runsOnPostgres(db)) return;
  await db.updateTable('inboxDocument').set({ claimedBy: null, claimedUntil: null }).where('claimedBy', '=', holder).where('status', '=', 'pending').execute();
}
