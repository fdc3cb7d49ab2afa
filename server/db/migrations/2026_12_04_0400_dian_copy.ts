import type { Kysely } from 'kysely';

/**
 * DIAN's stored copy of received documents (`GetXmlByDocumentKey`): an inbox entry waiting for it knows when DIAN is
 * asked next and how often it was asked (bounded retries while DIAN does not answer). The facts of the answer go in
 * `authenticity_json`. Additive only. Frozen in time: never import application code here.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('inbox_document').addColumn('dian_copy_next_at', 'text').execute();
  await db.schema.alterTable('inbox_document').addColumn('dian_copy_attempts', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.createIndex('inbox_document_dian_copy_next').ifNotExists().on('inbox_document').column('dian_copy_next_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('inbox_document_dian_copy_next').ifExists().execute();
  await db.schema.alterTable('inbox_document').dropColumn('dian_copy_attempts').execute();
  await db.schema.alterTable('inbox_document').dropColumn('dian_copy_next_at').execute();
}
