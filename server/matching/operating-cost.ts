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
 *
 * Twenty-first round, part B: `server/data/consumo-del-servicio.csv`, same columns, concepts whose keyword reads the
 * office most of the time (software and cloud, the staff's dotation) but which a service company of the row's
 * activities consumes in what it sells (the engineer's CAD, the hosting of the customers' systems, a waste
 * collector's gloves). Its moves are a kind of evidence of their own (`consumo-del-servicio`), measured apart from
 * the nineteenth round's, since the office reading is the commoner one elsewhere.
 */
/** The activities a row speaks of (its `actividades` column). */
interface ActivityScope {
  /** «costo»: every section whose activity has a cost of its own (the caller knows them, postura-por-seccion.csv). */
  producers: boolean;
  /** Section letters and CIIU prefixes. */
  sections: ReadonlySet<string>;
  prefixes: readonly string[];
}

interface OperatingRow extends ActivityScope {
  concept: string;
  /** Normalized words that say the object is the office's (a projector, a photocopier). */
  except: ReadonlySet<string>;
}

/** The company's main activity as the rows ask of it. */
export interface OperatingActivity {
  /** CIIU class. */
  main: string;
  section: string;
  /** Its section produces with a cost of its own (postura-por-seccion.csv «produce_con_costo»). */
  producer: boolean;
}

// Loaded at start-up: a row without its source stops the engine.
const ROWS: ReadonlyMap<string, OperatingRow> = load('costo-de-la-operacion.csv');
const SERVICE_ROWS: ReadonlyMap<string, OperatingRow> = load('consumo-del-servicio.csv');

function load(file: string): ReadonlyMap<string, OperatingRow> {
  const map = new Map<string, OperatingRow>();
  for (const row of readDataCsv(file)) {
    const concept = row.concepto ?? '';
    if (!CONCEPTS.some((c) => c.key === concept) || !row.actividades || !row.fuente) {
      throw new Error(`${file}: la fila «${concept}» necesita un concepto de activity-rules.ts, actividades y fuente`);
    }
    map.set(concept, { concept, ...activityScope(row.actividades, true, (bad) => `${file}: «${bad}» (fila ${concept})`), except: new Set(normalize(row.salvo ?? '').words) });
  }
  return map;
}

/**
 * An `actividades` column: CIIU section letters, CIIU codes of 2–4 digits (a division, group or class prefix) and, where
 * `costo` is allowed, that word. `where` names a bad token and its row for the error.
 */
function activityScope(column: string, costo: boolean, where: (bad: string) => string): ActivityScope {
  const tokens = column.split(/\s+/).filter(Boolean);
  const bad = tokens.find((t) => !(costo && t === 'costo') && !/^[A-U]$/.test(t) && !/^\d{2,4}$/.test(t));
  if (bad) throw new Error(`${where(bad)} no es una sección CIIU${costo ? ', un código CIIU ni «costo»' : ' ni un código CIIU'}`);
  return { producers: costo && tokens.includes('costo'), sections: new Set(tokens.filter((t) => /^[A-U]$/.test(t))), prefixes: tokens.filter((t) => /^\d+$/.test(t)) };
}

/** Whether the company's main activity is one the row speaks of. */
function covers(scope: ActivityScope, activity: OperatingActivity): boolean {
  return (scope.producers && activity.producer) || scope.sections.has(activity.section) || scope.prefixes.some((p) => activity.main.startsWith(p));
}

/**
 * Which table moved the reading: the nineteenth round's (`operacion`), the twenty-first's (`consumo-del-servicio`) or
 * the twenty-third's (`sitio-de-operacion`: the line names a site where the activity is carried out).
 */
export type OperatingTable = 'operacion' | 'consumo-del-servicio' | 'sitio-de-operacion';

function applies(row: OperatingRow | undefined, activity: OperatingActivity, words: readonly string[]): boolean {
  if (!row || !covers(row, activity)) return false;
  return !words.some((w) => row.except.has(w));
}

/**
 * Whether the concept, in a company of this main activity, is consumed by its operation, and by which table: not
 * when a word of the line says the object is the office's.
 */
export function operatingConcept(conceptKey: string, activity: OperatingActivity, words: readonly string[]): OperatingTable | undefined {
  if (applies(ROWS.get(conceptKey), activity, words)) return 'operacion';
  if (applies(SERVICE_ROWS.get(conceptKey), activity, words)) return 'consumo-del-servicio';
  return undefined;
}

/**
 * Twenty-third round of #13: a utility or a lease whose line names a site where the company's activity is carried out
 * (a telecom's base station or repeater node, a broadcaster's transmitter and tower, a farm's land and cold room, a
 * funeral home's vault, a car park's lot) was consumed by the operation, not the office
 * (accounting-co.md §4.3: what the plant, the farm, the site consumes is the activity's cost). Data:
 * `server/data/sitios-de-operacion.csv`, one row per site noun (one word, or several that must all be on the line):
 * which concepts it moves, for which activities (CIIU sections or prefixes: the noun names an operating site only
 * where that activity works: a farm's «terreno» is not a builder's), and the source (the DLE for the noun, the CIIU
 * description for what the activity does there).
 */
interface SiteRow extends ActivityScope {
  words: readonly string[];
  concepts: ReadonlySet<string>;
}

const SITES: readonly SiteRow[] = readDataCsv('sitios-de-operacion.csv').map((row) => {
  const site = row.sitio ?? '';
  if (!site || !row.conceptos || !row.actividades || !row.fuente) {
    throw new Error(`sitios-de-operacion.csv: el sitio «${site}» necesita conceptos, actividades y fuente`);
  }
  const concepts = row.conceptos.split(/\s+/).filter(Boolean);
  const unknown = concepts.find((c) => !CONCEPTS.some((k) => k.key === c));
  if (unknown) throw new Error(`sitios-de-operacion.csv: «${unknown}» (sitio ${site}) no es un concepto de activity-rules.ts`);
  const scope = activityScope(row.actividades, false, (bad) => `sitios-de-operacion.csv: «${bad}» (sitio ${site})`);
  // A noun the normalizer drops as a stop word («bodega») would never match: say so instead of loading a dead row.
  const words = normalize(site).words;
  if (words.length === 0) throw new Error(`sitios-de-operacion.csv: el sitio «${site}» no deja ninguna palabra al normalizarse`);
  return { ...scope, words, concepts: new Set(concepts) };
});

/** The operating site the line names for this concept in a company of this activity («estacion base», «boveda»), if any. */
export function operatingSite(conceptKey: string, activity: OperatingActivity, words: readonly string[]): string | undefined {
  const present = new Set(words);
  const row = SITES.find((r) => r.concepts.has(conceptKey) && covers(r, activity) && r.words.every((w) => present.has(w)));
  return row?.words.join(' ');
}
