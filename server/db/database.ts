import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { CamelCasePlugin, CompiledQuery, Kysely, Migrator, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type Migration, type MigrationProvider, type SqliteDialectConfig, type SqliteStatement } from 'kysely';
import * as createCore from './migrations/2026_11_28_0900_create_core';
import * as matching from './migrations/2026_11_28_1000_matching';
import * as mailbox from './migrations/2026_11_28_1100_mailbox';
import * as alegra from './migrations/2026_11_28_1200_alegra';
import * as authenticity from './migrations/2026_12_03_1000_authenticity';
import * as dianCopy from './migrations/2026_12_04_0400_dian_copy';
import * as alegraPushReport from './migrations/2026_12_03_1400_alegra_push_report';
import * as ledgerRules from './migrations/2026_12_03_1200_ledger_rules';
import * as matchingProvenance from './migrations/2026_12_03_1300_matching_provenance';
import { DatabaseMissingError, exactInteger, isPostgresUrl, openPostgres, type Engine } from './engine';
import * as radianEvents from './migrations/2026_12_03_1800_radian_events';
import { openSqlite } from './native-sqlite';
import * as intakeLimits from './migrations/2026_12_03_1100_intake_limits';
import * as workers from './migrations/2026_12_03_1600_workers';
import * as users from './migrations/2026_12_03_1700_users';
import * as registrationIndexes from './migrations/2026_12_03_2000_registration_indexes';
import * as receptionIndexes from './migrations/2026_12_04_0200_reception_indexes';
import * as anchorsChecked from './migrations/2026_12_04_1200_anchors_checked';
import * as firstReading from './migrations/2026_12_04_2000_first_reading';
import type { Database } from './schema';
import { projectRoot } from '../project-root';

export { projectRoot };

export type Db = Kysely<Database>;

/** Migrations in run order. Listed here (not read from disk) so they work the same under tsx, vitest and bundlers. */
const MIGRATIONS: Record<string, Migration> = {
  '2026_11_28_0900_create_core': createCore,
  '2026_11_28_1000_matching': matching,
  '2026_11_28_1100_mailbox': mailbox,
  '2026_11_28_1200_alegra': alegra,
  '2026_12_03_1000_authenticity': authenticity,
  '2026_12_03_1100_intake_limits': intakeLimits,
  '2026_12_03_1200_ledger_rules': ledgerRules,
  '2026_12_03_1300_matching_provenance': matchingProvenance,
  '2026_12_03_1400_alegra_push_report': alegraPushReport,
  '2026_12_03_1600_workers': workers,
  '2026_12_03_1700_users': users,
  '2026_12_03_1800_radian_events': radianEvents,
  '2026_12_03_2000_registration_indexes': registrationIndexes,
  '2026_12_04_0200_reception_indexes': receptionIndexes,
  '2026_12_04_0400_dian_copy': dianCopy,
  '2026_12_04_1200_anchors_checked': anchorsChecked,
  '2026_12_04_2000_first_reading': firstReading,
};

const FIRST_MIGRATION = '2026_11_28_0900_create_core';

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export const DEFAULT_DATABASE_FILE = './data/agente.db';

/**
 * Where the database lives: `AGENTE_DB` (a file path), else `DATABASE_URL` (`postgres://…` for PostgreSQL, or
 * `sqlite:…`/`file:…`), else `./data/agente.db`. `:memory:` works for tests. A PostgreSQL URL is returned as it is:
 * `openDatabase` picks the engine from it.
 */
export function databaseFileFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  if (env.AGENTE_DB) return env.AGENTE_DB;
  const url = env.DATABASE_URL;
  if (url) {
    if (isPostgresUrl(url)) return url;
    return url.replace(/^(sqlite|file):(\/\/)?/i, '');
  }
  return DEFAULT_DATABASE_FILE;
}

export interface DatabaseLocation {
  /** Absolute path (or `:memory:`), or a PostgreSQL URL. */
  file: string;
  /** Where it was told: `--db`, `AGENTE_DB`, `DATABASE_URL` or the default. */
  from: string;
}

/** Where the database is: `--db`, else the environment (`databaseFileFromEnv`), relative paths from the project folder. */
export function locateDatabase(flag: string | undefined, env: NodeJS.ProcessEnv = process.env, root: string = projectRoot()): DatabaseLocation {
  const raw = flag ?? databaseFileFromEnv(env);
  const from = flag ? '--db' : env.AGENTE_DB ? 'AGENTE_DB' : env.DATABASE_URL ? 'DATABASE_URL' : 'por defecto';
  if (raw === ':memory:' || isPostgresUrl(raw)) return { file: raw, from };
  return { file: isAbsolute(raw) ? raw : resolve(root, raw), from };
}

export { DatabaseMissingError };

/** The database file is damaged: the agent stops instead of writing into it. */
export class DatabaseCorruptError extends Error {
  readonly code = 'DATABASE_CORRUPT';
  constructor(
    readonly file: string,
    readonly detail: string,
    readonly lastBackup: string | undefined,
  ) {
    super(
      `La base de datos ${file} está dañada (${detail}); el agente no arranca para no empeorarla. ` +
        (lastBackup
          ? `La última copia de seguridad es ${lastBackup}: detén el agente, guarda aparte el archivo dañado y copia la copia en su lugar (ver «Copias de seguridad y restauración» en el README).`
          : 'No hay copias de seguridad en la carpeta backups/ junto a ella; guarda aparte el archivo dañado y pide ayuda antes de crear una base nueva.'),
    );
  }
}

export interface OpenOptions {
  /** SQLite only: runs on the raw connection before anything else (tests use it to inject failures with triggers). */
  configure?: (sqlite: SqliteDatabase.Database) => void;
  /**
   * Create the database when it does not exist (default). Commands other than `serve`/`init` pass false. On
   * PostgreSQL the database itself is created by its administrator; "create" means running the migrations into it.
   */
  create?: boolean;
  /** SQLite only: run `PRAGMA quick_check` before anything else, and refuse a damaged file (what `npm start` does). */
  check?: boolean;
  /** PostgreSQL only: connections in the pool (default 10). */
  poolSize?: number;
}

const rawConnections = new WeakMap<Db, SqliteDatabase.Database>();
const engines = new WeakMap<Db, Engine>();

/** Which engine a database opened with `openDatabase` runs on. */
export function engineOf(db: Db): Engine {
  return engines.get(db) ?? 'sqlite';
}

/** The better-sqlite3 connection under a Kysely instance opened here (for the online backup API). */
export function rawConnectionOf(db: Db): SqliteDatabase.Database {
  const sqlite = rawConnections.get(db);
  if (!sqlite) throw new Error(engines.get(db) === 'postgres' ? 'La base de datos es PostgreSQL: no hay conexión SQLite.' : 'Esta base de datos no se abrió con openDatabase.');
  return sqlite;
}

/** Backups kept beside the database: `<carpeta de la base>/backups/`. */
export function backupDirFor(file: string): string {
  return join(dirname(resolve(file)), 'backups');
}

/** Newest file in the backups folder beside the database, if any. */
export function latestBackup(file: string): string | undefined {
  const dir = backupDirFor(file);
  if (!existsSync(dir)) return undefined;
  const names = readdirSyncSafe(dir).filter((n) => /\.db$/.test(n)).sort();
  return names.length ? join(dir, names[names.length - 1]!) : undefined;
}

function readdirSyncSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

const CORRUPTION = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_INDEX', 'SQLITE_CORRUPT_SEQUENCE', 'SQLITE_CORRUPT_VTAB']);

/**
 * Opens the database and brings its schema up to date: a PostgreSQL URL (`postgres://…`) opens PostgreSQL
 * (server/db/engine.ts), anything else is a SQLite file, created if needed.
 */
export async function openDatabase(file: string = databaseFileFromEnv(), options: OpenOptions = {}): Promise<Db> {
  if (isPostgresUrl(file)) {
    const db = await openPostgres(file, { create: options.create !== false, ...(options.poolSize ? { poolSize: options.poolSize } : {}) });
    engines.set(db, 'postgres');
    try {
      await migrateOrThrow(db);
    } catch (error) {
      await db.destroy().catch(() => undefined);
      throw error;
    }
    return db;
  }
  return openSqliteDatabase(file, options);
}

/**
 * WAL lets the API read while the processor writes; `busy_timeout` makes a second process (the CLI while
 * `npm start` runs) wait for the lock instead of failing. The PRAGMAs and `quick_check` are SQLite's alone.
 */
async function openSqliteDatabase(file: string, options: OpenOptions): Promise<Db> {
  if (file !== ':memory:') {
    if (options.create === false && !existsSync(file)) throw new DatabaseMissingError(resolve(file));
    mkdirSync(dirname(resolve(file)), { recursive: true });
  }
  const sqlite = openSqlite(file, options.create === false ? { fileMustExist: true } : {});
  try {
    if (options.check) {
      const rows = sqlite.pragma('quick_check') as { quick_check: string }[];
      const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
      if (problems.length) throw new DatabaseCorruptError(resolve(file), problems.slice(0, 3).join('; '), latestBackup(file));
    }
    sqlite.pragma('journal_mode = WAL');
  } catch (error) {
    sqlite.close();
    if (error instanceof DatabaseCorruptError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (CORRUPTION.has(code)) throw new DatabaseCorruptError(resolve(file), (error as Error).message, latestBackup(file));
    throw error;
  }
  sqlite.pragma('synchronous = NORMAL');
  // Checkpoint every ~16 MB of WAL instead of 4 MB: a backlog writes the same index pages over and over, and each
  // checkpoint copies them back with an fsync. Durability is unchanged: with synchronous=NORMAL a commit is safe from
  // a process crash at once, and the WAL is synced before every checkpoint either way.
  sqlite.pragma('wal_autocheckpoint = 4000');
  sqlite.pragma('busy_timeout = 10000');
  sqlite.pragma('foreign_keys = ON');
  options.configure?.(sqlite);
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }), plugins: [new CamelCasePlugin()] });
  rawConnections.set(db, sqlite);
  engines.set(db, 'sqlite');
  await migrateOrThrow(db);
  return db;
}

/**
 * Transactions start with `BEGIN IMMEDIATE`: they take the write lock up front, waiting up to `busy_timeout` for it.
 * With a plain (deferred) `BEGIN`, a transaction that reads first and writes afterwards fails at once with
 * SQLITE_BUSY when another process committed in between (WAL cannot upgrade a stale snapshot), so two processes
 * registering from one database file (`npm start` and `npx agente run`) would fail each other's documents.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  /**
   * Some errors (SQLITE_FULL, SQLITE_IOERR, SQLITE_NOMEM…) make SQLite roll the transaction back by itself; the
   * ROLLBACK that follows would then fail with "no transaction is active" and hide the real cause (a full disk would
   * be reported as a generic error). The transaction is gone either way: nothing was written.
   */
  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await super.rollbackTransaction(connection);
    } catch (error) {
      if (!/no transaction is active/i.test((error as Error).message)) throw error;
    }
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

/**
 * Kysely prepares every query anew; the agent runs the same few statements thousands of times (one registration is
 * a dozen of them), so compiled statements are kept by SQL text. better-sqlite3 statements are synchronous and
 * reusable; only streaming (`iterate`) would hold one busy, and the agent never streams.
 */
function withStatementCache(sqlite: SqliteDatabase.Database, size = 500): SqliteDialectConfig['database'] {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => sqlite.close(),
    prepare: (sql: string) => {
      let statement = cache.get(sql);
      if (!statement) {
        statement = exactIntegers(sqlite.prepare(sql));
        // Queries with `in (?, ?, …)` lists of any length must not grow the cache without end.
        if (cache.size >= size) cache.delete(cache.keys().next().value!);
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}

const createdNow = new WeakSet<Db>();

/** The agent's tables were created by this `openDatabase` (a new SQLite file, or an empty PostgreSQL database). */
export function schemaCreatedNow(db: Db): boolean {
  return createdNow.has(db);
}

/**
 * Integers are read as BigInt and handed over as numbers only when exact: better-sqlite3 would otherwise round a
 * 64-bit integer beyond 2⁵³ without a word. The same rule as PostgreSQL's int8 (engine.ts): money never rounds.
 */
function exactIntegers(statement: SqliteDatabase.Statement): SqliteStatement {
  statement.safeIntegers(true);
  const exactRow = (row: unknown) => {
    const record = row as Record<string, unknown>;
    for (const key in record) {
      const value = record[key];
      if (typeof value === 'bigint') record[key] = exactInteger(value);
    }
    return row;
  };
  return {
    reader: statement.reader,
    all: (parameters) => statement.all(...parameters).map(exactRow),
    run: (parameters) => {
      const { changes, lastInsertRowid } = statement.run(...parameters);
      return { changes, lastInsertRowid: typeof lastInsertRowid === 'bigint' ? exactInteger(lastInsertRowid) : lastInsertRowid };
    },
    *iterate(parameters) {
      for (const row of statement.iterate(...parameters)) yield exactRow(row);
    },
  };
}

export async function migrateOrThrow(db: Db): Promise<void> {
  // Features land in parallel, so a migration may be named before one a database already ran: run it anyway.
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`No se pudo actualizar el esquema de la base de datos${failed ? ` (${failed.migrationName})` : ''}: ${String(error)}`, { cause: error });
  }
  if (results?.some((r) => r.migrationName === FIRST_MIGRATION && r.status === 'Success')) createdNow.add(db);
}

/** JSON columns. */
export function toJson(value: unknown): string {
  return JSON.stringify(value);
}

export function fromJson<T>(text: string | null | undefined, fallback: T): T {
  if (!text) return fallback;
  return JSON.parse(text) as T;
}
