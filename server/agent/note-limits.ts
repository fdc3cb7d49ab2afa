import type { Centavos } from '#shared/money';
import { formatPesos } from '#shared/money';
import type { DianDocument, DocumentLine } from '#shared/dian-document';
import { fromJson, type Db } from '../db/database';
import { toCentavos } from '../ledger/money';
import type { ReferencedBill } from '../ledger/prepare-bill';
import { RegistrationRefusal } from '../ledger/registration-refusal';
import { foldKey } from '../text/fold';

const TAX_NAMES: Record<string, string> = { '01': 'IVA', '04': 'INC', '22': 'impuesto a las bolsas', '34': 'IBUA', '35': 'ICUI' };

/** The figures of one document a credit note can reverse, in COP centavos. */
interface Figures {
  number: string;
  subtotal: Centavos;
  total: Centavos;
  taxes: Map<string, Centavos>;
  lines: { key: string; description: string; amount: Centavos }[];
}

/**
 * Credit notes never reverse more than there is (accounting-co.md §2.1): the note plus the credit notes already
 * registered against the invoice may not exceed the invoice's subtotal, total, any tax, or any line the note names.
 * A note that would is not booked automatically; the reason gives the figures so a person can check it and register
 * it by hand.
 * @throws RegistrationRefusal NOTE_EXCEEDS_INVOICE
 */
export async function checkNoteWithinInvoice(db: Db, invoice: ReferencedBill, note: DianDocument, noteDocumentId: string): Promise<void> {
  const invoiceRow = await db.selectFrom('bill').innerJoin('inboxDocument', 'inboxDocument.id', 'bill.documentId').select(['inboxDocument.documentJson']).where('bill.id', '=', invoice.id).executeTakeFirst();
  const invoiceDocument = fromJson<DianDocument | undefined>(invoiceRow?.documentJson ?? null, undefined);
  if (!invoiceDocument) return;
  const earlierRows = await db
    .selectFrom('bill')
    .innerJoin('inboxDocument', 'inboxDocument.id', 'bill.documentId')
    .select(['inboxDocument.documentJson'])
    .where('bill.relatedBillId', '=', invoice.id)
    .where('bill.kind', '=', 'credit-note')
    .where('bill.documentId', '!=', noteDocumentId)
    .execute();
  const earlier = earlierRows.map((r) => fromJson<DianDocument | undefined>(r.documentJson, undefined)).filter((d) => d !== undefined).map(figuresOf);
  const base = figuresOf(invoiceDocument);
  const current = figuresOf(note);
  const earlierText = earlier.length ? ` menos ${earlier.length === 1 ? 'la nota' : 'las notas'} ${earlier.map((e) => e.number).join(', ')}` : '';
  const problems: string[] = [];
  const check = (what: string, invoiceAmount: Centavos, before: Centavos, now: Centavos) => {
    const left = invoiceAmount - before;
    if (now > left) problems.push(`${what}: la nota revierte ${formatPesos(now)} y solo quedan ${formatPesos(Math.max(left, 0))} (${formatPesos(invoiceAmount)} de la factura${before ? `${earlierText}, ${formatPesos(before)}` : ''})`);
  };
  const sum = (pick: (f: Figures) => Centavos) => earlier.reduce((a, f) => a + pick(f), 0);
  check('subtotal', base.subtotal, sum((f) => f.subtotal), current.subtotal);
  check('total', base.total, sum((f) => f.total), current.total);
  for (const [code, amount] of current.taxes) {
    check(TAX_NAMES[code] ?? `impuesto ${code}`, base.taxes.get(code) ?? 0, sum((f) => f.taxes.get(code) ?? 0), amount);
  }
  for (const line of current.lines) {
    const original = base.lines.find((l) => l.key === line.key);
    if (!original) continue; // a line the invoice does not have is covered by the subtotal and total checks
    check(`línea «${original.description}»`, original.amount, sum((f) => f.lines.filter((l) => l.key === line.key).reduce((a, l) => a + l.amount, 0)), line.amount);
  }
  if (problems.length > 0) {
    throw new RegistrationRefusal(
      'NOTE_EXCEEDS_INVOICE',
      `La nota crédito ${note.number} revierte más de lo que queda de la factura ${invoice.number}${earlierText}: ${problems.join('; ')}. No se registró sola: verifícala con el proveedor y regístrala a mano si corresponde.`,
    );
  }
}

function figuresOf(document: DianDocument): Figures {
  const rate = document.currency === 'COP' ? '1' : (document.exchangeRate?.rate ?? '1');
  const cop = (amount: string) => toCentavos(amount, rate);
  const taxes = new Map<string, Centavos>();
  for (const tax of document.taxes) taxes.set(tax.code, (taxes.get(tax.code) ?? 0) + cop(tax.amount));
  const own = document.lines.filter((l) => !l.thirdPartyIncome);
  return {
    number: document.number,
    subtotal: own.reduce((a, l) => a + cop(l.lineTotal), 0),
    total: cop(document.totals.payable),
    taxes,
    lines: own.map((l) => ({ key: lineKey(l), description: l.description, amount: cop(l.lineTotal) })),
  };
}

function lineKey(line: DocumentLine): string {
  return line.sellerCode ? `code:${line.sellerCode}` : `text:${foldKey(line.description)}`;
}
