import { readDataCsv } from '../ledger/puc';
import { normalize } from './normalize';
import { ciiuActivity, ciiuClass } from './reference-data';

/**
 * What a company's activity works on or serves (issue #13, eleventh round): an airline's aircraft, a car-rental
 * company's fleet, a school's pupils and classes, a care home's residents. A service or supply bought for one of those
 * is consumed in rendering what the company sells, so it is the cost of its activity (PUC group 61, accounting-co.md
 * §4.3: «61xx / class 7» for transport, education, health…), not the office's expense — an insurance policy «todo
 * riesgo aeronave» is not the office's insurance.
 *
 * The words are data: `server/data/objeto-de-actividad.csv`, one row per CIIU division or class with the words of
 * its CIIU description and of the PUC 61 subcuenta and UNSPSC family that name the same objects, each row with its
 * source. The CIIU description of the buyer's own class counts as well (its content words, as ciiu.csv writes them).
 */
export interface ActivityObject {
  /** The line's word that names it. */
  word: string;
  /** The CIIU row (division, group or class) that lists it, or the class whose description has it. */
  ciiu: string;
}

/** Words of the CIIU descriptions that name no object (what every activity title says). */
const TITLE_WORDS = new Set(
  ['actividad', 'servicio', 'otro', 'tipo', 'general', 'excepto', 'similar', 'conexa', 'relacionada', 'complementaria', 'apoyo', 'nacional', 'internacional', 'mayor', 'menor', 'venta', 'comercio', 'fabricacion', 'elaboracion', 'produccion', 'explotacion', 'alquiler', 'arrendamiento', 'transporte', 'atencion', 'cuidado', 'practica', 'mantenimiento', 'reparacion', 'instalacion', 'sistema', 'uso', 'parte', 'pieza', 'accesorio', 'producto', 'articulo', 'material', 'equipo', 'tangible', 'bien', 'via', 'ncp', 'formal', 'incluso', 'cualquier', 'base', 'salud', 'humana', 'limpieza', 'consumo', 'carga']
    .flatMap((w) => normalize(w).words),
);

let table: { prefix: string; words: Set<string> }[] | undefined;

function objectTable(): { prefix: string; words: Set<string> }[] {
  if (!table) {
    table = readDataCsv('objeto-de-actividad.csv').map((row) => {
      const prefix = (row.ciiu ?? '').replace(/\D/g, '');
      if (!prefix || !row.fuente) throw new Error(`objeto-de-actividad.csv: la fila «${row.ciiu}» necesita código CIIU y fuente`);
      return { prefix, words: new Set(normalize(row.palabras ?? '').words) };
    });
  }
  return table;
}

/**
 * The first word of the line that names what the company's main activity (its first CIIU) works on, if any: from the
 * table's rows whose code is a prefix of the class, then from the content words of the class's own description
 * (9321 «parques de atracciones» → «parque», «atraccion»).
 */
export function namedActivityObject(words: readonly string[], ciiu: readonly string[]): ActivityObject | undefined {
  const first = ciiu[0];
  if (first === undefined) return undefined;
  const main = ciiuClass(first);
  const rows = objectTable().filter((r) => main.startsWith(r.prefix));
  const description = ciiuActivity(main)?.words;
  for (const word of words) {
    if (word.length < 3) continue;
    const row = rows.find((r) => r.words.has(word));
    if (row) return { word, ciiu: row.prefix };
    if (description?.has(word) && word.length >= 4 && !TITLE_WORDS.has(word)) return { word, ciiu: main };
  }
  return undefined;
}
