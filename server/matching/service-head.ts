import { readDataCsv } from '../ledger/puc';
import { normalize } from './normalize';

/**
 * What a line is, is its head noun (issue #13, eighteenth round, part N): Spanish names a service by the noun of its
 * action first and then what it acts on — «Renta de montacargas», «Lavado de sábanas y toallas», «Transporte de
 * camarón», «Inspección con tintas penetrantes». The later word names the object, which the keyword rules read as the
 * goods themselves (a forklift 1520, towels 519525, shrimp as stock). A head noun of this table says the line is a
 * service on that object: a goods reading taken only from the words after it does not decide.
 *
 * The words are data: `server/data/nucleo-de-servicio.csv`, each with its source (the DLE definition «acción y
 * efecto de…», the UNSPSC service class that names it) and, where the noun itself says which service it is
 * (alquiler → alquiler de equipos, transporte → fletes), the concept of activity-rules.ts it reads as.
 */
export interface ServiceHead {
  word: string;
  /** The concept key (activity-rules.ts) the head noun itself names, if any. */
  concept?: string;
}

let table: Map<string, ServiceHead> | undefined;

function headTable(): Map<string, ServiceHead> {
  if (!table) {
    const out = new Map<string, ServiceHead>();
    for (const row of readDataCsv('nucleo-de-servicio.csv')) {
      const word = normalize(row.palabra ?? '').words[0];
      if (!word || !row.fuente) throw new Error(`nucleo-de-servicio.csv: la fila «${row.palabra}» necesita una palabra y su fuente`);
      out.set(word, { word, ...(row.concepto ? { concept: row.concepto } : {}) });
    }
    table = out;
  }
  return table;
}

/** The head noun's reading as a service, if the table lists it. */
export function serviceHead(word: string | undefined): ServiceHead | undefined {
  return word === undefined ? undefined : headTable().get(word);
}

/** Every row, to check its concepts against the rules when they load (activity-classifier.ts). */
export function serviceHeads(): readonly ServiceHead[] {
  return [...headTable().values()];
}
