import { diminutiveOf } from './diminutives';
import { plain } from './normalize';
import { adjacentSwaps, withinOneEdit } from './similarity';

/**
 * Colour adjectives (DLE), singular as normalized: they qualify a product of any kind («CINTA AISLANTE NEGRA», «Té
 * verde»), so a colour shared with an item never says which item the line is.
 */
const COLOURS = new Set(['blanco', 'blanca', 'negro', 'negra', 'azul', 'rojo', 'roja', 'verde', 'amarillo', 'amarilla', 'gris', 'morado', 'morada', 'rosado', 'rosada', 'naranja', 'violeta', 'dorado', 'dorada', 'plateado', 'plateada', 'transparente', 'beige', 'fucsia']);

/** A word that may link a line to a catalog item (see suggestion-engine.ts `sharedWordItem`): not a colour. */
export function linksItem(word: string): boolean {
  return !COLOURS.has(word);
}

/**
 * Whether two normalized words name the same thing for a line written another way than the catalog: the same word,
 * one the other's stem (Spanish derivation keeps the root: «zinc» / «zincado», «ceniza» / «cenizaria»), the same
 * root with another ending («soldar» / «soldadura», «esterilizar» / «esterilización», «termoencogido» /
 * «termoencogible», DLE: verbs, their nouns of action and their participles share the root), a Colombian diminutive
 * («jaboncito» / «jabón»), or one slip of the fingers («aalmbre» / «alambre»). Short words only count when equal: four
 * letters say too little of a root.
 */
export function sameRoot(a: string, b: string): boolean {
  if (a === b) return true;
  const short = Math.min(a.length, b.length);
  if (short < 4) return false;
  let common = 0;
  while (common < short && a[common] === b[common]) common++;
  // One is the other's root («zinc» in «zincado»).
  if (common === short) return true;
  // The same root with another ending: all but the last two letters of the shorter word, and at least five. A noun
  // in «-ción» / «-sión» is a noun of action of a verb (DLE, «-ción»): it shares a root with that verb or its other
  // derivatives («esterilizar», «esterilización»), not with a noun that merely starts alike («estaca», «estación»).
  // From seven letters, five shared say too little: «celulosa» is not «celular», nor «contacto» «contable» (after
  // judging round 23: both linked a line to an unrelated catalog item, unflagged).
  if (common >= Math.max(short >= 7 ? 6 : 5, short - 2)) return !actionNounOfOther(a, b) && !actionNounOfOther(b, a);
  if (diminutiveOf(a, (n) => n === b) || diminutiveOf(b, (n) => n === a)) return true;
  if (short >= 5 && Math.abs(a.length - b.length) <= 1 && withinOneEdit(a, b)) return true;
  return short >= 5 && a.length === b.length && adjacentSwaps(a).includes(b);
}

/** `noun` is a noun of action («estacion») and `other` neither a verb nor a word of action (`-ción`, `-dor`, `-do`...). */
function actionNounOfOther(noun: string, other: string): boolean {
  return /[cs]ion$/.test(noun) && !/(?:ar|er|ir|[cs]ion|dor|dora|do|da|ble|tivo|tiva)$/.test(other);
}

/**
 * The role a word plays in a Spanish noun phrase (RAE, Nueva gramática, «el grupo nominal»): the head is the first
 * noun, and nouns joined to it by «y», «+» or a comma are heads too («Leña y carbón»); a noun after a preposition
 * («de», «para», «p/», «con», «por») is a complement saying what the head is about, of or for («Repuestos de
 * bicicleta»); any other word after the head qualifies it («Película termoencogible»).
 */
export type WordRole = 'head' | 'complement' | 'modifier';

const PREPOSITIONS = new Set(['de', 'del', 'para', 'por', 'con', 'sin', 'en', 'a', 'al', 'sobre', 'contra', 'desde', 'hasta', 'entre', 'hacia']);
const COORDINATORS = new Set(['y', 'e', '+', ',', '&']);
/** Abbreviated prepositions written with a slash: «p/» (para), «c/» (con), «s/» (sin, sobre). */
const SLASHED = new Set(['p', 'c', 's']);
/** First words that name no kind (asset-subaccount.ts `GENERIC_HEADS`): the next noun is the head. */
const GENERIC_HEADS = new Set(['equipo', 'vehiculo', 'set', 'unidad', 'sistema']);

/**
 * The role in `raw` (a line's or an item's text as written) of the first word whose normalized form `matches`; none
 * when no word does. `wordOf` normalizes one token (a stopword, a number or a unit gives none).
 */
export function wordRole(raw: string, matches: (word: string) => boolean, wordOf: (token: string) => string | undefined): WordRole | undefined {
  const tokens = plain(raw).match(/[a-z0-9ñ]+|[/+,&]/g) ?? [];
  let headSeen = false;
  let afterPreposition = false;
  let coordinated = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (tokens[i + 1] === '/' && SLASHED.has(token)) {
      if (headSeen) afterPreposition = true;
      i++;
      continue;
    }
    if (PREPOSITIONS.has(token)) {
      if (headSeen) afterPreposition = true;
      continue;
    }
    if (COORDINATORS.has(token)) {
      if (headSeen && !afterPreposition) coordinated = true;
      continue;
    }
    const word = /[a-zñ]/.test(token) && !/\d/.test(token) ? wordOf(token) : undefined;
    if (!word) continue;
    const role: WordRole = afterPreposition ? 'complement' : !headSeen || coordinated ? 'head' : 'modifier';
    if (matches(word)) return role;
    if (!headSeen && GENERIC_HEADS.has(word)) continue;
    headSeen = true;
    coordinated = false;
  }
  return undefined;
}
