import type { Kysely } from 'kysely';

/**
 * The Alegra connector (issue #7): one connection per company (API token sealed by SecretBox, the key lives outside
 * the database), the company's own Alegra data copied locally with Alegra's ids (contacts, items, the chart of
 * accounts, taxes, retentions and recent bills as history), where each synced list stands, and one push record per
 * bill — the durable queue that sends registered bills to Alegra exactly once.
 * Frozen in time: never import application code here.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('alegra_connection')
    .addColumn('company_id', 'text', (c) => c.primaryKey().references('company.id'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('token_sealed', 'text', (c) => c.notNull())
    .addColumn('base_url', 'text', (c) => c.notNull())
    .addColumn('account_name', 'text')
    // Alegra's `applicationVersion` (the country edition); only `colombia` is supported.
    .addColumn('account_version', 'text')
    .addColumn('connected_by', 'text', (c) => c.notNull())
    .addColumn('connected_at', 'text', (c) => c.notNull())
    .addColumn('last_test_at', 'text')
    .addColumn('last_test_ok', 'integer')
    .addColumn('last_test_message', 'text')
    .execute();

  // Synced lists share one shape: Alegra's id (text: Alegra sends ids as strings or numbers), the fields the agent
  // matches on, the record as received (JSON) and a digest that tells an unchanged record from an edited one.
  await db.schema
    .createTable('alegra_contact')
    .addColumn('company_id', 'text', (c) => c.notNull().references('company.id'))
    .addColumn('remote_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    // Digits of the NIT/cédula without DV: what suppliers are matched by.
    .addColumn('identification', 'text')
    .addColumn('is_provider', 'integer', (c) => c.notNull())
    .addColumn('status', 'text')
    .addColumn('raw', 'text', (c) => c.notNull())
    .addColumn('digest', 'text', (c) => c.notNull())
    .addColumn('synced_at', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'text')
    .addPrimaryKeyConstraint('alegra_contact_pk', ['company_id', 'remote_id'])
    .execute();
  await db.schema.createIndex('alegra_contact_identification').on('alegra_contact').columns(['company_id', 'identification']).execute();

  await db.schema
    .createTable('alegra_item')
    .addColumn('company_id', 'text', (c) => c.notNull().references('company.id'))
    .addColumn('remote_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('reference', 'text')
    .addColumn('description', 'text')
    .addColumn('type', 'text')
    .addColumn('status', 'text')
    .addColumn('raw', 'text', (c) => c.notNull())
    .addColumn('digest', 'text', (c) => c.notNull())
    .addColumn('synced_at', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'text')
    .addPrimaryKeyConstraint('alegra_item_pk', ['company_id', 'remote_id'])
    .execute();

  await db.schema
    .createTable('alegra_category')
    .addColumn('company_id', 'text', (c) => c.notNull().references('company.id'))
    .addColumn('remote_id', 'text', (c) => c.notNull())
    .addColumn('parent_remote_id', 'text')
    // Digits of the account code (PUC code in Colombian charts); null when the account has none.
    .addColumn('code', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text')
    .addColumn('status', 'text')
    // Accepts movements: a leaf, active, not marked accumulative. Only these are used on bills.
    .addColumn('postable', 'integer', (c) => c.notNull())
    .addColumn('raw', 'text', (c) => c.notNull())
    .addColumn('digest', 'text', (c) => c.notNull())
    .addColumn('synced_at', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'text')
    .addPrimaryKeyConstraint('alegra_category_pk', ['company_id', 'remote_id'])
    .execute();
  await db.schema.createIndex('alegra_category_code').on('alegra_category').columns(['company_id', 'code']).execute();

  for (const table of ['alegra_tax', 'alegra_retention']) {
    await db.schema
      .createTable(table)
      .addColumn('company_id', 'text', (c) => c.notNull().references('company.id'))
      .addColumn('remote_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('type', 'text')
      // Decimal text, e.g. "19" or "2.5" (percent).
      .addColumn('percentage', 'text')
      .addColumn('status', 'text')
      .addColumn('raw', 'text', (c) => c.notNull())
      .addColumn('digest', 'text', (c) => c.notNull())
      .addColumn('synced_at', 'text', (c) => c.notNull())
      .addColumn('removed_at', 'text')
      .addPrimaryKeyConstraint(`${table}_pk`, ['company_id', 'remote_id'])
      .execute();
  }

  // Bills already in Alegra (entered by hand or by other tools): history for the suggestion engine.
  await db.schema
    .createTable('alegra_bill')
    .addColumn('company_id', 'text', (c) => c.notNull().references('company.id'))
    .addColumn('remote_id', 'text', (c) => c.notNull())
    .addColumn('provider_remote_id', 'text')
    .addColumn('provider_identification', 'text')
    .addColumn('provider_name', 'text')
    .addColumn('number', 'text')
    .addColumn('date', 'text')
    .addColumn('status', 'text')
    // Integer centavos of the bill's total.
    .addColumn('total', 'bigint')
    .addColumn('raw', 'text', (c) => c.notNull())
    .addColumn('digest', 'text', (c) => c.notNull())
    .addColumn('synced_at', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'text')
    .addPrimaryKeyConstraint('alegra_bill_pk', ['company_id', 'remote_id'])
    .execute();
  await db.schema.createIndex('alegra_bill_date').on('alegra_bill').columns(['company_id', 'date']).execute();

  await db.schema
    .createTable('alegra_sync_cursor')
    .addColumn('company_id', 'text', (c) => c.notNull().references('company.id'))
    .addColumn('resource', 'text', (c) => c.notNull())
    .addColumn('last_synced_at', 'text')
    .addColumn('last_full_sync_at', 'text')
    // Resource-specific position, e.g. the latest bill date seen.
    .addColumn('position', 'text')
    .addColumn('records', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('alegra_sync_cursor_pk', ['company_id', 'resource'])
    .execute();

  await db.schema
    .createTable('alegra_bill_push')
    .addColumn('bill_id', 'text', (c) => c.primaryKey().references('bill.id'))
    .addColumn('company_id', 'text', (c) => c.notNull().references('company.id'))
    // pending (waiting or retrying), pushed (in Alegra), failed (not in Alegra; `last_error` says why).
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('remote_id', 'text')
    .addColumn('remote_provider_id', 'text')
    // Written into the bill's observations, so the bill can be recognised in Alegra after a lost response.
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error_code', 'text')
    .addColumn('last_error', 'text')
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    // A worker holds the record until this instant; an expired lease (crash) lets another take it.
    .addColumn('lease_until', 'text')
    // The bill's `updated_at` that Alegra holds: a later correction makes the record due again (an update).
    .addColumn('pushed_version', 'text')
    .addColumn('pushed_at', 'text')
    .addColumn('attachments_done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('alegra_bill_push_due').on('alegra_bill_push').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('alegra_bill_push_company').on('alegra_bill_push').columns(['company_id', 'status']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'alegra_bill_push',
    'alegra_sync_cursor',
    'alegra_bill',
    'alegra_retention',
    'alegra_tax',
    'alegra_category',
    'alegra_item',
    'alegra_contact',
    'alegra_connection',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
