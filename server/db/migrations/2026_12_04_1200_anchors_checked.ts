import type { Kysely } from 'kysely';

/**
 * Which trust anchors a company's waiting documents were last checked under (`anchors_checked_key`: the anchors'
 * content hash). When the anchors in force differ — `agente anclas` installed some, the agent restarted — the
 * documents that wait because their authenticity could not be confirmed are checked again by themselves. Additive
 * only. Frozen in time: never import application code here.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('company').addColumn('anchors_checked_key', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('company').dropColumn('anchors_checked_key').execute();
}
