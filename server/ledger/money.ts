import type { Centavos } from '#shared/money';
import { Dec } from '../dian/decimal';

/**
 * Decimal text from a document → integer centavos of COP, converting foreign currency with the document's rate.
 * Rounds half-up once, at the end, so no float ever touches an amount.
 */
export function toCentavos(amount: string, rate: string = '1'): Centavos {
  const value = new Dec(amount).times(rate).times(100).toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber();
  if (!Number.isSafeInteger(value)) throw new RangeError(`Monto fuera de rango: ${amount}`);
  return value;
}

/** `percent` % of an amount, rounded to whole pesos (withholdings are practised in pesos). */
export function percentOf(amount: Centavos, percent: string, perMille = false): Centavos {
  return new Dec(amount).times(percent).dividedBy(perMille ? 1000 : 100).dividedBy(100).toDecimalPlaces(0, Dec.ROUND_HALF_UP).times(100).toNumber();
}

/** `amount × part / whole`, rounded to whole pesos (a withholding reversed in proportion), without float products. */
export function shareInPesos(amount: Centavos, part: Centavos, whole: Centavos): Centavos {
  return new Dec(amount).times(part).dividedBy(whole).dividedBy(100).toDecimalPlaces(0, Dec.ROUND_HALF_UP).times(100).toNumber();
}

/** UVT × pesos per UVT, in centavos rounded to 1,000 pesos (ET art. 868): the peso value of a base given in UVT. */
export function uvtToCentavos(uvts: string, pesosPerUvt: number): Centavos {
  return roundToThousandPesos(new Dec(uvts).times(pesosPerUvt).times(100).toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber());
}

/** Rounds centavos to the nearest multiple of 1,000 pesos (ET art. 868 rounding of UVT-derived values). */
export function roundToThousandPesos(amount: Centavos): Centavos {
  return new Dec(amount).dividedBy(100_000).toDecimalPlaces(0, Dec.ROUND_HALF_UP).times(100_000).toNumber();
}

/**
 * Splits `total` across `weights` proportionally with the largest-remainder method, so the parts always add up to
 * the total exactly (the centavo that rounding would lose goes to the biggest remainder).
 */
export function allocate(total: Centavos, weights: readonly number[]): Centavos[] {
  if (weights.length === 0) return [];
  const sumWeights = weights.reduce((a, b) => a + Math.max(b, 0), 0);
  const effective = sumWeights > 0 ? weights.map((w) => Math.max(w, 0)) : weights.map(() => 1);
  const effectiveSum = sumWeights > 0 ? sumWeights : weights.length;
  const sign = total < 0 ? -1 : 1;
  const abs = Math.abs(total);
  const exact = effective.map((w) => new Dec(abs).times(w).dividedBy(effectiveSum));
  const parts = exact.map((e) => e.floor().toNumber());
  let left = abs - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, rest: e.minus(e.floor()) })).sort((a, b) => b.rest.comparedTo(a.rest) || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i]! += 1;
    left -= 1;
  }
  return parts.map((p) => p * sign);
}
