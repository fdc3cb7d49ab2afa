import { randomUUID } from 'node:crypto';
import { systemClock, type Clock } from '../agent/clock';
import { WorkLoop } from '../agent/work-loop';
import type { BillEvent, BillListener } from '../agent/register-document';
import type { Db } from '../db/database';
import type { AlegraBillPushRow } from '../db/schema';
import { NotFoundError } from '../errors';
import type { SecretBox } from '../secrets/secret-box';
import type { AlegraClient } from './alegra-client';
import { alegraClientFor, type ClientTuning } from './connection';
import { pushBill, type PushOutcome } from './push-bill';
import { CATALOG_RESOURCES, syncAlegra, type SyncResource } from './sync';

/** After this many failed attempts a bill stops being retried by itself (a person can push it again). */
export const MAX_PUSH_ATTEMPTS = 10;
/** A worker holds a record this long; a crashed worker's record is taken again after it. */
const LEASE_MS = 5 * 60 * 1000;
/** Waiting for a person to fix the connection (token, plan, role). */
const CONNECTION_RETRY_MS = 60 * 60 * 1000;
/** The chart/taxes/retentions copy is read again before a refusal is final if older than this. */
const CATALOG_FRESH_MS = 10 * 60 * 1000;

/** Refusals a correction of the bill may fix. */
const RETRY_AFTER_CORRECTION = ['ACCOUNT_NOT_IN_ALEGRA', 'TAX_NOT_IN_ALEGRA', 'RETENTION_NOT_IN_ALEGRA', 'TOTALS_DIFFER', 'ALEGRA_VALIDATION'];

export interface PushReport {
  pushed: number;
  retrying: number;
  failed: number;
}

/**
 * Puts one bill in the durable queue (the per-bill push record), once: registering twice, or the listener and the
 * sweep both noticing the same bill, never makes two records.
 */
export async function enqueueBill(db: Db, billId: string, companyId: string, clock: Clock): Promise<void> {
  const now = clock.now().toISOString();
  await db
    .insertInto('alegraBillPush')
    .values({ billId, companyId, status: 'pending', idempotencyKey: randomUUID(), nextAttemptAt: now, createdAt: now, updatedAt: now })
    .onConflict((oc) => oc.column('billId').doNothing())
    .execute();
}

/**
 * What the queue would miss if it only listened: bills registered by another process (`npx agente run`) after the
 * company connected, and bills in Alegra whose books changed since they were sent (a correction made while this
 * process was down). Both become due.
 */
export async function enqueueMissing(db: Db, clock: Clock, companyId?: string): Promise<number> {
  const now = clock.now().toISOString();
  let missing = db
    .selectFrom('bill')
    .innerJoin('alegraConnection', 'alegraConnection.companyId', 'bill.companyId')
    .leftJoin('alegraBillPush', 'alegraBillPush.billId', 'bill.id')
    .select(['bill.id', 'bill.companyId'])
    .where('alegraBillPush.billId', 'is', null)
    .whereRef('bill.registeredAt', '>=', 'alegraConnection.connectedAt');
  if (companyId) missing = missing.where('bill.companyId', '=', companyId);
  const rows = await missing.execute();
  for (const row of rows) await enqueueBill(db, row.id, row.companyId, clock);

  let changed = db
    .updateTable('alegraBillPush')
    .set({ status: 'pending', nextAttemptAt: now, updatedAt: now, errorCode: null, lastError: null })
    .where('status', '=', 'pushed')
    .where((eb) => eb.exists(eb.selectFrom('bill').select('bill.id').whereRef('bill.id', '=', 'alegraBillPush.billId').whereRef('bill.updatedAt', '!=', 'alegraBillPush.pushedVersion')));
  if (companyId) changed = changed.where('companyId', '=', companyId);
  const result = await changed.executeTakeFirst();
  return rows.length + Number(result.numUpdatedRows);
}

/**
 * A person asks for this bill to go (again): queued if it never was (e.g. registered before connecting), made due
 * now with its attempts reset if it failed. `recreate` forgets Alegra's id (the bill was deleted in Alegra).
 */
export async function requeueBill(db: Db, companyId: string, billId: string, clock: Clock, options: { recreate?: boolean } = {}): Promise<void> {
  const bill = await db.selectFrom('bill').select('id').where('companyId', '=', companyId).where('id', '=', billId).executeTakeFirst();
  if (!bill) throw new NotFoundError(`No existe la factura registrada ${billId}.`);
  await enqueueBill(db, billId, companyId, clock);
  const now = clock.now().toISOString();
  await db
    .updateTable('alegraBillPush')
    .set({
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      leaseUntil: null,
      errorCode: null,
      lastError: null,
      updatedAt: now,
      ...(options.recreate ? { remoteId: null, pushedVersion: null, attachmentsDone: 0, reportJson: null, idempotencyKey: randomUUID() } : { pushedVersion: null }),
    })
    .where('billId', '=', billId)
    .execute();
}

/**
 * Takes due records for this worker: each is claimed with a conditional update (still due, not leased by someone
 * else), so two workers — or two processes on one database — never push the same bill at the same time.
 */
export async function claimDue(db: Db, clock: Clock, options: { companyId?: string; billId?: string; limit?: number } = {}): Promise<AlegraBillPushRow[]> {
  const now = clock.now().toISOString();
  let query = db
    .selectFrom('alegraBillPush')
    .innerJoin('alegraConnection', 'alegraConnection.companyId', 'alegraBillPush.companyId')
    .selectAll('alegraBillPush')
    .where('alegraBillPush.status', '=', 'pending')
    .where('alegraBillPush.nextAttemptAt', '<=', now)
    .where((eb) => eb.or([eb('alegraBillPush.leaseUntil', 'is', null), eb('alegraBillPush.leaseUntil', '<', now)]));
  if (options.companyId) query = query.where('alegraBillPush.companyId', '=', options.companyId);
  if (options.billId) query = query.where('alegraBillPush.billId', '=', options.billId);
  const candidates = await query.orderBy('alegraBillPush.nextAttemptAt').orderBy('alegraBillPush.createdAt').limit(options.limit ?? 50).execute();
  const leaseUntil = new Date(clock.now().getTime() + LEASE_MS).toISOString();
  const claimed: AlegraBillPushRow[] = [];
  for (const row of candidates) {
    const result = await db
      .updateTable('alegraBillPush')
      .set({ leaseUntil })
      .where('billId', '=', row.billId)
      .where('status', '=', 'pending')
      .where((eb) => eb.or([eb('leaseUntil', 'is', null), eb('leaseUntil', '<', now)]))
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 1) claimed.push({ ...row, leaseUntil });
  }
  return claimed;
}

/** Writes what one attempt achieved, releasing the lease. */
export async function recordOutcome(db: Db, row: AlegraBillPushRow, outcome: PushOutcome, clock: Clock): Promise<void> {
  const now = clock.now();
  const at = now.toISOString();
  if (outcome.status === 'pushed') {
    await db
      .updateTable('alegraBillPush')
      .set({
        status: 'pushed',
        remoteId: outcome.remoteId,
        attempts: row.attempts + 1,
        errorCode: null,
        lastError: outcome.notes.length ? outcome.notes.join(' ') : null,
        pushedAt: at,
        leaseUntil: null,
        updatedAt: at,
      })
      .where('billId', '=', row.billId)
      .execute();
    // Credit notes that were waiting for this bill to be in Alegra go now.
    await db
      .updateTable('alegraBillPush')
      .set({ status: 'pending', nextAttemptAt: at, errorCode: null, lastError: null, updatedAt: at })
      .where('status', '=', 'failed')
      .where('errorCode', '=', 'ORIGINAL_NOT_IN_ALEGRA')
      .where((eb) => eb.exists(eb.selectFrom('bill').select('bill.id').whereRef('bill.id', '=', 'alegraBillPush.billId').where('bill.relatedBillId', '=', row.billId)))
      .execute();
    // A correction that landed while this attempt ran makes it due again.
    await db
      .updateTable('alegraBillPush')
      .set({ status: 'pending', nextAttemptAt: at })
      .where('billId', '=', row.billId)
      .where((eb) => eb.exists(eb.selectFrom('bill').select('bill.id').whereRef('bill.id', '=', 'alegraBillPush.billId').whereRef('bill.updatedAt', '!=', 'alegraBillPush.pushedVersion')))
      .execute();
    return;
  }
  if (outcome.status === 'failed') {
    await db
      .updateTable('alegraBillPush')
      .set({ status: 'failed', attempts: row.attempts + 1, errorCode: outcome.code, lastError: outcome.message, leaseUntil: null, updatedAt: at })
      .where('billId', '=', row.billId)
      .execute();
    return;
  }
  const { error } = outcome;
  // A wrong token or plan is not this bill's fault: it waits for the connection to be fixed, without using attempts.
  const attempts = error.connectionProblem ? row.attempts : row.attempts + 1;
  const giveUp = attempts >= MAX_PUSH_ATTEMPTS;
  const waitMs = error.connectionProblem ? CONNECTION_RETRY_MS : Math.max(error.details.retryAfterMs ?? 0, Math.min(30_000 * 2 ** Math.max(attempts - 1, 0), 3_600_000));
  await db
    .updateTable('alegraBillPush')
    .set({
      status: giveUp ? 'failed' : 'pending',
      attempts,
      errorCode: `ALEGRA_${error.kind.toUpperCase()}`,
      lastError: giveUp ? `No se pudo enviar a Alegra después de ${attempts} intentos. Último error: ${error.message}` : error.message,
      nextAttemptAt: new Date(now.getTime() + waitMs).toISOString(),
      leaseUntil: null,
      updatedAt: at,
    })
    .where('billId', '=', row.billId)
    .execute();
}

export interface PusherOptions {
  clock?: Clock;
  /** How often the queue is swept (retries, bills registered by other processes). */
  intervalMs?: number;
  tuning?: ClientTuning;
  lookupDelayMs?: number;
}

/**
 * Sends the bills the agent registers to Alegra, asynchronously: registration only enqueues (one insert) and wakes
 * the worker, so pushing never delays or undoes the local books. The worker drains due records on start, when
 * woken, and on a timer (retries with backoff, bills registered by other processes, corrections). Plug it into the
 * agent as a `BillListener`.
 */
export class AlegraPusher implements BillListener {
  private readonly loop: WorkLoop;
  private readonly clock: Clock;
  private readonly box: () => SecretBox;

  constructor(
    private readonly db: Db,
    box: SecretBox | (() => SecretBox),
    private readonly options: PusherOptions = {},
  ) {
    this.clock = options.clock ?? systemClock;
    this.loop = new WorkLoop(() => this.drain(), { intervalMs: options.intervalMs ?? 60_000, onError: (error) => console.error('Error enviando facturas a Alegra:', error) });
    let opened: SecretBox | undefined;
    // The key file is only read (or created) once a company is actually connected.
    this.box = typeof box === 'function' ? () => (opened ??= box()) : () => box;
  }

  /** The box this worker opens tokens with (the API uses the same one). */
  secretBox(): SecretBox {
    return this.box();
  }

  async billRegistered(event: BillEvent): Promise<void> {
    if (!(await this.connected(event.companyId))) return;
    await enqueueBill(this.db, event.billId, event.companyId, this.clock);
    this.wake();
  }

  /**
   * A person corrected the bill: Alegra gets the new version (an update when it already has the bill). A bill
   * refused for an account, tax or retention Alegra lacks gets another chance too: the correction may be the fix.
   */
  async billCorrected(event: BillEvent): Promise<void> {
    const now = this.clock.now().toISOString();
    await this.db
      .updateTable('alegraBillPush')
      .set({ status: 'pending', nextAttemptAt: now, updatedAt: now })
      .where('billId', '=', event.billId)
      .where((eb) => eb.or([eb('status', 'in', ['pushed', 'pending']), eb.and([eb('status', '=', 'failed'), eb('errorCode', 'in', RETRY_AFTER_CORRECTION)])]))
      .execute();
    this.wake();
  }

  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Something is due: drain now, or right after the current drain. */
  wake(): void {
    this.loop.wake();
  }

  /** Pushes everything due now (optionally one company or one bill) and resolves when done. */
  drain(filter: { companyId?: string; billId?: string } = {}): Promise<PushReport> {
    return this.loop.exclusive(() => this.drainOnce(filter));
  }

  private async drainOnce(filter: { companyId?: string; billId?: string }): Promise<PushReport> {
    const report: PushReport = { pushed: 0, retrying: 0, failed: 0 };
    await enqueueMissing(this.db, this.clock, filter.companyId);
    for (;;) {
      const rows = await claimDue(this.db, this.clock, filter);
      if (rows.length === 0) return report;
      const byCompany = new Map<string, AlegraBillPushRow[]>();
      for (const row of rows) byCompany.set(row.companyId, [...(byCompany.get(row.companyId) ?? []), row]);
      for (const [companyId, companyRows] of byCompany) {
        const client = await alegraClientFor(this.db, this.box(), companyId, this.options.tuning);
        if (!client) continue;
        const refreshCatalog = async () => {
          if (await this.catalogFresh(companyId)) return;
          await syncAlegra(this.db, client, companyId, { clock: this.clock, resources: CATALOG_RESOURCES });
        };
        await this.ensureCatalog(companyId, client);
        for (const [index, row] of companyRows.entries()) {
          const outcome = await pushBill(this.db, client, row, { clock: this.clock, refreshCatalog, ...(this.options.lookupDelayMs !== undefined ? { lookupDelayMs: this.options.lookupDelayMs } : {}) });
          await recordOutcome(this.db, row, outcome, this.clock);
          if (outcome.status === 'pushed') report.pushed++;
          else if (outcome.status === 'failed') report.failed++;
          else report.retrying++;
          if (outcome.status === 'retry' && outcome.error.connectionProblem) {
            // The rest of this company's bills would fail the same way: they wait for the connection to be fixed.
            for (const rest of companyRows.slice(index + 1)) await recordOutcome(this.db, rest, outcome, this.clock);
            report.retrying += companyRows.length - index - 1;
            break;
          }
        }
      }
      if (filter.billId) return report;
    }
  }

  /** The first push of a company reads its chart, taxes, retentions and contacts from Alegra if never read. */
  private async ensureCatalog(companyId: string, client: AlegraClient): Promise<void> {
    const cursors = await this.db.selectFrom('alegraSyncCursor').select(['resource', 'lastSyncedAt']).where('companyId', '=', companyId).execute();
    const done = new Set(cursors.filter((c) => c.lastSyncedAt).map((c) => c.resource));
    const missing = ([...CATALOG_RESOURCES, 'contacts'] as SyncResource[]).filter((r) => !done.has(r));
    if (missing.length > 0) await syncAlegra(this.db, client, companyId, { clock: this.clock, resources: missing });
  }

  private async catalogFresh(companyId: string): Promise<boolean> {
    const oldest = await this.db
      .selectFrom('alegraSyncCursor')
      .select((eb) => eb.fn.min('lastSyncedAt').as('at'))
      .where('companyId', '=', companyId)
      .where('resource', 'in', [...CATALOG_RESOURCES])
      .executeTakeFirst();
    const at = oldest?.at as string | null | undefined;
    return !!at && this.clock.now().getTime() - Date.parse(at) < CATALOG_FRESH_MS;
  }

  private async connected(companyId: string): Promise<boolean> {
    const row = await this.db.selectFrom('alegraConnection').select('companyId').where('companyId', '=', companyId).executeTakeFirst();
    return !!row;
  }
}

/** The pusher plugged into a running agent as a listener, if any. */
export function alegraPusherOf(agent: { deps: { listeners: readonly BillListener[] } }): AlegraPusher | undefined {
  return agent.deps.listeners.find((l): l is AlegraPusher => l instanceof AlegraPusher);
}
