import { diminutiveOf } from './diminutives';
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
  // The same root with another ending: all but the last two letters of the shorter word, and at least five.
  if (common >= Math.max(5, short - 2)) return true;
  if (diminutiveOf(a, (n) => n === b) || diminutiveOf(b, (n) => n === a)) return true;
  if (short >= 5 && Math.abs(a.length - b.length) <= 1 && withinOneEdit(a, b)) return true;
  return short >= 5 && a.length === b.length && adjacentSwaps(a).includes(b);
}
