import type { Kysely } from 'kysely';
import { isPostgres } from './portable';

/**
 * Tables of the suggestion engine (issue #4). Frozen in time: never import application code here.
 *
 * - `matching_item`: the company's item catalog (imported, or created by the agent for new products), each with its
 *   account and whether it is kept in inventory. `revision` says in which catalog revision the row last changed, so
 *   a running engine loads only what changed.
 * - `matching_history`: every line the engine learns from: registered by the agent, corrected by a person, or
 *   imported from the company's past bills. Append-only; the integer id lets a running engine pick up new rows.
 * - `matching_state`: the catalog revision per company.
 * - `matching_import`: who imported what, when (audit trail of `agente import`).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = await isPostgres(db);
  await db.schema
    .createTable('matching_item')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('company_id', 'text', (c) => c.notNull().references('company.id'))
    .addColumn('code', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('account_code', 'text', (c) => c.notNull())
    .addColumn('inventoried', 'integer', (c) => c.notNull())
    .addColumn('unit_code', 'text')
    .addColumn('gtin', 'text')
    .addColumn('unspsc', 'text')
    // The supplier's own code for this item, when known ("their REF 4411 is our item 1002").
    .addColumn('supplier_nit', 'text')
    .addColumn('supplier_code', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('matching_item_company_code').on('matching_item').columns(['company_id', 'code']).unique().execute();
  await db.schema.createIndex('matching_item_company_revision').on('matching_item').columns(['company_id', 'revision']).execute();

  await db.schema
    .createTable('matching_history')
    .addColumn('id', 'integer', (c) => (postgres ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement()))
    .addColumn('company_id', 'text', (c) => c.notNull().references('company.id'))
    .addColumn('supplier_nit', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('seller_code', 'text')
    .addColumn('standard_code', 'text')
    .addColumn('account_code', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text')
    // registro (the agent registered it), correccion (a person chose it), importado (the company's past bills).
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('by_user', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('matching_history_company_id').on('matching_history').columns(['company_id', 'id']).execute();

  await db.schema
    .createTable('matching_state')
    .addColumn('company_id', 'text', (c) => c.primaryKey().references('company.id'))
    .addColumn('catalog_revision', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('matching_import')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('company_id', 'text', (c) => c.notNull().references('company.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('rows', 'integer', (c) => c.notNull())
    .addColumn('skipped', 'integer', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['matching_import', 'matching_state', 'matching_history', 'matching_item']) await db.schema.dropTable(table).execute();
}
