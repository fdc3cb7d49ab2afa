import { sql } from 'kysely';
import type { Db } from '../db/database';
import { runsOnPostgres } from '../db/engine';
import { insertRows, preparedQuery } from '../db/prepared-query';
import type { MatchingItemRow } from '../db/schema';
import type { CatalogItem, HistoryFact } from './company-memory';
import type { FirstReading } from './calibration';

/**
 * The suggestion engine's tables: learned and imported history (append-only, read by id so a running engine only
 * loads what is new) and the item catalog (read by revision, for the same reason).
 */

/**
 * Where a history line comes from (issue #13): the agent registered it (`registro`), a person confirmed it
 * (`verificacion`) or changed it (`correccion`), the company's books (`importado`), or a company's past decisions
 * imported as such (`importado-correccion`, `importado-verificacion`).
 */
export type HistoryOrigin = 'registro' | 'verificacion' | 'correccion' | 'importado' | 'importado-correccion' | 'importado-verificacion';

export interface NewHistoryRow {
  companyId: string;
  supplierNit: string;
  description: string;
  sellerCode?: string | null;
  standardCode?: string | null;
  accountCode: string;
  itemId?: string | null;
  origin: HistoryOrigin;
  byUser: boolean;
  at: string;
  /** The agent's own registrations: the confidence of the suggestion it registered (the mechanism's own number). */
  confidence?: number | null;
  /** …and the first reading behind it (calibration.ts): a repeat is never reported surer than that reading. */
  first?: FirstReading | null;
}

export type ItemSource = 'import' | 'agente' | 'usuario';

export interface NewItem {
  id: string;
  companyId: string;
  code: string | null;
  name: string;
  accountCode: string;
  inventoried: boolean;
  unitCode?: string | null;
  gtin?: string | null;
  unspsc?: string | null;
  supplierNit?: string | null;
  supplierCode?: string | null;
  source: ItemSource;
  /** Agent-created items: the confidence of the guess that created them; null once a person confirms. */
  confidence?: number | null;
  /** …and the first reading behind that guess. */
  first?: FirstReading | null;
}

const INSERT_CHUNK = 400;

// Both run before every suggestion (registration asks once per document): compiled once (server/db/prepared-query.ts).
const historySince = preparedQuery((db, v: { companyId: string; afterId: number }) =>
  db
    .selectFrom('matchingHistory')
    .select(['id', 'supplierNit', 'description', 'sellerCode', 'standardCode', 'accountCode', 'itemId', 'byUser', 'at', 'origin', 'confidence', 'firstKind', 'firstRaw'])
    .where('companyId', '=', v.companyId)
    .where('id', '>', v.afterId)
    .orderBy('id'),
);
const freshnessQuery = preparedQuery((db, v: { companyId: string }) =>
  db.selectNoFrom((eb) => [
    eb.selectFrom('matchingState').select('catalogRevision').where('companyId', '=', v.companyId).as('catalogRevision'),
    eb.selectFrom('matchingHistory').select((h) => h.fn.max('id').as('id')).where('companyId', '=', v.companyId).as('lastHistoryId'),
  ]),
);

/**
 * History rows after `afterId`, in the order they happened (by date, then id): a person's decision must be applied
 * after the lines it overrules and before the ones that follow it, whatever order they were imported in.
 */
export async function loadHistorySince(db: Db, companyId: string, afterId: number): Promise<HistoryFact[]> {
  const { rows } = await historySince(db, { companyId, afterId });
  const facts = rows.map(({ firstKind, firstRaw, ...r }) => ({ ...r, byUser: r.byUser === 1, first: firstReading(firstKind, firstRaw) }));
  return facts.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id - b.id));
}

/**
 * Appends history rows (in chunks, inside the caller's transaction when given one).
 *
 * Running engines read history by id ("what is after the last id I applied"), so for each company the ids must
 * become visible in order. SQLite has one writer, so they do. PostgreSQL hands out ids at insert time: with two
 * writers, the one holding a smaller id could commit after the other, and an engine that had already read the larger
 * id would never see the smaller one (a person's correction, say). One writer of a company's history at a time
 * (a transaction-scoped advisory lock, taken just before the insert and released at commit) keeps the order; it only
 * holds up other writers of the same company for the tail of their transaction.
 */
export async function insertHistory(db: Db, rows: NewHistoryRow[]): Promise<void> {
  if (rows.length === 0) return;
  if (runsOnPostgres(db)) {
    if (!db.isTransaction) {
      await db.transaction().execute((trx) => insertHistory(trx, rows));
      return;
    }
    // Sorted, so two writers of several companies take the locks in the same order (no deadlock between them).
    for (const companyId of [...new Set(rows.map((r) => r.companyId))].sort()) {
      await sql`select pg_advisory_xact_lock(hashtext(${`matching_history:${companyId}`}))`.execute(db);
    }
  }
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await insertRows(
      db,
      'matchingHistory',
      rows.slice(i, i + INSERT_CHUNK).map((r) => ({
        companyId: r.companyId,
        supplierNit: r.supplierNit,
        description: r.description,
        sellerCode: r.sellerCode ?? null,
        standardCode: r.standardCode ?? null,
        accountCode: r.accountCode,
        itemId: r.itemId ?? null,
        origin: r.origin,
        byUser: r.byUser ? 1 : 0,
        at: r.at,
        confidence: r.confidence ?? null,
        firstKind: r.first?.kind ?? null,
        firstRaw: r.first?.raw ?? null,
      })),
    );
  }
}

/** What a running engine compares with its memory: the catalog revision and the newest history row (one query). */
export async function freshness(db: Db, companyId: string): Promise<{ catalogRevision: number; lastHistoryId: number }> {
  const [row] = (await freshnessQuery(db, { companyId })).rows;
  if (!row) throw new Error('La consulta de frescura no devolvió ninguna fila.');
  return { catalogRevision: Number(row.catalogRevision ?? 0), lastHistoryId: Number(row.lastHistoryId ?? 0) };
}

/** Opens a new catalog revision; rows written with it are what engines reload. */
export async function nextCatalogRevision(db: Db, companyId: string): Promise<number> {
  await db.insertInto('matchingState').values({ companyId, catalogRevision: 0 }).onConflict((oc) => oc.column('companyId').doNothing()).execute();
  const row = await db
    .updateTable('matchingState')
    .set({ catalogRevision: sql`catalog_revision + 1` })
    .where('companyId', '=', companyId)
    .returning('catalogRevision')
    .executeTakeFirstOrThrow();
  return row.catalogRevision;
}

/** Items changed after a revision. */
export async function loadItemsSince(db: Db, companyId: string, afterRevision: number): Promise<CatalogItem[]> {
  const rows = await db.selectFrom('matchingItem').selectAll().where('companyId', '=', companyId).where('revision', '>', afterRevision).orderBy('revision').orderBy('id').execute();
  return rows.map(toCatalogItem);
}

export async function findItems(db: Db, companyId: string, ids: string[]): Promise<Map<string, CatalogItem>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('matchingItem').selectAll().where('companyId', '=', companyId).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, toCatalogItem(r)]));
}

/** Inserts or updates items (by id) with a revision; `now` stamps them. */
export async function upsertItems(db: Db, items: NewItem[], revision: number, now: string): Promise<void> {
  for (let i = 0; i < items.length; i += INSERT_CHUNK) {
    await db
      .insertInto('matchingItem')
      .values(
        items.slice(i, i + INSERT_CHUNK).map((item) => ({
          id: item.id,
          companyId: item.companyId,
          code: item.code,
          name: item.name,
          accountCode: item.accountCode,
          inventoried: item.inventoried ? 1 : 0,
          unitCode: item.unitCode ?? null,
          gtin: item.gtin ?? null,
          unspsc: item.unspsc ?? null,
          supplierNit: item.supplierNit ?? null,
          supplierCode: item.supplierCode ?? null,
          source: item.source,
          confidence: item.confidence ?? null,
          firstKind: item.first?.kind ?? null,
          firstRaw: item.first?.raw ?? null,
          revision,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          code: eb.ref('excluded.code'),
          name: eb.ref('excluded.name'),
          accountCode: eb.ref('excluded.accountCode'),
          inventoried: eb.ref('excluded.inventoried'),
          unitCode: eb.ref('excluded.unitCode'),
          gtin: eb.ref('excluded.gtin'),
          unspsc: eb.ref('excluded.unspsc'),
          supplierNit: eb.ref('excluded.supplierNit'),
          supplierCode: eb.ref('excluded.supplierCode'),
          source: eb.ref('excluded.source'),
          confidence: eb.ref('excluded.confidence'),
          firstKind: eb.ref('excluded.firstKind'),
          firstRaw: eb.ref('excluded.firstRaw'),
          revision: eb.ref('excluded.revision'),
          updatedAt: eb.ref('excluded.updatedAt'),
        })),
      )
      .execute();
  }
}

function toCatalogItem(row: MatchingItemRow): CatalogItem {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    accountCode: row.accountCode,
    inventoried: row.inventoried === 1,
    unitCode: row.unitCode,
    gtin: row.gtin,
    unspsc: row.unspsc,
    supplierNit: row.supplierNit,
    supplierCode: row.supplierCode,
    source: row.source,
    confidence: row.confidence,
    first: firstReading(row.firstKind, row.firstRaw),
  };
}

function firstReading(kind: string | null, raw: number | null): FirstReading | null {
  return kind !== null && raw !== null ? { kind, raw } : null;
}
