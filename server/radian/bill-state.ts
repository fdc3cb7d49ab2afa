import { sql } from 'kysely';
import { bogotaDate } from '#shared/bogota-time';
import type { Page } from '#shared/inbox';
import {
  CLAIM_REASONS,
  RADIAN_EVENT_NAMES,
  type BillRadianState,
  type ClaimCode,
  type MissingConfirmation,
  type RadianCode,
  type RadianEventStatus,
  type RadianEventView,
  type RequiredEventState,
  type SupplierNoticeStatus,
} from '#shared/radian';
import { pageOf, type PageRequest } from '../agent/pagination';
import { fromJson, type Db } from '../db/database';
import { jsonArrayHas, jsonText } from '../db/engine';
import type { RadianEventRow } from '../db/schema';
import { creditTerms, type CreditTerms } from './credit-terms';
import { acceptanceOf, allowedCodes, tacitDeadline, type RuleInput } from './event-rules';
import type { DianAnswer } from './ports';

/** What a bill's RADIAN state is computed from. */
export interface BillFacts {
  id: string;
  companyId: string;
  documentId: string;
  kind: string;
  cufe: string;
  issueDate: string;
  dueDate: string;
}

export function eventView(row: RadianEventRow): RadianEventView {
  const dian = fromJson<DianAnswer | null>(row.dianJson, null);
  const status = row.status as RadianEventStatus;
  const supplier = row.supplierStatus as SupplierNoticeStatus | null;
  return {
    id: row.id,
    code: row.code as RadianCode,
    name: RADIAN_EVENT_NAMES[row.code as RadianCode],
    number: row.number,
    cude: row.cude,
    status,
    statusText: statusText(status, dian, row.lastError),
    ...(row.claimCode ? { claim: { code: row.claimCode as ClaimCode, name: CLAIM_REASONS[row.claimCode as ClaimCode] } } : {}),
    actor: row.actor,
    automatic: row.automatic === 1,
    createdAt: row.createdAt,
    ...(row.sentAt ? { sentAt: row.sentAt } : {}),
    ...(row.answeredAt ? { answeredAt: row.answeredAt } : {}),
    ...(row.lastError && status === 'pendiente' ? { error: row.lastError } : {}),
    ...(dian ? { dian: { statusCode: dian.statusCode, description: dian.statusDescription, errors: dian.errors, alreadyProcessed: dian.alreadyProcessed } } : {}),
    ...(supplier ? { supplierNotice: { status: supplier, ...(row.supplierTo ? { to: row.supplierTo } : {}), text: supplierText(supplier, row), ...(row.supplierAt ? { at: row.supplierAt } : {}) } } : {}),
  };
}

function statusText(status: RadianEventStatus, dian: DianAnswer | null, error: string | null): string {
  if (status === 'aceptado') return dian?.alreadyProcessed ? 'Aceptado por la DIAN (ya lo tenía: «procesado anteriormente»).' : 'Aceptado por la DIAN.';
  if (status === 'rechazado') {
    // Set aside by us without reaching DIAN (made for the other environment): no answer, only our reason.
    if (!dian && error) return `Descartado sin enviar: ${error}`;
    const why = dian?.errors.length ? dian.errors.join(' ') : dian?.statusDescription || dian?.statusMessage || 'sin motivo';
    return `Rechazado por la DIAN: ${why}`;
  }
  return error ? `Pendiente de envío: ${error}` : 'Pendiente de envío a la DIAN.';
}

function supplierText(status: SupplierNoticeStatus, row: RadianEventRow): string {
  switch (status) {
    case 'enviado':
      return `Copia enviada al proveedor (${row.supplierTo}).`;
    case 'sin_correo':
      return 'No se envió copia al proveedor: la factura no trae su correo ni llegó por correo.';
    case 'sin_smtp':
      return 'No se envió copia al proveedor: falta configurar el correo de salida.';
    case 'error':
      return `No se pudo enviar la copia al proveedor: ${row.supplierError ?? 'error desconocido'}`;
    case 'pendiente':
      return 'Copia al proveedor pendiente.';
  }
}

export async function eventsOfBill(db: Db, billId: string): Promise<RadianEventRow[]> {
  return db.selectFrom('radianEvent').selectAll().where('billId', '=', billId).orderBy('seq').execute();
}

/** The payment means of the bill's document, read inside the database (no need to parse the whole document). */
async function paymentMeansOf(db: Db, documentId: string): Promise<{ form?: string }[]> {
  const row = await db
    .selectFrom('inboxDocument')
    .select(jsonText(db, 'documentJson', 'paymentMeans').as('paymentMeans'))
    .where('id', '=', documentId)
    .executeTakeFirst();
  return fromJson<{ form?: string }[]>(row?.paymentMeans ?? null, []);
}

/** Whether the seller's 034 for this invoice reached us (a RADIAN event in the inbox referencing its CUFE). */
async function sellerTacitReceived(db: Db, companyId: string, cufe: string): Promise<boolean> {
  const rows = await db
    .selectFrom('inboxDocument')
    .select(jsonText(db, 'documentJson', 'response.code').as('code'))
    .where('companyId', '=', companyId)
    .where('kind', '=', 'radian-event')
    .where('referencedCufe', '=', cufe)
    .execute();
  return rows.some((r) => r.code === '034');
}

/** What the order rules and the acceptance are decided from, read from the database. */
export async function radianFacts(db: Db, bill: BillFacts, now: Date): Promise<{ rows: RadianEventRow[]; terms: CreditTerms; facts: Omit<RuleInput, 'code'> }> {
  const [rows, paymentMeans, sellerTacit] = await Promise.all([eventsOfBill(db, bill.id), paymentMeansOf(db, bill.documentId), sellerTacitReceived(db, bill.companyId, bill.cufe)]);
  const terms = creditTerms({ kind: bill.kind, issueDate: bill.issueDate, dueDate: bill.dueDate, paymentMeans });
  const events = rows.map((r) => ({ code: r.code as RadianCode, status: r.status as RadianEventStatus }));
  const goods = rows.find((r) => r.code === '032' && r.status === 'aceptado');
  const deadline = goods ? tacitDeadline(bogotaDate(new Date(goods.answeredAt ?? goods.createdAt))) : undefined;
  return { rows, terms, facts: { kind: bill.kind, credit: terms.required, events, today: bogotaDate(now), ...(deadline ? { tacitDeadline: deadline } : {}), sellerTacit } };
}

/** The whole RADIAN picture of one bill: what the law asks, each event, the acceptance, what may be done now. */
export async function billRadianState(db: Db, bill: BillFacts, now: Date): Promise<BillRadianState> {
  const { rows, terms, facts } = await radianFacts(db, bill, now);
  const acceptance = acceptanceOf(facts);
  const receipt = requiredState(rows, '030');
  const goodsState = requiredState(rows, '032');
  const missing = [receipt !== 'aceptado' ? 'el acuse de recibo (030)' : undefined, goodsState !== 'aceptado' ? 'el recibo del bien o servicio (032)' : undefined].filter(Boolean);
  const ivaAtRisk = terms.required && missing.length > 0;
  return {
    required: terms.required,
    reason: terms.reason,
    receipt,
    goods: goodsState,
    acceptance: acceptance.state,
    acceptanceText: acceptance.text,
    ...(facts.tacitDeadline ? { tacitDeadline: facts.tacitDeadline } : {}),
    ivaAtRisk,
    ...(ivaAtRisk ? { warning: `IVA descontable en riesgo: falta ${missing.join(' y ')} aceptado por la DIAN.` } : {}),
    allowed: allowedCodes(facts),
    events: rows.map(eventView),
  };
}

function requiredState(rows: RadianEventRow[], code: RadianCode): RequiredEventState {
  const mine = rows.filter((r) => r.code === code);
  if (mine.some((r) => r.status === 'aceptado')) return 'aceptado';
  if (mine.some((r) => r.status === 'pendiente')) return 'pendiente';
  if (mine.length > 0) return 'rechazado';
  return 'falta';
}

/**
 * Credit invoices whose 030 or 032 is not accepted by DIAN yet, oldest first (by issue date): the status view and
 * the daily summary list them so they are never forgotten. Decided in SQL from the document's payment means and the
 * bill's dates (the rule of credit-terms.ts), one page at a time.
 */
export async function pageMissingConfirmations(db: Db, companyId: string, page: PageRequest): Promise<Page<MissingConfirmation>> {
  const accepted = (code: string) =>
    sql<number>`exists (select 1 from radian_event e where e.bill_id = bill.id and e.code = ${code} and e.status = 'aceptado')`;
  const base = db
    .selectFrom('bill')
    .innerJoin('inboxDocument', 'inboxDocument.id', 'bill.documentId')
    .innerJoin('supplier', 'supplier.id', 'bill.supplierId')
    .where('bill.companyId', '=', companyId)
    .where('bill.kind', '=', 'invoice')
    .where((eb) =>
      eb.or([
        eb('bill.dueDate', '>', eb.ref('bill.issueDate')),
        // Payment means «2» (crédito) in the document as read (credit-terms.ts says the same in code).
        jsonArrayHas(db, 'inboxDocument.documentJson', 'paymentMeans', 'form', '2'),
      ]),
    )
    .where(sql<boolean>`not (${accepted('030')} and ${accepted('032')})`);
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select(['bill.id', 'bill.number', 'bill.issueDate', 'bill.registeredAt', 'supplier.name as supplierName', 'supplier.nit as supplierNit', accepted('030').as('has030'), accepted('032').as('has032')])
    .orderBy('bill.issueDate')
    .orderBy('bill.registeredAt')
    .orderBy('bill.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const items = rows.map((r): MissingConfirmation => {
    const missing = [...(r.has030 ? [] : (['030'] as const)), ...(r.has032 ? [] : (['032'] as const))];
    const names = missing.map((c) => (c === '030' ? 'el acuse de recibo (030)' : 'el recibo del bien o servicio (032)'));
    return {
      billId: r.id,
      number: r.number,
      supplierName: r.supplierName,
      supplierNit: r.supplierNit,
      issueDate: r.issueDate,
      registeredAt: r.registeredAt,
      missing,
      text: `Falta ${names.join(' y ')}: IVA descontable en riesgo.`,
    };
  });
  return pageOf(items, Number(total.n), page);
}
