import type { Chart } from '../ledger/chart';
import { readDataCsv } from '../ledger/puc';
import { ciiuClass } from './reference-data';

/**
 * Once the engine decided a line is a fixed asset, which subcuenta of group 15 it goes to is what the PUC's own names
 * say (issue #13, round 20): «EQUIPOS DE RADIO» (152815) is where a radio goes, not the telecommunications equipment
 * next to it (152810); «AUTOS, CAMIONETAS Y CAMPEROS» (154005) is where a campero goes, not maquinaria y equipo (1520)
 * because its invoice carries a serial number. server/data/subcuenta-de-activo.csv lists the words of those names
 * (and the DLE's short forms: «moto», «auto»), each with its source; nothing names a line of the sets.
 *
 * What a line is, is its first noun: «Radio base con antena» is a radio, «Bascula camionera» a scale. A generic first
 * word («equipo», «vehículo») names no kind, the next one does. A `calificativo` word anywhere after it says whose
 * equipment the head is: a motor «fuera de borda» is a small boat's (DLE «fueraborda»), so it is that fleet's.
 */
export interface AssetSubaccount {
  /** The subcuenta (or cuenta) of group 15 the words name, postable in this chart. */
  account: string;
  /** The word of the line that names it, for the explanation. */
  word: string;
  /** The word is a qualifier of the head (a motor «fuera de borda»), not the name of the subcuenta itself. */
  qualifier?: true;
}

const GENERIC_HEADS = new Set(['equipo', 'vehiculo', 'set', 'nuevo', 'nueva', 'unidad']);

export function assetSubaccount(words: readonly string[], chart: Chart): AssetSubaccount | undefined {
  let start = 0;
  while (start < 2 && GENERIC_HEADS.has(words[start] ?? '')) start++;
  const head = words[start];
  if (!head) return undefined;
  const named = TABLE.names.get(head);
  const qualifier = words.slice(start + 1).find((w) => TABLE.qualifiers.has(w));
  const found = qualifier ? { account: TABLE.qualifiers.get(qualifier)!, word: qualifier, qualifier: true as const } : named ? { account: named, word: head } : undefined;
  if (!found) return undefined;
  const account = chart.firstPostable(found.account, found.account.slice(0, 4));
  return account ? { ...found, account } : undefined;
}

/** Whether a word names a subcuenta of group 15 (subcuenta-de-activo.csv, `nombre` rows): a fixed asset by its name. */
export function namesAssetSubaccount(word: string): boolean {
  return TABLE.names.has(word);
}

/** The PUC's codes, to check that every row names an account that exists. */
const PUC_CODES = new Set(readDataCsv('puc.csv').map((row) => row.code));

/** Read at start-up: a row without its source stops the engine with a Spanish message before any line is read. */
const TABLE = subaccountTable();

function subaccountTable(): { names: Map<string, string>; qualifiers: Map<string, string> } {
  const names = new Map<string, string>();
  const qualifiers = new Map<string, string>();
  for (const row of readDataCsv('subcuenta-de-activo.csv')) {
    if (!row.palabra || !/^15\d{2}(\d{2})?$/.test(row.cuenta ?? '') || !PUC_CODES.has(row.cuenta) || !row.fuente || (row.tipo !== 'nombre' && row.tipo !== 'calificativo')) {
      throw new Error(`subcuenta-de-activo.csv: «${row.palabra}» necesita un tipo (nombre o calificativo), una cuenta del grupo 15 que exista en el PUC y su fuente`);
    }
    (row.tipo === 'calificativo' ? qualifiers : names).set(row.palabra, row.cuenta!);
  }
  return { names, qualifiers };
}

/**
 * The equipment a company of this CIIU class works with, in its group-15 subcuenta (server/data/equipo-por-clase.csv):
 * a dental practice's equipment is «odontológico» (153210), a testing or clinical laboratory's «laboratorio» (153215).
 * A reading of that cuenta's other subcuenta (a dentist's autoclave read as «médico») or of the generic maquinaria y
 * equipo (a laboratory's drying oven) goes there, as a restaurant's machines go to 153610 (equipo-por-seccion.csv).
 */
export function activitySubaccount(ciiu: readonly string[], account: string, chart: Chart): string | undefined {
  const main = ciiu[0];
  const own = main ? CLASS_EQUIPMENT.get(ciiuClass(main)) : undefined;
  if (!own || own === account || !(account.startsWith(own.slice(0, 4)) || account.startsWith('1520'))) return undefined;
  return chart.isPostable(own) ? own : undefined;
}

const CLASS_EQUIPMENT = new Map(
  readDataCsv('equipo-por-clase.csv').map((row) => {
    if (!/^\d{4}$/.test(row.ciiu ?? '') || !/^15\d{4}$/.test(row.cuenta ?? '') || !PUC_CODES.has(row.cuenta) || !row.fuente) throw new Error(`equipo-por-clase.csv: la clase CIIU «${row.ciiu}» necesita una subcuenta del grupo 15 que exista en el PUC y su fuente`);
    return [row.ciiu!, row.cuenta!] as const;
  }),
);
