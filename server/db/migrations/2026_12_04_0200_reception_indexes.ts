import type { Kysely } from 'kysely';

/**
 * An index for what receiving a file reads (found while profiling the office benchmark's reception). Additive only.
 * Frozen in time: never import application code here.
 *
 * - `inbox_document(received_file_id)`: the documents of one received file. Recording a file first asks whether
 *   another process already recorded it (a reader that died and the one that took over the source), and the mailbox,
 *   the inbox and the recovery of unread files look documents up by their file. Without it each of those reads
 *   scanned the whole inbox, so receiving a backlog took time proportional to the square of its size.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('inbox_document_received_file').ifNotExists().on('inbox_document').column('received_file_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('inbox_document_received_file').ifExists().execute();
}
