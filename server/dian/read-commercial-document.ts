import type { DianDocument, DocumentKind, DocumentLine, DocumentReference, Environment, ExchangeRate, MonetaryTotals, PaymentMeans } from '#shared/dian-document';
import { DianReadError } from './errors';
import { Dec, moneyText, plainText, sum } from './decimal';
import { resolveDueDate } from './due-date';
import { differs, ReadContext } from './read-context';
import { LINE_ELEMENTS, readLines, type CommercialRoot } from './read-lines';
import { readParty } from './read-party';
import { readAllowanceCharges, readTaxTotals } from './read-taxes';
import { all, at, attr, child, optional, text, textAt } from './xml-node';
import { checkMojibake, readEnvironment, readUuid } from './read-header';

const KINDS: Record<CommercialRoot, DocumentKind> = { Invoice: 'invoice', CreditNote: 'credit-note', DebitNote: 'debit-note' };
const TYPE_CODE: Record<CommercialRoot, string> = { Invoice: 'InvoiceTypeCode', CreditNote: 'CreditNoteTypeCode', DebitNote: 'DebitNoteTypeCode' };
const PAYMENT_FORMS: Record<string, string> = { '1': 'Contado', '2': 'Crédito' };

export function isCommercialRoot(local: string): local is CommercialRoot {
  return local in LINE_ELEMENTS;
}

/** Reads an Invoice, CreditNote or DebitNote (already unwrapped from its container) into the typed record. */
export function readCommercialDocument(tree: Record<string, unknown>, root: CommercialRoot, ctx = new ReadContext(root)): DianDocument {
  const number = ctx.requireText(child(tree, 'ID'), 'el número del documento', 'ID');
  const { cufe, cufeScheme } = readUuid(tree, ctx);
  const issueDate = ctx.date(child(tree, 'IssueDate'), 'IssueDate');
  if (!issueDate) throw new DianReadError('MISSING_FIELD', `Falta la fecha de emisión (${ctx.path('IssueDate')}).`, ctx.path('IssueDate'));
  const environment: Environment = readEnvironment(tree, ctx);

  const supplierWrapper = child(tree, 'AccountingSupplierParty');
  const customerWrapper = child(tree, 'AccountingCustomerParty');
  if (!supplierWrapper) throw new DianReadError('MISSING_FIELD', 'Falta el proveedor (AccountingSupplierParty).', ctx.path('AccountingSupplierParty'));
  if (!customerWrapper) throw new DianReadError('MISSING_FIELD', 'Falta el adquiriente (AccountingCustomerParty).', ctx.path('AccountingCustomerParty'));
  const supplier = readParty(child(supplierWrapper, 'Party'), 'proveedor', ctx, child(supplierWrapper, 'AdditionalAccountID'));
  const customer = readParty(child(customerWrapper, 'Party'), 'adquiriente', ctx, child(customerWrapper, 'AdditionalAccountID'));

  const lines = readLines(tree, root, ctx);
  const taxes = readTaxTotals(tree, 'TaxTotal', ctx, [], true);
  const withholdings = readTaxTotals(tree, 'WithholdingTaxTotal', ctx, [], true);
  const totals = readTotals(tree, root, ctx);
  const paymentMeans = readPaymentMeans(tree, ctx);
  const currency = textAt(tree, 'DocumentCurrencyCode') ?? attr(at(tree, root === 'DebitNote' ? 'RequestedMonetaryTotal' : 'LegalMonetaryTotal', 'PayableAmount'), 'currencyID') ?? 'COP';
  const exchangeRate = readExchangeRate(tree, currency, ctx);
  const lineCount = text(child(tree, 'LineCountNumeric'));
  if (lineCount && Number(lineCount) !== lines.length) {
    ctx.warn('LINE_COUNT_MISMATCH', `El documento dice tener ${lineCount} líneas, pero trae ${lines.length}.`);
  }
  checkTotals(lines, taxes.map((t) => new Dec(t.amount)), totals, ctx);
  const discrepancy = child(tree, 'DiscrepancyResponse');
  const period = child(tree, 'InvoicePeriod');

  const document: DianDocument = {
    kind: KINDS[root],
    cufe,
    ...optional('cufeScheme', cufeScheme),
    number,
    issueDate,
    ...optional('issueTime', textAt(tree, 'IssueTime')),
    dueDate: resolveDueDate(issueDate, ctx.date(child(tree, 'DueDate'), 'DueDate'), paymentMeans, ctx),
    currency,
    ...optional('exchangeRate', exchangeRate),
    environment,
    ...optional('operationType', textAt(tree, 'CustomizationID')),
    ...optional('typeCode', textAt(tree, TYPE_CODE[root])),
    supplier,
    customer,
    lines,
    taxes,
    withholdings,
    allowanceCharges: readAllowanceCharges(tree, ctx, []),
    totals,
    paymentMeans,
    billingReferences: all(tree, 'BillingReference').flatMap((ref) =>
      ['InvoiceDocumentReference', 'CreditNoteDocumentReference', 'DebitNoteDocumentReference']
        .map((name) => child(ref, name))
        .filter(Boolean)
        .map((node) => readReference(node, ctx)),
    ),
    ...optional('orderReference', textAt(tree, 'OrderReference', 'ID')),
    ...(discrepancy
      ? {
          discrepancy: {
            ...optional('referenceId', textAt(discrepancy, 'ReferenceID')),
            ...optional('code', textAt(discrepancy, 'ResponseCode')),
            ...optional('description', textAt(discrepancy, 'Description')),
          },
        }
      : {}),
    prepaidPayments: all(tree, 'PrepaidPayment').map((p) => ({
      ...optional('id', textAt(p, 'ID')),
      amount: moneyText(ctx.requireDecimal(child(p, 'PaidAmount'), 'el valor del anticipo', 'PrepaidPayment', 'PaidAmount')),
      ...optional('receivedDate', textAt(p, 'ReceivedDate')),
    })),
    ...(period ? { invoicePeriod: { ...optional('startDate', textAt(period, 'StartDate')), ...optional('endDate', textAt(period, 'EndDate')) } } : {}),
    notes: all(tree, 'Note')
      .map((n) => text(n))
      .filter((n): n is string => !!n),
    warnings: ctx.warnings,
  };
  checkMojibake(document, ctx);
  return document;
}

function readTotals(tree: unknown, root: CommercialRoot, ctx: ReadContext): MonetaryTotals {
  // Debit notes carry RequestedMonetaryTotal instead of LegalMonetaryTotal (docs/dian-ubl.md §7).
  const name = child(tree, 'LegalMonetaryTotal') !== undefined || root !== 'DebitNote' ? 'LegalMonetaryTotal' : 'RequestedMonetaryTotal';
  const node = child(tree, name);
  if (!node) throw new DianReadError('MISSING_FIELD', `Faltan los totales del documento (${ctx.path(name)}).`, ctx.path(name));
  const read = (field: string) => ctx.decimal(child(node, field), name, field);
  const lineExtension = ctx.requireDecimal(child(node, 'LineExtensionAmount'), 'el subtotal (LineExtensionAmount)', name, 'LineExtensionAmount');
  const payable = ctx.requireDecimal(child(node, 'PayableAmount'), 'el total a pagar (PayableAmount)', name, 'PayableAmount');
  const zero = new Dec(0);
  return {
    lineExtension: moneyText(lineExtension),
    taxExclusive: moneyText(read('TaxExclusiveAmount') ?? zero),
    taxInclusive: moneyText(read('TaxInclusiveAmount') ?? lineExtension),
    allowances: moneyText(read('AllowanceTotalAmount') ?? zero),
    charges: moneyText(read('ChargeTotalAmount') ?? zero),
    prepaid: moneyText(read('PrepaidAmount') ?? zero),
    rounding: moneyText(read('PayableRoundingAmount') ?? zero),
    payable: moneyText(payable),
  };
}

/**
 * Arithmetic checks. DIAN's own samples fail some of them (Genérica forgets to subtract its prepayment), so they
 * are warnings on the record, never refusals; the payable amount is booked as printed.
 */
function checkTotals(lines: DocumentLine[], taxAmounts: Dec[], totals: MonetaryTotals, ctx: ReadContext): void {
  const t = Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, new Dec(v)])) as Record<keyof MonetaryTotals, Dec>;
  // Income received for third parties (line ID schemeID 1) stays out of the supplier's subtotal in DIAN's
  // "ingresos terceros" sample; either sum is accepted.
  const own = sum(lines.filter((l) => !l.thirdPartyIncome).map((l) => new Dec(l.lineTotal)));
  const every = sum(lines.map((l) => new Dec(l.lineTotal)));
  if (lines.length > 0 && differs(own, t.lineExtension) && differs(every, t.lineExtension)) {
    ctx.warn('LINES_TOTAL_MISMATCH', `La suma de las líneas (${moneyText(every)}) no coincide con el subtotal del documento (${moneyText(t.lineExtension)}).`);
  }
  const inclusive = t.lineExtension.plus(sum(taxAmounts));
  if (differs(inclusive, t.taxInclusive)) {
    ctx.warn('TAX_INCLUSIVE_MISMATCH', `Subtotal más impuestos da ${moneyText(inclusive)}, pero el documento dice ${moneyText(t.taxInclusive)}.`);
  }
  const payable = t.taxInclusive.minus(t.allowances).plus(t.charges).minus(t.prepaid).plus(t.rounding);
  if (differs(payable, t.payable)) {
    ctx.warn('PAYABLE_MISMATCH', `El total a pagar debería ser ${moneyText(payable)} (total con impuestos − descuentos + cargos − anticipos), pero el documento dice ${moneyText(t.payable)}. Se registra el valor del documento.`);
  }
}

function readPaymentMeans(tree: unknown, ctx: ReadContext): PaymentMeans[] {
  return all(tree, 'PaymentMeans').map((node) => {
    const form = textAt(node, 'ID');
    return {
      ...optional('form', form),
      ...optional('formName', form ? PAYMENT_FORMS[form] : undefined),
      ...optional('code', textAt(node, 'PaymentMeansCode')),
      ...optional('dueDate', ctx.date(child(node, 'PaymentDueDate'), 'PaymentMeans', 'PaymentDueDate')),
      ...optional('paymentId', textAt(node, 'PaymentID')),
    };
  });
}

function readExchangeRate(tree: unknown, currency: string, ctx: ReadContext): ExchangeRate | undefined {
  const node = child(tree, 'PaymentExchangeRate');
  if (!node) {
    if (currency !== 'COP') ctx.warn('EXCHANGE_RATE_MISSING', `El documento está en ${currency} y no trae tasa de cambio a pesos.`);
    return undefined;
  }
  const rate = ctx.requireDecimal(child(node, 'CalculationRate'), 'la tasa de cambio', 'PaymentExchangeRate', 'CalculationRate');
  const sourceCurrency = textAt(node, 'SourceCurrencyCode') ?? currency;
  const targetCurrency = textAt(node, 'TargetCurrencyCode') ?? 'COP';
  // DIAN's samples disagree on the direction (COP→USD on a COP invoice, COP→COP at 1): record as sent, warn.
  if (currency !== 'COP' && (sourceCurrency !== currency || targetCurrency !== 'COP')) {
    ctx.warn('EXCHANGE_RATE_DIRECTION', `La tasa de cambio va de ${sourceCurrency} a ${targetCurrency}, pero el documento está en ${currency}.`);
  } else if (currency === 'COP' && targetCurrency !== 'COP') {
    ctx.warn('EXCHANGE_RATE_DIRECTION', `El documento está en pesos pero declara una tasa de ${sourceCurrency} a ${targetCurrency}; se ignora para el registro.`);
  }
  return { sourceCurrency, targetCurrency, rate: plainText(rate), ...optional('date', textAt(node, 'Date')) };
}

function readReference(node: unknown, ctx: ReadContext): DocumentReference {
  const uuid = child(node, 'UUID');
  return {
    ...optional('number', textAt(node, 'ID')),
    ...optional('uuid', text(uuid)?.toLowerCase()),
    ...optional('uuidScheme', attr(uuid, 'schemeName') || undefined),
    ...optional('issueDate', ctx.date(child(node, 'IssueDate'), 'BillingReference', 'IssueDate')),
    ...optional('description', textAt(node, 'DocumentDescription')),
  };
}
