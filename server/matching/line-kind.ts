import { readDataCsv } from '../ledger/puc';
import { normalize } from './normalize';

/**
 * What kind of thing the line is beats a word about its subject (issue #13, twenty-first round, part C): «Plan nube
 * contabilidad + nómina electrónica» is software that keeps the books, not an accountant's fee; «Renovación mensual ERP
 * facturación electrónica» renews a subscription, not the mercantile registry. The PUC names a subcuenta by what is
 * bought (513520 «procesamiento electrónico de datos»), whatever it processes; UNSPSC classes do the same (4323
 * «Software», 432316 «Software ERP y contabilidad financiera»).
 *
 * The words are data: `server/data/clase-de-la-linea.csv`, each with its source. `clase` rows say what kind of thing
 * the line is and which concept of activity-rules.ts that is; `forma` rows say only how it is billed (plan, renta,
 * mensualidad, renovación): a subject concept that only such a word heads does not hold the line against a `clase`.
 */
export interface LineKinds {
  /** Kind word → concept key. */
  kinds: ReadonlyMap<string, string>;
  /** Words that say how the line is billed, not what it is. */
  forms: ReadonlySet<string>;
}

let table: LineKinds | undefined;

export function lineKinds(): LineKinds {
  if (!table) {
    const kinds = new Map<string, string>();
    const forms = new Set<string>();
    for (const row of readDataCsv('clase-de-la-linea.csv')) {
      const word = normalize(row.palabra ?? '').words[0];
      if (!word || !row.fuente || (row.tipo !== 'clase' && row.tipo !== 'forma') || (row.tipo === 'clase' && !row.concepto)) {
        throw new Error(`clase-de-la-linea.csv: la fila «${row.palabra}» necesita una palabra, su tipo (clase o forma), el concepto si es clase, y su fuente`);
      }
      if (row.tipo === 'clase') kinds.set(word, row.concepto!);
      else forms.add(word);
    }
    table = { kinds, forms };
  }
  return table;
}
