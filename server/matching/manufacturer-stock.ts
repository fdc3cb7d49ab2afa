import type { CompanyProfile } from '#shared/company';
import { readDataCsv } from '../ledger/puc';
import { normalize } from './normalize';
import { ciiuActivity, ciiuClass } from './reference-data';

/**
 * Which of a manufacturer's three inventories a goods line belongs to (issue #13, seventeenth round, part I): what the
 * product it makes contains is materia prima (1405) — the furniture maker's hinges and drawer rails, the mattress
 * maker's springs, the watch maker's straps and batteries —, what wraps, labels or serves the product sold is envases
 * y empaques (1460), and 1455 materiales, repuestos y accesorios stays for the plant's spares, tools and upkeep
 * (accounting-co.md §4.2 rows 2, 4 and 5; §4.3 C). The rules read «bisagra» as hardware and «correa» as a vehicle
 * part, which for an office or a workshop is right; for the maker whose CIIU product holds them it is not.
 *
 * The words are data: `server/data/inventario-de-fabricante.csv`, rows «componente» (per CIIU class or division, the
 * parts its product is made of), «planta» (words that say the line is for the plant's machines: the reading stays)
 * and «empaque» (what names a package or a label), each row with its source.
 */
export interface StockRole {
  account: '1405' | '1460';
  /** The word or words of the line that said it. */
  word: string;
  why: string;
}

interface Row {
  role: 'componente' | 'planta' | 'empaque' | 'contenedor';
  prefixes: { from: string; to?: string }[];
  words: Set<string>;
  phrases: string[][];
  source: string;
}

let rows: Row[] | undefined;

function table(): Row[] {
  rows ??= readDataCsv('inventario-de-fabricante.csv').map((row) => {
    const role = row.rol;
    if ((role !== 'componente' && role !== 'planta' && role !== 'empaque' && role !== 'contenedor') || !row.ciiu || !row.fuente) throw new Error(`inventario-de-fabricante.csv: la fila «${row.ciiu}» necesita rol (componente, planta, empaque o contenedor), CIIU y fuente`);
    const prefixes = row.ciiu.split(/\s+/).filter(Boolean).map((p) => {
      const [from, to] = p.split('-');
      return to ? { from: from!, to } : { from: from! };
    });
    const phrases = (row.frases ?? '').split(/\s+/).filter(Boolean).map((p) => p.split('+').flatMap((w) => normalize(w).words));
    return { role, prefixes, words: new Set(normalize(row.palabras ?? '').words), phrases, source: row.fuente };
  });
  return rows;
}

/** Whether a CIIU class falls under one of the row's prefixes (a class, group or division, or a range of divisions). */
function covers(row: Row, ciiu: string): boolean {
  return row.prefixes.some(({ from, to }) => {
    if (!to) return ciiu.startsWith(from);
    const head = Number(ciiu.slice(0, from.length));
    return head >= Number(from) && head <= Number(to);
  });
}

function matches(row: Row, words: readonly string[]): string | undefined {
  const word = words.find((w) => row.words.has(w));
  if (word) return word;
  const phrase = row.phrases.find((p) => p.every((w) => words.includes(w)));
  return phrase?.join(' ');
}

/**
 * The inventory a manufacturer's goods line belongs to when its words say it, else undefined. A part its own CIIU
 * product contains → 1405; a package or label named in the line's first two words (what the item is) → 1460, except
 * for a maker of packaging, whose own CIIU description names the word (there it is what it makes); a word of the
 * plant's machines or upkeep leaves the line alone, and a part named after a container is that container's content.
 */
export function manufacturerStockRole(words: readonly string[], company: CompanyProfile): StockRole | undefined {
  const first = company.ciiu[0];
  if (first === undefined || company.inventory === 'none') return undefined;
  const main = ciiuClass(first);
  const division = Number(main.slice(0, 2));
  if (division < 10 || division > 32) return undefined;
  const mine = table().filter((r) => covers(r, main));
  // A word of the plant's machines stops the move, unless it is what the company makes (an engine maker's «motor»).
  const description = ciiuActivity(main)?.words;
  const own = description ? words.filter((w) => !description.has(w)) : words;
  if (mine.some((r) => r.role === 'planta' && matches(r, own))) return undefined;
  // A container named first («caja cartón suelas») is what was bought; the part of the product after it is its content.
  const containers = mine.filter((r) => r.role === 'contenedor' || r.role === 'empaque');
  const firstContainer = words.findIndex((w) => containers.some((r) => r.words.has(w)));
  const before = firstContainer < 0 ? words : words.slice(0, firstContainer);
  for (const row of mine.filter((r) => r.role === 'componente')) {
    const word = matches(row, before);
    if (word) return { account: '1405', word, why: `«${word}» es parte de lo que fabrica la actividad ${main}: materia prima` };
  }
  const lead = words.slice(0, 2);
  for (const row of mine.filter((r) => r.role === 'empaque')) {
    const word = lead.find((w) => row.words.has(w)) ?? row.phrases.find((p) => p.every((w) => words.includes(w)) && lead.includes(p[0]!))?.join(' ');
    if (word && !word.split(' ').some((w) => description?.has(w))) return { account: '1460', word, why: `«${word}» envuelve, rotula o sirve el producto que se vende: envases y empaques` };
  }
  return undefined;
}
