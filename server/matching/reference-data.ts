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
  /** Normalized words of the description, to tell what a trading company sells ("papelería", "ferretería"…). */
  words: Set<string>;
}

let ciiu: Map<string, CiiuActivity> | undefined;
let unspscClasses: { index: TextIndex; names: Map<string, string> } | undefined;

/** A CIIU activity by code (`4761`, or `0081` for the DIAN special codes). */
export function ciiuActivity(code: string): CiiuActivity | undefined {
  ciiu ??= new Map(
    readDataCsv('ciiu.csv').map((row) => {
      const description = row.description ?? '';
      return [row.code!, { code: row.code!, description, words: new Set(normalize(description).words) }];
    }),
  );
  return ciiu.get(code.replace(/\D/g, '').padStart(4, '0'));
}

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
  return classes().names.get(code);
}

function classes(): { index: TextIndex; names: Map<string, string> } {
  if (!unspscClasses) {
    const index = new TextIndex();
    const names = new Map<string, string>();
    for (const row of readDataCsv('unspsc-classes.csv')) {
      if (!row.class || !row.name_es) continue;
      names.set(row.class, row.name_es);
      index.add(row.class, normalize(row.name_es));
    }
    unspscClasses = { index, names };
  }
  return unspscClasses;
}

function searchUnspscClass(words: string[]): UnspscGuess | undefined {
  const unspscClasses = classes();
  const [best] = unspscClasses.index.find({ words, measures: [], codes: [], key: '' }, 1);
  if (!best) return undefined;
  return { code: best.id, name: unspscClasses.names.get(best.id) ?? '', similarity: best.similarity };
}
