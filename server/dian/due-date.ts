import type { PaymentMeans } from '#shared/dian-document';
import type { ReadContext } from './read-context';

/**
 * The due date by the rule in docs/dian-ubl.md §6, because real documents disagree with themselves:
 * `PaymentMeans[ID=2 crédito].PaymentDueDate ?? cbc:DueDate ?? any PaymentDueDate ?? IssueDate`,
 * never earlier than the issue date. Every disagreement between sources becomes a warning.
 */
export function resolveDueDate(
  issueDate: string,
  headerDueDate: string | undefined,
  paymentMeans: PaymentMeans[],
  ctx: ReadContext,
): string {
  const creditDue = paymentMeans.find((p) => p.form === '2' && p.dueDate)?.dueDate;
  const anyDue = paymentMeans.find((p) => p.dueDate)?.dueDate;
  const chosen = creditDue ?? headerDueDate ?? anyDue;
  const sources = [...new Set([headerDueDate, ...paymentMeans.map((p) => p.dueDate)].filter(Boolean))];
  if (sources.length > 1) {
    ctx.warn('DUE_DATE_CONFLICT', `El documento trae fechas de vencimiento distintas (${sources.join(', ')}); se usa ${chosen}.`);
  }
  if (!chosen) {
    ctx.warn('DUE_DATE_MISSING', 'El documento no trae fecha de vencimiento; se usa la fecha de emisión.');
    return issueDate;
  }
  if (chosen < issueDate) {
    ctx.warn('DUE_DATE_BEFORE_ISSUE', `La fecha de vencimiento ${chosen} es anterior a la de emisión ${issueDate}; se usa la de emisión.`);
    return issueDate;
  }
  return chosen;
}
