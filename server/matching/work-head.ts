import { readDataCsv } from '../ledger/puc';
import { normalize, plain } from './normalize';
import { serviceHead } from './service-head';

/**
 * Issue #13, round 22 (E): a line whose head is work done on a thing is a service, not the thing. «REPARACION URDIDORA
 * + CAMBIO RODAMIENTOS», «LA COSIDA DE LOS CORTES POR FUERA», «PRUEBAS DE RUTINA TRANSFORMADOR», «PONER A SECAR LA
 * MADERA»: Spanish names the work first (a noun of action or effect, DLE «-ado/-ada», «-ido/-ida», «-ción», «-dura/
 * -tura», «-miento», or an infinitive) and then the object it was done on. The keyword rules and the catalog read the
 * object's word (a bearing, a boot, a sheet of steel) as the goods bought, and a manufacturer books those as stock
 * (14xx) or an asset (15xx); but PUC 14xx holds goods, and work bought from a third party is the cost of what the
 * operation consumes (61xx, accounting-co.md §4.3).
 *
 * The words are data: `server/data/trabajo-sobre-un-bien.csv` — the DLE endings of nouns of action (`terminacion`),
 * nouns of work without such an ending (`palabra`: «cambio», «prueba», «baño»), and the materials whose name has a
 * process ending (`excepcion`: «pintura», «soldadura», «rodamiento»); the service heads of nucleo-de-servicio.csv count
 * too. A head read only by its ending must not be a goods keyword of the rules and the line must not carry a
 * presentation, a unit of weight or volume or a lot (KG, GL, LOTE, BULTO): «soldadura 6013 x kg» is the rod.
 */
interface WorkWords {
  endings: readonly string[];
  words: ReadonlySet<string>;
  except: ReadonlySet<string>;
}

let table: WorkWords | undefined;

function workWords(): WorkWords {
  if (!table) {
    const endings: string[] = [];
    const words = new Set<string>();
    const except = new Set<string>();
    for (const row of readDataCsv('trabajo-sobre-un-bien.csv')) {
      const raw = (row.palabra ?? '').trim();
      if (!raw || !row.fuente || !['terminacion', 'palabra', 'excepcion'].includes(row.tipo ?? '')) {
        throw new Error(`trabajo-sobre-un-bien.csv: la fila «${raw}» necesita una palabra, un tipo (terminacion, palabra, excepcion) y su fuente`);
      }
      if (row.tipo === 'terminacion') endings.push(raw.toLowerCase());
      else {
        const word = normalize(raw).words[0];
        if (!word) throw new Error(`trabajo-sobre-un-bien.csv: «${raw}» no deja ninguna palabra al normalizarse`);
        (row.tipo === 'palabra' ? words : except).add(word);
      }
    }
    table = { endings, words, except };
  }
  return table;
}

/** Presentations, units and lots that say the line is a material bought by measure, not a job (normalized forms). */
const PRESENTATION = new Set(['lote', 'kg', 'kilo', 'gl', 'galon', 'litro', 'lt', 'ml', 'gr', 'gramo', 'libra', 'lb', 'bulto', 'saco', 'caneca', 'cunete', 'garrafa', 'rollo', 'frasco', 'tarro', 'jeringa', 'carrete', 'cartucho', 'paquete', 'caja', 'bolsa', 'pliego', 'tubo', 'lata', 'barril', 'tambor', 'cilindro', 'onza', 'oz', 'gal', 'galones', 'bultos', 'sacos', 'rollos', 'cajas', 'paquetes', 'kilos', 'litros', 'libras', 'm3']);
// normalize.ts writes «X KG» as «g», «GALON» as «gal» and a pack «X 50» as «x50».
const MASS_OR_VOLUME = /^(?:\d*(?:\.\d+)?(?:kg|g|gr|gal|gl|l|lt|ml|lb|cc|oz|m3)|x\d+)$/;

export interface WorkHead {
  word: string;
  /** Listed as work (`palabra` or a service head), or read by its ending only. */
  by: 'palabra' | 'terminacion';
}

/**
 * The line's head noun names work done on what follows it: the word and how it was recognised. `isGoods` tells a
 * word the rules already read as a good (activity-classifier.ts `isGoodsKeyword`): an ending alone does not outweigh it.
 */
export function workHead(words: readonly string[], measures: readonly string[], description: string, isGoods: (word: string) => boolean): WorkHead | undefined {
  const [head, ...object] = words;
  if (!head || object.length === 0) return undefined;
  const { endings, words: listed, except } = workWords();
  if (except.has(head)) return undefined;
  // The head must be the line's first word as written («KIT REPARACION BOMBA» is a kit: normalize drops «kit»).
  const written = plain(description).split(/\s+/).filter(Boolean);
  // Codes and articles before it are skipped; a pack word («KIT», «JUEGO»), which normalize drops, is not.
  const at = written.findIndex((token) => /[a-z]/.test(token) && !/\d/.test(token) && !ARTICLES.has(token));
  if (at < 0 || normalize(written[at]!).words[0] !== head) return undefined;
  const service = serviceHead(head);
  // Freight of what was bought is part of its cost (accounting-co.md §4.2, inbound freight to inventory): not work on it.
  if (service?.concept === 'fletes') return undefined;
  if (listed.has(head) || service) return { word: head, by: 'palabra' };
  if (head.length < 5 || !endings.some((e) => head.endsWith(e)) || isGoods(head)) return undefined;
  // By its ending alone, the noun must be built as an action on an object: an article before it («LA COSIDA») or a
  // preposition, an article or another work after it («… DE LOS CORTES», «CORTAR LAS LAMINAS», «ARENADO Y PINTURA»).
  const before = written[at - 1];
  const after = written[at + 1];
  if (!(before && ARTICLES.has(before)) && !(after && LINKS.has(after))) return undefined;
  // normalize.ts drops «lote», «bulto» and the like: the presentation is read from the description as written.
  const tokens = written.flatMap((t) => t.split(/[^a-z0-9]+/));
  // A presentation word after an article is the object itself («LA TINTURADA DE LOS SACOS»: the garments).
  if (tokens.some((w, i) => PRESENTATION.has(w) && !ARTICLES.has(tokens[i - 1] ?? '')) || measures.some((m) => MASS_OR_VOLUME.test(m))) return undefined;
  return { word: head, by: 'terminacion' };
}

const ARTICLES = new Set(['el', 'la', 'los', 'las', 'lo']);
const LINKS = new Set(['de', 'del', 'a', 'al', 'el', 'la', 'los', 'las', 'en', 'por', 'sobre', 'y', '+']);
