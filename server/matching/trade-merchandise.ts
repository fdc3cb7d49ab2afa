import type { CompanyProfile } from '#shared/company';
import { readDataCsv } from '../ledger/puc';
import { normalize } from './normalize';
import { ciiuActivity, ciiuClass, unspscName } from './reference-data';

/**
 * Twentieth round of #13: what a trader (CIIU section G, divisions 45–47) buys to sell is its merchandise (accounting-co.md
 * §4.2 row 1 and §4.3 G: 1435), even when one keyword of the line reads it as something an office consumes («guantes»
 * of a sports shop read as cleaning, «chocolate» of a whey protein read as cafeteria, «hipoclorito» of a chemicals
 * wholesaler read as cleaning). The line is its merchandise when what it is, said by a source other than that keyword,
 * is among what the company's own CIIU description says it trades:
 * - the line's own UNSPSC code: its class, family or segment name shares a word with the description (4664 «productos
 *   químicos… de uso agropecuario» and UNSPSC 101716 «Abonos químicos y nutrientes para plantas»);
 * - the supplier: a maker (divisions 10–33) whose own CIIU description shares a word with the company's (2011
 *   «Fabricación de sustancias y productos químicos básicos» selling to 4664), or a wholesaler (46) of the company's
 *   very class.
 * Words that every trade title repeats without naming a good («comercio», «al por menor», «establecimientos»…) are data
 * with their source (server/data/palabras-de-mercancia.csv, uso «titulo»).
 *
 * And freight: carrying the goods it bought is part of their cost (§2: «Freight-in … are part of the inventory cost
 * (NIIF Pymes 13.5)»; NIC 2 ¶11: the costs of purchase include transport), so a trader's freight line that names what
 * the company trades, and says no sale, is that merchandise's cost.
 */
export function merchandiseWords(rows: readonly Record<string, string | undefined>[]): { word: string; use: 'titulo' }[] {
  return rows.flatMap((row) => {
    // A row without its source would be a rule nobody can check: stop at start, in Spanish.
    if (!row.palabra?.trim() || !row.fuente?.trim() || row.uso !== 'titulo') {
      throw new Error(`palabras-de-mercancia.csv: la fila «${row.palabra ?? ''}» necesita una palabra, un uso («titulo») y su fuente`);
    }
    const use = row.uso;
    // Normalized like the descriptions it is looked up in; a word normalization already drops («artículo») adds nothing.
    return normalize(row.palabra).words.map((word) => ({ word, use }));
  });
}
const WORDS = merchandiseWords(readDataCsv('palabras-de-mercancia.csv'));
const TITLE_WORDS: ReadonlySet<string> = new Set(WORDS.map((w) => w.word));

/** Two words name the same good: the same first six letters («deportes» / «deportivos», «químicos» / «químico»). */
const STEM = 6;
function stemOf(word: string): string | undefined {
  return word.length >= 5 && !TITLE_WORDS.has(word) ? word.slice(0, STEM) : undefined;
}

function stems(text: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const w of normalize(text ?? '').words) {
    const s = stemOf(w);
    if (s && !out.has(s)) out.set(s, w);
  }
  return out;
}

/** The goods words of a CIIU class's description, once per class (every goods line of a trader asks). */
const STEMS_BY_CLASS = new Map<string, Map<string, string>>();
function classStems(code: string): Map<string, string> {
  let found = STEMS_BY_CLASS.get(code);
  if (!found) STEMS_BY_CLASS.set(code, (found = stems(ciiuActivity(code)?.description)));
  return found;
}

/** The trade CIIU classes of the company (45–47), with the goods words of their descriptions. */
function tradeActivities(company: CompanyProfile): { code: string; stems: Map<string, string> }[] {
  return company.ciiu
    .map((c) => ciiuClass(c))
    .filter((c) => /^4[5-7]/.test(c))
    .map((code) => ({ code, stems: classStems(code) }));
}

export interface TradedGoods {
  /** Spanish, for the explanation: what says the company trades it. */
  why: string;
  evidence: 'codigo' | 'proveedor';
}

/**
 * Whether the line is among what the trading company sells, said by the line's UNSPSC code or by its supplier (see
 * above). `undefined` for companies outside section G or without inventory.
 */
export function tradedGoods(input: { unspsc?: string; supplierCiiu: readonly string[] }, company: CompanyProfile): TradedGoods | undefined {
  if (company.inventory === 'none') return undefined;
  const trades = tradeActivities(company);
  if (!trades.length) return undefined;
  const code = (input.unspsc ?? '').replace(/\D/g, '');
  if (code.length >= 6) {
    for (const level of [code.slice(0, 6), code.slice(0, 4), code.slice(0, 2)]) {
      const name = unspscName(level);
      for (const [stem, word] of stems(name)) {
        const trade = trades.find((t) => t.stems.has(stem));
        if (trade) return { evidence: 'codigo', why: `su UNSPSC ${level} «${name}» nombra lo que la empresa vende («${word}», actividad ${trade.code})` };
      }
    }
  }
  for (const raw of input.supplierCiiu) {
    const supplier = ciiuClass(raw);
    const division = Number(supplier.slice(0, 2));
    // A wholesaler of the company's very class sells it what it trades. Not a shop of the same class (a stationer
    // selling a stationer a wall socket, a hardware store its diesel: measured, 4 lines broken for 4 fixed), nor a
    // wholesaler of another class (a food wholesaler's face masks and breakers to a grocer: 2 broken for 1 fixed).
    if (division === 46 && trades.some((t) => t.code === supplier)) return { evidence: 'proveedor', why: `el proveedor vende al por mayor lo mismo que la empresa (CIIU ${supplier})` };
    if (division < 10 || division > 33) continue;
    for (const [stem, word] of classStems(supplier)) {
      const trade = trades.find((t) => t.stems.has(stem));
      if (trade) return { evidence: 'proveedor', why: `el proveedor (CIIU ${supplier}) fabrica lo que la empresa vende («${word}», actividad ${trade.code})` };
    }
  }
  return undefined;
}

/**
 * A trader's freight that brings its goods: the line names what the company trades (a goods word of its CIIU
 * description: a carpet shop's «rollos de alfombra», a chemicals wholesaler's «carga química»). The caller has already
 * ruled out words of a sale. «Mercancía» alone does not say it: §4.2 row 24 lists «transporte de mercancía» as the
 * trigger of 523550, and measured on the 33 fit sets it fixed as many lines as it broke (twentieth round: +10 −10).
 */
export function freightOfMerchandise(words: readonly string[], company: CompanyProfile): string | undefined {
  if (company.inventory !== 'perpetual') return undefined;
  const trades = tradeActivities(company);
  if (!trades.length) return undefined;
  for (const w of words) {
    const s = stemOf(w);
    const trade = s ? trades.find((t) => t.stems.has(s)) : undefined;
    if (trade) return `la línea nombra lo que la empresa vende («${w}», actividad ${trade.code})`;
  }
  return undefined;
}
