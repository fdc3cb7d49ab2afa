/**
 * Small accessors over the tree fast-xml-parser builds. The same element comes back as a string when it has no
 * attributes and as `{ '#text', '@_attr' }` when it has some (docs/dian-ubl.md §1), so every read goes through here.
 */
export type XmlNode = string | { [key: string]: unknown } | undefined;

/** The element's text, trimmed; `undefined` when absent or empty. */
export function text(node: unknown): string | undefined {
  if (node === undefined || node === null) return undefined;
  if (typeof node === 'string') return node === '' ? undefined : node;
  if (typeof node === 'number' || typeof node === 'boolean') return String(node);
  if (Array.isArray(node)) return text(node[0]);
  if (typeof node === 'object') {
    const t = (node as Record<string, unknown>)['#text'];
    if (t !== undefined) return text(t);
  }
  return undefined;
}

/** An attribute of an element (`attr(node, 'schemeID')`). Empty attributes come back as `''`. */
export function attr(node: unknown, name: string): string | undefined {
  if (node && typeof node === 'object' && !Array.isArray(node)) {
    const v = (node as Record<string, unknown>)[`@_${name}`];
    return v === undefined ? undefined : String(v);
  }
  if (Array.isArray(node)) return attr(node[0], name);
  return undefined;
}

/** A direct child element; arrays (repeated elements) yield their first item. */
export function child(node: unknown, name: string): unknown {
  if (!node || typeof node !== 'object') return undefined;
  const base = Array.isArray(node) ? node[0] : node;
  if (!base || typeof base !== 'object') return undefined;
  return (base as Record<string, unknown>)[name];
}

/** Follows direct children: `at(party, 'PartyTaxScheme', 'CompanyID')`. Never a deep search (see §10). */
export function at(node: unknown, ...path: string[]): unknown {
  let current = node;
  for (const name of path) {
    current = child(current, name);
    if (current === undefined) return undefined;
  }
  return current;
}

/** Every occurrence of a repeated child, as an array (empty when absent). */
export function all(node: unknown, name: string): unknown[] {
  const value = child(node, name);
  if (value === undefined || value === null || value === '') return [];
  return Array.isArray(value) ? value : [value];
}

/** Shorthand for `text(at(node, ...path))`. */
export function textAt(node: unknown, ...path: string[]): string | undefined {
  return text(at(node, ...path));
}

/** `{ key: value }` when the value is present, `{}` otherwise: keeps absent fields out of the record. */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
