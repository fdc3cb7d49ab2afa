import { DOMParser } from '@xmldom/xmldom';

/** Small DOM helpers over @xmldom/xmldom: direct children only, never a deep search (docs/dian-ubl.md §10). */

export const NS = {
  ds: 'http://www.w3.org/2000/09/xmldsig#',
  xades: 'http://uri.etsi.org/01903/v1.3.2#',
  ext: 'urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2',
} as const;

export type El = Element;

/** Parses one standalone XML document; any well-formedness error (or a second root) is refused, not repaired. */
export function parseStrict(xml: string): Document {
  const errors: string[] = [];
  const record = (message: string) => errors.push(String(message));
  const doc = new DOMParser({ errorHandler: { warning: () => {}, error: record, fatalError: record } }).parseFromString(xml, 'text/xml');
  if (errors.length > 0 || !doc?.documentElement) throw new Error(`El XML no está bien formado: ${errors[0] ?? 'sin elemento raíz'}`);
  return doc;
}

export function children(node: Node | null | undefined, local: string, ns?: string): El[] {
  const out: El[] = [];
  if (!node) return out;
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1 && (c as El).localName === local && (ns === undefined || (c as El).namespaceURI === ns)) out.push(c as El);
  }
  return out;
}

export function child(node: Node | null | undefined, local: string, ns?: string): El | undefined {
  return children(node, local, ns)[0];
}

/** Follows direct children by local name (`path(sig, 'SignedInfo', 'SignatureMethod')`). */
export function path(node: Node | null | undefined, ...names: string[]): El | undefined {
  let current: Node | undefined | null = node;
  for (const name of names) {
    current = child(current, name);
    if (!current) return undefined;
  }
  return current as El | undefined;
}

export function textOf(node: Node | null | undefined): string | undefined {
  const value = node?.textContent?.trim();
  return value ? value : undefined;
}

/** Every descendant element with that `Id` (XML Signature references point at them). */
export function elementsWithId(node: Node, id: string): El[] {
  const out: El[] = [];
  const visit = (n: Node) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 1) continue;
      const el = c as El;
      if (el.getAttribute('Id') === id || el.getAttribute('ID') === id || el.getAttribute('id') === id) out.push(el);
      visit(el);
    }
  };
  visit(node);
  return out;
}
