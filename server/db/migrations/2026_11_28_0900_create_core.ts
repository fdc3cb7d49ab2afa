import { sql, type Kysely } from 'kysely';

/**
 * The agent's core tables. Frozen in time: never import application code here.
 * Portable to PostgreSQL: text ids, ISO-8601 text timestamps (UTC), integer flags, money as bigint centavos,
 * JSON as text, and the only engine-specific type (binary) chosen at run time.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = await isPostgres(db);
  const binary = postgres ? 'bytea' : 'blob';
  // PostgreSQL's `real` is 4 bytes; SQLite's (what this column always was) 8.
  const real = postgres ? 'double precision' : 'real';

  await db.schema
    .createTable('company')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('nit', 'text', (c) => c.notNull().unique())
    .addColumn('dv', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('user_name', 'text', (c) => c.notNull())
    .addColumn('ciiu', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('withholding_agent', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('large_taxpayer', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('iva_withholding_agent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('iva_responsible', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('ica_rate_per_mille', 'text')
    .addColumn('expense_function', 'text', (c) => c.notNull().defaultTo('admin'))
    .addColumn('inventory', 'text', (c) => c.notNull().defaultTo('perpetual'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('agent_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('company_id', 'text', (c) => c.notNull().references('company.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('mode', 'text')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    // Order of events recorded within the same millisecond.
    .addColumn('seq', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('agent_event_company_at').on('agent_event').columns(['company_id', 'at']).execute();

  await db.schema
    .createTable('api_token')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('file_blob')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('bytes', binary, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('received_file')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('company_id', 'text', (c) => c.notNull().references('company.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('source_ref', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull().references('file_blob.sha256'))
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('arrived_at', 'text', (c) => c.notNull())
    .addColumn('metadata', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.createIndex('received_file_company_arrived').on('received_file').columns(['company_id', 'arrived_at']).execute();

  await db.schema
    .createTable('inbox_document')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('company_id', 'text', (c) => c.notNull().references('company.id'))
    .addColumn('received_file_id', 'text', (c) => c.notNull().references('received_file.id'))
    .addColumn('source_path', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason_code', 'text')
    .addColumn('reason', 'text')
    .addColumn('kind', 'text')
    .addColumn('cufe', 'text')
    .addColumn('number', 'text')
    .addColumn('issue_date', 'text')
    .addColumn('supplier_nit', 'text')
    .addColumn('supplier_name', 'text')
    .addColumn('customer_nit', 'text')
    .addColumn('total', 'text')
    .addColumn('currency', 'text')
    .addColumn('referenced_cufe', 'text')
    // Dedupe keys: set on the first copy only, so a second copy hits the unique index (NULLs never collide).
    .addColumn('dedupe_cufe', 'text')
    .addColumn('dedupe_number', 'text')
    .addColumn('duplicate_of', 'text')
    .addColumn('bill_id', 'text')
    .addColumn('document_json', 'text')
    .addColumn('warnings_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('arrived_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inbox_document_dedupe_cufe').on('inbox_document').columns(['company_id', 'dedupe_cufe']).unique().execute();
  await db.schema.createIndex('inbox_document_dedupe_number').on('inbox_document').columns(['company_id', 'dedupe_number']).unique().execute();
  await db.schema.createIndex('inbox_document_status').on('inbox_document').columns(['company_id', 'status', 'arrived_at']).execute();
  await db.schema.createIndex('inbox_document_arrived').on('inbox_document').columns(['company_id', 'arrived_at']).execute();
  await db.schema.createIndex('inbox_document_referenced').on('inbox_document').columns(['company_id', 'referenced_cufe']).execute();

  await db.schema
    .createTable('supplier')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('company_id', 'text', (c) => c.notNull().references('company.id'))
    .addColumn('nit', 'text', (c) => c.notNull())
    .addColumn('dv', 'text')
    .addColumn('id_type', 'text')
    .addColumn('person_type', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('trade_name', 'text')
    .addColumn('responsibilities', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('ciiu', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('address', 'text')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    // Declarante de renta decides the higher withholding rate; the XML does not say it (accounting-co.md §3.1).
    .addColumn('declarante', 'integer')
    .addColumn('created_from_document_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('supplier_company_nit', ['company_id', 'nit'])
    .execute();

  await db.schema
    .createTable('bill')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('company_id', 'text', (c) => c.notNull().references('company.id'))
    .addColumn('document_id', 'text', (c) => c.notNull().unique().references('inbox_document.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('cufe', 'text', (c) => c.notNull())
    .addColumn('supplier_id', 'text', (c) => c.notNull().references('supplier.id'))
    .addColumn('issue_date', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('exchange_rate', 'text')
    .addColumn('subtotal', 'bigint', (c) => c.notNull())
    .addColumn('taxes', 'bigint', (c) => c.notNull())
    .addColumn('withholdings', 'bigint', (c) => c.notNull())
    .addColumn('total', 'bigint', (c) => c.notNull())
    .addColumn('payable', 'bigint', (c) => c.notNull())
    .addColumn('supplier_account', 'text', (c) => c.notNull())
    .addColumn('related_bill_id', 'text')
    .addColumn('needs_review', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('review_notes', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('info_notes', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('registered_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('bill_company_registered').on('bill').columns(['company_id', 'registered_at']).execute();
  await db.schema.createIndex('bill_company_cufe').on('bill').columns(['company_id', 'cufe']).execute();

  await db.schema
    .createTable('bill_withholding')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('bill_id', 'text', (c) => c.notNull().references('bill.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('concept', 'text')
    .addColumn('account_code', 'text', (c) => c.notNull())
    .addColumn('base', 'bigint', (c) => c.notNull())
    .addColumn('rate', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('bill_withholding_bill').on('bill_withholding').column('bill_id').execute();

  await db.schema
    .createTable('bill_line')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('bill_id', 'text', (c) => c.notNull().references('bill.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('quantity', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text')
    .addColumn('unit_price', 'text')
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('capitalized_taxes', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('iva', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('account_code', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text')
    .addColumn('item_name', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('confidence', real, (c) => c.notNull())
    .addColumn('explanation', 'text', (c) => c.notNull())
    .addColumn('seller_code', 'text')
    .addColumn('standard_code', 'text')
    .addColumn('third_party_income', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('corrected_by', 'text')
    .addColumn('corrected_at', 'text')
    .execute();
  await db.schema.createIndex('bill_line_bill').on('bill_line').columns(['bill_id', 'position']).execute();

  await db.schema
    .createTable('journal_entry')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('company_id', 'text', (c) => c.notNull().references('company.id'))
    .addColumn('bill_id', 'text', (c) => c.notNull().unique().references('bill.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('journal_line')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entry_id', 'text', (c) => c.notNull().references('journal_entry.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('account_code', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('debit', 'bigint', (c) => c.notNull())
    .addColumn('credit', 'bigint', (c) => c.notNull())
    .addColumn('third_party_nit', 'text')
    .execute();
  await db.schema.createIndex('journal_line_entry').on('journal_line').columns(['entry_id', 'position']).execute();

  await db.schema
    .createTable('line_correction')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('company_id', 'text', (c) => c.notNull().references('company.id'))
    .addColumn('bill_line_id', 'text', (c) => c.notNull().references('bill_line.id'))
    .addColumn('old_account_code', 'text', (c) => c.notNull())
    .addColumn('new_account_code', 'text', (c) => c.notNull())
    .addColumn('old_item_id', 'text')
    .addColumn('new_item_id', 'text')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('company_account')
    .addColumn('company_id', 'text', (c) => c.notNull().references('company.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('postable', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('company_account_pk', ['company_id', 'code'])
    .execute();

  await db.schema
    .createTable('daily_summary')
    .addColumn('company_id', 'text', (c) => c.notNull().references('company.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('daily_summary_pk', ['company_id', 'date'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'daily_summary',
    'company_account',
    'line_correction',
    'journal_line',
    'journal_entry',
    'bill_line',
    'bill_withholding',
    'bill',
    'supplier',
    'inbox_document',
    'received_file',
    'file_blob',
    'api_token',
    'agent_event',
    'company',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}

async function isPostgres(db: Kysely<any>): Promise<boolean> {
  try {
    await sql`select version()`.execute(db);
    return true;
  } catch {
    return false;
  }
}
