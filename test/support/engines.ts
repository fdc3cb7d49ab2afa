import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, inject } from 'vitest';
import { openDatabase, type Db, type OpenOptions } from '../../server/db/database';
import type { Engine } from '../../server/db/engine';
import { withDatabase } from './postgres';

export type { Engine };

export const ENGINES: readonly Engine[] = ['sqlite', 'postgres'];

/**
 * Runs a suite once per engine: `forEachEngine((engine) => { it(…) })` makes a «SQLite» and a «PostgreSQL»
 * describe. Open databases in it with `openTestDatabase(engine)` (or `openHarness({ engine })`).
 */
export function forEachEngine(body: (engine: Engine) => void): void {
  for (const engine of ENGINES) describe(engine === 'sqlite' ? 'SQLite' : 'PostgreSQL', () => body(engine));
}

let admin: pg.Pool | undefined;
let counter = 0;

function postgresServer(): { adminUrl: string; template: string } {
  const provided = inject('postgres');
  // No PostgreSQL (binaries missing, initdb failed): the test fails with the reason; it is never skipped.
  if ('error' in provided) throw new Error(`PostgreSQL para las pruebas no está disponible: ${provided.error}`);
  return provided;
}

/**
 * A new, empty, migrated PostgreSQL database of the run's server (a copy of the migrated template: ~tens of ms)
 * and the function that drops it.
 */
export async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const server = postgresServer();
  admin ??= new pg.Pool({ connectionString: server.adminUrl, max: 2, allowExitOnIdle: true });
  const name = `agente_prueba_${process.pid}_${++counter}_${randomBytes(3).toString('hex')}`;
  await admin.query(`create database ${name} template ${server.template}`);
  const pool = admin;
  return { url: withDatabase(server.adminUrl, name), drop: () => dropDatabase(pool, name) };
}

/** A closed pool's server processes may take a moment to go; only then is the database forced. */
async function dropDatabase(pool: pg.Pool, name: string): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      await pool.query(`drop database if exists ${name}`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006') throw error; // in use by other sessions
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  await pool.query(`drop database if exists ${name} with (force)`);
}

/** A database URL of the run's server that does not exist (for error messages). */
export function missingPostgresUrl(): string {
  return withDatabase(postgresServer().adminUrl, 'no_existe_esta_base');
}

/**
 * A fresh database on the engine: SQLite in memory (or `file`, when given), PostgreSQL a new database of the
 * run's server. `close` destroys the connection and, on PostgreSQL, drops the database.
 */
export async function openTestDatabase(engine: Engine, options: OpenOptions & { file?: string } = {}): Promise<{ db: Db; location: string; close: () => Promise<void> }> {
  const { file, ...open } = options;
  if (engine === 'sqlite') {
    const location = file ?? ':memory:';
    const db = await openDatabase(location, open);
    return { db, location, close: () => db.destroy() };
  }
  const created = await createPostgresDatabase();
  const db = await openDatabase(created.url, { poolSize: 4, ...open });
  let closed = false;
  return {
    db,
    location: created.url,
    close: async () => {
      if (closed) return;
      closed = true;
      await db.destroy();
      await created.drop();
    },
  };
}
