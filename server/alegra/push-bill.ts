import { setTimeout as delay } from 'node:timers/promises';
import type { DianDocument } from '#shared/dian-document';
import type { Clock } from '../agent/clock';
import { fromJson, type Db } from '../db/database';
import type { AlegraBillPushRow } from '../db/schema';
import type { AlegraClient } from './alegra-client';
import { AlegraError } from './alegra-error';
import { field, remoteId } from './alegra-values';
import { agentReference, buildBillPayload, PushRefusal, type AlegraBillPayload, type AlegraCatalog } from './bill-payload';
import { originalFilesOf } from './original-files';
import { ensureProviderContact } from './provider-contact';
import { billFields } from './synced-records';

export type PushOutcome =
  | { status: 'pushed'; remoteId: string; how: 'created' | 'found' | 'updated' | 'unchanged'; notes: string[] }
  | { status: 'retry'; error: AlegraError; remoteId?: string }
  | { status: 'failed'; code: string; message: string; remoteId?: string };

export interface PushOptions {
  clock: Clock;
  /** Reads the chart, taxes and retentions from Alegra again (a refusal may come from a stale copy). */
  refreshCatalog?: () => Promise<void>;
  /** Wait before looking for a bill whose creation had an unknown outcome. */
  lookupDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** Looks for a lost creation up to this many times within one attempt before leaving it to the next attempt. */
const CREATE_TRIES = 3;
/** Bills of one supplier on one day never fill more pages than this; beyond it the filters were not applied. */
const MAX_LOOKUP_PAGES = 20;

/**
 * One attempt to bring one registered bill into Alegra, exactly once:
 * 1. the supplier's contact (found by NIT or created, remembered on the record);
 * 2. the bill built with the company's own Alegra ids (a refusal is final until something changes);
 * 3. if Alegra already has it (record holds its id) and the bill changed since, `PUT /bills/{id}`;
 *    else look in Alegra for a bill of that supplier, that date and that number — or carrying this bill's
 *    reference — and adopt it; only when there is none, `POST /bills`. A POST whose outcome is unknown (timeout,
 *    lost connection, 5xx) is followed by the same lookup before any new POST, so a retry never makes a second bill;
 * 4. Alegra's id stored at once, then the original XML/PDF attached (`POST /bills/{id}/attachment`).
 * The local registration is never touched.
 */
export async function pushBill(db: Db, client: AlegraClient, row: AlegraBillPushRow, options: PushOptions): Promise<PushOutcome> {
  const sleep = options.sleep ?? ((ms: number) => delay(ms));
  const loaded = await loadBill(db, row.billId);
  if (!loaded) return { status: 'failed', code: 'BILL_NOT_FOUND', message: 'La factura ya no existe en el agente.' };
  const { bill, supplier } = loaded;
  try {
    let providerId = row.remoteProviderId;
    if (!providerId) {
      providerId = await ensureProviderContact(db, client, row.companyId, supplier, options.clock);
      await db.updateTable('alegraBillPush').set({ remoteProviderId: providerId }).where('billId', '=', row.billId).execute();
    }

    let built: { payload: AlegraBillPayload; notes: string[] };
    try {
      built = buildBillPayload(loaded, providerId, row.idempotencyKey, await loadCatalog(db, row.companyId));
    } catch (error) {
      if (!(error instanceof PushRefusal) || error.code === 'NOT_SUPPORTED' || error.code === 'NOTHING_TO_SEND' || !options.refreshCatalog) throw error;
      await options.refreshCatalog();
      built = buildBillPayload(loaded, providerId, row.idempotencyKey, await loadCatalog(db, row.companyId));
    }

    let remote = row.remoteId ?? undefined;
    let how: 'created' | 'found' | 'updated' | 'unchanged' = 'unchanged';
    if (remote) {
      if (row.pushedVersion !== bill.updatedAt) {
        try {
          await client.put(`/bills/${encodeURIComponent(remote)}`, built.payload);
        } catch (error) {
          if (error instanceof AlegraError && error.kind === 'not_found') {
            return { status: 'failed', code: 'REMOTE_DELETED', message: `La factura ${remote} ya no existe en Alegra (¿fue eliminada?); no se volvió a crear. Para enviarla de nuevo use «npx agente alegra push --bill ${row.billId} --recreate».`, remoteId: remote };
          }
          throw error;
        }
        how = 'updated';
      }
    } else {
      remote = await findExistingBill(client, providerId, bill.number, bill.issueDate, row.idempotencyKey);
      if (remote) how = 'found';
      for (let tryNo = 1; !remote; tryNo++) {
        try {
          const created = await client.post('/bills', built.payload);
          remote = remoteId(field(created, 'id'));
          if (!remote) throw new AlegraError('server', 'Alegra respondió sin el id de la factura creada.', { outcomeUnknown: true });
          how = 'created';
        } catch (error) {
          if (!(error instanceof AlegraError && error.details.outcomeUnknown)) throw error;
          await sleep((options.lookupDelayMs ?? 2000) * tryNo);
          remote = await findExistingBill(client, providerId, bill.number, bill.issueDate, row.idempotencyKey);
          if (remote) how = 'found';
          else if (tryNo >= CREATE_TRIES) throw error;
        }
      }
    }
    // Alegra's id is kept before anything else can fail: every later attempt updates, never creates.
    await db.updateTable('alegraBillPush').set({ remoteId: remote, pushedVersion: bill.updatedAt }).where('billId', '=', row.billId).execute();

    const notes = [...built.notes];
    if (how === 'found') notes.push('La factura ya estaba en Alegra (mismo proveedor y número): se enlazó sin crear otra.');
    if (row.attachmentsDone === 0) {
      notes.push(...(await attachOriginals(db, client, remote, bill.documentId)));
      await db.updateTable('alegraBillPush').set({ attachmentsDone: 1 }).where('billId', '=', row.billId).execute();
    }
    return { status: 'pushed', remoteId: remote, how, notes };
  } catch (error) {
    if (error instanceof PushRefusal) return { status: 'failed', code: error.code, message: error.message, ...(row.remoteId ? { remoteId: row.remoteId } : {}) };
    if (error instanceof AlegraError) {
      if (error.retryable || error.connectionProblem) return { status: 'retry', error };
      return { status: 'failed', code: `ALEGRA_${error.kind.toUpperCase()}`, message: error.message, ...(row.remoteId ? { remoteId: row.remoteId } : {}) };
    }
    throw error;
  }
}

/**
 * A bill already in Alegra for this supplier on this date with this number, or carrying this bill's reference in
 * its observations (`GET /bills?client_id=…&date_after=…&date_before=…`, compared here field by field).
 */
export async function findExistingBill(client: AlegraClient, providerId: string, number: string, date: string, idempotencyKey: string): Promise<string | undefined> {
  const reference = agentReference(idempotencyKey);
  let pages = 0;
  for await (const page of client.pages('/bills', { client_id: providerId, date_after: date, date_before: date })) {
    for (const raw of page) {
      const fields = billFields(raw);
      const sameProvider = fields.providerRemoteId === null || fields.providerRemoteId === providerId;
      const sameNumber = fields.number !== null && normalizeNumber(fields.number) === normalizeNumber(number);
      const ours = fields.observations?.includes(reference) ?? false;
      if (ours || (sameProvider && sameNumber && fields.date === date)) return remoteId(field(raw, 'id'));
    }
    if (++pages >= MAX_LOOKUP_PAGES) break;
  }
  return undefined;
}

async function attachOriginals(db: Db, client: AlegraClient, remote: string, documentId: string): Promise<string[]> {
  const notes: string[] = [];
  for (const file of await originalFilesOf(db, documentId)) {
    try {
      await client.post(`/bills/${encodeURIComponent(remote)}/attachment`, { name: file.name, file: Buffer.from(file.bytes).toString('base64') });
    } catch (error) {
      // Transient: the next attempt attaches again (the bill itself is already in Alegra and is not re-sent).
      if (error instanceof AlegraError && (error.retryable || error.connectionProblem)) throw error;
      notes.push(`No se pudo adjuntar ${file.name} en Alegra: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return notes;
}

async function loadBill(db: Db, billId: string) {
  const bill = await db.selectFrom('bill').selectAll().where('id', '=', billId).executeTakeFirst();
  if (!bill) return undefined;
  const [supplier, lines, withholdings, document] = await Promise.all([
    db.selectFrom('supplier').selectAll().where('id', '=', bill.supplierId).executeTakeFirstOrThrow(),
    db.selectFrom('billLine').selectAll().where('billId', '=', billId).orderBy('position').execute(),
    db.selectFrom('billWithholding').select(['kind', 'concept', 'rate', 'amount']).where('billId', '=', billId).execute(),
    db.selectFrom('inboxDocument').select('documentJson').where('id', '=', bill.documentId).executeTakeFirstOrThrow(),
  ]);
  const parsed = fromJson<DianDocument | undefined>(document.documentJson, undefined);
  return { bill, supplier, lines, withholdings, document: { lines: parsed?.lines ?? [], allowanceCharges: parsed?.allowanceCharges ?? [] } };
}

export async function loadCatalog(db: Db, companyId: string): Promise<AlegraCatalog> {
  const [categories, taxes, retentions, items] = await Promise.all([
    db.selectFrom('alegraCategory').select(['remoteId', 'code', 'name', 'postable', 'removedAt']).where('companyId', '=', companyId).execute(),
    db.selectFrom('alegraTax').select(['remoteId', 'name', 'type', 'percentage', 'status', 'removedAt']).where('companyId', '=', companyId).execute(),
    db.selectFrom('alegraRetention').select(['remoteId', 'name', 'type', 'percentage', 'status', 'removedAt']).where('companyId', '=', companyId).execute(),
    db.selectFrom('alegraItem').select('remoteId').where('companyId', '=', companyId).where('removedAt', 'is', null).execute(),
  ]);
  return { categories, taxes, retentions, itemIds: new Set(items.map((i) => i.remoteId)) };
}

function normalizeNumber(value: string): string {
  return value.toUpperCase().replace(/[\s-]/g, '');
}
