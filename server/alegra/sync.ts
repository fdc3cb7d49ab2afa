import { bogotaDate, shiftDate } from '#shared/bogota-time';
import type { Clock } from '../agent/clock';
import type { Db } from '../db/database';
import type { LearnedLine } from '../matching/line-classifier';
import type { AlegraClient } from './alegra-client';
import { AlegraError } from './alegra-error';
import { digestOf, field, remoteId, text } from './alegra-values';
import { asArray, billFields, contactFields, flattenCategories, itemFields, postableCategories, rateFields } from './synced-records';

export type SyncResource = 'contacts' | 'items' | 'categories' | 'taxes' | 'retentions' | 'bills';

export const SYNC_RESOURCES: readonly SyncResource[] = ['categories', 'taxes', 'retentions', 'contacts', 'items', 'bills'];

/** What the push needs before it can build a bill: the chart of accounts, taxes and retentions. */
export const CATALOG_RESOURCES: readonly SyncResource[] = ['categories', 'taxes', 'retentions'];

export interface ResourceReport {
  fetched: number;
  added: number;
  changed: number;
  removed: number;
  /** Walked every page (a full sync that completed can mark what disappeared from Alegra). */
  full: boolean;
  error?: string;
}

export interface SyncReport {
  ok: boolean;
  resources: Partial<Record<SyncResource, ResourceReport>>;
  /** Lines of Alegra's bill history handed to the suggestion engine (`LineClassifier.learn`). */
  learned: number;
}

export interface SyncOptions {
  clock: Clock;
  /** Walk every page of contacts and items even if the first pages show nothing new. */
  full?: boolean;
  /** Bill history from this date (YYYY-MM-DD); defaults to the last position minus a week, or `historyDays` back. */
  since?: string;
  historyDays?: number;
  resources?: readonly SyncResource[];
  /** The suggestion engine's `learn`: fed the account of each line of bills already in Alegra. */
  learn?: (lines: LearnedLine[]) => Promise<void>;
}

/** Contacts and items are walked in full at least this often, to catch edits and deletions of older records. */
const FULL_SYNC_EVERY_MS = 7 * 24 * 3600 * 1000;

/**
 * Copies the company's own Alegra data locally, with Alegra's ids: contacts (suppliers are matched by NIT),
 * items, the chart of accounts (which accounts accept movements), taxes and retentions (matched by kind and
 * percentage when pushing), and recent bills (history for the suggestion engine).
 *
 * Paginated (30 per page) and incremental: contacts and items are read newest id first and the walk stops at the
 * first page that brings nothing new or changed (a full walk runs on the first sync, on request, and weekly, and
 * marks what disappeared); bills are read from the last bill date seen, minus a week for late edits; the small
 * lists (chart, taxes, retentions) are read in full every time. One resource failing (a plan without inventory
 * answers 402 on items) does not stop the others; each records its own error.
 */
export async function syncAlegra(db: Db, client: AlegraClient, companyId: string, options: SyncOptions): Promise<SyncReport> {
  const report: SyncReport = { ok: true, resources: {}, learned: 0 };
  for (const resource of options.resources ?? SYNC_RESOURCES) {
    const startedAt = options.clock.now().toISOString();
    const cursor = await db.selectFrom('alegraSyncCursor').selectAll().where('companyId', '=', companyId).where('resource', '=', resource).executeTakeFirst();
    try {
      let result: ResourceReport;
      let position: string | undefined;
      if (resource === 'categories') result = await syncCategories(db, client, companyId, startedAt);
      else if (resource === 'taxes' || resource === 'retentions') result = await syncRates(db, client, companyId, resource, startedAt);
      else if (resource === 'bills') {
        const since = options.since ?? (cursor?.position ? shiftDate(cursor.position, -7) : shiftDate(bogotaDate(options.clock.now()), -(options.historyDays ?? 365)));
        const bills = await syncBills(db, client, companyId, since, startedAt);
        result = bills.report;
        position = bills.position;
        if (options.learn && bills.newBills.length > 0) {
          const lines = await learnedLinesFrom(db, companyId, bills.newBills, startedAt);
          if (lines.length > 0) {
            await options.learn(lines);
            report.learned += lines.length;
          }
        }
      } else {
        const full = options.full || !cursor?.lastFullSyncAt || Date.parse(startedAt) - Date.parse(cursor.lastFullSyncAt) > FULL_SYNC_EVERY_MS;
        result = await syncNewestFirst(db, client, companyId, resource, full, startedAt);
      }
      report.resources[resource] = result;
      await saveCursor(db, companyId, resource, startedAt, {
        lastSyncedAt: startedAt,
        ...(result.full ? { lastFullSyncAt: startedAt } : {}),
        position: position ?? cursor?.position ?? null,
        records: await countRecords(db, companyId, resource),
        lastError: null,
      });
    } catch (error) {
      const message = error instanceof AlegraError ? error.message : `Error inesperado: ${error instanceof Error ? error.message : String(error)}`;
      report.ok = false;
      report.resources[resource] = { fetched: 0, added: 0, changed: 0, removed: 0, full: false, error: message };
      await saveCursor(db, companyId, resource, startedAt, { lastError: message });
      // Wrong credentials or plan: every other resource would fail the same way.
      if (error instanceof AlegraError && error.connectionProblem && error.kind !== 'plan') break;
    }
  }
  return report;
}

/** When each list was last read, and how it went. */
export async function syncCursors(db: Db, companyId: string) {
  return db.selectFrom('alegraSyncCursor').select(['resource', 'lastSyncedAt', 'lastFullSyncAt', 'position', 'records', 'lastError']).where('companyId', '=', companyId).orderBy('resource').execute();
}

type SyncedTable = 'alegraContact' | 'alegraItem' | 'alegraTax' | 'alegraRetention' | 'alegraBill' | 'alegraCategory';

interface Counts {
  added: number;
  changed: number;
}

/**
 * Inserts or updates one page of records by Alegra id, telling added, changed and unchanged apart by digest.
 * Every record seen gets `syncedAt` of this run, so a completed full walk can mark the rest as removed.
 */
async function upsertPage(db: Db, table: SyncedTable, companyId: string, rows: { remoteId: string; raw: unknown; fields: Record<string, unknown>; digestInput?: unknown }[], startedAt: string): Promise<Counts & { addedOrChanged: string[] }> {
  const counts = { added: 0, changed: 0, addedOrChanged: [] as string[] };
  if (rows.length === 0) return counts;
  await db.transaction().execute(async (trx) => {
    const existing = new Map(
      (await trx.selectFrom(table).select(['remoteId', 'digest', 'removedAt']).where('companyId', '=', companyId).where('remoteId', 'in', rows.map((r) => r.remoteId)).execute()).map((r) => [r.remoteId, r]),
    );
    for (const row of rows) {
      const digest = digestOf(row.digestInput ?? row.raw);
      const before = existing.get(row.remoteId);
      const values = { ...row.fields, raw: JSON.stringify(row.raw), digest, syncedAt: startedAt, removedAt: null };
      if (!before) {
        await trx.insertInto(table).values({ companyId, remoteId: row.remoteId, ...values } as never).execute();
        counts.added++;
        counts.addedOrChanged.push(row.remoteId);
      } else if (before.digest !== digest || before.removedAt !== null) {
        await trx.updateTable(table).set(values as never).where('companyId', '=', companyId).where('remoteId', '=', row.remoteId).execute();
        counts.changed++;
        counts.addedOrChanged.push(row.remoteId);
      } else {
        await trx.updateTable(table).set({ syncedAt: startedAt } as never).where('companyId', '=', companyId).where('remoteId', '=', row.remoteId).execute();
      }
    }
  });
  return counts;
}

/** After a completed full walk: what Alegra no longer returns is marked removed (kept, never deleted). */
async function markRemoved(db: Db, table: SyncedTable, companyId: string, startedAt: string): Promise<number> {
  const result = await db.updateTable(table).set({ removedAt: startedAt } as never).where('companyId', '=', companyId).where('syncedAt', '<', startedAt).where('removedAt', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

async function syncNewestFirst(db: Db, client: AlegraClient, companyId: string, resource: 'contacts' | 'items', full: boolean, startedAt: string): Promise<ResourceReport> {
  const table = resource === 'contacts' ? 'alegraContact' : 'alegraItem';
  const report: ResourceReport = { fetched: 0, added: 0, changed: 0, removed: 0, full: false };
  let walkedAll = true;
  for await (const page of client.pages(`/${resource}`, { order_field: 'id', order_direction: 'DESC' })) {
    const rows = page.flatMap((raw) => {
      const id = remoteId(field(raw, 'id'));
      if (!id) return [];
      return [{ remoteId: id, raw, fields: (resource === 'contacts' ? contactFields(raw) : itemFields(raw)) as unknown as Record<string, unknown> }];
    });
    const counts = await upsertPage(db, table, companyId, rows, startedAt);
    report.fetched += rows.length;
    report.added += counts.added;
    report.changed += counts.changed;
    if (!full && counts.added + counts.changed === 0) {
      walkedAll = false;
      break;
    }
  }
  if (full && walkedAll) {
    report.full = true;
    report.removed = await markRemoved(db, table, companyId, startedAt);
  }
  return report;
}

async function syncCategories(db: Db, client: AlegraClient, companyId: string, startedAt: string): Promise<ResourceReport> {
  const records: unknown[] = [];
  for await (const page of client.pages('/categories')) records.push(...page);
  const categories = flattenCategories(records);
  const postable = postableCategories(categories);
  const rows = categories.map((c) => ({
    remoteId: c.remoteId,
    raw: c.raw,
    fields: { parentRemoteId: c.parentRemoteId, code: c.code, name: c.name, type: c.type, status: c.status, postable: postable.has(c.remoteId) ? 1 : 0 },
  }));
  // Postability depends on the whole tree, so it is part of what makes a row "changed".
  const counts = await upsertPage(db, 'alegraCategory', companyId, rows.map((r) => ({ ...r, digestInput: { raw: r.raw, postable: r.fields.postable } })), startedAt);
  const removed = await markRemoved(db, 'alegraCategory', companyId, startedAt);
  return { fetched: rows.length, added: counts.added, changed: counts.changed, removed, full: true };
}

async function syncRates(db: Db, client: AlegraClient, companyId: string, resource: 'taxes' | 'retentions', startedAt: string): Promise<ResourceReport> {
  const table = resource === 'taxes' ? 'alegraTax' : 'alegraRetention';
  const report: ResourceReport = { fetched: 0, added: 0, changed: 0, removed: 0, full: true };
  for await (const page of client.pages(`/${resource}`)) {
    const rows = page.flatMap((raw) => {
      const id = remoteId(field(raw, 'id'));
      return id ? [{ remoteId: id, raw, fields: rateFields(raw) as unknown as Record<string, unknown> }] : [];
    });
    const counts = await upsertPage(db, table, companyId, rows, startedAt);
    report.fetched += rows.length;
    report.added += counts.added;
    report.changed += counts.changed;
  }
  report.removed = await markRemoved(db, table, companyId, startedAt);
  return report;
}

async function syncBills(db: Db, client: AlegraClient, companyId: string, since: string, startedAt: string): Promise<{ report: ResourceReport; position?: string; newBills: string[] }> {
  const report: ResourceReport = { fetched: 0, added: 0, changed: 0, removed: 0, full: false };
  const newBills: string[] = [];
  let position: string | undefined;
  // `date_afterOrNow`: the day of the last position is read again (bills entered later that same day), whether Alegra
  // reads `date_after` as strict or not; rows already held are upserts, so reading a day twice is harmless.
  for await (const page of client.pages('/bills', { date_afterOrNow: since, order_field: 'date', order_direction: 'ASC' })) {
    const rows = page.flatMap((raw) => {
      const id = remoteId(field(raw, 'id'));
      if (!id) return [];
      const { observations: _observations, ...fields } = billFields(raw);
      return [{ remoteId: id, raw, fields: fields as unknown as Record<string, unknown> }];
    });
    const counts = await upsertPage(db, 'alegraBill', companyId, rows, startedAt);
    report.fetched += rows.length;
    report.added += counts.added;
    report.changed += counts.changed;
    newBills.push(...counts.addedOrChanged);
    for (const row of rows) {
      const date = row.fields.date as string | null;
      if (date && (!position || date > position)) position = date;
    }
  }
  return { report, newBills, ...(position ? { position } : {}) };
}

/**
 * The history Alegra already holds, as the suggestion engine's learning input: each account line (`purchases.
 * categories`) of bills entered outside the agent, with the supplier's NIT, the line's text and the account code.
 * Bills the agent itself pushed are skipped (the engine learnt them when they were registered).
 */
async function learnedLinesFrom(db: Db, companyId: string, billIds: string[], at: string): Promise<LearnedLine[]> {
  const [bills, pushed, categories] = await Promise.all([
    db.selectFrom('alegraBill').select(['remoteId', 'raw', 'providerIdentification']).where('companyId', '=', companyId).where('remoteId', 'in', billIds).execute(),
    db.selectFrom('alegraBillPush').select('remoteId').where('companyId', '=', companyId).where('remoteId', 'in', billIds).execute(),
    db.selectFrom('alegraCategory').select(['remoteId', 'code', 'postable']).where('companyId', '=', companyId).execute(),
  ]);
  const ours = new Set(pushed.map((p) => p.remoteId));
  const codeOf = new Map(categories.filter((c) => c.code && c.postable === 1).map((c) => [c.remoteId, c.code!]));
  const lines: LearnedLine[] = [];
  for (const bill of bills) {
    if (ours.has(bill.remoteId) || !bill.providerIdentification) continue;
    const raw = JSON.parse(bill.raw) as unknown;
    if (/Agente de Gastos/.test(text(field(raw, 'observations')) ?? '')) continue;
    for (const line of asArray(field(raw, 'purchases', 'categories'))) {
      const code = codeOf.get(remoteId(field(line, 'id')) ?? '');
      const description = text(field(line, 'observations')) ?? text(field(line, 'description'));
      if (!code || !description) continue;
      // Bills the agent pushed are left out above: these are the company's own books, not the agent's guesses.
      lines.push({ companyId, supplierNit: bill.providerIdentification, description, accountCode: code, byUser: false, origin: 'importado', at });
    }
  }
  return lines;
}

async function countRecords(db: Db, companyId: string, resource: SyncResource): Promise<number> {
  const table: SyncedTable = ({ contacts: 'alegraContact', items: 'alegraItem', categories: 'alegraCategory', taxes: 'alegraTax', retentions: 'alegraRetention', bills: 'alegraBill' } as const)[resource];
  const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('companyId', '=', companyId).where('removedAt', 'is', null).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function saveCursor(
  db: Db,
  companyId: string,
  resource: SyncResource,
  updatedAt: string,
  values: { lastSyncedAt?: string; lastFullSyncAt?: string; position?: string | null; records?: number; lastError: string | null },
): Promise<void> {
  await db
    .insertInto('alegraSyncCursor')
    .values({ companyId, resource, lastSyncedAt: values.lastSyncedAt ?? null, lastFullSyncAt: values.lastFullSyncAt ?? null, position: values.position ?? null, records: values.records ?? 0, lastError: values.lastError, updatedAt })
    .onConflict((oc) => oc.columns(['companyId', 'resource']).doUpdateSet({ ...values, updatedAt }))
    .execute();
}
