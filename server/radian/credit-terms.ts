import type { PaymentMeans } from '#shared/dian-document';

/**
 * Which invoices need the buyer's 030 and 032 (art. 616-1 ET): sales on credit or with a payment term. The DIAN reader
 * keeps every PaymentMeans (`form` is its `cbc:ID`: 1 contado, 2 crédito) and the resolved due date
 * (server/dian/due-date.ts). Either sign is enough: a "contado" invoice that still gives days to pay is a sale with a
 * payment term. Credit and debit notes are not invoices: they need no events of their own.
 */
export interface CreditTerms {
  required: boolean;
  reason: string;
}

export function creditTerms(input: { kind: string; issueDate: string; dueDate: string; paymentMeans: Pick<PaymentMeans, 'form'>[] }): CreditTerms {
  if (input.kind !== 'invoice') return { required: false, reason: 'Las notas crédito y débito no llevan acuse ni recibo propios.' };
  if (input.paymentMeans.some((p) => p.form?.trim() === '2')) return { required: true, reason: 'Forma de pago crédito.' };
  if (input.dueDate > input.issueDate) return { required: true, reason: `Vence el ${input.dueDate}, después de emitida (${input.issueDate}): venta con plazo.` };
  return { required: false, reason: 'De contado: no necesita acuse ni recibo del bien.' };
}
