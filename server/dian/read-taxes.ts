import type { AllowanceCharge, TaxEntry } from '#shared/dian-document';
import { moneyText, plainText, sum } from './decimal';
import { differs, type ReadContext } from './read-context';
import { all, attr, child, optional, text, textAt } from './xml-node';

/** ICA (03) and ReteICA (07) rates are written per mille, not per cent (DIAN table 13.2.2, note ***). */
const PER_MILLE = new Set(['03', '07']);

/**
 * Reads every `TaxTotal` (or `WithholdingTaxTotal`) child of `parent` as one entry per subtotal (scheme + rate).
 * With `check`, also warns when a total disagrees with its subtotals or an amount with its base × rate.
 */
export function readTaxTotals(
  parent: unknown,
  element: 'TaxTotal' | 'WithholdingTaxTotal',
  ctx: ReadContext,
  pathPrefix: string[],
  check = false,
): TaxEntry[] {
  const entries: TaxEntry[] = [];
  for (const total of all(parent, element)) {
    const subtotals = all(total, 'TaxSubtotal');
    const found = subtotals.map((subtotal) => readSubtotal(subtotal, ctx, [...pathPrefix, element, 'TaxSubtotal']));
    entries.push(...found.map((f) => f.entry));
    if (!check) continue;
    const declared = ctx.decimal(child(total, 'TaxAmount'), ...pathPrefix, element, 'TaxAmount');
    const computed = sum(found.map((f) => f.amount));
    if (declared && found.length > 0 && differs(declared, computed)) {
      const code = found[0]!.entry.code;
      ctx.warn(
        'TAX_TOTAL_MISMATCH',
        `El total del tributo ${code} (${moneyText(declared)}) no coincide con la suma de sus bases (${moneyText(computed)}).`,
      );
    }
    for (const { entry, amount, base, rate } of found) {
      if (!base || !rate) continue;
      const expected = base.times(rate).dividedBy(entry.perMille ? 1000 : 100);
      if (differs(expected, amount)) {
        ctx.warn(
          'TAX_RATE_MISMATCH',
          `El tributo ${entry.code} al ${plainText(rate)}${entry.perMille ? ' ‰' : ' %'} sobre ${moneyText(base)} debería ser ${moneyText(expected.toDecimalPlaces(2))}, pero el documento dice ${moneyText(amount)}.`,
        );
      }
    }
  }
  return entries;
}

function readSubtotal(subtotal: unknown, ctx: ReadContext, path: string[]) {
  const category = child(subtotal, 'TaxCategory');
  const code = textAt(category, 'TaxScheme', 'ID') ?? 'ZZ';
  const name = textAt(category, 'TaxScheme', 'Name');
  const amount = ctx.requireDecimal(child(subtotal, 'TaxAmount'), 'el valor del tributo', ...path, 'TaxAmount');
  const base = ctx.decimal(child(subtotal, 'TaxableAmount'), ...path, 'TaxableAmount');
  const rate = ctx.decimal(child(category, 'Percent'), ...path, 'TaxCategory', 'Percent');
  const perUnitAmount = ctx.decimal(child(subtotal, 'PerUnitAmount'), ...path, 'PerUnitAmount');
  const measure = child(subtotal, 'BaseUnitMeasure');
  const measured = ctx.decimal(measure, ...path, 'BaseUnitMeasure');
  const entry: TaxEntry = {
    code,
    ...optional('name', name),
    ...optional('rate', rate && plainText(rate)),
    ...(PER_MILLE.has(code) ? { perMille: true } : {}),
    ...optional('base', base && moneyText(base)),
    amount: moneyText(amount),
    ...(perUnitAmount
      ? {
          perUnit: {
            amount: moneyText(perUnitAmount),
            ...optional('quantity', measured && plainText(measured)),
            ...optional('unitCode', attr(measure, 'unitCode')),
          },
        }
      : {}),
  };
  return { entry, amount, base, rate };
}

/** Document- or line-level `AllowanceCharge` (descuentos and recargos). */
export function readAllowanceCharges(parent: unknown, ctx: ReadContext, pathPrefix: string[]): AllowanceCharge[] {
  return all(parent, 'AllowanceCharge').map((node) => {
    const path = [...pathPrefix, 'AllowanceCharge'];
    const amount = ctx.requireDecimal(child(node, 'Amount'), 'el valor del descuento o cargo', ...path, 'Amount');
    const percent = ctx.decimal(child(node, 'MultiplierFactorNumeric'), ...path, 'MultiplierFactorNumeric');
    const base = ctx.decimal(child(node, 'BaseAmount'), ...path, 'BaseAmount');
    return {
      isCharge: text(child(node, 'ChargeIndicator'))?.toLowerCase() === 'true',
      ...optional('reasonCode', textAt(node, 'AllowanceChargeReasonCode')),
      ...optional('reason', textAt(node, 'AllowanceChargeReason')),
      ...optional('percent', percent && plainText(percent)),
      amount: moneyText(amount),
      ...optional('baseAmount', base && moneyText(base)),
    };
  });
}
