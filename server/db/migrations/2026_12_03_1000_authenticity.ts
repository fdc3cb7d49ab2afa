import type { Kysely } from 'kysely';

/**
 * Authenticity of received documents (issue #11): every inbox entry records what the offline signature checks
 * found (a result code and its facts as JSON), and a company may name suppliers whose bare documents (without
 * DIAN's response) it trusts enough to register by themselves.
 * Frozen in time: never import application code here.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('inbox_document').addColumn('authenticity', 'text').execute();
  await db.schema.alterTable('inbox_document').addColumn('authenticity_json', 'text').execute();
  await db.schema.alterTable('company').addColumn('trusted_supplier_nits', 'text', (c) => c.notNull().defaultTo('[]')).execute();
}
