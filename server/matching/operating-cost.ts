import { readDataCsv } from '../ledger/puc';
import { CONCEPTS } from './activity-rules';
import { normalize } from './normalize';

/**
 * Nineteenth round of #13: concepts whose object is the company's operation, not its office (accounting-co.md §4.3:
 * «what the plant or the service consumes is its cost, 61xx / class 7»). Rented machinery and equipment, pest control
 * of a kitchen or a warehouse, a manufacturer's hardware, the show that is a bar's or a park's service: the rules'
 * administrative account (PUC 51) names the office's consumption of the same thing, so in a company whose activity
 * has a cost subcuenta of its own (costo-por-actividad.csv) the reading moves there, «por verificar».
 *
 * Data: `server/data/costo-de-la-operacion.csv`, one row per concept: which activities (CIIU sections, CIIU division,
 * group or class prefixes, or «costo» for the sections whose activity has a cost of its own, postura-por-seccion.csv
 * «produce_con_costo»), which words say the object is the office's after all, and the source.
 */
interface OperatingRow {
  concept: string;
  /** Section letters and CIIU prefixes. */
  sections: ReadonlySet<string>;
  prefixes: readonly string[];
  /** Normalized words that say the object is the office's (a projector, a photocopier). */
  except: ReadonlySet<string>;
}

/** Sections whose activity has a cost of its own (§4.3 rows A, C, F, H, I, N, P, Q; B, D, E and R, S alike). */
const COST_SECTIONS: readonly string[] = readDataCsv('postura-por-seccion.csv')
  .filter((row) => row.produce_con_costo === 'si')
  .map((row) => row.seccion!);

// Loaded at start-up: a row without its source stops the engine.
const ROWS: ReadonlyMap<string, OperatingRow> = load();

function load(): ReadonlyMap<string, OperatingRow> {
  const map = new Map<string, OperatingRow>();
  for (const row of readDataCsv('costo-de-la-operacion.csv')) {
    const concept = row.concepto ?? '';
    if (!CONCEPTS.some((c) => c.key === concept) || !row.actividades || !row.fuente) {
      throw new Error(`costo-de-la-operacion.csv: la fila «${concept}» necesita un concepto de activity-rules.ts, actividades y fuente`);
    }
    const tokens = row.actividades.split(/\s+/).filter(Boolean);
    const bad = tokens.find((t) => t !== 'costo' && !/^[A-U]$/.test(t) && !/^\d{2,4}$/.test(t));
    if (bad) throw new Error(`costo-de-la-operacion.csv: «${bad}» (fila ${concept}) no es una sección CIIU, un código CIIU ni «costo»`);
    map.set(concept, {
      concept,
      sections: new Set([...tokens.filter((t) => /^[A-U]$/.test(t)), ...(tokens.includes('costo') ? COST_SECTIONS : [])]),
      prefixes: tokens.filter((t) => /^\d+$/.test(t)),
      except: new Set(normalize(row.salvo ?? '').words),
    });
  }
  return map;
}

/**
 * Whether the concept, in a company of this main activity (CIIU class and section), is consumed by its operation:
 * undefined when it is not, or when a word of the line says the object is the office's (the word is returned then,
 * so that the caller can leave the office's reading).
 */
export function operatingConcept(conceptKey: string, main: string, section: string, words: readonly string[]): { operating: true } | { officeWord: string } | undefined {
  const row = ROWS.get(conceptKey);
  if (!row) return undefined;
  if (!row.sections.has(section) && !row.prefixes.some((p) => main.startsWith(p))) return undefined;
  const office = words.find((w) => row.except.has(w));
  return office ? { officeWord: office } : { operating: true };
}
