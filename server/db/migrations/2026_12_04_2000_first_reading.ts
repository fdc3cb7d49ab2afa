import type { Kysely } from 'kysely';
import { portableTypes } from './portable';

/**
 * The evidence a guess of the agent rests on (issue #13): for a line the agent registered, or an item it created from
 * a guess, the kind of evidence (calibration.ts) and the mechanism's own number of the FIRST reading behind it — the
 * line's own, or for a repeat of an earlier guess, that guess's. A repeat of the agent's unverified guess is never
 * reported surer than that first reading is measured. Null for rows written before it was kept (no cap then, as
 * before). Additive only. Frozen in time: never import application code here.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const { real } = await portableTypes(db);
  for (const table of ['matching_history', 'matching_item']) {
    await db.schema.alterTable(table).addColumn('first_kind', 'text').execute();
    await db.schema.alterTable(table).addColumn('first_raw', real).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['matching_item', 'matching_history']) {
    await db.schema.alterTable(table).dropColumn('first_raw').execute();
    await db.schema.alterTable(table).dropColumn('first_kind').execute();
  }
}
