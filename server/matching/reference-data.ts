import { readDataCsv } from '../ledger/puc';
import { normalize } from './normalize';
import { TextIndex } from './text-index';

/**
 * The public code lists the activity stage reads (server/data, provenance in SOURCES.md): CIIU activities with
 * their descriptions, and UNSPSC classes with their Spanish names. Loaded once per process, on first use.
 */
export interface CiiuActivity {
  code: string;
  description: string;
  /** CIIU section letter (A agro … Q salud). */
  section: string;
  /** Normalized words of the description, to tell what a trading company sells ("papelería", "ferretería"…). */
  words: Set<string>;
}

let ciiu: Map<string, CiiuActivity> | undefined;
let unspscClasses: { index: TextIndex; names: Map<string, string> } | undefined;

/** A CIIU code as the table writes it: four digits, leading zeros kept (`0125`, `0081`), whatever it came as (`125`, `01-25`). */
export function ciiuClass(code: string): string {
  return code.replace(/\D/g, '').padStart(4, '0');
}

/** A CIIU activity by code (`4761`, or `0081` for the DIAN special codes). */
export function ciiuActivity(code: string): CiiuActivity | undefined {
  ciiu ??= new Map(
    readDataCsv('ciiu.csv').map((row) => {
      const description = row.description ?? '';
      return [row.code!, { code: row.code!, description, section: row.section ?? '', words: new Set(normalize(description).words) }];
    }),
  );
  return ciiu.get(ciiuClass(code));
}

/**
 * Every word the public code lists use (UNSPSC class, family and segment names, CIIU descriptions, PUC account
 * names), normalized. A line word found here is a word of the language, not an abbreviation or a typo: the activity
 * rules do not read «cama» as a truncation of «camarón» nor «plan» as one of «plántula».
 */
export function referenceWords(): ReadonlySet<string> {
  if (!knownWords) {
    const words = new Set<string>();
    const add = (text: string | undefined) => {
      for (const w of normalize(text ?? '').words) words.add(w);
    };
    for (const name of unspscNames().values()) add(name);
    for (const row of readDataCsv('ciiu.csv')) add(row.description);
    for (const row of readDataCsv('puc.csv')) add(row.name);
    knownWords = words;
  }
  return knownWords;
}

let knownWords: Set<string> | undefined;

/**
 * The UNSPSC class whose Spanish name is closest to a description, when the line brings no code: a weak hint of
 * what the product is, used only when no keyword and no code said anything.
 */
export function guessUnspscClass(words: string[]): UnspscGuess | undefined {
  // The same descriptions come back invoice after invoice, and this search over every class name is the costliest
  // step of the activity stage: answers are kept by the line's words (the class list never changes in a process).
  const key = words.join(' ');
  const known = guesses.get(key);
  if (known !== undefined) return known ?? undefined;
  const guess = searchUnspscClass(words);
  if (guesses.size >= GUESSES_KEPT) guesses.delete(guesses.keys().next().value!);
  guesses.set(key, guess ?? null);
  return guess;
}

export interface UnspscGuess {
  code: string;
  name: string;
  similarity: number;
}

/** Answers of `guessUnspscClass` kept at most (oldest out first): a few hundred kilobytes. */
const GUESSES_KEPT = 5_000;
const guesses = new Map<string, UnspscGuess | null>();

/** The Spanish name of a UNSPSC class (its 6 digits), if the list has it. */
export function unspscClassName(code: string): string | undefined {
  return code.length === 6 ? unspscName(code) : undefined;
}

/** The Spanish name of a UNSPSC segment (2 digits), family (4) or class (6), if the lists have it. */
export function unspscName(code: string): string | undefined {
  return unspscNames().get(code);
}

let names: Map<string, string> | undefined;

/** The three UNSPSC lists, read once per process: segment, family and class codes never collide (2, 4, 6 digits). */
function unspscNames(): Map<string, string> {
  if (!names) {
    names = new Map();
    for (const [file, column] of [['unspsc-segments.csv', 'segment'], ['unspsc-families.csv', 'family'], ['unspsc-classes.csv', 'class']] as const) {
      for (const row of readDataCsv(file)) if (row[column] && row.name_es) names.set(row[column], row.name_es);
    }
  }
  return names;
}

function classes(): { index: TextIndex; names: Map<string, string> } {
  if (!unspscClasses) {
    const index = new TextIndex();
    const all = unspscNames();
    for (const [code, name] of all) if (code.length === 6) index.add(code, normalize(name));
    unspscClasses = { index, names: all };
  }
  return unspscClasses;
}

function searchUnspscClass(words: string[]): UnspscGuess | undefined {
  const unspscClasses = classes();
  const [best] = unspscClasses.index.find({ words, measures: [], codes: [], key: '' }, 1);
  if (!best) return undefined;
  return { code: best.id, name: unspscClasses.names.get(best.id) ?? '', similarity: best.similarity };
}

/**
 * PUC group 61 (costo de ventas y de prestación de servicios) is divided by economic activity; the cuenta of each
 * CIIU section (Decreto 2650: 6105 agricultura … 6170 otras actividades de servicios comunitarios).
 */
const COST_ACCOUNT_BY_SECTION: Record<string, string> = { A: '6105', B: '6115', C: '6120', D: '6125', E: '6125', F: '6130', G: '6135', H: '6145', I: '6140', J: '6145', K: '6150', L: '6155', M: '6155', N: '6155', P: '6160', Q: '6165', R: '6170', S: '6170' };
/** Words every activity name has; they say nothing about which one it is. */
const GENERIC_ACTIVITY_WORDS = new Set(['actividad', 'servicio', 'venta', 'elaboracion', 'produccion', 'fabricacion', 'otro', 'otra', 'general', 'producto', 'comercio', 'por', 'mayor', 'menor', 'relacionada', 'relacionado', 'excepto', 'apoyo', 'especializado', 'establecimiento', 'conexa']);
const activityCosts = new Map<string, string | null>();

/**
 * The 61 subcuenta of a CIIU activity: within the cuenta of its section, the subcuenta whose PUC name shares the
 * rarest words with the CIIU description (8121 «Limpieza general interior de edificios» → 615570 «Limpieza de
 * inmuebles»; 5511 «Alojamiento en hoteles» → 614005 «Hotelería»); the cuenta's «actividades conexas» (xx95) when no
 * name matches. Read from the two public tables, not written per activity.
 */
export function activityCostAccount(code: string): string | undefined {
  const digits = ciiuClass(code);
  if (activityCosts.has(digits)) return activityCosts.get(digits) ?? undefined;
  const row = readDataCsv('ciiu.csv').find((r) => r.code === digits);
  const cuenta = row ? COST_ACCOUNT_BY_SECTION[row.section ?? ''] : undefined;
  let answer: string | undefined;
  if (row && cuenta) {
    const subcuentas = readDataCsv('puc.csv')
      .filter((r) => r.code!.length === 6 && r.code!.startsWith(cuenta) && !/AJUSTES/.test(r.name ?? ''))
      .map((r) => ({ code: r.code!, words: activityWords(r.name ?? '') }));
    const df = new Map<string, number>();
    for (const s of subcuentas) for (const w of new Set(s.words)) df.set(w, (df.get(w) ?? 0) + 1);
    const idf = (w: string) => Math.log(1 + subcuentas.length / (df.get(w) ?? 1));
    const words = activityWords(row.description ?? '');
    let best: { code: string; score: number } | undefined;
    for (const s of subcuentas) {
      const total = s.words.reduce((a, w) => a + idf(w), 0);
      const shared = s.words.filter((w) => words.some((x) => sameStem(x, w))).reduce((a, w) => a + idf(w), 0);
      if (total > 0 && shared > 0 && (!best || shared / total > best.score)) best = { code: s.code, score: shared / total };
    }
    answer = best && best.score >= 0.5 ? best.code : subcuentas.find((s) => s.code.endsWith('95'))?.code;
  }
  activityCosts.set(digits, answer ?? null);
  return answer;
}

function activityWords(text: string): string[] {
  return normalize(text).words.filter((w) => w.length > 2 && !GENERIC_ACTIVITY_WORDS.has(w));
}

/** Same word, or the same first five letters («hoteles» → hotel / «hotelería»). */
function sameStem(a: string, b: string): boolean {
  return a === b || (a.length >= 5 && b.length >= 5 && a.slice(0, 5) === b.slice(0, 5));
}
