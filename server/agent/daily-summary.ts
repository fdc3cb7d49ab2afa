import type { DailySummary, NotRegisteredEntry } from '#shared/summary';
import { MINUTES_SAVED_PER_DOCUMENT } from '#shared/summary';
import { bogotaDate, bogotaDayRange, isIsoDate, previousDate, shiftDate } from '#shared/bogota-time';
import type { DocumentStatus } from '#shared/inbox';
import type { Db } from '../db/database';
import { InputError } from '../errors';
import { agentStateAt } from './agent-switch';
import { PAGE_SIZES, type PageRequest } from './pagination';
import type { Clock } from './clock';
import { rulesWarnings } from './uvt-values';
import { authenticitySummary } from './inbox-documents';
import { refutedAfterRegistrationWarnings } from './awaiting-dian-copy';
import { pageMissingConfirmations } from '../radian/bill-state';
import { PROCESS_ID } from '../workers/process-id';

const NOT_REGISTERED: DocumentStatus[] = ['not_registered', 'arrived_while_paused'];

/**
 * The figures of one Bogotá day, by arrival: documents that arrived that day and were registered, and those that
 * were not (with each reason). Duplicates and non-purchase documents (RADIAN events) are not counted.
 */
export async function computeDailySummary(db: Db, companyId: string, date: string, clock: Clock): Promise<DailySummary> {
  const { start, end } = bogotaDayRange(date);
  const now = clock.now();
  const rows = await db
    .selectFrom('inboxDocument')
    .select(['id', 'status', 'number', 'supplierName', 'reasonCode', 'reason', 'arrivedAt', 'authenticity', 'authenticityJson'])
    .where('companyId', '=', companyId)
    .where('arrivedAt', '>=', start.toISOString())
    .where('arrivedAt', '<', end.toISOString())
    .orderBy('arrivedAt')
    .execute();
  const registered = rows.filter((r) => r.status === 'registered').length;
  const notRegisteredDocuments: NotRegisteredEntry[] = rows
    .filter((r) => NOT_REGISTERED.includes(r.status as DocumentStatus))
    .map((r) => ({
      documentId: r.id,
      status: r.status as DocumentStatus,
      ...(r.number ? { number: r.number } : {}),
      ...(r.supplierName ? { supplierName: r.supplierName } : {}),
      ...(r.reasonCode ? { reasonCode: r.reasonCode } : {}),
      reason: r.reason ?? 'Sin motivo registrado',
      arrivedAt: r.arrivedAt,
      ...(r.authenticity ? { authenticity: authenticitySummary(r) } : {}),
    }));
  const dayOver = now.getTime() >= end.getTime();
  const state = await agentStateAt(db, companyId, dayOver ? new Date(end.getTime() - 1) : now);
  // As of the day summarised (a summary stored at midnight says what was missing that day).
  // …and the bills DIAN's copy refuted after they were registered, as of when this is computed, whatever day they arrived.
  const warnings = [...(await rulesWarnings(db, dayOver ? new Date(end.getTime() - 1) : now)), ...(await refutedAfterRegistrationWarnings(db, companyId))];
  // Never forgotten (issue 16): the credit invoices still waiting for their 030/032, as of when this is computed.
  const missing = await pageMissingConfirmations(db, companyId, { limit: PAGE_SIZES.missingConfirmations.default, offset: 0 });
  return {
    date,
    registered,
    timeSavedMinutes: registered * MINUTES_SAVED_PER_DOCUMENT,
    notRegistered: notRegisteredDocuments.length,
    notRegisteredDocuments,
    pending: rows.filter((r) => r.status === 'pending').length,
    agentStatus: state.status,
    computedAt: now.toISOString(),
    final: dayOver,
    ...(warnings.length ? { warnings } : {}),
    ...(missing.total > 0 ? { missingConfirmations: { total: missing.total, items: missing.items } } : {}),
  };
}

/**
 * The summary of a day: the one stored at midnight, or computed now (and stored, when the day is over and the
 * midnight job was missed). Today's is "so far" and never stored.
 */
export async function getDailySummary(db: Db, companyId: string, date: string, clock: Clock, page?: PageRequest): Promise<DailySummary> {
  return pageOfSummary(await wholeDailySummary(db, companyId, date, clock), page ?? { limit: PAGE_SIZES.notRegistered.default, offset: 0 });
}

/** The summary with one page of its not-registered list: a flooded day never makes an unbounded response. */
function pageOfSummary(summary: DailySummary, page: PageRequest): DailySummary {
  const all = summary.notRegisteredDocuments;
  const items = all.slice(page.offset, page.offset + page.limit);
  const next = page.offset + items.length;
  return { ...summary, notRegisteredDocuments: items, notRegisteredOffset: page.offset, notRegisteredNextOffset: next < all.length ? next : null };
}

async function wholeDailySummary(db: Db, companyId: string, date: string, clock: Clock): Promise<DailySummary> {
  // "2026-02-30" passes a format check but is no day at all: it would be stored as a final summary of nothing.
  if (!isIsoDate(date) || bogotaDate(bogotaDayRange(date).start) !== date) throw new InputError(`La fecha «${date}» no existe: usa el formato AAAA-MM-DD.`);
  const today = bogotaDate(clock.now());
  if (date > today) throw new InputError(`El ${date} todavía no ha llegado (hoy es ${today} en Bogotá).`);
  const stored = await db.selectFrom('dailySummary').select('payload').where('companyId', '=', companyId).where('date', '=', date).executeTakeFirst();
  if (stored) return JSON.parse(stored.payload) as DailySummary;
  const summary = await computeDailySummary(db, companyId, date, clock);
  if (summary.final) await storeDailySummary(db, companyId, summary);
  return summary;
}

export async function storeDailySummary(db: Db, companyId: string, summary: DailySummary): Promise<void> {
  await db
    .insertInto('dailySummary')
    .values({ companyId, date: summary.date, payload: JSON.stringify(summary), computedAt: summary.computedAt })
    .onConflict((oc) => oc.columns(['companyId', 'date']).doUpdateSet({ payload: JSON.stringify(summary), computedAt: summary.computedAt }))
    .execute();
}

/** A claim older than this is taken to be a process that died while composing: another may compose the day. */
const SUMMARY_CLAIM_STALE_MS = 10 * 60 * 1000;

/**
 * Claims the composing of a company's summary of a day for `holder`: with several agent processes on one database,
 * each runs the midnight job, and exactly one of them composes each (company, day). One statement on both engines;
 * the (company, day) primary key decides. A claim left by a process that died is taken over after 10 minutes.
 */
export async function claimSummaryDay(db: Db, companyId: string, date: string, clock: Clock, holder: string = PROCESS_ID): Promise<boolean> {
  const now = clock.now();
  const stale = new Date(now.getTime() - SUMMARY_CLAIM_STALE_MS).toISOString();
  await db
    .insertInto('dailySummaryClaim')
    .values({ companyId, date, holderId: holder, claimedAt: now.toISOString() })
    .onConflict((oc) =>
      oc
        .columns(['companyId', 'date'])
        .doUpdateSet((eb) => ({ holderId: eb.ref('excluded.holderId'), claimedAt: eb.ref('excluded.claimedAt') }))
        .where('dailySummaryClaim.claimedAt', '<', stale),
    )
    .execute();
  const row = await db.selectFrom('dailySummaryClaim').select(['holderId', 'claimedAt']).where('companyId', '=', companyId).where('date', '=', date).executeTakeFirst();
  return row?.holderId === holder && row.claimedAt === now.toISOString();
}

/**
 * The midnight job, and its catch-up when the server was down at midnight: stores every finished day that has no
 * stored summary yet (at most `maxDays` back, and never before the company existed). Every missing day is filled,
 * not only those after the newest stored one: a past day looked at on demand is stored too, and must not hide the
 * days before it.
 */
export async function storeMissingSummaries(
  db: Db,
  companyId: string,
  clock: Clock,
  { maxDays = 62, holder = PROCESS_ID, stopping = () => false }: { maxDays?: number; holder?: string; stopping?: () => boolean } = {},
): Promise<string[]> {
  const yesterday = previousDate(bogotaDate(clock.now()));
  const company = await db.selectFrom('company').select('createdAt').where('id', '=', companyId).executeTakeFirstOrThrow();
  const earliest = [bogotaDate(new Date(company.createdAt)), shiftDate(yesterday, -(maxDays - 1))].sort().at(-1)!;
  if (earliest > yesterday) return [];
  const existing = await db.selectFrom('dailySummary').select('date').where('companyId', '=', companyId).where('date', '>=', earliest).where('date', '<=', yesterday).execute();
  const done = new Set(existing.map((r) => r.date));
  const stored: string[] = [];
  for (let date = earliest; date <= yesterday; date = shiftDate(date, 1)) {
    // The server is stopping: the days left are composed on the next start (or by another process).
    if (stopping()) break;
    if (done.has(date)) continue;
    // Another process is composing this day (or did, a moment ago): once per company per day.
    if (!(await claimSummaryDay(db, companyId, date, clock, holder))) continue;
    await storeDailySummary(db, companyId, await computeDailySummary(db, companyId, date, clock));
    stored.push(date);
  }
  return stored;
}
