import type { Kysely } from 'kysely';
import { portableTypes } from './portable';

/**
 * Provenance of what the suggestion engine learns (issue #13). Frozen in time: never import application code here.
 * Additive only.
 *
 * - `matching_history.origin` already says registro / correccion / importado; it now also takes `verificacion`
 *   (a person confirmed the agent's account) and `importado-correccion` / `importado-verificacion` (a company's past
 *   corrections, imported). `confidence` is the confidence the agent's own suggestion had when it registered the line
 *   (null for people's decisions and imported books): the agent's own registrations never make it surer than that.
 * - `matching_item.confidence`: for an item the agent created from a guess, the guess's confidence, until a person
 *   confirms the item (then null: as trusted as an imported item).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const { real } = await portableTypes(db);
  await db.schema.alterTable('matching_history').addColumn('confidence', real).execute();
  await db.schema.alterTable('matching_item').addColumn('confidence', real).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('matching_item').dropColumn('confidence').execute();
  await db.schema.alterTable('matching_history').dropColumn('confidence').execute();
}
