import type { Kysely } from 'kysely';

/**
 * Books a revisor fiscal signs (issue #12), additive only:
 * - each bill line keeps its withholding concept, why, and whether a person chose it;
 * - the company says where it practises ReteICA (DIVIPOLA code) and what it does with the IVA of fixed assets;
 * - UVT values entered by a person (on top of the shipped withholding-rules.json);
 * - an audit trail of rule changes and the re-computations they triggered.
 * Frozen in time: never import application code here.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('bill_line').addColumn('withholding_concept', 'text').execute();
  await db.schema.alterTable('bill_line').addColumn('concept_explanation', 'text').execute();
  // 'agent' or 'user' (a person's choice survives every re-computation of the bill).
  await db.schema.alterTable('bill_line').addColumn('concept_source', 'text').execute();

  await db.schema.alterTable('company').addColumn('ica_municipality', 'text').execute();
  // 'capitalize' (IVA into the asset's cost) or 'discount' (ET art. 258-1: to 135530, income-tax discount).
  await db.schema.alterTable('company').addColumn('fixed_asset_iva', 'text', (c) => c.notNull().defaultTo('capitalize')).execute();

  await db.schema
    .createTable('uvt_value')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull())
    .addColumn('resolution', 'text', (c) => c.notNull())
    .addColumn('entered_by', 'text', (c) => c.notNull())
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('rules_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Null for rules shared by every company (the UVT).
    .addColumn('company_id', 'text', (c) => c.references('company.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
}
