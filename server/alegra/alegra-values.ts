import { createHash } from 'node:crypto';
import { Dec } from '../dian/decimal';

/**
 * Alegra sends ids as JSON strings or numbers and amounts as numbers or numeric strings, depending on the endpoint
 * and the record (jjuanrivvera/alegra-cli `internal/api/types.go` decodes both ways for that reason). These helpers
 * read either form into one canonical text, so nothing downstream ever compares `12` with `"12"`.
 */

/** `12`, `"12"`, `" 12 "`, `12.0` → `"12"`; opaque string ids stay as sent. */
export function remoteId(value: unknown): string | undefined {
  if (typeof value === 'number') {
    // Ids above 2^53 already lost digits in JSON.parse; nothing here can bring them back.
    return Number.isFinite(value) ? String(value) : undefined;
  }
  if (typeof value === 'string') {
    const text = value.trim();
    if (!text) return undefined;
    return /^\d+\.0+$/.test(text) ? text.replace(/\.0+$/, '') : text;
  }
  return undefined;
}

/** An amount or percentage as exact decimal text (`19`, `"19.00"` → `"19"`), or undefined when it is not a number. */
export function decimalText(value: unknown): string | undefined {
  if (typeof value !== 'number' && typeof value !== 'string') return undefined;
  const text = String(value).trim();
  if (!text || !/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(text)) return undefined;
  return new Dec(text).toString();
}

/** Alegra's amount (pesos, number or text) → integer centavos, rounded half-up once. */
export function centavosOf(value: unknown): number | undefined {
  const text = decimalText(value);
  if (text === undefined) return undefined;
  const cents = new Dec(text).times(100).toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber();
  return Number.isSafeInteger(cents) ? cents : undefined;
}

/**
 * Integer centavos → a JSON number of pesos for a request body. The value is built from exact decimal text and only
 * turned into a JS number to be serialised (JSON has no decimal type); no arithmetic ever happens on the float.
 */
export function pesosNumber(centavos: number): number {
  return Number(new Dec(centavos).dividedBy(100).toFixed(2));
}

/** Same decimal value? (`"19.00"` vs `19`). */
export function sameDecimal(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  return new Dec(a).equals(b);
}

/** Digits of an identification without the DV: `"900.123.456-7"` → `"900123456"`. */
export function identificationDigits(value: unknown): string | undefined {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : undefined;
  if (!text) return undefined;
  const withoutDv = text.includes('-') ? text.slice(0, text.lastIndexOf('-')) : text;
  const digits = withoutDv.replace(/\D/g, '').replace(/^0+(?=\d)/, '');
  return digits || undefined;
}

/** Digits of an account code: `"5195.95"` → `"519595"`. */
export function codeDigits(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const digits = String(value).replace(/\D/g, '');
  return digits || undefined;
}

/** A stable digest of a record as received: tells an unchanged record from an edited one between syncs. */
export function digestOf(value: unknown): string {
  return createHash('sha256').update(stableJson(value)).digest('hex');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Reads `record.a.b` safely from a JSON value. */
export function field(record: unknown, ...path: string[]): unknown {
  let current: unknown = record;
  for (const key of path) {
    if (!current || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

export function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}
