import type { CatalogItem } from './company-memory';

/**
 * Catalog items by a code several of them may share: a GTIN (two presentations, or an import that repeats a row with
 * another name), the company's internal code, a supplier's code. Every item under the code is kept, not the last one
 * loaded: which one a line is must not depend on the order the catalog was read in.
 */
export class ItemsByCode {
  private readonly map = new Map<string, Set<string>>();

  add(key: string, id: string): void {
    let ids = this.map.get(key);
    if (!ids) this.map.set(key, (ids = new Set()));
    ids.add(id);
  }

  remove(key: string, id: string): void {
    const ids = this.map.get(key);
    if (!ids) return;
    ids.delete(id);
    if (ids.size === 0) this.map.delete(key);
  }

  /** The ids under a code (none: an empty list). */
  get(key: string): string[] {
    const ids = this.map.get(key);
    return ids ? [...ids] : [];
  }

  get size(): number {
    return this.map.size;
  }
}

/** Which of the items under one code the line is: one item (and why, when others shared the code), or none. */
export type SharedCodeChoice = { item: CatalogItem; account: string; why: string } | { item?: undefined; why: string };

/**
 * The items sharing a code the line carries. The company's own items (imported, or confirmed by a person) come before
 * the ones the agent created from a guess (issue #13: the agent's guesses never outrank the books). When they all go
 * to one account the code says which account, and the item whose name is most like the line is the one named (then
 * the first by name and code, never by load order). When they go to different accounts the code cannot tell which
 * product the line is: no item is chosen by it, and the line is read by its words like any other.
 */
export function chooseSharedItem(ids: string[], items: ReadonlyMap<string, CatalogItem>, postable: (account: string) => string | undefined, likeness: (item: CatalogItem) => number, what: string): SharedCodeChoice | undefined {
  const all: { item: CatalogItem; account: string }[] = [];
  for (const id of ids) {
    const item = items.get(id);
    const account = item ? postable(item.accountCode) : undefined;
    if (item && account) all.push({ item, account });
  }
  if (all.length === 0) return undefined;
  if (all.length === 1) return { ...all[0]!, why: '' };
  const trusted = all.filter((c) => c.item.confidence === null);
  const pool = trusted.length ? trusted : all;
  const accounts = [...new Set(pool.map((c) => c.account))].sort();
  if (accounts.length > 1) {
    const names = pool
      .map((c) => `«${c.item.name}» (${c.account})`)
      .sort()
      .join(', ');
    return { why: `${what} está en ${pool.length} ítems del catálogo que van a cuentas distintas (${names}): el código no dice cuál es` };
  }
  const ranked = pool.map((c) => ({ ...c, likeness: likeness(c.item) })).sort((a, b) => b.likeness - a.likeness || compareItems(a.item, b.item));
  const [chosen, ...others] = ranked as [(typeof ranked)[number], ...typeof ranked];
  if (others.length === 0) return { item: chosen.item, account: chosen.account, why: '' };
  const names = others.map((c) => `«${c.item.name}»`).join(', ');
  const reason = others.some((c) => c.likeness !== chosen.likeness) ? 'se toma el de nombre más parecido a la línea' : 'se toma el primero por nombre';
  return { item: chosen.item, account: chosen.account, why: `; el mismo código está también en ${names}, de la misma cuenta ${chosen.account}: ${reason}` };
}

/** By name, then code, then account: the same answer whatever order the items were loaded in (their ids are random). */
function compareItems(a: CatalogItem, b: CatalogItem): number {
  const key = (i: CatalogItem) => `${i.name}\u0001${i.code ?? ''}\u0001${i.accountCode}\u0001${i.id}`;
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}
