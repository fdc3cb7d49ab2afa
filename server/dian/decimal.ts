import DecimalJs from 'decimal.js';
import type { Decimal as DecimalText } from '#shared/dian-document';
import { DianReadError } from './errors';

/**
 * Exact decimal arithmetic for the reader. Amounts are never JS floats: they are validated and normalised as text
 * and summed with decimal.js when checking the document's arithmetic.
 */
export const Dec = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Dec = InstanceType<typeof Dec>;

const DECIMAL_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * Parses a decimal as written in the XML ("1.000000", "3100", "0.000"). The XML path is only needed for the error,
 * so it may be given as a function (documents have hundreds of amounts; building every path string is waste).
 * @throws DianReadError `INVALID_VALUE`
 */
export function parseDecimalOrThrow(raw: string, xmlPath: string | (() => string)): Dec {
  if (!DECIMAL_TEXT.test(raw)) {
    const where = typeof xmlPath === 'function' ? xmlPath() : xmlPath;
    throw new DianReadError('INVALID_VALUE', `El valor «${raw.slice(0, 40)}» en ${where} no es un número válido.`, where);
  }
  return new Dec(raw);
}

/** Money as text with at least two decimals: 12600.06, 0.00, 3100.00, 0.125. */
export function moneyText(value: Dec): DecimalText {
  return value.toFixed(Math.max(2, value.decimalPlaces()));
}

/** Quantities, rates and other decimals without trailing zeros: "1", "19", "2.5". */
export function plainText(value: Dec): DecimalText {
  return value.toFixed();
}

export function sum(values: Iterable<Dec>): Dec {
  let total = new Dec(0);
  for (const v of values) total = total.plus(v);
  return total;
}
