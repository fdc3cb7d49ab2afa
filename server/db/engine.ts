import { CamelCasePlugin, Kysely, PostgresAdapter, PostgresDialect, sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from './schema';

/**
 * What differs between the two engines the agent runs on, in one place. SQLite (better-sqlite3) is the embedded
 * default; PostgreSQL (the `pg` driver, a pool) is for an accounting office that shares one server among several
 * people and processes. The rest of the code base writes one Kysely query for both; when a query needs something
 * the engines do differently, it comes from here.
 *
 * How the schema stays portable (see the migrations):
 * - Money is `bigint` integer centavos. PostgreSQL returns int8 (and `sum()`'s numeric) as text to keep precision;
 *   here they become exact JS numbers, and a value beyond Number.MAX_SAFE_INTEGER (90 billion pesos in centavos)
 *   is an error rather than a rounded amount.
 * - Timestamps stay ISO-8601 UTC text with its `Z` (`2026-03-10T15:00:00.000Z`), not `timestamptz`: the zone is
 *   written in the value itself, the text reads the same in every engine, a dump and a log, and fixed-width UTC text
 *   sorts and compares in time order as plain text. Calendar dates (`issue_date`) are `YYYY-MM-DD` in Bogotá.
 * - Text compares byte by byte: SQLite's BINARY collation, and on PostgreSQL a database created with
 *   LC_COLLATE = LC_CTYPE = 'C' (checked when the agent opens it). Then `order by`, `<`/`>` on text and `lower()`
 *   (ASCII only on both) give the very same answers; a language collation would sort «Ávila» or a timestamp
 *   differently from the laptop's SQLite.
 * - `LIKE`: SQLite's ignores ASCII case, PostgreSQL's does not, and PostgreSQL treats `\` as an escape by default:
 *   `containsText` writes one expression that means the same on both.
 * - Flags are `integer` 0/1 (never SQL booleans); JSON is text; binary is `blob`/`bytea` (Buffer either way).
 * - `NULL`s sort first in SQLite and last in PostgreSQL: order only by NOT NULL columns, or say `nulls first`.
 * - `insert … on conflict` is written with Kysely's `onConflict` (both engines speak it); never `insertOrIgnore`
 *   (`insert or ignore` is SQLite's alone).
 */
export type Engine = 'sqlite' | 'postgres';

/** `postgres://…` or `postgresql://…`: everything else is a SQLite file (or `:memory:`). */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

export function engineOfLocation(location: string): Engine {
  return isPostgresUrl(location) ? 'postgres' : 'sqlite';
}

/** The URL without its password (for messages and logs): `postgres://ana:***@servidor/agente`. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    if (parsed.searchParams.has('password')) parsed.searchParams.set('password', '***');
    return parsed.toString();
  } catch {
    return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
  }
}

/** Where the database is, fit to print: a file path as it is, a PostgreSQL URL without its password. */
export function describeLocation(location: string): string {
  return isPostgresUrl(location) ? redactUrl(location) : location;
}

/** `%`, `_` and `\` of a literal, escaped for `like … escape '\'`. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * `column` contains `fragment` (a literal: `%` and `_` in it are plain characters), ignoring ASCII case only (á ≠ Á
 * on both engines, like SQLite's own LIKE). `lower()` on both sides and an explicit escape character make the one
 * expression mean the same in SQLite and in a PostgreSQL database with LC_CTYPE 'C'.
 */
export function containsText(column: string, fragment: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`lower(${sql.ref(column)}) like lower(${`%${escapeLike(fragment)}%`}) escape '\\'`;
}

/** The database (or a transaction of it) runs on PostgreSQL: asked of the adapter, so it works inside transactions. */
export function runsOnPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * The value at `path` (dot-separated keys) of the JSON text `column`, as text (an object or array comes back as its
 * JSON text), or null when missing: SQLite's json_extract, PostgreSQL's `#>>`.
 */
export function jsonText(db: Kysely<any>, column: string, path: string): RawBuilder<string | null> {
  if (runsOnPostgres(db)) return sql<string | null>`(${sql.ref(column)})::jsonb #>> ${`{${path.split('.').join(',')}}`}::text[]`;
  return sql<string | null>`json_extract(${sql.ref(column)}, ${`$.${path}`})`;
}

/**
 * Some element of the JSON array `arrayKey` in the JSON text `column` has `field` equal to `value` (trimmed): the
 * engines spell JSON differently (SQLite's json_each, PostgreSQL's jsonb_array_elements); a missing key or a value
 * that is not an array is no match on both.
 */
export function jsonArrayHas(db: Kysely<any>, column: string, arrayKey: string, field: string, value: string): RawBuilder<SqlBool> {
  if (runsOnPostgres(db)) {
    const array = sql`(${sql.ref(column)})::jsonb -> ${arrayKey}::text`;
    return sql<SqlBool>`exists (select 1 from jsonb_array_elements(case when jsonb_typeof(${array}) = 'array' then ${array} else '[]'::jsonb end) element where trim(element ->> ${field}::text) = ${value})`;
  }
  return sql<SqlBool>`exists (select 1 from json_each(${sql.ref(column)}, ${`$.${arrayKey}`}) element where json_type(${sql.ref(column)}, ${`$.${arrayKey}`}) = 'array' and trim(json_extract(element.value, ${`$.${field}`})) = ${value})`;
}

/** A unique index or primary key refused the row (the same question on both engines). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | undefined;
  return e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || e?.code === '23505' || /UNIQUE constraint failed/.test(e?.message ?? '');
}

// ---------------------------------------------------------------------------------------------------------------
// PostgreSQL

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/**
 * int8 (`bigint` columns, `count(*)`) as an exact number. Refuses, loudly, what a JS number cannot hold exactly:
 * losing a peso silently is worse than stopping.
 */
export function parseExactInteger(text: string): number {
  if (!/^-?\d+$/.test(text)) throw new RangeError(`La base de datos devolvió «${text}» donde esperaba un número entero.`);
  return exactInteger(BigInt(text));
}

/** A 64-bit integer from either engine as a JS number, or a loud error when it would not be exact. */
export function exactInteger(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`La base de datos devolvió ${value}, un número que no cabe exacto en el agente (máximo ${Number.MAX_SAFE_INTEGER}): no se redondea dinero.`);
  }
  return Number(value);
}

/** numeric (what `sum()` of bigints returns): integers only; money with decimals is kept as decimal text, never here. */
export function parseExactNumeric(text: string): number {
  if (!/^-?\d+$/.test(text)) {
    throw new RangeError(`PostgreSQL devolvió el decimal ${text} como número; el agente guarda los decimales como texto para no perder exactitud.`);
  }
  return parseExactInteger(text);
}

/** No database where one was expected, and this command does not create one (a SQLite file, or a PostgreSQL URL). */
export class DatabaseMissingError extends Error {
  readonly code = 'DATABASE_MISSING';
  constructor(
    readonly file: string,
    message = `No hay base de datos en ${file}. Si es la primera vez, arranca el agente con \`npm start\` (o créala con \`npx agente init\`); si está en otro lugar, indícalo con --db o AGENTE_DB.`,
  ) {
    super(message);
  }
}

export interface PostgresOpenOptions {
  /** `serve`/`init` (true) run the migrations into an existing database, empty or not; others need the tables. */
  create: boolean;
  /** Connections in the pool (default 10). */
  poolSize?: number;
}

/**
 * Connects to PostgreSQL (the `pg` driver, loaded only here so that SQLite users never load it) and checks the
 * database is one the agent can use: it exists, speaks UTF-8, compares text byte by byte, and (unless creating)
 * already has the agent's tables. Migrations are the caller's (`openDatabase`).
 */
export async function openPostgres(url: string, options: PostgresOpenOptions): Promise<Kysely<Database>> {
  const { default: pg } = await import('pg');
  const shown = redactUrl(url);
  const getTypeParser = ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8_OID) return parseExactInteger;
    if (oid === NUMERIC_OID) return parseExactNumeric;
    return pg.types.getTypeParser(oid, format);
  }) as typeof pg.types.getTypeParser;
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, types: { getTypeParser }, application_name: 'agente-de-gastos' });
  // An idle connection dropped by the server (restart, network) must not take the process down; the next query
  // opens a new one.
  pool.on('error', (error) => console.error(`PostgreSQL (${shown}): se perdió una conexión inactiva: ${error.message}`));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
  try {
    await checkPostgres(db, url, options);
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw error;
  }
  return db;
}

async function checkPostgres(db: Kysely<Database>, url: string, options: PostgresOpenOptions): Promise<void> {
  const shown = redactUrl(url);
  let info: { encoding: string; collate: string; ctype: string; provider: string | null; migrated: boolean };
  try {
    const { rows } = await sql<typeof info>`
      select pg_encoding_to_char(d.encoding) as encoding, d.datcollate as collate, d.datctype as ctype,
             (to_jsonb(d) ->> 'datlocprovider') as provider,
             to_regclass('kysely_migration') is not null as migrated
        from pg_database d where d.datname = current_database()`.execute(db);
    info = rows[0]!;
  } catch (error) {
    throw connectionError(error, url);
  }
  const byteOrder = (locale: string) => locale === 'C' || locale === 'POSIX';
  if (info.encoding !== 'UTF8' || !byteOrder(info.collate) || !byteOrder(info.ctype) || (info.provider !== null && info.provider !== 'c')) {
    throw new Error(
      `La base de datos ${shown} usa ${info.encoding} con orden de texto «${info.collate}»/«${info.ctype}»${info.provider === 'i' ? ' (ICU)' : ''}; el agente necesita UTF8 y orden C, ` +
        'para que el texto se compare y ordene igual que en SQLite. Créala así (vacía) y ejecuta `npx agente init`: ' +
        `CREATE DATABASE ${databaseName(url)} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C';`,
    );
  }
  if (!options.create && !info.migrated) {
    throw new DatabaseMissingError(
      shown,
      `La base de datos ${shown} existe pero aún no tiene las tablas del agente. Créalas con \`npx agente init\` (o arrancando el agente con \`npm start\`).`,
    );
  }
}

function databaseName(url: string): string {
  try {
    const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
    return name ? `"${name.replace(/"/g, '""')}"` : 'agente';
  } catch {
    return 'agente';
  }
}

/** Why PostgreSQL could not be reached, in Spanish, without the password. */
function connectionError(error: unknown, url: string): Error {
  const e = error as { code?: string; message?: string };
  const shown = redactUrl(url);
  if (e?.code === '3D000') {
    return new DatabaseMissingError(
      shown,
      `No existe la base de datos ${shown}. Créala vacía (CREATE DATABASE ${databaseName(url)} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C';) y luego ejecuta \`npx agente init\`.`,
    );
  }
  if (e?.code === '28P01' || e?.code === '28000') return new Error(`PostgreSQL rechazó el usuario o la contraseña de ${shown}: revisa DATABASE_URL.`, { cause: error });
  if (e?.code === 'ECONNREFUSED' || e?.code === 'ENOTFOUND' || e?.code === 'ETIMEDOUT' || e?.code === 'EHOSTUNREACH' || e?.code === 'ENOENT') {
    return new Error(`No se pudo conectar a PostgreSQL en ${shown} (${e.code}): ¿está encendido el servidor y es correcta la dirección?`, { cause: error });
  }
  return new Error(`No se pudo abrir la base de datos PostgreSQL ${shown}: ${e?.message ?? String(error)}`, { cause: error });
}
