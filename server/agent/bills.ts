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
import { pageOf, type PageRequest } from './pagination';
import { insertWithholdings, notifyListeners, prepareRegistration, reviewNotesFor, type AgentDeps } from './register-document';

export interface BillQuery {
  needsReview?: boolean;
  /** Registered at or after / before (ISO instants). */
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

/** Registered bills, "por verificar" first (the panel lists those first), then newest. */
export async function listBills(db: Db, companyId: string, query: BillQuery = {}): Promise<Bill[]> {
  let q = db.selectFrom('bill').selectAll().where('companyId', '=', companyId);
  if (query.needsReview !== undefined) q = q.where('needsReview', '=', query.needsReview ? 1 : 0);
  if (query.from) q = q.where('registeredAt', '>=', query.from);
  if (query.to) q = q.where('registeredAt', '<', query.to);
  const rows = await q.orderBy('needsReview', 'desc').orderBy('registeredAt', 'desc').limit(Math.min(query.limit ?? 50, 500)).offset(query.offset ?? 0).execute();
  return Promise.all(rows.map((row) => toBill(db, row)));
}

/** One page of registered bills, in the same order as `listBills`, with the total that matches the filter. */
export async function pageBills(db: Db, companyId: string, query: Omit<BillQuery, 'limit' | 'offset'>, page: PageRequest): Promise<Page<Bill>> {
  let q = db.selectFrom('bill').where('companyId', '=', companyId);
  if (query.needsReview !== undefined) q = q.where('needsReview', '=', query.needsReview ? 1 : 0);
  if (query.from) q = q.where('registeredAt', '>=', query.from);
  if (query.to) q = q.where('registeredAt', '<', query.to);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.selectAll().orderBy('needsReview', 'desc').orderBy('registeredAt', 'desc').orderBy('id').limit(page.limit).offset(page.offset).execute();
  return pageOf(await Promise.all(rows.map((row) => toBill(db, row))), Number(total.n), page);
}

export async function getBillOrThrow(db: Db, companyId: string, id: string): Promise<Bill> {
  const row = await db.selectFrom('bill').selectAll().where('companyId', '=', companyId).where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError(`No existe la factura registrada ${id}.`);
  return toBill(db, row);
}

export interface LineCorrection {
  accountCode: string;
  itemId?: string;
  itemName?: string;
}

/**
 * A person verifies or changes the account of one line. The bill is re-posted from its document with every line
 * keeping its current account except this one (now the user's, confidence 1), so withholdings and the supplier
 * account follow the new account; the correction is kept in an audit trail and taught to the suggestion engine.
 */
export async function correctBillLine(deps: AgentDeps, companyId: string, billId: string, lineId: string, correction: LineCorrection, actor: string): Promise<Bill> {
  const { db, clock } = deps;
  const bill = await db.selectFrom('bill').selectAll().where('companyId', '=', companyId).where('id', '=', billId).executeTakeFirst();
  if (!bill) throw new NotFoundError(`No existe la factura registrada ${billId}.`);
  const lines = await db.selectFrom('billLine').selectAll().where('billId', '=', billId).orderBy('position').execute();
  const target = lines.find((l) => l.id === lineId);
  if (!target) throw new NotFoundError(`La factura ${bill.number} no tiene la línea ${lineId}.`);
  const chart = await Chart.forCompany(db, companyId);
  if (!chart.isPostable(correction.accountCode)) {
    throw new InputError(`La cuenta ${correction.accountCode} ${chart.get(correction.accountCode) ? 'no acepta movimientos (es una cuenta mayor)' : 'no existe en el plan de cuentas'}.`);
  }
  const row = await db.selectFrom('inboxDocument').selectAll().where('id', '=', bill.documentId).executeTakeFirstOrThrow();
  const document = fromJson<DianDocument>(row.documentJson, undefined as never);
  const now = clock.now().toISOString();

  const overrides: Classification[] = document.lines.map((line) => {
    const current = lines.find((l) => l.position === line.position)!;
    if (current.id === lineId) {
      return {
        accountCode: correction.accountCode,
        ...(correction.itemId ? { itemId: correction.itemId } : {}),
        ...(correction.itemName ? { itemName: correction.itemName } : {}),
        source: 'user',
        confidence: 1,
        explanation: correction.accountCode === current.accountCode ? `Verificada por ${actor}` : `Corregida por ${actor} (antes ${current.accountCode})`,
      };
    }
    return fromRow(current);
  });
  let preparation;
  try {
    preparation = await prepareRegistration(deps, row, document, overrides);
  } catch (error) {
    if (error instanceof RegistrationRefusal) throw new InputError(error.message);
    throw error;
  }
  const { prepared } = preparation;
  const reviewNotes = reviewNotesFor(prepared, document, deps.confidenceThreshold);

  await db.transaction().execute(async (trx) => {
    for (const line of prepared.lines) {
      const current = lines.find((l) => l.position === line.line.position)!;
      await trx
        .updateTable('billLine')
        .set({
          accountCode: line.classification.accountCode,
          itemId: line.classification.itemId ?? null,
          itemName: line.classification.itemName ?? null,
          source: line.classification.source,
          confidence: line.classification.confidence,
          explanation: line.classification.explanation,
          capitalizedTaxes: line.capitalizedTaxes + line.charges,
          iva: line.deductibleIva,
          ...(current.id === lineId ? { correctedBy: actor, correctedAt: now } : {}),
        })
        .where('id', '=', current.id)
        .execute();
    }
    await trx.deleteFrom('billWithholding').where('billId', '=', billId).execute();
    await insertWithholdings(trx, billId, prepared.withholdings);
    await trx
      .updateTable('bill')
      .set({
        withholdings: prepared.withholdings.reduce((a, w) => a + w.amount, 0),
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
    await trx
      .insertInto('lineCorrection')
      .values({ id: randomUUID(), companyId, billLineId: lineId, oldAccountCode: target.accountCode, newAccountCode: correction.accountCode, oldItemId: target.itemId, newItemId: correction.itemId ?? null, actor, at: now })
      .execute();
  });

  await deps.classifier
    .learn([
      {
        companyId,
        supplierNit: document.supplier.nit,
        description: target.description,
        ...(target.sellerCode ? { sellerCode: target.sellerCode } : {}),
        ...(target.standardCode ? { standardCode: target.standardCode.replace(/^[^:]*:/, '') } : {}),
        accountCode: correction.accountCode,
        ...(correction.itemId ? { itemId: correction.itemId } : {}),
        byUser: true,
        at: now,
      },
    ])
    .catch((error) => console.error('No se pudo aprender de la corrección:', error));
  await notifyListeners(deps.listeners, (l) => l.billCorrected?.({ companyId, billId, documentId: bill.documentId, lineId }));
  return getBillOrThrow(db, companyId, billId);
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

async function toBill(db: Db, row: BillRow): Promise<Bill> {
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
    registeredAt: row.registeredAt,
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
    })),
    journal: journal.map((j) => ({ accountCode: j.accountCode, ...(chart.name(j.accountCode) ? { accountName: chart.name(j.accountCode)! } : {}), description: j.description, debit: j.debit, credit: j.credit })),
  };
}
