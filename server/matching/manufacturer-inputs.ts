import type { CompanyProfile } from '#shared/company';
import { readDataCsv } from '../ledger/puc';
import { normalize } from './normalize';
import { ciiuClass, guessUnspscClass, unspscName } from './reference-data';
import { serviceHead } from './service-head';

/**
 * What a manufacturer transforms is not only what its CIIU description names (issue #13, thirteenth round): a maker of
 * metal structures buys sheet steel and welding wire, a food plant citric acid and carbon dioxide, a print shop paper
 * and plates, and none of those words is in «Fabricación de productos metálicos para uso estructural». The UNSPSC
 * families whose goods are the inputs of each CIIU division of section C are data: `server/data/insumos-por-division.csv`,
 * one row per division with the UNSPSC segments, families or classes of its inputs and the CIIU codes of the suppliers
 * that sell them, each row with its source (the CIIU division description and the UNSPSC family names). A
 * manufacturer's goods line whose UNSPSC — the one it brings, the class its name is closest to, or the concept the
 * rules read — falls in one of those families is materia prima (accounting-co.md §4.2 row 2, §4.3 C: 1405), or
 * envases y empaques (§4.2 row 4: 1460) for the packaging families.
 */
export interface ManufacturerInput {
  /** 1405 materias primas or 1460 envases y empaques (the table's «cuenta»). */
  account: '1405' | '1460';
  /** What said it: the line's own UNSPSC code, the rules' concept, the UNSPSC class its name resembles, or the supplier. */
  evidence: 'codigo' | 'concepto' | 'clase' | 'nombre' | 'proveedor';
  /** The UNSPSC prefix or supplier CIIU that matched, and the CIIU row, for the explanation. */
  why: string;
}

interface InputRow {
  from: number;
  to: number;
  account: '1405' | '1460';
  unspsc: string[];
  suppliers: string[];
}

let rows: InputRow[] | undefined;

function table(): InputRow[] {
  rows ??= readDataCsv('insumos-por-division.csv').map((row) => {
    const [from, to = from] = (row.ciiu ?? '').split('-').map(Number);
    if (!from || !to || (row.cuenta !== '1405' && row.cuenta !== '1460') || !row.fuente) throw new Error(`insumos-por-division.csv: la fila «${row.ciiu}» necesita división CIIU, cuenta 1405 o 1460 y fuente`);
    return { from, to, account: row.cuenta, unspsc: (row.unspsc ?? '').split(/\s+/).filter(Boolean), suppliers: (row.proveedores ?? '').split(/\s+/).filter(Boolean) };
  });
  return rows;
}

/** The main activity's CIIU division, when it is a manufacturing one (section C, 10–32; 33 repairs others' machines). */
function manufacturingDivision(company: CompanyProfile): number | undefined {
  const first = company.ciiu[0];
  const division = first === undefined ? 0 : Number(ciiuClass(first).slice(0, 2));
  return division >= 10 && division <= 32 ? division : undefined;
}

/** Whether the company transforms goods and keeps them in stock (the only ones with a 1405 to put them in). */
export function keepsInputs(company: CompanyProfile): boolean {
  return company.inventory !== 'none' && manufacturingDivision(company) !== undefined;
}

/**
 * The input family a manufacturer's goods line reads to, if any. `conceptUnspsc`: the UNSPSC prefixes of the concept
 * the rules read (a concept counts only where its own prefix lies inside an input family: «pinturas», 3121, is an
 * input of a furniture maker; «materiales de construcción», 30, is not as a whole). The name's closest UNSPSC class
 * counts only when it is close (`similarity`), and the supplier only when nothing else said anything (`supplier`: a
 * food wholesaler sells the plant's flour and its office's soap alike).
 */
export function manufacturerInput(line: { words: readonly string[]; unspsc?: string; conceptUnspsc?: readonly string[]; supplierCiiu: readonly string[]; guess?: boolean; supplier?: boolean }, company: CompanyProfile): ManufacturerInput | undefined {
  const division = manufacturingDivision(company);
  if (division === undefined || company.inventory === 'none') return undefined;
  const mine = table().filter((r) => division >= r.from && division <= r.to);
  if (!mine.length) return undefined;
  const inFamily = (code: string) => {
    for (const row of mine) {
      const prefix = row.unspsc.find((p) => code.startsWith(p));
      if (prefix) return { row, prefix };
    }
    return undefined;
  };
  const own = (line.unspsc ?? '').replace(/\D/g, '');
  if (own.length >= 4) {
    const hit = inFamily(own);
    return hit ? { account: hit.row.account, evidence: 'codigo', why: `UNSPSC ${own} (familia ${hit.prefix}, insumo de la división ${division})` } : undefined;
  }
  // The line's first noun is the whole name of a packaging class the table lists one by one («Etiquetas», 551216):
  // that class is what it is, whatever office rule the word also fits (a label on the product is its packaging, §4.2
  // row 4). Not the classes of a whole family it lists: «Botellas» (2412) is also the ink refill of a printer.
  const head = line.words[0];
  for (const row of head ? mine.filter((r) => r.account === '1460') : []) {
    const named = row.unspsc.filter((p) => p.length === 6).find((p) => oneWordName(unspscName(p)) === head);
    if (named) return { account: row.account, evidence: 'clase', why: `«${head}» es el nombre de la clase UNSPSC ${named} «${unspscName(named)}», empaque de lo que fabrica la división ${division}` };
  }
  for (const code of line.conceptUnspsc ?? []) {
    const hit = inFamily(code);
    if (hit) return { account: hit.row.account, evidence: 'concepto', why: `lo que la línea es (UNSPSC ${code}) es insumo de la división ${division}` };
  }
  if (line.guess !== false && line.words.length) {
    const guess = guessUnspscClass([...line.words]);
    const hit = guess && guess.similarity >= GUESS_SIMILARITY ? inFamily(guess.code) : undefined;
    if (guess && hit) return { account: hit.row.account, evidence: 'nombre', why: `parecida a la clase UNSPSC ${guess.code} «${guess.name}», insumo de la división ${division}` };
  }
  if (line.supplier === false) return undefined;
  for (const row of mine) {
    const supplier = line.supplierCiiu.map(ciiuClass).find((c) => row.suppliers.some((p) => c.startsWith(p)));
    if (supplier) return { account: row.account, evidence: 'proveedor', why: `el proveedor (CIIU ${supplier}) vende insumos de la división ${division}` };
  }
  return undefined;
}

let serviceClasses: Map<string, string> | undefined;

/** CIIU classes whose activity is a service on someone else's goods (server/data/servicio-industrial.csv). */
function serviceClassTable(): Map<string, string> {
  serviceClasses ??= new Map(
    readDataCsv('servicio-industrial.csv').map((row) => {
      if (!/^\d{4}$/.test(row.ciiu ?? '') || !row.nombre || !row.fuente) throw new Error(`servicio-industrial.csv: la fila «${row.ciiu}» necesita clase CIIU, nombre y fuente`);
      return [row.ciiu!, row.nombre] as const;
    }),
  );
  return serviceClasses;
}

/**
 * A manufacturer's line that only its supplier's activity explains, and that is a service on the plant's goods rather
 * than goods (issue #13, eighteenth round, after judging): the supplier's class is one that works on someone else's
 * goods (servicio-industrial.csv: metal treatment and machining, textile finishing, printing services, farm support),
 * or the line names a service — its head noun is one of nucleo-de-servicio.csv («maquila», «pulido»), or it says
 * «maquila» (DLE: work done for another). Not a noun of action in «-ción» or «-sión» alone: «emulsión», «aleación»,
 * «solución» are goods a plant transforms. What the plant pays a contractor to do to its
 * product is a cost of the production (accounting-co.md §4.3), not raw material. The reason, in Spanish, or undefined.
 */
export function serviceOnGoods(words: readonly string[], supplierCiiu: readonly string[]): string | undefined {
  const head = words[0];
  const supplier = supplierCiiu.map(ciiuClass).find((c) => serviceClassTable().has(c));
  if (supplier) return `el proveedor (CIIU ${supplier}, «${serviceClassTable().get(supplier)!.toLowerCase()}») presta un servicio sobre lo que la planta produce`;
  if (head && serviceHead(head)) return `«${head}» nombra un servicio sobre lo que la planta produce, no un insumo`;
  if (words.includes('maquila')) return 'la línea es una maquila: un servicio sobre lo que la planta produce, no un insumo';
  return undefined;
}

const oneWordNames = new Map<string, string | undefined>();
/** A UNSPSC class name that is one word once normalized («Etiquetas» → «etiqueta»), else undefined. */
function oneWordName(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  if (!oneWordNames.has(name)) {
    const words = normalize(name).words;
    oneWordNames.set(name, words.length === 1 ? words[0] : undefined);
  }
  return oneWordNames.get(name);
}

/** How close a line's name must be to a UNSPSC class name for the class to say what it is. */
const GUESS_SIMILARITY = 0.5;
