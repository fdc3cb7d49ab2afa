import { readDataCsv } from '../ledger/puc';
import { normalize } from './normalize';

/**
 * Words that name the same service, for finding the company's catalog item only (issue #13): «Renta del montacargas»
 * from a new supplier is the catalog's «Alquiler de montacargas». Data with sources (server/data/
 * nombres-del-mismo-servicio.csv), not a list in code. Not applied by `normalize`: the activity rules tell a rent of
 * premises («arriendo», 5120 10) from a rent of equipment («alquiler», 5120 15), and merging them everywhere lowered
 * the benchmarks (synonyms.ts says so); an item's own account says where its service goes.
 */
const GROUPS: ReadonlyMap<string, readonly string[]> = (() => {
  const byCanonical = new Map<string, Set<string>>();
  for (const row of readDataCsv('nombres-del-mismo-servicio.csv')) {
    const word = normalize(row.palabra ?? '').words[0];
    const canonical = normalize(row.equivale_a ?? '').words[0];
    if (!word || !canonical || !row.fuente) throw new Error(`nombres-del-mismo-servicio.csv: fila incompleta (${row.palabra ?? ''})`);
    const group = byCanonical.get(canonical) ?? new Set([canonical]);
    group.add(word);
    byCanonical.set(canonical, group);
  }
  const groups = new Map<string, string[]>();
  for (const group of byCanonical.values()) for (const word of group) groups.set(word, [...group].filter((w) => w !== word));
  return groups;
})();

/** The other words (as `normalize` writes them) that name the same service as `word`; none for any other word. */
export function sameServiceWords(word: string): readonly string[] {
  return GROUPS.get(word) ?? [];
}
