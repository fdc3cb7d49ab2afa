import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { PostgresAdapter, type Kysely } from 'kysely';
import { engineOf, type Db } from '../db/database';

/**
 * Several processes sharing work is a PostgreSQL matter: SQLite has one writer at a time (`BEGIN IMMEDIATE`), so
 * there the agent keeps its single-writer path.
 */
export function isPostgres(db: Db | Kysely<any>): boolean {
  // The adapter answers for a transaction too (not only for the instance `openDatabase` returned).
  return engineOf(db as Db) === 'postgres' || db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * This process, as other processes see it in claims and leases: machine, pid and a random part (a pid is reused
 * after a restart; the random part tells a restarted process from the dead one).
 */
export const PROCESS_ID = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
