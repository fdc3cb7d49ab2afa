import type { DocumentLine, StandardCode } from '#shared/dian-document';
import { Dec, moneyText, plainText, sum } from './decimal';
import { differs, type ReadContext } from './read-context';
import { readAllowanceCharges, readTaxTotals } from './read-taxes';
import { all, at, attr, child, optional, text, textAt } from './xml-node';

/** The line element and its quantity element for each document kind. */
export const LINE_ELEMENTS = {
  Invoice: { line: 'InvoiceLine', quantity: 'InvoicedQuantity' },
  CreditNote: { line: 'CreditNoteLine', quantity: 'CreditedQuantity' },
  DebitNote: { line: 'DebitNoteLine', quantity: 'DebitedQuantity' },
} as const;

export type CommercialRoot = keyof typeof LINE_ELEMENTS;

/** Reads the root's direct line children only: a foreign `InvoiceLine` can hide inside the extensions (§10). */
export function readLines(tree: unknown, root: CommercialRoot, ctx: ReadContext): DocumentLine[] {
  const { line: lineElement, quantity: quantityElement } = LINE_ELEMENTS[root];
  const lines = all(tree, lineElement).map((node, index) => readLine(node, index + 1, lineElement, quantityElement, ctx));
  const seen = new Set<string>();
  for (const line of lines) {
    if (seen.has(line.id)) {
      ctx.warn('DUPLICATE_LINE_ID', `Hay varias líneas con el identificador ${line.id}; se distinguen por su posición.`);
      break;
    }
    seen.add(line.id);
  }
  return lines;
}

function readLine(node: unknown, position: number, lineElement: string, quantityElement: string, ctx: ReadContext): DocumentLine {
  const path = [`${lineElement}[${position}]`];
  const idNode = child(node, 'ID');
  const quantityNode = child(node, quantityElement);
  const quantity = ctx.requireDecimal(quantityNode, `la cantidad de la línea ${position}`, ...path, quantityElement);
  const lineTotal = ctx.requireDecimal(child(node, 'LineExtensionAmount'), `el total de la línea ${position}`, ...path, 'LineExtensionAmount');
  const allowanceCharges = readAllowanceCharges(node, ctx, path);
  const item = child(node, 'Item');
  const sellerCode = textAt(item, 'SellersItemIdentification', 'ID');
  const standardCode = readStandardCode(at(item, 'StandardItemIdentification', 'ID'));
  const description =
    all(item, 'Description')
      .map((d) => text(d))
      .filter(Boolean)
      .join(' ') || sellerCode || `Línea ${position}`;
  const priceAmount = ctx.decimal(at(node, 'Price', 'PriceAmount'), ...path, 'Price', 'PriceAmount');
  const baseQuantity = ctx.decimal(at(node, 'Price', 'BaseQuantity'), ...path, 'Price', 'BaseQuantity');
  const alternativePrice = at(node, 'PricingReference', 'AlternativeConditionPrice');
  const referenceAmount = ctx.decimal(child(alternativePrice, 'PriceAmount'), ...path, 'PricingReference', 'PriceAmount');
  const freeOfCharge = text(child(node, 'FreeOfChargeIndicator'))?.toLowerCase() === 'true';

  // Unit price from the line total, not from PriceAmount/BaseQuantity, which real invoices misuse (volt sample:
  // PriceAmount 2130 per unit with BaseQuantity 500 = the invoiced quantity in another unit).
  const allowances = sum(allowanceCharges.filter((a) => !a.isCharge).map((a) => new Dec(a.amount)));
  const charges = sum(allowanceCharges.filter((a) => a.isCharge).map((a) => new Dec(a.amount)));
  const gross = lineTotal.plus(allowances).minus(charges);
  let unitPrice: Dec | undefined;
  if (quantity.isZero()) {
    ctx.warn('ZERO_QUANTITY', `La línea ${position} tiene cantidad cero; no se puede calcular su precio unitario.`);
  } else {
    unitPrice = gross.dividedBy(quantity).toDecimalPlaces(6);
  }
  if (priceAmount && !freeOfCharge) checkPrice(priceAmount, baseQuantity, quantity, gross, position, ctx);

  return {
    id: text(idNode) ?? String(position),
    position,
    description,
    quantity: plainText(quantity),
    ...optional('unitCode', attr(quantityNode, 'unitCode')),
    lineTotal: moneyText(lineTotal),
    ...optional('unitPrice', unitPrice && plainText(unitPrice)),
    ...optional('priceAmount', priceAmount && moneyText(priceAmount)),
    ...optional('baseQuantity', baseQuantity && plainText(baseQuantity)),
    allowanceCharges,
    freeOfCharge,
    ...(referenceAmount
      ? { referencePrice: { amount: moneyText(referenceAmount), ...optional('typeCode', textAt(alternativePrice, 'PriceTypeCode')) } }
      : {}),
    ...optional('sellerCode', sellerCode),
    ...optional('standardCode', standardCode),
    additionalCodes: all(item, 'AdditionalItemIdentification')
      .map((a) => readStandardCode(child(a, 'ID')))
      .filter((c): c is StandardCode => !!c),
    ...optional('brand', textAt(item, 'BrandName')),
    ...optional('model', textAt(item, 'ModelName')),
    taxes: readTaxTotals(node, 'TaxTotal', ctx, path),
    withholdings: readTaxTotals(node, 'WithholdingTaxTotal', ctx, path),
    thirdPartyIncome: attr(idNode, 'schemeID') === '1',
    notes: all(node, 'Note')
      .map((n) => text(n))
      .filter((n): n is string => !!n),
  };
}

/**
 * Sanity check of the price against the line total. `PriceAmount` is per `BaseQuantity` under UBL, but many
 * documents (DIAN's own IBUA/ICUI samples, the real volt invoice) send the unit price with `BaseQuantity` equal to
 * the invoiced quantity. Both readings are accepted silently; only when neither matches do we warn.
 */
function checkPrice(price: Dec, baseQuantity: Dec | undefined, quantity: Dec, gross: Dec, position: number, ctx: ReadContext): void {
  const base = baseQuantity && !baseQuantity.isZero() ? baseQuantity : new Dec(1);
  const perUbl = price.dividedBy(base).times(quantity);
  if (!differs(perUbl, gross) || !differs(price.times(quantity), gross)) return;
  ctx.warn(
    'LINE_AMOUNT_MISMATCH',
    `Línea ${position}: cantidad × precio (${moneyText(perUbl.toDecimalPlaces(2))}) no coincide con el total de la línea antes de descuentos (${moneyText(gross)}).`,
  );
}

const SCHEMES: Record<string, StandardCode['scheme']> = { '001': 'UNSPSC', '010': 'GTIN', '020': 'partida', '999': 'own' };

function readStandardCode(node: unknown): StandardCode | undefined {
  const id = text(node);
  if (!id) return undefined;
  const schemeId = attr(node, 'schemeID') || undefined;
  const schemeName = attr(node, 'schemeName') || undefined;
  let scheme = schemeId ? SCHEMES[schemeId] : undefined;
  if (!scheme && schemeName) {
    if (/unspsc/i.test(schemeName)) scheme = 'UNSPSC';
    else if (/ean|gtin/i.test(schemeName)) scheme = 'GTIN';
  }
  return { id, ...optional('schemeId', schemeId), scheme: scheme ?? 'unknown', ...optional('schemeName', schemeName) };
}
