import type { Centavos } from '#shared/money';
import { formatPesos } from '#shared/money';

export interface EntryLine {
  accountCode: string;
  description: string;
  debit: Centavos;
  credit: Centavos;
  thirdPartyNit?: string;
}

declare const balanced: unique symbol;

/** A journal entry whose debits equal its credits to the centavo. Only `balanceEntryOrThrow` makes one. */
export type BalancedEntry = {
  readonly lines: readonly EntryLine[];
  /** Sum of debits (= sum of credits). */
  readonly total: Centavos;
  readonly [balanced]: true;
};

export class UnbalancedEntryError extends Error {
  override readonly name = 'UnbalancedEntryError';
  constructor(readonly difference: Centavos) {
    super(`El asiento no cuadra: los débitos superan a los créditos en ${formatPesos(difference)}. Revisa las líneas o agrega la contrapartida que falta.`);
  }
}

/**
 * The one place that decides "every entry balances". Lines with a negative amount change side (a negative debit
 * is a credit), zero lines are dropped, amounts must be integer centavos.
 * @throws UnbalancedEntryError
 */
export function balanceEntryOrThrow(lines: readonly EntryLine[]): BalancedEntry {
  const normalized: EntryLine[] = [];
  for (const line of lines) {
    if (!Number.isSafeInteger(line.debit) || !Number.isSafeInteger(line.credit)) {
      throw new TypeError(`Monto no entero en la cuenta ${line.accountCode}: ${line.debit}/${line.credit}`);
    }
    const net = line.debit - line.credit;
    if (net === 0) continue;
    normalized.push({ ...line, debit: net > 0 ? net : 0, credit: net < 0 ? -net : 0 });
  }
  const debits = normalized.reduce((a, l) => a + l.debit, 0);
  const credits = normalized.reduce((a, l) => a + l.credit, 0);
  if (debits !== credits) throw new UnbalancedEntryError(debits - credits);
  return { lines: normalized, total: debits } as unknown as BalancedEntry;
}
