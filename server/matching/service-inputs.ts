import type { CompanyProfile } from '#shared/company';
import { readDataCsv } from '../ledger/puc';
import { ciiuClass } from './reference-data';

/**
 * What a service company consumes in rendering what it sells (issue #13, fourteenth round): a clinic's gauze and
 * drugs, a school's teaching materials and the classes it contracts for its pupils, a security firm's gear, a travel
 * agency's hotel nights and tickets, a cleaning firm's chemicals, an ad agency's printing. accounting-co.md §4.3 books
 * the direct costs of such companies to 61xx (N «61xx for direct costs», P 6160, Q 6165; the PUC's 6155, 6170 for the
 * others), and those lines rarely name the activity's object, so the keyword rules read them as the office's expense.
 * Which UNSPSC segments, families or classes are direct inputs of which service CIIU division (or class) is data:
 * `server/data/insumos-de-servicio.csv`, each row with its source (the CIIU description next to the UNSPSC names).
 */
export interface ServiceInput {
  /** What said it: the line's own UNSPSC code, or the UNSPSC of what the rules read the line to be. */
  evidence: 'codigo' | 'concepto' | 'proveedor';
  /** The prefix that matched and the CIIU row, for the explanation. */
  why: string;
}

interface Row {
  ciiu: string;
  unspsc: string[];
}

let rows: Row[] | undefined;

export function serviceInputTable(): readonly Row[] {
  rows ??= readDataCsv('insumos-de-servicio.csv').map((row) => {
    const ciiu = (row.ciiu ?? '').trim();
    const unspsc = (row.unspsc ?? '').split(/\s+/).filter(Boolean);
    if (!/^\d{2,4}$/.test(ciiu) || !unspsc.length || unspsc.some((p) => !/^\d{2,8}$/.test(p)) || !row.fuente) throw new Error(`insumos-de-servicio.csv: la fila «${row.ciiu}» necesita división o clase CIIU, prefijos UNSPSC y fuente`);
    return { ciiu, unspsc };
  });
  return rows;
}

/** The table's row for the company's main activity: its class's own row, else its division's. */
function rowOf(company: CompanyProfile): Row | undefined {
  const first = company.ciiu[0];
  if (first === undefined) return undefined;
  const main = ciiuClass(first);
  // Asked on every expense line: one lookup per CIIU class (p95 per line).
  if (!rowByClass.has(main)) rowByClass.set(main, serviceInputTable().filter((r) => main.startsWith(r.ciiu)).sort((a, b) => b.ciiu.length - a.ciiu.length)[0] ?? null);
  return rowByClass.get(main) ?? undefined;
}
const rowByClass = new Map<string, Row | null>();

/**
 * Whether a line is a direct input of the company's service: its own UNSPSC code (when it brings one of 4+ digits,
 * that code alone decides), else the UNSPSC prefixes of the concept the rules read (`conceptUnspsc`), falls inside one
 * of the prefixes of the company's row.
 */
export function directServiceInput(line: { unspsc?: string; conceptUnspsc?: readonly string[] }, company: CompanyProfile): ServiceInput | undefined {
  const row = rowOf(company);
  if (!row) return undefined;
  const inRow = (code: string) => row.unspsc.find((p) => code.startsWith(p));
  const own = (line.unspsc ?? '').replace(/\D/g, '');
  if (own.length >= 4) {
    const prefix = inRow(own);
    return prefix ? { evidence: 'codigo', why: `UNSPSC ${own} (${prefix}) es insumo directo de la actividad ${row.ciiu}` } : undefined;
  }
  // The concept's main family only (its first prefix): «elementos de aseo» lists toiletries (5313) among cleaning
  // supplies (4713), and a care home's floor cleaner is not its residents' soap.
  const main = line.conceptUnspsc?.[0];
  const prefix = main ? inRow(main) : undefined;
  return prefix ? { evidence: 'concepto', why: `lo que la línea es (UNSPSC ${main}) es insumo directo de la actividad ${row.ciiu}` } : undefined;
}

/**
 * A service bought from a supplier whose CIIU division is the buyer's own (a school contracting music classes from an
 * academy, a consultancy subcontracting consultants, a clinic paying a therapists' practice): part of what the buyer
 * sells, rendered by someone else — the activity's cost (accounting-co.md §4.3: N, P, Q «61xx / 7» for direct costs;
 * M «or 61xx/7 if it costs its services»). Only service divisions (sections H to S, not K finance, L real estate or
 * O public administration, whose purchases §4.3 keeps as the office's). Returns the shared division.
 */
const SERVICE_SECTION_DIVISIONS: readonly [number, number][] = [[49, 53], [55, 56], [58, 63], [69, 75], [77, 82], [85, 88], [90, 96]];

export function sameTradeSupplier(supplierCiiu: readonly string[], company: CompanyProfile): string | undefined {
  const first = company.ciiu[0];
  if (first === undefined) return undefined;
  const division = ciiuClass(first).slice(0, 2);
  const n = Number(division);
  if (!SERVICE_SECTION_DIVISIONS.some(([from, to]) => n >= from && n <= to)) return undefined;
  return supplierCiiu.map(ciiuClass).find((c) => c.slice(0, 2) === division);
}
