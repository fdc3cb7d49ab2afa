/**
 * NIT helpers. DIAN's check digit (dígito de verificación, DV) is a weighted modulo-11 sum over the NIT digits,
 * weights taken from the rightmost digit: 3, 7, 13, 17, 19, 23, …
 *
 * @example
 * computeDv('800197268') // '4'  (DIAN itself)
 * computeDv('900108281') // '3'
 */
const WEIGHTS = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71] as const;

export function computeDv(nit: string): string | undefined {
  const digits = nit.replace(/\D/g, '');
  if (digits.length === 0 || digits.length > WEIGHTS.length) return undefined;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    sum += Number(digits[digits.length - 1 - i]) * WEIGHTS[i]!;
  }
  const rest = sum % 11;
  return String(rest > 1 ? 11 - rest : rest);
}

/** Digits only, without leading zeros: `" 0900.123.456 "` → `"900123456"`. Compares NITs written differently. */
export function normalizeNit(nit: string): string {
  return nit.replace(/\D/g, '').replace(/^0+(?=\d)/, '');
}

/** `900123456-7` for display. */
export function formatNit(nit: string, dv?: string): string {
  return dv ? `${nit}-${dv}` : nit;
}
