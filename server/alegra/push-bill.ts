import { setTimeout as delay } from 'node:timers/promises';
import type { DianDocument } from '#shared/dian-document';
import type { Clock } from '../agent/clock';
import { fromJson, type Db } from '../db/database';
import type { AlegraBillPushRow } from '../db/schema';
import type { AlegraClient } from './alegra-client';
import { AlegraError } from './alegra-error';
import { field, remoteId } from './alegra-values';
import type { FiguresCheck } from './alegra-totals';
import { agentReferences, buildBillPayload, PushRefusal, type AlegraCatalog, type BuiltBill } from './bill-payload';
import { findExistingRecord } from './find-existing';
import { originalFilesOf } from './original-files';
import { ensureProviderContact } from './provider-contact';

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

/** What one attempt found, kept with the bill (`report_json`) and shown by the status API/CLI. */
export interface PushReport {
  /** Alegra's figures next to the entry's, as checked before sending. */
  figures?: FiguresCheck;
  /** Original files that could not be attached in Alegra, with why. */
  attachmentsMissing?: { name: string; reason: string }[];
}

/**
 * One attempt to bring one registered bill into Alegra, exactly once (a supplier's credit note goes the same way as
 * an Alegra debit note, `/debit-notes`, credited to its bill once that bill is in Alegra):
 * 1. the supplier's contact (found by NIT or created, remembered on the record);
 * 2. the bill built with the company's own Alegra ids, and Alegra's figures checked against the entry (a refusal
 *    is final until something changes);
 * 3. if Alegra already has it (record holds its id) and the bill changed since, `PUT /bills/{id}`;
 *    else look in Alegra for a bill of that supplier with that number — or carrying the agent's mark — and adopt
 *    it (`findExistingRecord`: right whether Alegra reads date filters as strict, inclusive or not at all); only
 *    when there is none, `POST /bills`. A POST whose outcome is unknown (timeout, lost connection, 5xx) is followed
 *    by the same lookup before any new POST, so a retry never makes a second bill;
 * 4. Alegra's id stored the moment any answer carries it — a success, or an error that still returns the bill —
 *    then the original XML/PDF attached (`POST /bills/{id}/attachment`).
 * The local registration is never touched.
 */
export async function pushBill(db: Db, client: AlegraClient, row: AlegraBillPushRow, options: PushOptions): Promise<PushOutcome> {
  const sleep = options.sleep ?? ((ms: number) => delay(ms));
  const loaded = await loadBill(db, row.billId);
  if (!loaded) return { status: 'failed', code: 'BILL_NOT_FOUND', message: 'La factura ya no existe en el agente.' };
  const { bill, supplier } = loaded;
  const report: PushReport = fromJson<PushReport>(row.reportJson ?? null, {});
  const keepReport = () => db.updateTable('alegraBillPush').set({ reportJson: JSON.stringify(report) }).where('billId', '=', row.billId).execute();
  let remote = row.remoteId ?? undefined;
  // Alegra's id is written the moment it is known: every later attempt updates, never creates.
  const keepRemote = async (id: string) => {
    remote = id;
    await db.updateTable('alegraBillPush').set({ remoteId: id }).where('billId', '=', row.billId).execute();
  };
  try {
    let providerId = row.remoteProviderId;
    if (!providerId) {
      providerId = await ensureProviderContact(db, client, row.companyId, supplier, options.clock);
      await db.updateTable('alegraBillPush').set({ remoteProviderId: providerId }).where('billId', '=', row.billId).execute();
    }

    // A supplier's credit note is an Alegra debit note («nota débito»), credited to the bill it adjusts.
    const note = bill.kind === 'credit-note';
    const path = note ? '/debit-notes' : '/bills';
    let original: string | undefined;
    if (note && bill.relatedBillId) {
      const related = await db.selectFrom('alegraBillPush').innerJoin('bill', 'bill.id', 'alegraBillPush.billId').select(['alegraBillPush.remoteId', 'bill.number']).where('alegraBillPush.billId', '=', bill.relatedBillId).executeTakeFirst();
      original = related?.remoteId ?? undefined;
      if (!original) {
        const number = related?.number ?? (await db.selectFrom('bill').select('number').where('id', '=', bill.relatedBillId).executeTakeFirst())?.number;
        return { status: 'failed', code: 'ORIGINAL_NOT_IN_ALEGRA', message: `La nota crédito ${bill.number} se envía a Alegra cuando su factura ${number ?? ''} esté allá; se intentará de nuevo en cuanto se envíe.`.replace('  ', ' ') };
      }
    }

    let built: BuiltBill;
    try {
      built = buildBillPayload(loaded, providerId, row.idempotencyKey, await loadCatalog(db, row.companyId), original);
    } catch (error) {
      if (!(error instanceof PushRefusal) || !REFRESHABLE.has(error.code) || !options.refreshCatalog) throw error;
      await options.refreshCatalog();
      built = buildBillPayload(loaded, providerId, row.idempotencyKey, await loadCatalog(db, row.companyId), original);
    }
    report.figures = built.figures;

    let how: 'created' | 'found' | 'updated' | 'unchanged' = 'unchanged';
    if (remote) {
      if (row.pushedVersion !== bill.updatedAt) {
        try {
          await client.put(`${path}/${encodeURIComponent(remote)}`, built.payload);
        } catch (error) {
          if (error instanceof AlegraError && error.kind === 'not_found') {
            return { status: 'failed', code: 'REMOTE_DELETED', message: `La factura ${remote} ya no existe en Alegra (¿fue eliminada?); no se volvió a crear. Para enviarla de nuevo usa «npx agente alegra push --bill ${row.billId} --recreate».`, remoteId: remote };
          }
          throw error;
        }
        how = 'updated';
      }
    } else {
      // Debit notes carry Alegra's own numbering: only the agent's mark identifies ours.
      const lookup = () => findExistingRecord(client, { path, providerId: providerId!, ...(note ? {} : { number: bill.number }), date: bill.issueDate, references: agentReferences(row.idempotencyKey) });
      const existing = await lookup();
      if (existing) {
        await keepRemote(existing);
        how = 'found';
      }
      for (let tryNo = 1; !remote; tryNo++) {
        try {
          const created = await client.post(path, built.payload);
          const id = remoteId(field(created, 'id'));
          if (!id) throw new AlegraError('server', 'Alegra respondió sin el id de la factura creada.', { outcomeUnknown: true });
          await keepRemote(id);
          how = 'created';
        } catch (error) {
          if (!(error instanceof AlegraError)) throw error;
          // An error that still carries the bill (Alegra's 3051: «puede ir error + bill parcial») is the bill.
          const partial = recordIdIn(error.details.body);
          if (partial) {
            await keepRemote(partial);
            how = 'created';
            break;
          }
          if (!error.details.outcomeUnknown) throw error;
          await sleep((options.lookupDelayMs ?? 2000) * tryNo);
          const found = await lookup();
          if (found) {
            await keepRemote(found);
            how = 'found';
          } else if (tryNo >= CREATE_TRIES) throw error;
        }
      }
    }
    await db.updateTable('alegraBillPush').set({ remoteId: remote!, pushedVersion: bill.updatedAt }).where('billId', '=', row.billId).execute();

    const notes = [...built.notes];
    if (how === 'found') notes.push(note ? 'La nota débito ya estaba en Alegra (con la marca del agente): se enlazó sin crear otra.' : 'La factura ya estaba en Alegra (mismo proveedor y número, o con la marca del agente): se enlazó sin crear otra.');
    if (note) notes.push(original ? `Registrada en Alegra como nota débito, aplicada a la factura ${original}.` : 'Registrada en Alegra como nota débito sin factura asociada (la nota no referencia una factura enviada).');
    if (note && row.attachmentsDone === 0) {
      // Alegra documents attachments for bills, not for debit notes: the note's XML stays in the agent.
      notes.push('Alegra no tiene adjuntos documentados para notas débito: el XML de la nota crédito queda en el agente.');
      await db.updateTable('alegraBillPush').set({ attachmentsDone: 1 }).where('billId', '=', row.billId).execute();
    } else if (row.attachmentsDone === 0) {
      const missing = await attachOriginals(db, client, remote!, bill.documentId);
      report.attachmentsMissing = missing;
      for (const m of missing) notes.push(`No se pudo adjuntar ${m.name} en Alegra (${m.reason}); adjúntalo a mano en la factura.`);
      await db.updateTable('alegraBillPush').set({ attachmentsDone: 1 }).where('billId', '=', row.billId).execute();
    }
    await keepReport();
    return { status: 'pushed', remoteId: remote!, how, notes };
  } catch (error) {
    if (error instanceof PushRefusal) {
      if (error.figures) report.figures = error.figures;
      await keepReport();
      return { status: 'failed', code: error.code, message: error.message, ...(remote ? { remoteId: remote } : {}) };
    }
    if (error instanceof AlegraError) {
      if (error.retryable || error.connectionProblem) return { status: 'retry', error, ...(remote ? { remoteId: remote } : {}) };
      return { status: 'failed', code: `ALEGRA_${error.kind.toUpperCase()}`, message: error.message, ...(remote ? { remoteId: remote } : {}) };
    }
    throw error;
  }
}

/** Refusals a fresh copy of the account's chart, taxes and retentions may lift. */
const REFRESHABLE = new Set(['ACCOUNT_NOT_IN_ALEGRA', 'TAX_NOT_IN_ALEGRA', 'RETENTION_NOT_IN_ALEGRA', 'TOTALS_DIFFER']);

/** The id of the record inside an error body (`{code, message, bill|debitNote: {id…}}` or the record itself). */
function recordIdIn(body: unknown): string | undefined {
  const nested = remoteId(field(body, 'bill', 'id')) ?? remoteId(field(body, 'debitNote', 'id')) ?? remoteId(field(body, 'data', 'id'));
  if (nested) return nested;
  // A bare record: an id next to the fields only a bill has.
  return field(body, 'provider') !== undefined && field(body, 'purchases') !== undefined ? remoteId(field(body, 'id')) : undefined;
}

/**
 * Attaches the supplier's original files. Alegra documents the upload as `multipart/form-data` with one file field
 * named `file` (developer.alegra.com/reference/bills-upload_bill_attachment; error 904 «Adjunto / multipart
 * inválido»); public clients also send a JSON body with the file in base64 in `file` (jjuanrivvera/alegra-cli
 * `bills attach`, «JSON body with a base64 'file' field»; the same reference: «en JSON-RPC suele enviarse como
 * base64»). The documented form goes first; if Alegra refuses it as invalid, the JSON form; if both are refused,
 * the file is reported missing — the person is told, the bill stays in Alegra.
 */
async function attachOriginals(db: Db, client: AlegraClient, remote: string, documentId: string): Promise<{ name: string; reason: string }[]> {
  const missing: { name: string; reason: string }[] = [];
  const path = `/bills/${encodeURIComponent(remote)}/attachment`;
  for (const file of await originalFilesOf(db, documentId)) {
    try {
      try {
        const form = new FormData();
        form.append('file', new Blob([new Uint8Array(file.bytes)], { type: mimeOf(file.name) }), file.name);
        await client.postForm(path, form);
      } catch (error) {
        if (!(error instanceof AlegraError && error.kind === 'validation')) throw error;
        await client.post(path, { name: file.name, file: Buffer.from(file.bytes).toString('base64') });
      }
    } catch (error) {
      // Transient: the next attempt attaches again (the bill itself is already in Alegra and is not re-sent).
      if (error instanceof AlegraError && (error.retryable || error.connectionProblem)) throw error;
      missing.push({ name: file.name, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return missing;
}

function mimeOf(name: string): string {
  return /\.pdf$/i.test(name) ? 'application/pdf' : /\.xml$/i.test(name) ? 'application/xml' : 'application/octet-stream';
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
  if (bill.relatedBillId && withholdings.some((w) => !w.rate)) {
    // A note reverses the bill's withholdings in proportion, without a rate of its own: it takes the bill's.
    const originals = await db.selectFrom('billWithholding').select(['kind', 'concept', 'rate']).where('billId', '=', bill.relatedBillId).execute();
    for (const w of withholdings) {
      const original = originals.find((o) => o.kind === w.kind);
      if (!w.rate && original) Object.assign(w, { rate: original.rate, concept: original.concept });
    }
  }
  return { bill, supplier, lines, withholdings, document: { lines: parsed?.lines ?? [], allowanceCharges: parsed?.allowanceCharges ?? [], taxes: parsed?.taxes ?? [], ...(parsed?.totals ? { totals: parsed.totals } : {}) } };
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
