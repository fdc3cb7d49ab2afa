import type { Kysely } from 'kysely';

/**
 * Indexes for what registering a document reads about earlier bills (found with EXPLAIN QUERY PLAN while profiling
 * the registration benchmark). Without them each of those reads scanned every bill of the database, so a backlog
 * took time proportional to the square of its size. Additive only. Frozen in time: never import application code here.
 *
 * - `bill(supplier_id, issue_date)`: what was already bought from the supplier in the year (the honorarios rule that
 *   moves a natural person from 10 % to 11 % above 3.300 UVT), read before every invoice.
 * - `bill(related_bill_id)`: the credit notes already registered against an invoice, read before every note.
 * - `bill(company_id, number)`: the invoice a note quotes by number only (no CUFE).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('bill_supplier_issue').ifNotExists().on('bill').columns(['supplier_id', 'issue_date']).execute();
  await db.schema.createIndex('bill_related').ifNotExists().on('bill').column('related_bill_id').execute();
  await db.schema.createIndex('bill_company_number').ifNotExists().on('bill').columns(['company_id', 'number']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('bill_company_number').ifExists().execute();
  await db.schema.dropIndex('bill_related').ifExists().execute();
  await db.schema.dropIndex('bill_supplier_issue').ifExists().execute();
}
