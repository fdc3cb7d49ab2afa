import type { Kysely } from 'kysely';

/**
 * Issue #14: what the last push attempt found, kept with the bill's push record as JSON — the figures Alegra would
 * compute next to the entry's (when they differ the bill is not sent: «No se envió a Alegra: …») and the original
 * files that could not be attached. Additive; frozen in time: never import application code here.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('alegra_bill_push').addColumn('report_json', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('alegra_bill_push').dropColumn('report_json').execute();
}
