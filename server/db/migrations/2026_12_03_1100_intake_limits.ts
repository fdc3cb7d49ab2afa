import type { Kysely } from 'kysely';

/**
 * An intake that cannot be flooded (issue 11). Additive only:
 * - `received_file`: whether the file was read or refused as a whole (too many documents, nothing readable), why,
 *   who sent it (the mail's From), and how often the very same refused bytes came back (one entry, not one per copy).
 * - `file_blob.pruned_at`: the bytes of refused files are kept only up to a quota per company; past it the oldest
 *   are emptied (hash and size stay), and this says when.
 * - `inbox_document.sender`: the mail's From beside the document's supplier.
 * - `mailbox_message.refused`: every part of the message was refused (junk), for the flood report and the quota.
 * Frozen in time: never import application code here.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('received_file').addColumn('status', 'text', (c) => c.notNull().defaultTo('read')).execute();
  await db.schema.alterTable('received_file').addColumn('sender', 'text').execute();
  await db.schema.alterTable('received_file').addColumn('reason_code', 'text').execute();
  await db.schema.alterTable('received_file').addColumn('reason', 'text').execute();
  await db.schema.alterTable('received_file').addColumn('repeats', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('received_file').addColumn('last_arrived_at', 'text').execute();
  await db.schema.createIndex('received_file_company_status').on('received_file').columns(['company_id', 'status', 'arrived_at']).execute();

  await db.schema.alterTable('file_blob').addColumn('pruned_at', 'text').execute();

  await db.schema.alterTable('inbox_document').addColumn('sender', 'text').execute();

  await db.schema.alterTable('mailbox_message').addColumn('refused', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.createIndex('mailbox_message_company_sender').on('mailbox_message').columns(['company_id', 'sender']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('mailbox_message_company_sender').execute();
  await db.schema.dropIndex('received_file_company_status').execute();
  for (const [table, column] of [
    ['mailbox_message', 'refused'],
    ['inbox_document', 'sender'],
    ['file_blob', 'pruned_at'],
    ['received_file', 'last_arrived_at'],
    ['received_file', 'repeats'],
    ['received_file', 'reason'],
    ['received_file', 'reason_code'],
    ['received_file', 'sender'],
    ['received_file', 'status'],
  ] as const) {
    await db.schema.alterTable(table).dropColumn(column).execute();
  }
}
