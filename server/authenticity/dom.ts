import { DOMParser } from '@xmldom/xmldom';
import { XMLValidator } from 'fast-xml-parser';

/** Small DOM helpers over @xmldom/xmldom: direct children only, never a deep search (docs/dian-ubl.md §10). */

export const NS = {
  ds: 'http://www.w3.org/2000/09/xmldsig#',
  xades: 'http://uri.etsi.org/01903/v1.3.2#',
  ext: 'urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2',
} as const;

export type El = Element;

/**
 * Parses one standalone XML document; any well-formedness error (or a second root) is refused, not repaired.
 *
 * Speed: @xmldom/xmldom 0.8, on the first start tag of every element name, looks for that name's closing tag with
 * `lastIndexOf` from the end of the text (an HTML repair: a start tag with no closing tag after it is taken as
 * self-closed). For the signature's and the header's names, near the top of an invoice, that scans the whole text
 * backwards once per name: about a third of the parse. {@link parseFast} gives it those closing tags right after
 * the text; when its guards do not hold, the text is parsed as it is, so the result is always xmldom's own.
 */
export function parseStrict(xml: string): Document {
  // xmldom 0.8 repairs mismatched tags without a word (in `<a><x/></b><y/></a>` it drops `</b>`), while the reader
  // (fast-xml-parser) closes `<a>` there and reads `<y/>` as its parent's: a stray closing tag slipped into a signed
  // invoice would keep the signature holding over a structure the agent reads differently. So what is verified must
  // be well-formed as written, checked by the same library that reads it.
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) throw new Error(`El XML no está bien formado (línea ${wellFormed.err.line}): ${wellFormed.err.msg}`);
  return parseFast(xml) ?? parseAsIs(xml);
}

/** xmldom on the text as it is (the reference {@link parseFast} is tested against). */
export function parseAsIs(xml: string): Document {
  const errors: string[] = [];
  const record = (message: string) => errors.push(String(message));
  const doc = new DOMParser({ errorHandler: { warning: () => {}, error: record, fatalError: record } }).parseFromString(xml, 'text/xml');
  if (errors.length > 0 || !doc?.documentElement) throw new Error(`El XML no está bien formado: ${errors[0] ?? 'sin elemento raíz'}`);
  return doc;
}

/**
 * The same parse with every closing tag the text holds repeated in one comment after it (`text<!--</a></b>…-->`),
 * so xmldom's search for a closing tag stops at the end of the text; the comment is removed afterwards. The DOM is
 * the one {@link parseAsIs} gives, because:
 * - what follows the text's last `>` is only whitespace, which xmldom ignores after the root (it is left out here);
 * - the only decision the comment can change is that repair: an element xmldom would have closed on the spot stays
 *   open here, and nothing in the text can close it (its name has no exact `</name>` after it: that is why xmldom
 *   repaired it, and closing tags written `</name >` make this path step aside), so the comment would land inside
 *   that element instead of after the root;
 * - a construct the text leaves open (comment, CDATA, instruction, tag) would swallow the comment.
 * So the result is used only when the parse reports no error and the document's last child is that very comment;
 * otherwise `undefined`, and the text is parsed as it is (the same errors, the same repairs).
 */
export function parseFast(xml: string): Document | undefined {
  let end = xml.length;
  while (end > 0 && /\s/.test(xml[end - 1]!)) end--;
  if (xml[end - 1] !== '>') return undefined;
  const text = end === xml.length ? xml : xml.slice(0, end);
  const names = new Set<string>();
  for (const match of text.matchAll(/<\/([^<>]*)>/g)) {
    const name = match[1]!;
    if (/[ \t\n\r]$/.test(name)) return undefined;
    names.add(name);
  }
  let closing = '';
  for (const name of names) closing += `</${name}>`;
  let failed = false;
  const fail = () => {
    failed = true;
  };
  const doc = new DOMParser({ errorHandler: { warning: () => {}, error: fail, fatalError: fail } }).parseFromString(`${text}<!--${closing}-->`, 'text/xml');
  const comment = doc?.lastChild;
  if (failed || !doc?.documentElement || comment?.nodeType !== 8 || (comment as Comment).data !== closing) return undefined;
  doc.removeChild(comment);
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
