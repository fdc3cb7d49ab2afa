import { randomUUID } from 'node:crypto';
import type { Bill, BillLine } from '#shared/bill';
import type { Page } from '#shared/inbox';
import type { Classification, ClassificationSource } from '#shared/classification';
import type { DianDocument } from '#shared/dian-document';
import { fromJson, toJson, type Db } from '../db/database';
import type { BillLineRow, BillRow } from '../db/schema';
import { InputError, NotFoundError } from '../errors';
import { Chart } from '../ledger/chart';
import { postEntry } from '../ledger/post-entry';
import { RegistrationRefusal } from '../ledger/registration-refusal';
import { CONCEPT_NAMES, isWithholdingConcept, NO_WITHHOLDING, WITHHOLDING_CONCEPTS } from '../ledger/withholding-concepts';
import { actorId, actorName, type ActorLike } from '../users/actor';
import { authenticitySummary } from './inbox-documents';
import { billRadianState } from '../radian/bill-state';
import { pageOf, type PageRequest } from './pagination';
import { authenticityNotes, insertWithholdings, lineBooking, notifyListeners, prepareRegistration, reviewNotesFor, type AgentDeps } from './register-document';

export interface BillQuery {
  needsReview?: boolean;
  /** Registered at or after / before (ISO instants). */
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

/** Registered bills, "por verificar" first (the panel lists those first), then newest. */
export async function listBills(db: Db, companyId: string, query: BillQuery = {}, now: Date = new Date()): Promise<Bill[]> {
  let q = db.selectFrom('bill').selectAll().where('companyId', '=', companyId);
  if (query.needsReview !== undefined) q = q.where('needsReview', '=', query.needsReview ? 1 : 0);
  if (query.from) q = q.where('registeredAt', '>=', query.from);
  if (query.to) q = q.where('registeredAt', '<', query.to);
  const rows = await q.orderBy('needsReview', 'desc').orderBy('registeredAt', 'desc').limit(Math.min(query.limit ?? 50, 500)).offset(query.offset ?? 0).execute();
  return Promise.all(rows.map((row) => toBill(db, row, now)));
}

/** One page of registered bills, in the same order as `listBills`, with the total that matches the filter. */
/** `now` (the agent's clock) decides where each invoice's RADIAN acceptance term stands. */
export async function pageBills(db: Db, companyId: string, query: Omit<BillQuery, 'limit' | 'offset'>, page: PageRequest, now: Date = new Date()): Promise<Page<Bill>> {
  let q = db.selectFrom('bill').where('companyId', '=', companyId);
  if (query.needsReview !== undefined) q = q.where('needsReview', '=', query.needsReview ? 1 : 0);
  if (query.from) q = q.where('registeredAt', '>=', query.from);
  if (query.to) q = q.where('registeredAt', '<', query.to);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.selectAll().orderBy('needsReview', 'desc').orderBy('registeredAt', 'desc').orderBy('id').limit(page.limit).offset(page.offset).execute();
  return pageOf(await Promise.all(rows.map((row) => toBill(db, row, now))), Number(total.n), page);
}

export async function getBillOrThrow(db: Db, companyId: string, id: string, now: Date = new Date()): Promise<Bill> {
  const row = await db.selectFrom('bill').selectAll().where('companyId', '=', companyId).where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError(`No existe la factura registrada ${id}.`);
  return toBill(db, row, now);
}

export interface LineCorrection {
  /** The line's account (a person verifying keeps it); omitted when only the withholding concept changes. */
  accountCode?: string;
  itemId?: string;
  itemName?: string;
  /** A retención concept (`vehiculos`, `software_servicios`…) or `ninguno`: a person's choice overrides the agent's. */
  withholdingConcept?: string;
}

/**
 * A person verifies or changes the account of one line, or its withholding concept. The bill is re-posted from its
 * document with every line keeping its current account (and any concept a person chose before) except this one, so
 * withholdings and the supplier account follow; the change is kept in an audit trail and an account is taught to the
 * suggestion engine.
 */
export async function correctBillLine(deps: AgentDeps, companyId: string, billId: string, lineId: string, correction: LineCorrection, actor: ActorLike): Promise<Bill> {
  const { db } = deps;
  const who = actorName(actor);
  const whoId = actorId(actor);
  const bill = await db.selectFrom('bill').selectAll().where('companyId', '=', companyId).where('id', '=', billId).executeTakeFirst();
  if (!bill) throw new NotFoundError(`No existe la factura registrada ${billId}.`);
  const lines = await db.selectFrom('billLine').selectAll().where('billId', '=', billId).orderBy('position').execute();
  const target = lines.find((l) => l.id === lineId);
  if (!target) throw new NotFoundError(`La factura ${bill.number} no tiene la línea ${lineId}.`);
  if (correction.accountCode === undefined && correction.withholdingConcept === undefined) throw new InputError('Indica la cuenta o el concepto de retención de la línea.');
  if (correction.withholdingConcept !== undefined && correction.withholdingConcept !== NO_WITHHOLDING && !isWithholdingConcept(correction.withholdingConcept)) {
    throw new InputError(`El concepto de retención «${correction.withholdingConcept}» no existe. Usa uno de: ${[...WITHHOLDING_CONCEPTS, NO_WITHHOLDING].join(', ')}.`);
  }
  if (correction.withholdingConcept !== undefined && target.thirdPartyIncome === 1) throw new InputError('Un ingreso recibido para terceros no es compra propia: no lleva retención.');
  const accountCode = correction.accountCode ?? target.accountCode;
  const chart = await Chart.forCompany(db, companyId);
  if (!chart.isPostable(accountCode)) {
    throw new InputError(`La cuenta ${accountCode} ${chart.get(accountCode) ? 'no acepta movimientos (es una cuenta mayor)' : 'no existe en el plan de cuentas'}.`);
  }
  const classification: Classification | undefined =
    correction.accountCode === undefined
      ? undefined
      : {
          accountCode,
          ...(correction.itemId ? { itemId: correction.itemId } : {}),
          ...(correction.itemName ? { itemName: correction.itemName } : {}),
          source: 'user',
          confidence: 1,
          explanation: accountCode === target.accountCode ? `Verificada por ${who}` : `Corregida por ${who} (antes ${target.accountCode})`,
        };
  const now = deps.clock.now().toISOString();
  await repostBill(deps, companyId, billId, {
    ...(classification ? { classification: { lineId, value: classification } } : {}),
    ...(correction.withholdingConcept !== undefined ? { concept: { lineId, value: correction.withholdingConcept } } : {}),
    audit: async (trx) => {
      if (classification) {
        await trx
          .insertInto('lineCorrection')
          .values({ id: randomUUID(), companyId, billLineId: lineId, oldAccountCode: target.accountCode, newAccountCode: accountCode, oldItemId: target.itemId, newItemId: correction.itemId ?? null, actor: who, actorId: whoId, at: now })
          .execute();
        await trx.updateTable('billLine').set({ correctedBy: who, correctedAt: now }).where('id', '=', lineId).execute();
      }
      if (correction.withholdingConcept !== undefined) {
        await trx
          .insertInto('rulesEvent')
          .values({ id: randomUUID(), companyId, type: 'line_concept', details: JSON.stringify({ billId, lineId, before: target.withholdingConcept, after: correction.withholdingConcept }), actor: who, actorId: whoId, at: now })
          .execute();
      }
    },
  });

  if (classification) {
    const document = await db.selectFrom('inboxDocument').select('documentJson').where('id', '=', bill.documentId).executeTakeFirstOrThrow();
    await deps.classifier
      .learn([
        {
          companyId,
          supplierNit: fromJson<DianDocument>(document.documentJson, undefined as never).supplier.nit,
          description: target.description,
          ...(target.sellerCode ? { sellerCode: target.sellerCode } : {}),
          ...(target.standardCode ? { standardCode: target.standardCode.replace(/^[^:]*:/, '') } : {}),
          accountCode,
          ...(correction.itemId ? { itemId: correction.itemId } : {}),
          byUser: true,
          // Keeping the agent's account is a verification: a person's decision all the same (issue #13).
          origin: accountCode === target.accountCode ? 'verificacion' : 'correccion',
          at: now,
        },
      ])
      .catch((error) => console.error('No se pudo aprender de la corrección:', error));
  }
  await notifyListeners(deps.listeners, (l) => l.billCorrected?.({ companyId, billId, documentId: bill.documentId, lineId }));
  return getBillOrThrow(db, companyId, billId, deps.clock.now());
}

/**
 * Re-computes a registered bill from its document with today's rules (the UVT entered since, a person's account or
 * concept for one line), keeping every other line's account and every concept a person chose, and re-posts its
 * entry in one transaction. Returns whether anything in the books changed.
 */
export async function repostBill(
  deps: AgentDeps,
  companyId: string,
  billId: string,
  change: { classification?: { lineId: string; value: Classification }; concept?: { lineId: string; value: string }; audit?: (trx: Db) => Promise<void> } = {},
): Promise<{ changed: boolean; withholdingsBefore: number; withholdingsAfter: number }> {
  const { db, clock } = deps;
  const bill = await db.selectFrom('bill').selectAll().where('companyId', '=', companyId).where('id', '=', billId).executeTakeFirstOrThrow();
  const lines = await db.selectFrom('billLine').selectAll().where('billId', '=', billId).orderBy('position').execute();
  const row = await db.selectFrom('inboxDocument').selectAll().where('id', '=', bill.documentId).executeTakeFirstOrThrow();
  const document = fromJson<DianDocument>(row.documentJson, undefined as never);
  const now = clock.now().toISOString();
  const current = (position: number) => lines.find((l) => l.position === position)!;
  const overrides: Classification[] = document.lines.map((line) => {
    const l = current(line.position);
    return change.classification?.lineId === l.id ? change.classification.value : fromRow(l);
  });
  const conceptOverrides = document.lines.map((line) => {
    const l = current(line.position);
    if (change.concept?.lineId === l.id) return change.concept.value;
    return l.conceptSource === 'user' ? (l.withholdingConcept ?? undefined) : undefined;
  });
  let preparation;
  try {
    preparation = await prepareRegistration(deps, row, document, overrides, { conceptOverrides, allowOverReversal: true });
  } catch (error) {
    if (error instanceof RegistrationRefusal) throw new InputError(error.message);
    throw error;
  }
  const { prepared } = preparation;
  // Notes a person accepted at registration (a credit note registered by hand) stay with the bill.
  const kept = fromJson<string[]>(bill.reviewNotes, []).filter((n) => n.startsWith('Registrada a mano'));
  const reviewNotes = [...authenticityNotes(row), ...reviewNotesFor(prepared, document, deps.confidenceThreshold), ...kept];
  const withholdingsAfter = prepared.withholdings.reduce((a, w) => a + w.amount, 0);

  await db.transaction().execute(async (trx) => {
    for (const line of prepared.lines) {
      const l = current(line.line.position);
      await trx
        .updateTable('billLine')
        .set(lineBooking(line))
        .where('id', '=', l.id)
        .execute();
    }
    await trx.deleteFrom('billWithholding').where('billId', '=', billId).execute();
    await insertWithholdings(trx, billId, prepared.withholdings);
    await trx
      .updateTable('bill')
      .set({
        withholdings: withholdingsAfter,
        payable: prepared.payable,
        supplierAccount: prepared.supplierAccount,
        needsReview: reviewNotes.length > 0 ? 1 : 0,
        reviewNotes: toJson(reviewNotes),
        infoNotes: toJson(prepared.infoNotes),
        updatedAt: now,
      })
      .where('id', '=', billId)
      .execute();
    const entry = await trx.selectFrom('journalEntry').select('description').where('billId', '=', billId).executeTakeFirstOrThrow();
    await postEntry(trx, { companyId, billId, date: bill.issueDate, description: entry.description, entry: prepared.entry, now });
    await change.audit?.(trx);
  });
  return { changed: withholdingsAfter !== bill.withholdings || prepared.payable !== bill.payable, withholdingsBefore: bill.withholdings, withholdingsAfter };
}

function conceptName(concept: string): string {
  return isWithholdingConcept(concept) ? CONCEPT_NAMES[concept] : 'sin retención';
}

function fromRow(line: BillLineRow): Classification {
  return {
    accountCode: line.accountCode,
    ...(line.itemId ? { itemId: line.itemId } : {}),
    ...(line.itemName ? { itemName: line.itemName } : {}),
    source: line.source as ClassificationSource,
    confidence: line.confidence,
    explanation: line.explanation,
  };
}

async function toBill(db: Db, row: BillRow, now: Date): Promise<Bill> {
  const [supplier, lines, journal] = await Promise.all([
    db.selectFrom('supplier').select(['id', 'nit', 'dv', 'name']).where('id', '=', row.supplierId).executeTakeFirstOrThrow(),
    db.selectFrom('billLine').selectAll().where('billId', '=', row.id).orderBy('position').execute(),
    db
      .selectFrom('journalLine')
      .innerJoin('journalEntry', 'journalEntry.id', 'journalLine.entryId')
      .select(['journalLine.accountCode', 'journalLine.description', 'journalLine.debit', 'journalLine.credit'])
      .where('journalEntry.billId', '=', row.id)
      .orderBy('journalLine.position')
      .execute(),
  ]);
  const chart = await Chart.forCompany(db, row.companyId);
  const document = await db.selectFrom('inboxDocument').select(['authenticity', 'authenticityJson']).where('id', '=', row.documentId).executeTakeFirst();
  const radian = row.kind === 'invoice' ? await billRadianState(db, row, now) : undefined;
  return {
    id: row.id,
    documentId: row.documentId,
    kind: row.kind as Bill['kind'],
    number: row.number,
    cufe: row.cufe,
    supplier: { id: supplier.id, nit: supplier.nit, ...(supplier.dv ? { dv: supplier.dv } : {}), name: supplier.name },
    issueDate: row.issueDate,
    dueDate: row.dueDate,
    currency: row.currency,
    ...(row.exchangeRate ? { exchangeRate: row.exchangeRate } : {}),
    subtotal: row.subtotal,
    taxes: row.taxes,
    withholdings: row.withholdings,
    total: row.total,
    payable: row.payable,
    ...(row.relatedBillId ? { relatedBillId: row.relatedBillId } : {}),
    needsReview: row.needsReview === 1,
    reviewNotes: fromJson<string[]>(row.reviewNotes, []),
    ...(document?.authenticity ? { authenticity: authenticitySummary(document) } : {}),
    registeredAt: row.registeredAt,
    ...(radian ? { radian } : {}),
    lines: lines.map((l): BillLine => ({
      id: l.id,
      position: l.position,
      description: l.description,
      quantity: l.quantity,
      ...(l.unitCode ? { unitCode: l.unitCode } : {}),
      ...(l.unitPrice ? { unitPrice: l.unitPrice } : {}),
      amount: l.amount,
      capitalizedTaxes: l.capitalizedTaxes,
      accountCode: l.accountCode,
      ...(chart.name(l.accountCode) ? { accountName: chart.name(l.accountCode)! } : {}),
      ...(l.itemId ? { itemId: l.itemId } : {}),
      ...(l.itemName ? { itemName: l.itemName } : {}),
      source: l.source as ClassificationSource,
      confidence: l.confidence,
      explanation: l.explanation,
      ...(l.sellerCode ? { sellerCode: l.sellerCode } : {}),
      ...(l.standardCode ? { standardCode: l.standardCode } : {}),
      thirdPartyIncome: l.thirdPartyIncome === 1,
      ...(l.correctedBy ? { correctedBy: l.correctedBy } : {}),
      ...(l.correctedAt ? { correctedAt: l.correctedAt } : {}),
      ...(l.withholdingConcept ? { withholdingConcept: l.withholdingConcept, withholdingConceptName: conceptName(l.withholdingConcept) } : {}),
      ...(l.conceptExplanation ? { conceptExplanation: l.conceptExplanation } : {}),
      ...(l.conceptSource ? { conceptSource: l.conceptSource as 'agent' | 'user' } : {}),
    })),
    journal: journal.map((j) => ({ accountCode: j.accountCode, ...(chart.name(j.accountCode) ? { accountName: chart.name(j.accountCode)! } : {}), description: j.description, debit: j.debit, credit: j.credit })),
  };
}
