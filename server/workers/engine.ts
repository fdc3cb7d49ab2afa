import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { PostgresAdapter } from 'kysely';
import type { Db } from '../db/database';

/**
 * Which engine a Kysely instance talks to. Several processes sharing work is a PostgreSQL matter: SQLite has one
 * writer at a time (`BEGIN IMMEDIATE`), so there it keeps its single-writer path.
 */
export function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * This process, as other processes see it in claims and leases: machine, pid and a random part (a pid is reused
 * after a restart; the random part tells a restarted process from the dead one).
 */
export const PROCESS_ID = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
