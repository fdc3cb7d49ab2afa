import type { Compilable, CompiledQuery, Insertable, QueryResult } from 'kysely';
import type { Db } from './database';
import { runsOnPostgres } from './engine';
import type { Database } from './schema';

/**
 * Queries Kysely builds and compiles once per engine, then runs with new values. Building and compiling a query (the
 * builder, the snake_case plugin, the SQL compiler) costs more CPU than SQLite takes to run it, and registering a
 * bill runs the same fixed-shape statements thousands of times: this keeps the type-checked builder and drops the
 * repeated work. A transaction has its own Kysely instance but its engine's dialect and plugins, so it shares the
 * engine's compilation.
 */

/**
 * A fixed-shape query. `build` receives stand-ins for the values (read their fields, never compute with them); each
 * becomes a parameter of the compiled query and is replaced by the real value on every run. No `in (…)` lists, no
 * clause that depends on a value, and no `undefined` values (Kysely would drop them from an insert): refused.
 *
 * @example
 * const byId = preparedQuery((db, v: { id: string }) => db.selectFrom('company').selectAll().where('id', '=', v.id));
 * const [row] = (await byId(db, { id })).rows;
 */
export function preparedQuery<V extends object, R>(build: (db: Db, values: V) => Compilable<R>): (db: Db, values: V) => Promise<QueryResult<R>> {
  const compiled: { sqlite?: Template<R>; postgres?: Template<R> } = {};
  return (db, values) => {
    const engine = runsOnPostgres(db) ? 'postgres' : 'sqlite';
    const template = (compiled[engine] ??= compile(build(db, new Proxy({} as V, { get: (_, name) => standIn(0, String(name)) }))));
    return run(db, template, [values as Record<string, unknown>]);
  };
}

const insertTemplates = new Map<string, Template<unknown>>();
const MAX_INSERT_TEMPLATES = 200;

/**
 * Inserts rows, with one compiled statement per engine, table, columns and number of rows. Every row must have the
 * same columns, none `undefined` (use null).
 */
export async function insertRows<T extends keyof Database & string>(db: Db, table: T, rows: Insertable<Database[T]>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  if (rows.some((row) => Object.keys(row).length !== columns.length)) throw new Error(`Las filas para ${table} no tienen las mismas columnas.`);
  const key = `${runsOnPostgres(db) ? 'postgres' : 'sqlite'} ${table} ${rows.length} ${columns.join(',')}`;
  let template = insertTemplates.get(key);
  if (!template) {
    const standIns = rows.map((_, i) => Object.fromEntries(columns.map((column) => [column, standIn(i, column)])));
    // The table is a type parameter here, so Kysely cannot check the values: `Insertable<Database[T]>` already did.
    template = compile((db as unknown as { insertInto(table: string): { values(rows: unknown[]): Compilable<unknown> } }).insertInto(table).values(standIns));
    if (insertTemplates.size >= MAX_INSERT_TEMPLATES) insertTemplates.delete(insertTemplates.keys().next().value!);
    insertTemplates.set(key, template);
  }
  await run(db, template, rows as Record<string, unknown>[]);
}

interface Template<R> {
  query: CompiledQuery<R>;
  /** Each parameter of the compiled query: a field of one of the values, or a constant written in the builder. */
  slots: ({ row: number; name: string } | { value: unknown })[];
}

const STAND_IN = Symbol('valor de consulta preparada');

function standIn(row: number, name: string): object {
  return { [STAND_IN]: { row, name } };
}

function compile<R>(query: Compilable<R>): Template<R> {
  const compiled = query.compile();
  const slots = compiled.parameters.map((p) => (typeof p === 'object' && p !== null && STAND_IN in p ? (p as { [STAND_IN]: { row: number; name: string } })[STAND_IN] : { value: p }));
  return { query: compiled, slots };
}

function run<R>(db: Db, template: Template<R>, rows: Record<string, unknown>[]): Promise<QueryResult<R>> {
  const parameters = template.slots.map((slot) => {
    if (!('name' in slot)) return slot.value;
    const value = rows[slot.row]![slot.name];
    if (value === undefined) throw new Error(`Falta el valor «${slot.name}» de una consulta preparada.`);
    return value;
  });
  return db.executeQuery<R>({ ...template.query, parameters });
}
