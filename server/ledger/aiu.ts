import type { DianDocument } from '#shared/dian-document';
import type { Centavos } from '#shared/money';
import { Dec } from '../dian/decimal';
import { allocate } from './money';
import { foldKey } from '../text/fold';

/** What the document says about Administración, Imprevistos y Utilidad, as the base of the AIU services. */
export interface AiuReading {
  /** AIU base per line (same order as the lines given); `undefined` for lines outside the AIU services. */
  bases: (Centavos | undefined)[];
  /** Where it was read, for the bill's notes. */
  explanation?: string;
}

const COMPONENT_LINE = /^(administracion|imprevistos?|utilidad|a\.?\s?i\.?\s?u\.?)\b/;

/** A line that is the A, the I or the U of an AIU service ("Administración 8 %", "Utilidad"). */
export function isAiuComponent(description: string): boolean {
  return COMPONENT_LINE.test(foldKey(description));
}
const COMPONENT_NOTE = /\b(administracion|imprevistos?|utilidad|a\.?\s?i\.?\s?u\.?)\b[^0-9$%]{0,20}\$?\s*([0-9][0-9.,]*)(?!\s*[0-9.,]*\s*%)/g;

/**
 * The AIU base of vigilancia, aseo and servicios temporales (ET art. 462-1 par.: IVA, retención en la fuente and
 * ReteICA go on the AIU). Suppliers state it in two ways, both read here:
 * - as lines of their own ("Administración 10 %", "Imprevistos", "Utilidad"): those lines are the AIU and the other
 *   lines of the service are the direct cost;
 * - as amounts in the document's notes ("AIU: $ 300.000", "Administración $ 200.000 Imprevistos $ 50.000 …").
 * Percentages alone are not used: "10 %" of what (the direct cost, or the total) is exactly what the agent must not
 * guess. When neither is there the bases stay unknown and the bill goes "por verificar".
 */
export function readAiu(document: DianDocument, lines: { description: string; amount: Centavos; aiu: boolean }[], toCop: (amount: string) => Centavos): AiuReading {
  const aiuLines = lines.map((l, i) => ({ ...l, i })).filter((l) => l.aiu);
  const none: AiuReading = { bases: lines.map(() => undefined) };
  if (aiuLines.length === 0) return none;
  const components = aiuLines.filter((l) => COMPONENT_LINE.test(foldKey(l.description)));
  if (components.length > 0) {
    const bases = lines.map((l, i) => (l.aiu ? (components.some((c) => c.i === i) ? l.amount : 0) : undefined));
    return { bases, explanation: `AIU tomado de las líneas ${components.map((c) => `«${c.description}»`).join(', ')}.` };
  }
  const notes = [...document.notes, ...document.lines.flatMap((l) => l.notes)].map(foldKey);
  let total: Dec | undefined;
  let whole: Dec | undefined;
  const found: string[] = [];
  for (const note of notes) {
    for (const match of note.matchAll(COMPONENT_NOTE)) {
      const value = parseAmount(match[2]!);
      if (!value) continue;
      if (/^a\.?\s?i\.?\s?u/.test(match[1]!)) whole = value;
      else total = (total ?? new Dec(0)).plus(value);
      found.push(`${match[1]} ${match[2]}`);
    }
  }
  const aiu = whole ?? total;
  if (!aiu) return none;
  const base = toCop(aiu.toFixed(2));
  const parts = allocate(base, aiuLines.map((l) => l.amount));
  const bases: (Centavos | undefined)[] = lines.map(() => undefined);
  aiuLines.forEach((l, k) => (bases[l.i] = parts[k]!));
  return { bases, explanation: `AIU tomado de las notas del documento (${found.join('; ')}).` };
}

/** "1.234.567,89", "1,234,567.89", "1234567.89", "300.000" → exact decimal. */
function parseAmount(text: string): Dec | undefined {
  const t = text.replace(/[.,]$/, '');
  const lastComma = t.lastIndexOf(',');
  const lastDot = t.lastIndexOf('.');
  let normalized: string;
  if (lastComma > lastDot) normalized = /,\d{1,2}$/.test(t) ? t.replace(/\./g, '').replace(',', '.') : t.replace(/,/g, '');
  else if (lastDot > lastComma) normalized = /\.\d{1,2}$/.test(t) ? t.replace(/,/g, '') : t.replace(/[.,]/g, '');
  else normalized = t;
  try {
    const value = new Dec(normalized);
    return value.isFinite() && value.gt(0) ? value : undefined;
  } catch {
    return undefined;
  }
}
