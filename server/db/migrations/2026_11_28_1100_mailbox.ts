import type { Kysely } from 'kysely';
import { portableTypes } from './portable';

/**
 * The reception mailbox: one IMAP account per company (password sealed by SecretBox, the key lives outside the
 * database), where its reading stands (UIDVALIDITY + last handled UID, and the connection's health), and one record
 * per message read, keyed by Message-ID so a message is handled once however often it shows up.
 * Frozen in time: never import application code here.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // IMAP UIDs go up to 2³²−1: more than PostgreSQL's 4-byte integer holds.
  const { bigInteger } = await portableTypes(db);
  await db.schema
    .createTable('mailbox_config')
    .addColumn('company_id', 'text', (c) => c.primaryKey().references('company.id'))
    .addColumn('host', 'text', (c) => c.notNull())
    .addColumn('port', 'integer', (c) => c.notNull())
    // 'tls' (implicit, 993), 'starttls' (required) or 'none' (plain text: only for servers on this machine).
    .addColumn('security', 'text', (c) => c.notNull())
    .addColumn('user_name', 'text', (c) => c.notNull())
    .addColumn('password_sealed', 'text', (c) => c.notNull())
    .addColumn('folder', 'text', (c) => c.notNull().defaultTo('INBOX'))
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('mailbox_state')
    .addColumn('company_id', 'text', (c) => c.primaryKey().references('company.id'))
    // user@host:port/folder the checkpoint belongs to: pointing the company at another mailbox starts afresh.
    .addColumn('account', 'text', (c) => c.notNull())
    .addColumn('uid_validity', 'text')
    .addColumn('last_uid', bigInteger, (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('error_code', 'text')
    .addColumn('error_message', 'text')
    .addColumn('error_at', 'text')
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text')
    .addColumn('connected_at', 'text')
    .addColumn('last_sync_at', 'text')
    .addColumn('idle', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('mailbox_message')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('company_id', 'text', (c) => c.notNull().references('company.id'))
    // The Message-ID, or `sha256:<hex>` of the raw message when it has none.
    .addColumn('message_key', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text')
    // sha256 over the DIAN parts: a sender that reuses one Message-ID for different invoices loses nothing.
    .addColumn('parts_digest', 'text', (c) => c.notNull())
    .addColumn('account', 'text', (c) => c.notNull())
    .addColumn('folder', 'text', (c) => c.notNull())
    .addColumn('uid', bigInteger)
    .addColumn('uid_validity', 'text')
    .addColumn('subject', 'text')
    .addColumn('sender', 'text')
    .addColumn('dian_subject', 'text')
    .addColumn('internal_date', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    // The message exactly as received (only for messages that carry DIAN content).
    .addColumn('raw_sha256', 'text', (c) => c.references('file_blob.sha256'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason_code', 'text')
    .addColumn('reason', 'text')
    .addColumn('documents', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('received_file_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('mailbox_message_company_key', ['company_id', 'message_key'])
    .execute();
  await db.schema.createIndex('mailbox_message_uid').on('mailbox_message').columns(['company_id', 'uid_validity', 'uid']).execute();
  // A retried message finds the parts it already ingested by their hash.
  await db.schema.createIndex('received_file_company_sha256').on('received_file').columns(['company_id', 'sha256']).execute();
  await db.schema.createIndex('mailbox_message_company_created').on('mailbox_message').columns(['company_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('received_file_company_sha256').execute();
  for (const table of ['mailbox_message', 'mailbox_state', 'mailbox_config']) await db.schema.dropTable(table).execute();
}
