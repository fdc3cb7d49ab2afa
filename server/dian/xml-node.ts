/**
 * Small accessors over the tree fast-xml-parser builds with `preserveOrder` (options in parse-xml.ts). Every
 * element is an entry `{ Name: [children…], ':@'?: { '@_attr': value } }`; text is a `{ '#text': … }` child and
 * CDATA a `{ __cdata: [{ '#text': … }] }` child. Keeping document order skips the library's conversion to plain
 * objects (a tenth of the parse), and every read goes through here, so the readers never see the shape.
 */
export type XmlElement = Record<string, unknown>;

const ATTRIBUTES = ':@';
const TEXT = '#text';
const CDATA = '__cdata';

/** The children of an element (its one key that is not the attribute map). */
export function childrenOf(node: unknown): XmlElement[] {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return [];
  for (const key in node as XmlElement) {
    if (key !== ATTRIBUTES) {
      const value = (node as XmlElement)[key];
      return Array.isArray(value) ? (value as XmlElement[]) : [];
    }
  }
  return [];
}

/** The element's own text (not its descendants'), trimmed by the parser; `undefined` when absent or empty. */
export function text(node: unknown): string | undefined {
  let result: string | undefined;
  for (const entry of childrenOf(node)) {
    const value = entry[TEXT];
    if (value !== undefined && value !== '') result = result === undefined ? String(value) : result + String(value);
  }
  return result;
}

/** The text of an element that may carry it as CDATA (possibly split in several sections) or as escaped text. */
export function cdataOrText(node: unknown): string | undefined {
  let result = '';
  for (const entry of childrenOf(node)) {
    if (entry[TEXT] !== undefined) result += String(entry[TEXT]);
    else if (entry[CDATA] !== undefined) for (const part of childrenOf(entry)) result += String(part[TEXT] ?? '');
  }
  return result.trim() || undefined;
}

/** An attribute of an element (`attr(node, 'schemeID')`). Empty attributes come back as `''`. */
export function attr(node: unknown, name: string): string | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const attributes = (node as XmlElement)[ATTRIBUTES] as Record<string, unknown> | undefined;
  const value = attributes?.[`@_${name}`];
  return value === undefined ? undefined : String(value);
}

/** The first direct child element with that local name. */
export function child(node: unknown, name: string): XmlElement | undefined {
  for (const entry of childrenOf(node)) if (entry[name] !== undefined) return entry;
  return undefined;
}

/** Follows direct children: `at(party, 'PartyTaxScheme', 'CompanyID')`. Never a deep search (see §10). */
export function at(node: unknown, ...path: string[]): XmlElement | undefined {
  let current: unknown = node;
  for (const name of path) {
    current = child(current, name);
    if (current === undefined) return undefined;
  }
  return current as XmlElement | undefined;
}

/** Every direct child element with that local name, in document order. */
export function all(node: unknown, name: string): XmlElement[] {
  return childrenOf(node).filter((entry) => entry[name] !== undefined);
}

/** Shorthand for `text(at(node, ...path))`. */
export function textAt(node: unknown, ...path: string[]): string | undefined {
  return text(at(node, ...path));
}

/** `{ key: value }` when the value is present, `{}` otherwise: keeps absent fields out of the record. */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
