import { randomUUID } from 'node:crypto';
import { mayBeAltered, resultMayBeAltered, type AuthenticityCode, type AuthenticityResult } from '#shared/authenticity';
import { WHAT_TO_DO_WHEN_ALTERED_AFTER_REGISTRATION } from './awaiting-dian-copy';
import type { Classification } from '#shared/classification';
import type { CompanyProfile } from '#shared/company';
import type { DianDocument, DocumentLine } from '#shared/dian-document';
import { fromJson, toJson, type Db } from '../db/database';
import type { BillRow, InboxDocumentRow } from '../db/schema';
import { getCompanyOrThrow } from '../companies/companies';
import { Chart } from '../ledger/chart';
import { prepareBill, type PreparedBill, type PreparedLine, type ReferencedBill } from '../ledger/prepare-bill';
import { RegistrationRefusal } from '../ledger/registration-refusal';
import { postEntry } from '../ledger/post-entry';
import { classifyByRule } from '../matching/default-account-rule';
import type { LearnedLine, LineClassifier } from '../matching/line-classifier';
import type { Clock } from './clock';
import { findOrDraftSupplier, supplierFacts } from './suppliers';
import { checkNoteWithinInvoice } from './note-limits';
import { currentWithholdingRules } from './uvt-values';
import { NO_WITHHOLDING } from '../ledger/withholding-concepts';
import { runsOnPostgres } from '../db/engine';
import { insertRows, preparedQuery } from '../db/prepared-query';
import { foldKey } from '../text/fold';

export interface AgentDeps {
  db: Db;
  clock: Clock;
  classifier: LineClassifier;
  /** Below this confidence a line's bill is registered but flagged "por verificar" (0…1). */
  confidenceThreshold: number;
  /** Called after a bill is committed (e.g. to push it to Alegra). Failures are logged, never undo the books. */
  listeners: BillListener[];
}

export interface BillEvent {
  companyId: string;
  billId: string;
  documentId: string;
}

/** Something that reacts to the books changing, after the transaction committed (the Alegra connector…). */
export interface BillListener {
  billRegistered?(event: BillEvent): Promise<void> | void;
  billCorrected?(event: BillEvent & { lineId: string }): Promise<void> | void;
}

/** Runs listeners without letting one failure stop the others or the caller: the local books already hold. */
export async function notifyListeners(listeners: BillListener[], call: (listener: BillListener) => Promise<void> | void | undefined): Promise<void> {
  for (const listener of listeners) {
    try {
      await call(listener);
    } catch (error) {
      console.error('Un servicio conectado falló al recibir una factura registrada:', error);
    }
  }
}

export type RegisterOutcome =
  | { status: 'registered'; billId: string }
  | { status: 'not_registered'; reasonCode: string; reason: string }
  | { status: 'skipped' }
  | { status: 'failed'; error: string };

const MAX_ATTEMPTS = 3;

// The statements every registration runs, compiled once (server/db/prepared-query.ts).
const documentById = preparedQuery((db, v: { id: string }) => db.selectFrom('inboxDocument').selectAll().where('id', '=', v.id));
const statusUnderLock = preparedQuery((db, v: { id: string }) =>
  db.selectFrom('inboxDocument').select(['status', 'reasonCode', 'authenticity']).where('id', '=', v.id).$if(runsOnPostgres(db), (q) => q.forUpdate()),
);
// Every column named: the stand-ins are read field by field (an object spread of them would be empty).
const insertBill = preparedQuery((db, v: BillRow) =>
  db.insertInto('bill').values({
    id: v.id,
    companyId: v.companyId,
    documentId: v.documentId,
    kind: v.kind,
    number: v.number,
    cufe: v.cufe,
    supplierId: v.supplierId,
    issueDate: v.issueDate,
    dueDate: v.dueDate,
    currency: v.currency,
    exchangeRate: v.exchangeRate,
    subtotal: v.subtotal,
    taxes: v.taxes,
    withholdings: v.withholdings,
    total: v.total,
    payable: v.payable,
    supplierAccount: v.supplierAccount,
    relatedBillId: v.relatedBillId,
    needsReview: v.needsReview,
    reviewNotes: v.reviewNotes,
    infoNotes: v.infoNotes,
    registeredAt: v.registeredAt,
    updatedAt: v.updatedAt,
  }),
);
const markRegistered = preparedQuery((db, v: { id: string; billId: string; now: string }) =>
  db.updateTable('inboxDocument').set({ status: 'registered', reasonCode: null, reason: null, billId: v.billId, updatedAt: v.now }).where('id', '=', v.id),
);
/** Notes that arrived before their invoice: those quoting its CUFE, and those of its supplier quoting it by number only. */
const wakeWaitingNotes = preparedQuery((db, v: { companyId: string; cufe: string; supplierNit: string; now: string }) =>
  db
    .updateTable('inboxDocument')
    .set({ status: 'pending', reasonCode: null, reason: null, updatedAt: v.now })
    .where('companyId', '=', v.companyId)
    .where('status', '=', 'not_registered')
    .where('reasonCode', '=', 'REFERENCED_INVOICE_UNKNOWN')
    .where((eb) => eb.or([eb('referencedCufe', '=', v.cufe), eb.and([eb('referencedCufe', 'is', null), eb('supplierNit', '=', v.supplierNit)])])),
);

/**
 * Registers one pending inbox document as a purchase bill with its journal entry, in one transaction: either the
 * supplier, bill, lines, entry, the document's new status and the history the engine learns from it are all written,
 * or nothing is. Running it twice on the same document never creates a second bill (the status is re-checked inside
 * the transaction and the bill's document id is unique), so a crash or restart loses nothing and duplicates nothing.
 *
 * `manual` lets a person register a document the agent must not register by itself (arrived while paused, or
 * before activation): that is the user's explicit decision, never the agent's.
 */
export async function registerDocument(deps: AgentDeps, documentId: string, options: { manual?: boolean } = {}): Promise<RegisterOutcome> {
  const { db, clock } = deps;
  const [row] = (await documentById(db, { id: documentId })).rows;
  if (!row || !registrable(row, options.manual)) return { status: 'skipped' };
  const document = fromJson<DianDocument | undefined>(row.documentJson, undefined);
  if (!document) return { status: 'skipped' };

  // A person who checked a credit note the agent refused for reversing too much may still register it.
  const overReversalAccepted = options.manual === true && row.status === 'not_registered' && row.reasonCode === 'NOTE_EXCEEDS_INVOICE';
  let preparation: Preparation;
  try {
    preparation = await prepareRegistration(deps, row, document, [], { allowOverReversal: overReversalAccepted });
  } catch (error) {
    if (error instanceof RegistrationRefusal) {
      await markNotRegistered(db, row.id, error.code, error.message, clock, options.manual);
      if (error.code === 'REFERENCED_INVOICE_UNKNOWN' && (await referencedBillExists(db, row.companyId, document, row.id))) {
        // Another process registered the invoice between our look-up and the mark, and its re-check found this
        // note still pending: give it its chance now instead of leaving it waiting for an invoice that is there.
        await db
          .updateTable('inboxDocument')
          .set({ status: 'pending', reasonCode: null, reason: null, updatedAt: clock.now().toISOString() })
          .where('id', '=', row.id)
          .where('status', '=', 'not_registered')
          .where('reasonCode', '=', 'REFERENCED_INVOICE_UNKNOWN')
          .execute();
      }
      return { status: 'not_registered', reasonCode: error.code, reason: error.message };
    }
    return recordFailure(db, row, error, clock);
  }
  const { prepared, company, supplier, referenced } = preparation;

  const billId = randomUUID();
  const now = clock.now().toISOString();
  const reviewNotes = [
    ...authenticityNotes(row),
    ...reviewNotesFor(prepared, document, deps.confidenceThreshold),
    ...(overReversalAccepted ? [`Registrada a mano a pesar de: ${row.reason ?? 'la nota revierte más de lo que queda de la factura'}`] : []),
  ];
  const learned: LearnedLine[] = prepared.lines
    .filter((l) => !l.thirdParty)
    .map((l) => ({
      companyId: company.id,
      supplierNit: document.supplier.nit,
      description: l.line.description,
      ...(l.line.sellerCode ? { sellerCode: l.line.sellerCode } : {}),
      ...(l.line.standardCode ? { standardCode: l.line.standardCode.id } : {}),
      accountCode: l.classification.accountCode,
      ...(l.classification.itemId ? { itemId: l.classification.itemId } : {}),
      // A line a person chose before registration (an override) is a person's decision; otherwise it is the
      // agent's own registration, worth no more than the confidence its suggestion had (issue #13).
      byUser: l.classification.source === 'user',
      // The suggestion's own number, which the engine's reasoning compares, and the reading that first made the guess
      // (its own, or an earlier guess's it repeats): a repeat of it is never reported surer than that reading.
      ...(l.classification.source === 'user' ? {} : { origin: 'registro' as const, confidence: l.classification.evidence?.raw ?? l.classification.confidence, ...firstReadingOf(l.classification.evidence) }),
      at: now,
    }));
  try {
    const registered = await db.transaction().execute(async (trx) => {
      // Re-read under the row's lock on PostgreSQL: a second worker holding the same document (its claim expired while
      // the first was slow) waits here for the first to commit, then sees «registered» and stops. SQLite's
      // `BEGIN IMMEDIATE` already serialises writers.
      const [current] = (await statusUnderLock(trx, { id: row.id })).rows;
      if (!current) throw new Error(`El documento ${row.id} ya no está en la bandeja.`);
      if (!registrable({ ...row, ...current }, options.manual)) return false;
      // A supplier drafted from the document may have been created meanwhile by another process: use whichever exists.
      let supplierId = supplier.row.id;
      if (supplier.isNew) {
        await trx.insertInto('supplier').values(supplier.row).onConflict((oc) => oc.columns(['companyId', 'nit']).doNothing()).execute();
        supplierId = (await trx.selectFrom('supplier').select('id').where('companyId', '=', company.id).where('nit', '=', supplier.row.nit).executeTakeFirstOrThrow()).id;
      }
      await insertBill(trx, {
          id: billId,
          companyId: company.id,
          documentId: row.id,
          kind: document.kind,
          number: document.number,
          cufe: document.cufe,
          supplierId,
          issueDate: document.issueDate,
          dueDate: document.dueDate ?? document.issueDate,
          currency: document.currency,
          exchangeRate: prepared.exchangeRate ?? null,
          subtotal: prepared.subtotal,
          taxes: prepared.taxes,
          withholdings: prepared.withholdings.reduce((a, w) => a + w.amount, 0),
          total: prepared.total,
          payable: prepared.payable,
          supplierAccount: prepared.supplierAccount,
          relatedBillId: referenced?.id ?? null,
          needsReview: reviewNotes.length > 0 ? 1 : 0,
          reviewNotes: toJson(reviewNotes),
          infoNotes: toJson(prepared.infoNotes),
          registeredAt: now,
          updatedAt: now,
        });
      await insertWithholdings(trx, billId, prepared.withholdings);
      await insertRows(
        trx,
        'billLine',
        prepared.lines.map((l) => ({
          id: randomUUID(),
          billId,
          position: l.line.position,
          description: l.line.description,
          quantity: l.line.quantity,
          unitCode: l.line.unitCode ?? null,
          unitPrice: l.line.unitPrice ?? null,
          amount: l.amount,
          sellerCode: l.line.sellerCode ?? null,
          standardCode: l.line.standardCode ? `${l.line.standardCode.scheme}:${l.line.standardCode.id}` : null,
          thirdPartyIncome: l.thirdParty ? 1 : 0,
          correctedBy: null,
          correctedAt: null,
          ...lineBooking(l),
        })),
      );
      await postEntry(trx, { companyId: company.id, billId, date: document.issueDate, description: `${kindName(document.kind)} ${document.number} de ${document.supplier.name}`, entry: prepared.entry, now, isNew: true });
      await markRegistered(trx, { id: row.id, billId, now });
      if (document.kind === 'invoice') {
        // Notes that arrived before their invoice get another chance now that it is registered: those quoting its
        // CUFE, and those of the same supplier that quote the invoice by number only.
        await wakeWaitingNotes(trx, { companyId: company.id, cufe: document.cufe, supplierNit: document.supplier.nit, now });
      }
      // What the agent learned from its own registration, in the same commit: the history the next suggestion reads
      // is never missing a bill that is in the books (nor holds one that is not), whatever moment the process dies.
      const ownLines = learned.filter((l) => !l.byUser);
      if (ownLines.length) await deps.classifier.learn(ownLines, { within: trx });
      return true;
    });
    if (!registered) return { status: 'skipped' };
  } catch (error) {
    return recordFailure(db, row, error, clock);
  }

  // A line a person chose before registration (an override) is a person's decision: learned as before, after the
  // commit, with the engine's own locks (it may move an item).
  const decisions = learned.filter((l) => l.byUser);
  if (decisions.length) await deps.classifier.learn(decisions).catch((error) => console.error(`No se pudo aprender de la factura ${document.number}:`, error));
  await notifyListeners(deps.listeners, (l) => l.billRegistered?.({ companyId: company.id, billId, documentId: row.id }));
  return { status: 'registered', billId };
}

export interface Preparation {
  prepared: PreparedBill;
  company: CompanyProfile;
  supplier: Awaited<ReturnType<typeof findOrDraftSupplier>>;
  referenced?: ReferencedBill & { cufe: string };
}

/**
 * Everything registration decides before writing: the supplier, each line's account (from the suggestion engine,
 * or from the invoice a note adjusts), and the bill with its balanced entry. `overrides` fixes some lines'
 * classification (a person's correction) and is how a corrected bill is re-posted.
 * @throws RegistrationRefusal
 */
export async function prepareRegistration(
  deps: AgentDeps,
  row: InboxDocumentRow,
  document: DianDocument,
  overrides: (Classification | undefined)[] = [],
  options: { conceptOverrides?: (string | undefined)[]; allowOverReversal?: boolean } = {},
): Promise<Preparation> {
  const { db, clock } = deps;
  const company = await getCompanyOrThrow(db, row.companyId);
  const supplier = await findOrDraftSupplier(db, company.id, document.supplier, row.id, clock.now());
  const chart = await Chart.forCompany(db, company.id);
  const referenced = document.kind === 'invoice' ? undefined : await findReferencedBillOrRefuse(db, company.id, document, row.id);
  if (referenced && document.kind === 'credit-note' && !options.allowOverReversal) await checkNoteWithinInvoice(db, referenced, document, row.id);
  const rules = await currentWithholdingRules(db);
  const facts = supplierFacts(supplier.row, document.supplier);
  // Only a natural person's honorarios depend on the year's purchases (11 % above 3.300 UVT): no look-up for the rest.
  const paidThisYear = supplier.isNew || facts.personType !== 'natural' ? 0 : await supplierBaseInYear(db, supplier.row.id, document.issueDate.slice(0, 4), row.id);
  const allOverridden = document.lines.every((_, i) => overrides[i] !== undefined);
  const suggested = allOverridden
    ? (overrides as Classification[])
    : referenced && document.kind !== 'invoice'
      ? await classificationsFromBill(db, referenced, document.lines)
      : await deps.classifier.classify(
          document.lines.map((line) => ({ line, supplier: { id: supplier.row.id, nit: supplier.row.nit, name: supplier.row.name, ciiu: document.supplier.ciiu }, currency: document.currency })),
          { company, chart },
        );
  const classifications = suggested.map((c, i) => ensurePostable(overrides[i] ?? c, document.lines[i]!, company, chart));
  const prepared = prepareBill({
    document,
    company,
    supplier: { ...facts, paidThisYear },
    classifications,
    chart,
    rules,
    ...(options.conceptOverrides ? { conceptOverrides: options.conceptOverrides } : {}),
    ...(referenced ? { referencedBill: referenced } : {}),
  });
  return { prepared, company, supplier, ...(referenced ? { referenced } : {}) };
}

/**
 * What was already bought from a supplier in a year (invoices and debit notes less credit notes, before IVA), for
 * the honorarios rule that moves a natural person from 10 % to 11 % above 3.300 UVT a year.
 */
async function supplierBaseInYear(db: Db, supplierId: string, year: string, documentId: string): Promise<number> {
  // Summed by SQLite over the index on (supplier_id, issue_date): integer centavos, exact.
  const row = await db
    .selectFrom('bill')
    .select((eb) => eb.fn.sum<number | null>(eb.case().when('kind', '=', 'credit-note').then(eb.neg(eb.ref('subtotal'))).else(eb.ref('subtotal')).end()).as('base'))
    .where('supplierId', '=', supplierId)
    .where('issueDate', '>=', `${year}-01-01`)
    .where('issueDate', '<=', `${year}-12-31`)
    .where('documentId', '!=', documentId)
    .executeTakeFirstOrThrow();
  return Number(row.base ?? 0);
}

/** Why a registered bill should be looked at by a person: low-confidence lines, assumptions, document inconsistencies. */
export function reviewNotesFor(prepared: PreparedBill, document: DianDocument, threshold: number): string[] {
  const lowConfidence = prepared.lines.filter((l) => !l.thirdParty && l.classification.confidence < threshold);
  return [
    ...lowConfidence.map((l) => `Línea ${l.line.position} («${l.line.description}»): cuenta ${l.classification.accountCode} con confianza ${Math.round(l.classification.confidence * 100)} %; verifícala.`),
    ...prepared.reviewNotes,
    ...document.warnings.filter((w) => /MISMATCH|CONFLICT/.test(w.code)).map((w) => w.message),
  ];
}

/** The buyer's withholdings of a bill, one row each (a correction deletes and writes them again). */
export async function insertWithholdings(db: Db, billId: string, withholdings: PreparedBill['withholdings']): Promise<void> {
  if (withholdings.length === 0) return;
  await insertRows(
    db,
    'billWithholding',
    withholdings.map((w) => ({ id: randomUUID(), billId, kind: w.kind, concept: w.concept ?? null, accountCode: w.account, base: w.base, rate: w.rate, amount: w.amount, description: w.description })),
  );
}

function registrable(row: Pick<InboxDocumentRow, 'status' | 'reasonCode' | 'authenticity'>, manual?: boolean): boolean {
  // Whatever its status, a document that may have been altered is never booked, by the agent or by hand.
  if (mayBeAltered(row.authenticity ?? undefined)) return false;
  if (row.status === 'pending') return true;
  if (!manual) return false;
  return (
    row.status === 'arrived_while_paused' ||
    (row.status === 'not_registered' && ['AGENT_INACTIVE', 'REFERENCED_INVOICE_UNKNOWN', 'REGISTRATION_FAILED', 'NOTE_EXCEEDS_INVOICE', 'AUTHENTICITY_UNCONFIRMED', 'ARRIVAL_ORDER_UNKNOWN', 'AWAITING_DIAN_COPY'].includes(row.reasonCode ?? ''))
  );
}

/**
 * A bill whose document is not `verified` (registered by itself with an unknown supplier authority or a trusted
 * supplier's bare document, or registered by hand) is "por verificar", saying why; unless DIAN's stored copy
 * confirmed it (server/agent/dian-copy-check.ts). Any bill whose document DIAN's copy refuted after it was
 * registered is "por verificar" too, saying what to do.
 */
export function authenticityNotes(row: Pick<InboxDocumentRow, 'authenticity' | 'authenticityJson'>): string[] {
  if (!row.authenticity) return [];
  const facts = fromJson<Partial<AuthenticityResult>>(row.authenticityJson, {});
  // Registered, then refuted by DIAN's copy (dian-copy-check.ts): the first thing a person must read about this bill.
  if (resultMayBeAltered({ code: row.authenticity as AuthenticityCode, ...(facts.dianCopy ? { dianCopy: facts.dianCopy } : {}) })) {
    return [`Autenticidad: ${facts.reason ?? 'puede haber sido alterada'} ${WHAT_TO_DO_WHEN_ALTERED_AFTER_REGISTRATION}`];
  }
  if (row.authenticity === 'verified') return [];
  // DIAN's own stored copy is the document itself: nothing is left for a person to verify.
  if (facts.confirmedByDian) return [];
  return [`Autenticidad: ${facts.reason ?? row.authenticity}`];
}

async function findReferencedBillOrRefuse(db: Db, companyId: string, document: DianDocument, documentId: string): Promise<ReferencedBill & { cufe: string }> {
  const refs = document.billingReferences.filter((r) => r.uuid || r.number);
  if (refs.length === 0) {
    throw new RegistrationRefusal('NOTE_WITHOUT_REFERENCE', `La ${kindName(document.kind).toLowerCase()} ${document.number} no dice a qué factura corresponde; regístrala a mano.`);
  }
  for (const ref of refs) {
    let query = db.selectFrom('bill').innerJoin('supplier', 'supplier.id', 'bill.supplierId').selectAll('bill').where('bill.companyId', '=', companyId).where('bill.kind', '=', 'invoice');
    // Always the same supplier: a CUFE quoted by someone else's note does not make that invoice theirs.
    query = query.where('supplier.nit', '=', document.supplier.nit);
    query = ref.uuid ? query.where('bill.cufe', '=', ref.uuid) : query.where('bill.number', '=', ref.number!);
    const bill = await query.executeTakeFirst();
    if (!bill) continue;
    const withholdings = (await db.selectFrom('billWithholding').select(['kind', 'accountCode', 'amount']).where('billId', '=', bill.id).execute()).map((w) => ({
      account: w.accountCode,
      amount: w.amount,
      kind: w.kind as 'retefuente' | 'reteiva' | 'reteica',
    }));
    // Credit notes already registered against this bill (not this very note, when it is being re-posted).
    const credits = await db.selectFrom('bill').select(['id', 'subtotal']).where('relatedBillId', '=', bill.id).where('kind', '=', 'credit-note').where('documentId', '!=', documentId).execute();
    const reversed = credits.length
      ? await db.selectFrom('billWithholding').select(['accountCode', 'amount']).where('billId', 'in', credits.map((c) => c.id)).execute()
      : [];
    return {
      id: bill.id,
      cufe: bill.cufe,
      number: bill.number,
      subtotal: bill.subtotal,
      withholdings,
      remaining: {
        subtotal: Math.max(0, bill.subtotal - credits.reduce((a, c) => a + c.subtotal, 0)),
        withholdings: withholdings.map((w) => ({ ...w, amount: Math.max(0, w.amount - reversed.filter((r) => r.accountCode === w.account).reduce((a, r) => a + r.amount, 0)) })),
      },
      supplierAccount: bill.supplierAccount,
    };
  }
  const first = refs[0]!;
  throw new RegistrationRefusal(
    'REFERENCED_INVOICE_UNKNOWN',
    `La ${kindName(document.kind).toLowerCase()} ${document.number} corresponde a la factura ${first.number ?? ''}${first.uuid ? ` (CUFE ${first.uuid.slice(0, 12)}…)` : ''}, que no está registrada. Se registrará sola cuando llegue esa factura.`,
  );
}

async function referencedBillExists(db: Db, companyId: string, document: DianDocument, documentId: string): Promise<boolean> {
  try {
    await findReferencedBillOrRefuse(db, companyId, document, documentId);
    return true;
  } catch (error) {
    if (error instanceof RegistrationRefusal) return false;
    throw error;
  }
}

/** Note lines go to the account of the matching line of the bill they adjust (same seller code or description). */
async function classificationsFromBill(db: Db, bill: ReferencedBill, lines: DocumentLine[]): Promise<Classification[]> {
  const billLines = await db.selectFrom('billLine').select(['accountCode', 'description', 'sellerCode', 'amount', 'itemId', 'itemName']).where('billId', '=', bill.id).where('thirdPartyIncome', '=', 0).execute();
  const largest = billLines.reduce((best, l) => (!best || l.amount > best.amount ? l : best), billLines[0]);
  return lines.map((line) => {
    const match =
      (line.sellerCode && billLines.find((b) => b.sellerCode === line.sellerCode)) ||
      billLines.find((b) => foldKey(b.description) === foldKey(line.description));
    const chosen = match ?? largest;
    return {
      accountCode: chosen?.accountCode ?? '519595',
      ...(chosen?.itemId ? { itemId: chosen.itemId } : {}),
      ...(chosen?.itemName ? { itemName: chosen.itemName } : {}),
      source: 'rule' as const,
      confidence: match ? 0.95 : 0.7,
      explanation: match ? `Misma cuenta de la línea «${match.description}» de la factura ${bill.number}` : `Cuenta principal de la factura ${bill.number}`,
    };
  });
}

/** Never post to an account that does not accept movements: fall back to the default rule, and say so. */
function ensurePostable(classification: Classification, line: DocumentLine, company: CompanyProfile, chart: Chart): Classification {
  if (chart.isPostable(classification.accountCode)) return classification;
  const fallback = classifyByRule({ line, supplier: { nit: '', name: '', ciiu: [] }, currency: 'COP' }, { company, chart });
  return { ...fallback, explanation: `La cuenta sugerida ${classification.accountCode} no acepta movimientos; ${fallback.explanation}` };
}

async function markNotRegistered(db: Db, id: string, reasonCode: string, reason: string, clock: Clock, manual?: boolean): Promise<void> {
  await db
    .updateTable('inboxDocument')
    .set({ status: 'not_registered', reasonCode, reason, updatedAt: clock.now().toISOString() })
    .where('id', '=', id)
    .where('status', 'in', manual ? ['pending', 'arrived_while_paused', 'not_registered'] : ['pending'])
    .execute();
}

async function recordFailure(db: Db, row: InboxDocumentRow, error: unknown, clock: Clock): Promise<RegisterOutcome> {
  const message = error instanceof Error ? error.message : String(error);
  const attempts = row.attempts + 1;
  const giveUp = attempts >= MAX_ATTEMPTS;
  await db
    .updateTable('inboxDocument')
    .set({
      attempts,
      updatedAt: clock.now().toISOString(),
      ...(giveUp ? { status: 'not_registered', reasonCode: 'REGISTRATION_FAILED', reason: `No se pudo registrar después de ${attempts} intentos: ${message}` } : {}),
    })
    .where('id', '=', row.id)
    .where('status', '=', 'pending')
    .execute();
  console.error(`Error registrando el documento ${row.number ?? row.id}:`, error);
  return { status: 'failed', error: message };
}

function kindName(kind: string): string {
  return kind === 'credit-note' ? 'Nota crédito' : kind === 'debit-note' ? 'Nota débito' : 'Factura';
}

/**
 * How a prepared line is booked (account or item, why, the taxes it carries, its withholding concept): the bill-line
 * columns written when a bill is registered and rewritten when it is recomputed (server/agent/bills.ts).
 */
export function lineBooking(l: PreparedLine) {
  return {
    accountCode: l.classification.accountCode,
    itemId: l.classification.itemId ?? null,
    itemName: l.classification.itemName ?? null,
    source: l.classification.source,
    confidence: l.classification.confidence,
    explanation: l.classification.explanation,
    capitalizedTaxes: l.capitalizedTaxes + l.charges,
    iva: l.deductibleIva,
    withholdingConcept: l.thirdParty ? null : (l.concept ?? NO_WITHHOLDING),
    conceptExplanation: l.thirdParty ? null : l.conceptExplanation,
    conceptSource: l.thirdParty ? null : l.conceptSource,
  };
}

/** The reading that first made a registered guess: a repeat's original, else the suggestion's own evidence. */
function firstReadingOf(evidence: Classification['evidence']): { first?: { kind: string; raw: number } } {
  if (!evidence) return {};
  return { first: evidence.first ?? { kind: evidence.kind, raw: evidence.raw } };
}
