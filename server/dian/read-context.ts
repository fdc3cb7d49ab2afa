import type { DocumentWarning, WarningCode } from '#shared/dian-document';
import { DianReadError } from './errors';
import { Dec, parseDecimalOrThrow } from './decimal';
import { text } from './xml-node';

/**
 * State shared by the readers of one document: the root name (for XML paths in errors) and the warnings found.
 * Required values are read with the `…OrThrow` helpers, which stop the document with a Spanish reason.
 */
export class ReadContext {
  readonly warnings: DocumentWarning[] = [];

  constructor(readonly rootName: string) {}

  warn(code: WarningCode, message: string): void {
    this.warnings.push({ code, message });
  }

  path(...parts: string[]): string {
    return [this.rootName, ...parts].join('/');
  }

  /** Text of a required element. @throws DianReadError `MISSING_FIELD` */
  requireText(node: unknown, what: string, ...path: string[]): string {
    const value = text(node);
    if (value === undefined) {
      throw new DianReadError('MISSING_FIELD', `Falta ${what} (${this.path(...path)}).`, this.path(...path));
    }
    return value;
  }

  /** Optional decimal; invalid text still stops the document, because a wrong amount must never be booked. */
  decimal(node: unknown, ...path: string[]): Dec | undefined {
    const raw = text(node);
    return raw === undefined ? undefined : parseDecimalOrThrow(raw, () => this.path(...path));
  }

  requireDecimal(node: unknown, what: string, ...path: string[]): Dec {
    return parseDecimalOrThrow(this.requireText(node, what, ...path), () => this.path(...path));
  }

  /** A date `YYYY-MM-DD`; anything else is refused. */
  date(node: unknown, ...path: string[]): string | undefined {
    const raw = text(node);
    if (raw === undefined) return undefined;
    if (!DATE.test(raw) || !isCalendarDate(raw)) {
      throw new DianReadError('INVALID_VALUE', `La fecha «${raw.slice(0, 30)}» en ${this.path(...path)} no es válida (AAAA-MM-DD).`, this.path(...path));
    }
    return raw;
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Date.parse accepts 2019-02-30 (as 2 March); the round trip catches days a month does not have. */
function isCalendarDate(raw: string): boolean {
  const date = new Date(`${raw}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === raw;
}

/** Differences up to one unit of currency are rounding (DIAN rounds per line and per tax); above that we warn. */
export const TOLERANCE = new Dec('1.00');

export function differs(a: Dec, b: Dec): boolean {
  return a.minus(b).abs().greaterThan(TOLERANCE);
}
