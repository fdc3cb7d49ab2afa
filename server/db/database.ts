import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { CamelCasePlugin, Kysely, Migrator, SqliteDialect, type Migration, type MigrationProvider } from 'kysely';
import * as createCore from './migrations/2026_11_28_0900_create_core';
import type { Database } from './schema';

export type Db = Kysely<Database>;

/** Migrations in run order. Listed here (not read from disk) so they work the same under tsx, vitest and bundlers. */
const MIGRATIONS: Record<string, Migration> = {
  '2026_11_28_0900_create_core': createCore,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export const DEFAULT_DATABASE_FILE = './data/agente.db';

/**
 * Where the database lives: `AGENTE_DB` (a file path), else `DATABASE_URL` (`sqlite:…`/`file:…`), else
 * `./data/agente.db`. `:memory:` works for tests.
 */
export function databaseFileFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  if (env.AGENTE_DB) return env.AGENTE_DB;
  const url = env.DATABASE_URL;
  if (url) {
    if (/^postgres(ql)?:/i.test(url)) {
      throw new Error('PostgreSQL todavía no está soportado: use SQLite (AGENTE_DB=./data/agente.db). El esquema ya es portable.');
    }
    return url.replace(/^(sqlite|file):(\/\/)?/i, '');
  }
  return DEFAULT_DATABASE_FILE;
}

/**
 * Opens (creating it if needed) the SQLite database and brings its schema up to date.
 * WAL lets the API read while the processor writes; `busy_timeout` makes a second process (the CLI while
 * `npm start` runs) wait for the lock instead of failing.
 */
export async function openDatabase(file: string = databaseFileFromEnv()): Promise<Db> {
  if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 10000');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new CamelCasePlugin()] });
  await migrateOrThrow(db);
  return db;
}

export async function migrateOrThrow(db: Db): Promise<void> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`No se pudo actualizar el esquema de la base de datos${failed ? ` (${failed.migrationName})` : ''}: ${String(error)}`, { cause: error });
  }
}

/** JSON columns. */
export function toJson(value: unknown): string {
  return JSON.stringify(value);
}

export function fromJson<T>(text: string | null | undefined, fallback: T): T {
  if (!text) return fallback;
  return JSON.parse(text) as T;
}
