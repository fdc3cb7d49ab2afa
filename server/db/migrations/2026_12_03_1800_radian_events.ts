import { sql, type Kysely } from 'kysely';

/**
 * The buyer's RADIAN events (issue 16): the company's RADIAN settings (its DIAN software with the PIN sealed, the
 * person who receives goods, what the agent sends by itself, the outgoing mail server with its password sealed),
 * its certificate (.p12 and its password sealed by SecretBox, with the facts shown to people), one gap-free number
 * sequence per company, and every event built: the signed XML exactly as sent, DIAN's answer and the copy to the
 * supplier. Additive; frozen in time: never import application code here.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('radian_settings')
    .addColumn('company_id', 'text', (c) => c.primaryKey().references('company.id'))
    .addColumn('software_id', 'text')
    .addColumn('pin_sealed', 'text')
    .addColumn('environment', 'text', (c) => c.notNull().defaultTo('habilitacion'))
    .addColumn('provider_nit', 'text')
    .addColumn('receiver_json', 'text')
    // none | 030 | 030_032
    .addColumn('auto_send', 'text', (c) => c.notNull().defaultTo('none'))
    .addColumn('smtp_host', 'text')
    .addColumn('smtp_port', 'integer')
    .addColumn('smtp_secure', 'integer')
    .addColumn('smtp_user', 'text')
    .addColumn('smtp_password_sealed', 'text')
    .addColumn('smtp_from', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('radian_certificate')
    .addColumn('company_id', 'text', (c) => c.primaryKey().references('company.id'))
    // base64 of the .p12, sealed; its password sealed apart.
    .addColumn('p12_sealed', 'text', (c) => c.notNull())
    .addColumn('password_sealed', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('nit', 'text', (c) => c.notNull())
    .addColumn('serial_number', 'text', (c) => c.notNull())
    .addColumn('not_before', 'text', (c) => c.notNull())
    .addColumn('not_after', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('radian_sequence')
    .addColumn('company_id', 'text', (c) => c.primaryKey().references('company.id'))
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('radian_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('company_id', 'text', (c) => c.notNull().references('company.id'))
    .addColumn('bill_id', 'text', (c) => c.notNull().references('bill.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('cude', 'text', (c) => c.notNull())
    .addColumn('invoice_cufe', 'text', (c) => c.notNull())
    .addColumn('claim_code', 'text')
    .addColumn('xml', 'text', (c) => c.notNull())
    // pendiente | aceptado | rechazado
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('dian_json', 'text')
    .addColumn('supplier_status', 'text')
    .addColumn('supplier_to', 'text')
    .addColumn('supplier_message_id', 'text')
    .addColumn('supplier_error', 'text')
    .addColumn('supplier_at', 'text')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('automatic', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('radian_event_number').on('radian_event').columns(['company_id', 'number']).unique().execute();
  await db.schema.createIndex('radian_event_seq').on('radian_event').columns(['company_id', 'seq']).unique().execute();
  await db.schema.createIndex('radian_event_bill').on('radian_event').columns(['bill_id', 'code']).execute();
  // At most one live (pending or accepted) event per bill and code: the "no repeats" rule, held by the database too.
  await sql`CREATE UNIQUE INDEX radian_event_live ON radian_event (bill_id, code) WHERE status != 'rechazado'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('radian_event').execute();
  await db.schema.dropTable('radian_sequence').execute();
  await db.schema.dropTable('radian_certificate').execute();
  await db.schema.dropTable('radian_settings').execute();
}
