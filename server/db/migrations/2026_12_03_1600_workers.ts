import { sql, type Kysely } from 'kysely';

/**
 * Issue #15, several agent processes on one database. Additive; frozen in time: never import application code here.
 *
 * - `inbox_document.claimed_by/claimed_until`: a worker's claim on a pending document (PostgreSQL; SQLite keeps its
 *   single writer). A claim only says who works on it; the bill's unique `document_id` and the status re-read inside
 *   the registering transaction are what make a document registered exactly once, whatever crashes.
 * - `source_lease`: the one process reading a mailbox or a watched folder, renewed by a heartbeat; a dead holder's
 *   lease expires and another process takes the source over.
 * - `daily_summary_claim`: the one process that composes a company's summary of a day.
 *
 * Times are ISO-8601 UTC text like every other time column, so they compare the same on both engines.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('inbox_document').addColumn('claimed_by', 'text').execute();
  await db.schema.alterTable('inbox_document').addColumn('claimed_until', 'text').execute();
  // What the workers look for: pending documents, oldest arrival first, across every company.
  await db.schema
    .createIndex('inbox_document_pending')
    .on('inbox_document')
    .columns(['arrived_at', 'created_at'])
    .where(sql.ref('status'), '=', 'pending')
    .execute();

  await db.schema
    .createTable('source_lease')
    .addColumn('source_key', 'text', (c) => c.primaryKey())
    .addColumn('holder_id', 'text', (c) => c.notNull())
    .addColumn('acquired_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('daily_summary_claim')
    .addColumn('company_id', 'text', (c) => c.notNull().references('company.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('holder_id', 'text', (c) => c.notNull())
    .addColumn('claimed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('daily_summary_claim_pk', ['company_id', 'date'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('daily_summary_claim').execute();
  await db.schema.dropTable('source_lease').execute();
  await db.schema.dropIndex('inbox_document_pending').execute();
  await db.schema.alterTable('inbox_document').dropColumn('claimed_until').execute();
  await db.schema.alterTable('inbox_document').dropColumn('claimed_by').execute();
}
