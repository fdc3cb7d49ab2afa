/**
 * Money in the books is an integer number of centavos (minor units) of Colombian pesos: exact, and safe up to
 * 90 billion pesos in a JS number. Decimal text from documents is converted on the server (`server/ledger/money.ts`);
 * this module only formats, so the extension can use it without a decimal library.
 */
export type Centavos = number;

const thousands = new Intl.NumberFormat('es-CO', { maximumFractionDigits: 0 });

/** `1065000000` → `"$ 10.650.000"`; centavos are shown only when there are any. */
export function formatPesos(amount: Centavos): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`Monto inválido: ${amount}`);
  const abs = Math.abs(amount);
  const cents = abs % 100;
  // Integer pesos and centavos are formatted apart, so no fraction ever goes through a float.
  const text = `$ ${thousands.format(BigInt(Math.trunc(abs / 100)))}${cents ? `,${String(cents).padStart(2, '0')}` : ''}`;
  return amount < 0 ? `-${text}` : text;
}

/** `1065000000` → `"10650000.00"` (decimal text, for JSON and CSV). */
export function centavosToDecimal(amount: Centavos): string {
  const negative = amount < 0;
  const abs = Math.abs(amount);
  return `${negative ? '-' : ''}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
