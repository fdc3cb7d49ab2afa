import { Dec } from '../dian/decimal';
import { formatPesos } from '#shared/money';

/**
 * What Alegra will compute from a bill we send, before we send it, so a bill whose figures in Alegra would not be
 * the entry's never leaves the agent.
 *
 * What is documented: a line is `price × quantity` (minus its `discount`, a percentage, when sent), its `tax` is a
 * list of the account's taxes by id, each a `percentage` (developer.alegra.com, bills create_bill: «tax debe ser
 * arreglo de { id }»; `GET /taxes` → `percentage`); `total`, `balance` and `calculationScale` are computed by
 * Alegra and must not be sent («No enviar en alta: … total, … calculationScale»); the account has a «precisión
 * decimal» (ayudas.alegra.com, «Configura la información de tu negocio…»; `decimalPrecision` on the company and on
 * each bill). What is not documented: whether Alegra rounds each line's tax or the sum, and half-up or half-even.
 * So the figures are computed under each plausible reading and the check keeps the one farthest from the entry:
 * a bill passes only if it passes whatever Alegra does.
 *
 * - `line`: each line's subtotal and each line's tax rounded to centavos (half-up), then added;
 * - `document`: exact products added, each total rounded once to centavos;
 * - `document-pesos`: the same rounded once to whole pesos (an account whose decimal precision is 0).
 */
export type RoundingReading = 'line' | 'document' | 'document-pesos';
export const ROUNDING_READINGS: readonly RoundingReading[] = ['line', 'document', 'document-pesos'];

/** One line as sent: pesos as JSON numbers, tax ids of the account. */
export interface PayloadLine {
  price: number;
  quantity: number;
  discount?: number;
  tax?: { id: string }[];
}

export interface AlegraFigures {
  /** Centavos. */
  subtotal: number;
  /** Centavos per Alegra tax id. */
  taxes: Record<string, number>;
  total: number;
}

/** Alegra's figures for these lines under one reading. `percentages` maps each tax id to its percentage. */
export function alegraFigures(lines: readonly PayloadLine[], percentages: ReadonlyMap<string, string>, reading: RoundingReading): AlegraFigures {
  const places = reading === 'document-pesos' ? 0 : 2;
  const round = (pesos: Dec) => pesos.toDecimalPlaces(places, Dec.ROUND_HALF_UP);
  let subtotal = new Dec(0);
  const taxes = new Map<string, Dec>();
  for (const line of lines) {
    let base = new Dec(String(line.price)).times(String(line.quantity));
    if (line.discount) base = base.times(new Dec(100).minus(String(line.discount))).dividedBy(100);
    if (reading === 'line') base = round(base);
    subtotal = subtotal.plus(base);
    for (const { id } of line.tax ?? []) {
      const percentage = percentages.get(id);
      if (percentage === undefined) throw new Error(`Impuesto ${id} sin porcentaje conocido`);
      let amount = base.times(percentage).dividedBy(100);
      if (reading === 'line') amount = round(amount);
      taxes.set(id, (taxes.get(id) ?? new Dec(0)).plus(amount));
    }
  }
  const centavos = (pesos: Dec) => round(pesos).times(100).toNumber();
  const taxCentavos = Object.fromEntries([...taxes].map(([id, amount]) => [id, centavos(amount)]));
  const sub = centavos(subtotal);
  return { subtotal: sub, taxes: taxCentavos, total: sub + Object.values(taxCentavos).reduce((a, b) => a + b, 0) };
}

/** What the entry in the books says Alegra should show: same shape, centavos. */
export type ExpectedFigures = AlegraFigures;

export interface FigureRow {
  /** `Subtotal`, `IVA 19%`, `Total`… */
  label: string;
  entry: number;
  alegra: number;
}

/** The comparison kept with the bill (and shown by the status API/CLI). */
export interface FiguresCheck {
  ok: boolean;
  /** The reading whose figures are shown: the one farthest from the entry. */
  reading: RoundingReading;
  rows: FigureRow[];
  /** Largest difference in centavos. */
  maxDifference: number;
}

/** Alegra may differ from the entry by rounding, never by more than one peso on any figure. */
export const TOLERANCE_CENTAVOS = 100;

/**
 * Compares the entry's figures with Alegra's under every reading; keeps the worst. `names` labels tax ids.
 */
export function checkFigures(expected: ExpectedFigures, lines: readonly PayloadLine[], percentages: ReadonlyMap<string, string>, names: ReadonlyMap<string, string>): FiguresCheck {
  let worst: FiguresCheck | undefined;
  for (const reading of ROUNDING_READINGS) {
    const alegra = alegraFigures(lines, percentages, reading);
    const ids = [...new Set([...Object.keys(expected.taxes), ...Object.keys(alegra.taxes)])];
    const rows: FigureRow[] = [
      { label: 'Subtotal', entry: expected.subtotal, alegra: alegra.subtotal },
      ...ids.map((id) => ({ label: names.get(id) ?? `Impuesto ${id}`, entry: expected.taxes[id] ?? 0, alegra: alegra.taxes[id] ?? 0 })),
      { label: 'Total', entry: expected.total, alegra: alegra.total },
    ];
    const maxDifference = Math.max(...rows.map((r) => Math.abs(r.entry - r.alegra)));
    const check = { ok: maxDifference <= TOLERANCE_CENTAVOS, reading, rows, maxDifference };
    if (!worst || maxDifference > worst.maxDifference) worst = check;
  }
  return worst!;
}

/** «Subtotal: asiento $100.000,00, Alegra $100.000,00; IVA 19%: …» for messages. */
export function describeFigures(check: FiguresCheck): string {
  return check.rows.map((r) => `${r.label}: asiento ${formatPesos(r.entry)}, Alegra ${formatPesos(r.alegra)}`).join('; ');
}
